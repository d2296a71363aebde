package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vncite/vncite"
)

// TestServe starts `vncite serve` in-process on 127.0.0.1:0 over an empty
// data directory, reads the URL it prints, checks that the sample corpus
// was loaded and the API answers, then stops it as SIGINT would (by
// cancelling its context) and checks it shut down cleanly. A second serve
// on the same data directory must then find the sample already there.
func TestServe(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	for round := 0; round < 2; round++ {
		ctx, cancel := context.WithCancel(context.Background())
		outR, outW := io.Pipe()
		var stderr strings.Builder
		done := make(chan error, 1)
		go func() {
			done <- runServe(ctx, &env{stdout: outW, stderr: &serveTestWriter{w: &stderr}, getenv: func(string) string { return "" }},
				[]string{"--data", data, "--addr", "127.0.0.1:0", "--log", "none"})
			outW.Close()
		}()
		lines := make(chan string, 10)
		go func() {
			sc := bufio.NewScanner(outR)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		var base string
		select {
		case line := <-lines:
			m := regexp.MustCompile(`^vncite: serving (http://127\.0\.0\.1:\d+)/$`).FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("first line %q", line)
			}
			base = m[1]
		case err := <-done:
			t.Fatalf("serve ended before serving: %v\n%s", err, stderr.String())
		case <-time.After(2 * time.Minute):
			t.Fatal("serve printed nothing")
		}

		resp, err := http.Get(base + "/api/v1/stats")
		if err != nil {
			t.Fatal(err)
		}
		var stats map[string]any
		err = json.NewDecoder(resp.Body).Decode(&stats)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("stats: %d %v", resp.StatusCode, err)
		}
		resp, err = http.Get(base + "/api/v1/documents/25-NQ/TW")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("round %d: 25-NQ/TW: %d; the sample was not loaded", round, resp.StatusCode)
		}

		if round == 0 {
			checkSyntheticMarked(t, base)
		}

		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("serve after cancel: %v\n%s", err, stderr.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not shut down")
		}
		if round == 1 && strings.Contains(stderr.String(), "loaded the bundled sample") {
			t.Errorf("second serve loaded the sample again:\n%s", stderr.String())
		}
	}
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--addr"},
		{"--log", "xml"},
		{"--sample", "some"},
		{"extra"},
	} {
		err := runServe(context.Background(), &env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}, append([]string{"--data", t.TempDir()}, args...))
		if err == nil {
			t.Errorf("serve %v: no error", args)
		}
	}
}

// serveTestWriter serializes writes from the server's goroutines.
type serveTestWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *serveTestWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

// checkSyntheticMarked checks that the synthetic cascade was loaded and
// that every generated document says so in its title, and no seed does.
func checkSyntheticMarked(t *testing.T, base string) {
	t.Helper()
	get := func(path string, v any) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", path, resp.Status)
		}
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	// Every ingested document whose title says it is synthetic comes from
	// the generator, and there is a whole cascade of them.
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Stub  bool   `json:"stub"`
		} `json:"hits"`
	}
	get("/api/v1/search?q=synthetic&limit=500&facets=false", &res)
	synthetic := 0
	for _, h := range res.Hits {
		if h.Stub {
			continue
		}
		var d struct {
			Document vncite.Document `json:"document"`
		}
		get("/api/v1/documents/"+url.PathEscape(h.ID)+"?text=false", &d)
		if !strings.HasPrefix(d.Document.Title, syntheticMark) || !strings.HasPrefix(d.Document.Source, syntheticSource) {
			t.Errorf("%s: title %q, source %q", h.ID, d.Document.Title, d.Document.Source)
		}
		synthetic++
	}
	if synthetic < 250 {
		t.Errorf("%d synthetic documents found; want the cascade of 253", synthetic)
	}
	// The seeds are not marked.
	for _, n := range []string{"307-CV/HU", "109/KH-UBND"} {
		var d struct {
			Document vncite.Document `json:"document"`
		}
		get("/api/v1/documents/"+n+"?text=false", &d)
		if strings.Contains(d.Document.Title, "SYNTHETIC") || strings.HasPrefix(d.Document.Source, syntheticSource) {
			t.Errorf("seed %s marked synthetic: %q %q", n, d.Document.Title, d.Document.Source)
		}
	}
}

// serveChildEnv makes the test binary a `vncite serve` child process.
const serveChildEnv = "VNCITE_SERVE_CHILD"

// TestServeChild is the child of TestServeSignal: `vncite serve` with the
// signal handling of main, on the data directory named in its environment.
func TestServeChild(t *testing.T) {
	data := os.Getenv(serveChildEnv)
	if data == "" {
		t.Skip("only run as the child of TestServeSignal")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code := run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--sample", "real", "--log", "none"},
		&env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: func(string) string { return "" }})
	fmt.Printf("exit %d\n", code)
}

// TestServeSignal runs `vncite serve` as a child process, reads its URL,
// and sends it SIGTERM while a request body is still arriving: that request
// is answered, the child exits 0, and the store opens again at once (the
// server released its lock).
func TestServeSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	data := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$", "-test.v")
	cmd.Env = append(os.Environ(), serveChildEnv+"="+data)
	var stderr strings.Builder
	cmd.Stderr = &serveTestWriter{w: &stderr}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var base string
	for base == "" {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("child ended before serving:\n%s", stderr.String())
			}
			if m := regexp.MustCompile(`^vncite: serving (http://127\.0\.0\.1:\d+)/$`).FindStringSubmatch(line); m != nil {
				base = m[1]
			}
		case <-time.After(2 * time.Minute):
			t.Fatalf("child printed no URL:\n%s", stderr.String())
		}
	}

	// A POST whose body is held back: the signal arrives while it is in
	// flight, and it must still be answered.
	bodyR, bodyW := io.Pipe()
	answered := make(chan int, 1)
	go func() {
		resp, err := http.Post(base+"/api/v1/documents?source=signal.txt", "text/plain; charset=utf-8", bodyR)
		if err != nil {
			answered <- -1
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	io.WriteString(bodyW, "HUYỆN ỦY ĐAKRÔNG\nSố: 55-KH/HU\n")
	time.Sleep(200 * time.Millisecond) // let the request reach the handler
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	io.WriteString(bodyW, "Thực hiện Nghị quyết số 25-NQ/TW.\n")
	bodyW.Close()
	if code := <-answered; code != http.StatusCreated {
		t.Errorf("request in flight at SIGTERM: %d", code)
	}
	exit := ""
	for line := range lines {
		if strings.HasPrefix(line, "exit ") {
			exit = line
		}
	}
	if err := cmd.Wait(); err != nil || exit != "exit 0" {
		t.Fatalf("child: %v, %q\n%s", err, exit, stderr.String())
	}
	// The lock is released and the document is stored.
	a, err := openApp(context.Background(), &storeFlags{data: data})
	if err != nil {
		t.Fatalf("reopen after shutdown: %v", err)
	}
	defer a.Close()
	if _, err := a.store.Resolve(context.Background(), "55-KH/HU"); err != nil {
		t.Errorf("the document posted during shutdown: %v", err)
	}
}

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/vncite/vncite/graph"
)

// crashChildEnv makes the test binary an ingesting child process.
const crashChildEnv = "VNCITE_CRASH_CHILD"

// TestCrashChild is the child of TestKillDuringIngest: it ingests the
// corpus named in its environment until it is killed.
func TestCrashChild(t *testing.T) {
	spec := os.Getenv(crashChildEnv)
	if spec == "" {
		t.Skip("only run as the child of TestKillDuringIngest")
	}
	data, corpus, _ := strings.Cut(spec, "|")
	// What runIngest does, with progress reported on stdout so the parent
	// knows when batches are committed.
	ctx := context.Background()
	a, err := openApp(ctx, &storeFlags{data: data})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := collectFiles([]string{corpus})
	_, err = a.store.Ingest(ctx, readInputs(ctx, files), graph.IngestOptions{BatchSize: 64, Progress: func(s graph.Summary) {
		fmt.Printf("progress %d\n", s.Documents)
	}})
	fmt.Println("done", err)
	a.Close()
}

// writeCrashCorpus writes n small plans of provinces and districts, each
// citing central documents and its province's plan.
func writeCrashCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	provinces := []string{"Lâm Đồng", "Hà Tĩnh", "Quảng Trị", "Nghệ An", "Bến Tre", "Cà Mau", "Lào Cai"}
	for i := range n {
		p := provinces[i%len(provinces)]
		text := fmt.Sprintf("ĐẢNG BỘ TỈNH %s\nHUYỆN ỦY AN %d\n*\nSố %d-KH/HU\n%s, ngày %d tháng %d năm 2019\n\nKẾ HOẠCH\ntriển khai thực hiện Chỉ thị số %d-CT/TW ngày 15/5/2016 của Bộ Chính trị\n\n"+
			"Thực hiện Kế hoạch số %d-KH/TU ngày 10/7/2016 của Ban Thường vụ Tỉnh ủy %s về triển khai thực hiện Chỉ thị số %d-CT/TW; căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), Ban Thường vụ Huyện ủy xây dựng kế hoạch thực hiện như sau.\n",
			strings.ToUpper(p), i%40, i, p, 1+i%28, 1+i%12, 1+i%30, 1+i%50, p, 1+i%30)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestKillDuringIngest kills an ingesting child process with SIGKILL, then
// checks that the store opens, holds no half-written document, that check
// --repair brings the index in step, and that ingesting again completes.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	corpus := t.TempDir()
	const n = 3000
	writeCrashCorpus(t, corpus, n)
	data := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+data+"|"+corpus)
	var out strings.Builder
	cmd.Stderr = &out
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill the child once it has committed a few batches.
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		var committed int
		if _, err := fmt.Sscanf(sc.Text(), "progress %d", &committed); err == nil && committed >= 500 {
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
		out.WriteString(sc.Text() + "\n")
	}
	go io.Copy(io.Discard, stdout)
	cmd.Wait()
	ctx := context.Background()
	st, err := graph.Open(ctx, filepath.Join(data, "badger"), graph.Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v\nchild: %s", err, out.String())
	}
	problems, err := st.Verify(ctx, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("after kill: %s", p)
	}
	before, _ := st.Stats(ctx)
	st.Close()
	t.Logf("after the kill: %d documents stored of %d", before.Documents, n)
	if code, o, errs := runCmd(t, "check", "--data", data, "--repair"); code != 0 {
		t.Fatalf("check --repair: %d %s %s", code, o, errs)
	}
	code, o, errs := runCmd(t, "ingest", "--data", data, "--format", "json", corpus)
	if code != 0 {
		t.Fatalf("ingest again: %d %s %s", code, o, errs)
	}
	if strings.Contains(o, `"skipped": [`) {
		t.Errorf("ingest again skipped files: %s", o)
	}
	if code, o, _ := runCmd(t, "check", "--data", data); code != 0 || !strings.Contains(o, "ok") {
		t.Errorf("check after ingesting again: %d %s", code, o)
	}
	st, err = graph.Open(ctx, filepath.Join(data, "badger"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, _ := st.Stats(ctx)
	if after.Documents != n {
		t.Errorf("after ingesting again: %d documents, want %d", after.Documents, n)
	}
}

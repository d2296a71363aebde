package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extractRun runs `vncite extract` in-process.
func extractRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"extract"}, args...), &env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
	})
	return code, out.String(), errb.String()
}

func TestExtractJSONLines(t *testing.T) {
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(seeds) < 2 {
		t.Fatal("seeds missing")
	}
	code, out, errs := extractRun(t, "", append([]string{"--format", "json"}, seeds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	n := 0
	for sc.Scan() {
		var line map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %d is not JSON: %v", n+1, err)
		}
		for _, k := range []string{"file", "document", "references", "short_forms", "named", "statements"} {
			if _, ok := line[k]; !ok {
				t.Errorf("line %d lacks %q", n+1, k)
			}
		}
		var file string
		json.Unmarshal(line["file"], &file)
		if file != seeds[n] {
			t.Errorf("line %d file %q, want %q", n+1, file, seeds[n])
		}
		n++
	}
	if n != len(seeds) {
		t.Errorf("%d lines for %d files", n, len(seeds))
	}
	if !strings.Contains(out, `"number":"307-CV/HU"`) || !strings.Contains(out, `"subject":"135-KH/TU"`) {
		t.Errorf("output lacks the seed's number or statement")
	}
}

func TestExtractTextAndStdin(t *testing.T) {
	code, out, errs := extractRun(t, "Thực hiện Nghị quyết số 25- NQ/TW ngày 03/6/2013 của Bộ Chính trị.\n", "--format", "text", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"== -", "25-NQ/TW", "2013-06-03", "Bộ Chính trị", "implements"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractBadFiles(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.bin")
	if err := os.WriteFile(bin, []byte{0, 1, 2, 0xff, 0xfe, 0, 0, 0x89, 'P', 'N', 'G', 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("Căn cứ Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ."), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	code, out, errs := extractRun(t, "", "--format", "json", missing, bin, good)
	if code == 0 {
		t.Errorf("exit 0 with unreadable files")
	}
	if !strings.Contains(out, "16/CT-TTg") {
		t.Errorf("good file not processed: %q", out)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "missing.txt") || !strings.Contains(lines[1], "image.bin") {
		t.Errorf("stderr should name each bad file on its own line, then a summary:\n%s", errs)
	}
}

func TestExtractUsage(t *testing.T) {
	if code, _, _ := extractRun(t, ""); code != 2 {
		t.Errorf("no files: exit %d, want 2", code)
	}
	if code, _, _ := extractRun(t, "", "--format", "xml", "-"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
	if code, _, _ := extractRun(t, "", "--help"); code != 0 {
		t.Errorf("--help: exit %d, want 0", code)
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	code := run(context.Background(), []string{"version"}, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &out, getenv: func(string) string { return "" }})
	if code != 0 || !strings.HasPrefix(out.String(), "vncite ") {
		t.Errorf("version: exit %d, %q", code, out.String())
	}
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vncite/vncite/extract/corpusgen"
)

// genRun runs `vncite gen` in-process.
func genRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"gen"}, args...), &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
	})
	return code, out.String(), errb.String()
}

func TestGen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	code, out, errs := genRun(t, "--docs", "1200", "--seed", "4", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "wrote 1200 documents") {
		t.Errorf("summary: %q", out)
	}
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	truth, err := corpusgen.ReadTruth(f)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, d := range truth {
		if d.File == "" {
			continue
		}
		files++
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(d.File)))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Citations {
			if string(text[c.Start:c.End]) != c.AsWritten {
				t.Fatalf("%s: [%d:%d] is %q, truth says %q", d.File, c.Start, c.End, text[c.Start:c.End], c.AsWritten)
			}
		}
	}
	if files != 1200 {
		t.Errorf("truth names %d files, want 1200", files)
	}
	// Two subdirectories of at most 1000 files.
	for _, sub := range []string{"0000", "0001"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil || len(entries) > corpusgen.FilesPerDir {
			t.Errorf("%s: %d entries, %v", sub, len(entries), err)
		}
	}
	// Scoring the corpus runs the extractor over it.
	code, out, errs = genRun(t, "--score", dir)
	if code != 0 || !strings.Contains(out, "references:") || !strings.Contains(out, "recall by spelling") {
		t.Errorf("--score: exit %d, %q, %q", code, out, errs)
	}
	// The same seed gives the same bytes.
	dir2 := filepath.Join(t.TempDir(), "again")
	if code, _, errs := genRun(t, "--docs", "1200", "--seed", "4", "--out", dir2, "--quiet"); code != 0 {
		t.Fatal(errs)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "truth.jsonl"))
	b, _ := os.ReadFile(filepath.Join(dir2, "truth.jsonl"))
	if !bytes.Equal(a, b) {
		t.Error("same seed, different truth")
	}
}

func TestGenErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--docs", "5"}, 2, "--out is required"},
		{[]string{"--docs", "-1", "--out", filepath.Join(dir, "x")}, 2, "negative"},
		{[]string{"--docs", "5", "--noise-rate", "2", "--out", filepath.Join(dir, "x")}, 2, "within 0..1"},
		{[]string{"--docs", "5", "--nfd-rate", "NaN", "--out", filepath.Join(dir, "x")}, 2, "--nfd-rate must be within 0..1"},
		{[]string{"--docs", "5", "--out", dir}, 1, "not empty"},
		{[]string{"--bogus"}, 2, "bogus"},
		{[]string{"--score", filepath.Join(dir, "none")}, 1, "truth.jsonl"},
	} {
		code, _, errs := genRun(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("gen %v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "keep.txt")); string(b) != "mine" {
		t.Error("gen touched a non-empty directory")
	}
	if code, _, errs := genRun(t, "--help"); code != 0 || !strings.Contains(errs, "truth.jsonl") {
		t.Errorf("--help: exit %d, %q", code, errs)
	}
}

// TestGenWriteError checks that a document that cannot be written fails
// the generation with the file's error.
func TestGenWriteError(t *testing.T) {
	cfg := corpusgen.Config{Docs: 30, Seed: 2, Rates: corpusgen.DefaultRates()}
	first := t.TempDir()
	if _, _, err := writeCorpus(context.Background(), first, cfg); err != nil {
		t.Fatal(err)
	}
	// The same corpus again, where every document's path is a directory.
	second := t.TempDir()
	texts, err := filepath.Glob(filepath.Join(first, "*", "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("first corpus: %d texts, %v", len(texts), err)
	}
	for _, p := range texts {
		rel, _ := filepath.Rel(first, p)
		if err := os.MkdirAll(filepath.Join(second, rel), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = writeCorpus(context.Background(), second, cfg)
	if err == nil || !strings.HasPrefix(err.Error(), "gen: ") || !strings.Contains(err.Error(), "directory") {
		t.Fatalf("writing over directories: %v, want a gen: error naming the directory", err)
	}
}

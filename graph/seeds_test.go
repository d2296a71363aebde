package graph

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite/extract"
)

// seedInputs reads the seed documents, transformed by variant.
func seedInputs(t *testing.T, variant func(string) string) []Input {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v %v", files, err)
	}
	if _, err := extract.Extract([]byte("Nghị quyết số 25-NQ/TW")); err != nil {
		t.Skipf("extractor not ready: %v", err)
	}
	var in []Input
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, Input{Source: filepath.Base(f), Text: []byte(variant(string(b)))})
	}
	return in
}

// TestSeeds ingests the real seed texts through the extractor and checks
// issue 4's acceptance, on the texts as they are and on variants real
// sources produce.
func TestSeeds(t *testing.T) {
	variants := map[string]func(string) string{
		"as-is": func(s string) string { return s },
		"nfd":   norm.NFD.String,
		"eth":   func(s string) string { return strings.ReplaceAll(s, "Đ", "Ð") },
		"crlf":  func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
	}
	for name, v := range variants {
		t.Run(name, func(t *testing.T) {
			in := seedInputs(t, v)
			s := openTest(t, t.TempDir(), Options{Indexer: newFakeIndex()})
			sum, err := s.Ingest(context.Background(), inputsOf(in...), IngestOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Documents != 5 || len(sum.Skipped) > 0 {
				t.Fatalf("ingest: %+v", sum)
			}
			checkSeedIdentity(t, s, false)
		})
	}
}

func TestSeedsWithGazetteer(t *testing.T) {
	gz, err := LoadGazetteer(gazetteerDir(t))
	if err != nil {
		t.Fatal(err)
	}
	in := seedInputs(t, func(s string) string { return s })
	s := openTest(t, t.TempDir(), Options{Gazetteer: gz})
	// Reverse order: the dated 05-CT/TW comes first this time.
	for i, j := 0, len(in)-1; i < j; i, j = i+1, j-1 {
		in[i], in[j] = in[j], in[i]
	}
	if _, err := s.Ingest(context.Background(), inputsOf(in...), IngestOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	checkSeedIdentity(t, s, true)
	plan := resolveOne(t, s, "109/KH-UBND")
	if plan.Province != "Thừa Thiên Huế" || plan.Level != "district" {
		t.Errorf("109/KH-UBND: province %q level %q, want Thừa Thiên Huế district", plan.Province, plan.Level)
	}
}

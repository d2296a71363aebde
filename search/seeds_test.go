package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

const seedDir = "../testdata/seeds"

// seedDocs builds the documents for the seed texts as the graph would: the
// extractor gives the header and the cited numbers.
func seedDocs(t testing.TB) []vncite.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds in %s: %v", seedDir, err)
	}
	var docs []vncite.Document
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		sum := sha256.Sum256(text)
		doc := vncite.Document{
			ID:     "seed-" + name[:3],
			Source: name,
			Hash:   hex.EncodeToString(sum[:]),
		}
		ex, err := extract.Extract(text)
		if err != nil {
			t.Fatalf("extract %s: %v", name, err)
		}
		doc = mergeHeader(doc, ex.Document)
		doc.Text = ex.Text
		for _, r := range ex.References {
			doc.Cites = append(doc.Cites, r.Number)
		}
		docs = append(docs, doc)
	}
	return docs
}

func mergeHeader(doc, h vncite.Document) vncite.Document {
	h.ID, h.Source, h.Hash = doc.ID, doc.Source, doc.Hash
	if h.Title == "" {
		h.Title = doc.Title
	}
	return h
}

// openTestIndex opens a fresh index in a temporary directory holding docs.
func openTestIndex(t testing.TB, docs []vncite.Document) *Index {
	t.Helper()
	ix, err := Open(context.Background(), filepath.Join(t.TempDir(), "bleve"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Index(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// checkHighlights checks that every fragment of every hit is valid UTF-8
// and that every marked word is the text of its document at some place, as
// written, and folds to one of the words searched for.
func checkHighlights(t *testing.T, docs map[string]vncite.Document, res Result, words ...string) {
	t.Helper()
	want := map[string]bool{}
	for _, w := range words {
		want[string(foldTerm([]byte(strings.ToLower(w))))] = true
	}
	for _, h := range res.Hits {
		for field, frags := range h.Highlights {
			source := docs[h.ID].Text
			if field == fieldTitle {
				source = docs[h.ID].Title
			}
			for _, frag := range frags {
				if !utf8.ValidString(frag) || strings.ContainsRune(frag, utf8.RuneError) {
					t.Errorf("%s %s: fragment is broken UTF-8: %q", h.ID, field, frag)
				}
				plain := unmark(frag)
				plain = strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…")
				if !strings.Contains(source, plain) {
					t.Errorf("%s %s: fragment %q is not a piece of the text", h.ID, field, plain)
				}
				for _, m := range marked(frag) {
					if len(want) > 0 && !want[string(foldTerm([]byte(strings.ToLower(m))))] {
						t.Errorf("%s %s: marked %q is none of %q", h.ID, field, m, words)
					}
				}
			}
		}
	}
}

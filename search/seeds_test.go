package search

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

const seedDir = "../testdata/seeds"

// extractWorks reports whether the extractor is built (the skeleton
// returns an error); tests of number search skip until it is.
func extractWorks() bool {
	_, err := extract.ParseNumber("25-NQ/TW")
	return err == nil
}

// seedDocs builds the documents for the seed texts as the graph would: the
// extractor gives the header and the cited numbers; without a working
// extractor the title is the first line of several words and the numbers
// come from gold.jsonl, the hand-checked truth of the seeds.
func seedDocs(t testing.TB) []vncite.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds in %s: %v", seedDir, err)
	}
	gold := readGold(t)
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
		if ex, err := extract.Extract(text); err == nil {
			doc = mergeHeader(doc, ex.Document)
			doc.Text = ex.Text
			for _, r := range ex.References {
				doc.Cites = append(doc.Cites, r.Number)
			}
		} else {
			g := gold[name]
			doc.Text = string(text)
			doc.Title = firstHeading(string(text))
			doc.Number = g.Document.Key
			doc.Type = g.Document.Type
			doc.Issuer = g.Document.IssuerCode
			doc.Date = g.Document.Date
			for _, r := range g.References {
				doc.Cites = append(doc.Cites, r.Key)
			}
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

// firstHeading is the first line of at least four words.
func firstHeading(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if len(strings.Fields(line)) >= 4 {
			return line
		}
	}
	return ""
}

type goldDoc struct {
	File     string `json:"file"`
	Document struct {
		Key        string `json:"key"`
		Type       string `json:"type"`
		IssuerCode string `json:"issuer_code"`
		Date       string `json:"date"`
	} `json:"document"`
	References []struct {
		Key string `json:"key"`
	} `json:"references"`
}

func readGold(t testing.TB) map[string]goldDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(seedDir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]goldDoc{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out[g.File] = g
	}
	return out
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

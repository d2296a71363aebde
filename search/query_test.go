package search

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite"
)

func TestParseQuery(t *testing.T) {
	w := func(s string) clause { return clause{Text: s} }
	p := func(s string) clause { return clause{Text: s, Phrase: true} }
	not := func(c clause) clause { c.Negate = true; return c }
	tests := []struct {
		in   string
		want []clause
		err  bool
	}{
		{"", nil, false},
		{"   \t\n", nil, false},
		{"dân vận", []clause{w("dân"), w("vận")}, false},
		{norm.NFD.String("dân"), []clause{w("dân")}, false},
		{`"dân vận" khéo`, []clause{p("dân vận"), w("khéo")}, false},
		{`dân"vận khéo"`, []clause{w("dân"), p("vận khéo")}, false},
		{`-thi đua`, []clause{not(w("thi")), w("đua")}, false},
		{`-"thi đua" cơ`, []clause{not(p("thi đua")), w("cơ")}, false},
		{`a - b`, []clause{w("a"), w("-"), w("b")}, false},
		{`--a`, []clause{w("--a")}, false},
		{`""`, nil, false},
		{`25-NQ/TW`, []clause{w("25-NQ/TW")}, false},
		{`"unterminated`, nil, true},
		{`dâ*`, nil, true},
		{`d?n`, nil, true},
		{`/regex.*/`, nil, true},
		{`"a*b"`, []clause{p("a*b")}, false}, // inside a phrase * is punctuation
		{strings.Repeat("x", maxQueryBytes+1), nil, true},
		{strings.Repeat("x ", maxClauses+1), nil, true},
		{"\xff", nil, true},
	}
	for _, tt := range tests {
		got, err := parseQuery(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("parseQuery(%.40q): err %v, want err %v", tt.in, err, tt.err)
			continue
		}
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("parseQuery(%.40q): %v does not wrap ErrBadQuery", tt.in, err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("parseQuery(%.40q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"dân vận", `"dân vận" -khéo`, "25-NQ/TW", `-"`, `"`, "*", "a\"b\"c", norm.NFD.String("Đảng")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		cs, err := parseQuery(q)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("error %v does not wrap ErrBadQuery", err)
			}
			return
		}
		if len(cs) > maxClauses {
			t.Fatalf("%d clauses", len(cs))
		}
		for _, c := range cs {
			if c.Text == "" || !utf8.ValidString(c.Text) || !norm.NFC.IsNormalString(c.Text) {
				t.Fatalf("bad clause %q", c.Text)
			}
			if !c.Phrase && strings.ContainsAny(c.Text, " \t\n\"*?") {
				t.Fatalf("word clause %q holds a space, quote or wildcard", c.Text)
			}
		}
	})
}

// FuzzSearch runs arbitrary queries against the seed index: every query
// either fails with ErrBadQuery or returns well-formed hits whose
// highlights are valid UTF-8 pieces of the documents.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"dân vận", "dang", `"dân vận khéo"`, "nq 25/tw", "Nghị quyết 25", "-đảng", "Chỉ thị 16/CT-TTg", "a b c"} {
		f.Add(s)
	}
	docs := seedDocs(f)
	ix, err := Open(context.Background(), filepath.Join(f.TempDir(), "bleve"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index(context.Background(), docs); err != nil {
		f.Fatal(err)
	}
	all := byID(docs)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), Request{Query: q, Limit: 5})
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Search(%q): %v does not wrap ErrBadQuery", q, err)
			}
			return
		}
		if len(res.Hits) > 5 || uint64(len(res.Hits)) > res.Total {
			t.Fatalf("%d hits of %d", len(res.Hits), res.Total)
		}
		checkHighlights(t, all, res)
	})
}

// TestSearchHostileQueriesAreCheap runs queries built to be expensive; each
// must fail with ErrBadQuery or finish (the test has no timing: a query
// that enumerated the term dictionary would show in the benchmarks).
func TestSearchHostileQueries(t *testing.T) {
	ix := openTestIndex(t, []vncite.Document{{ID: "a", Text: "dân vận " + strings.Repeat("a", 100)}})
	hostile := []string{
		strings.Repeat("a* ", 10000),
		strings.Repeat("a", 1<<20),
		strings.Repeat("/(a+)+/ ", 100),
		strings.Repeat(`"`, 1000),
		strings.Repeat("dân ", 10000),
		strings.Repeat("x", 1000),
		"a~10 b^100 c:d +e",
	}
	for _, q := range hostile {
		_, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%.30q…): %v", q, err)
		}
	}
}

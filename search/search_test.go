package search

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite"
)

// unmark removes the <mark> tags of a fragment and unescapes it.
func unmark(frag string) string {
	frag = strings.ReplaceAll(frag, "<mark>", "")
	frag = strings.ReplaceAll(frag, "</mark>", "")
	return html.UnescapeString(frag)
}

// marked returns the unescaped words inside <mark>…</mark>.
func marked(frag string) []string {
	var out []string
	for {
		i := strings.Index(frag, "<mark>")
		if i < 0 {
			return out
		}
		frag = frag[i+len("<mark>"):]
		j := strings.Index(frag, "</mark>")
		if j < 0 {
			return append(out, "UNTERMINATED")
		}
		out = append(out, html.UnescapeString(frag[:j]))
		frag = frag[j+len("</mark>"):]
	}
}

func byID(docs []vncite.Document) map[string]vncite.Document {
	m := map[string]vncite.Document{}
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

func hitIDs(res Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// containing returns the ids of docs whose folded text has every word.
func containing(docs []vncite.Document, phrase string) []string {
	var ids []string
	want := string(foldTerm([]byte(strings.ToLower(phrase))))
	for _, d := range docs {
		text := string(foldTerm([]byte(strings.ToLower(d.Title + "\n" + d.Text))))
		if strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

func TestSearchWordsSeeds(t *testing.T) {
	docs := seedDocs(t)
	ix := openTestIndex(t, docs)
	all := byID(docs)
	ctx := context.Background()

	tests := []struct {
		query string
		words []string // what the highlights may mark
		// must lists the docs that have to be among the hits: those whose
		// text has the phrase (folded), computed from the seeds.
		must string
	}{
		{"dân vận chính quyền", []string{"dân", "vận", "chính", "quyền"}, "dan van chinh quyen"},
		{"dan van chinh quyen", []string{"dan", "van", "chinh", "quyen"}, "dan van chinh quyen"},
		{"DÂN VẬN CHÍNH QUYỀN", []string{"dân", "vận", "chính", "quyền"}, "dan van chinh quyen"},
		{norm.NFD.String("dân vận chính quyền"), []string{"dân", "vận", "chính", "quyền"}, "dan van chinh quyen"},
		{"Đảng", []string{"đảng"}, "dang"},
		{"đảng", []string{"đảng"}, "dang"},
		{"dang", []string{"dang"}, "dang"},
		{"ÐẢNG", []string{"đảng"}, "dang"}, // U+00D0
		{`"dân vận khéo"`, []string{"dân", "vận", "khéo"}, "dan van kheo"},
		{`"dan van kheo"`, []string{"dân", "vận", "khéo"}, "dan van kheo"},
		{"quy chế dân chủ", []string{"quy", "chế", "dân", "chủ"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(ctx, Request{Query: tt.query, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total == 0 {
				t.Fatalf("no hits")
			}
			got := hitIDs(res)
			if tt.must != "" && len(strings.Fields(tt.must)) > 1 {
				// The words in a row, as typed, rank first.
				if !slices.Contains(containing(docs, tt.must), got[0]) {
					t.Errorf("first hit %s does not have %q in a row (hits %v)", got[0], tt.must, got)
				}
			}
			if tt.must != "" {
				for _, id := range containing(docs, tt.must) {
					if !slices.Contains(got, id) {
						t.Errorf("hits %v miss %s, which contains %q", got, id, tt.must)
					}
				}
			}
			marks := 0
			for _, h := range res.Hits {
				for _, frags := range h.Highlights {
					for _, f := range frags {
						marks += len(marked(f))
					}
				}
			}
			if marks == 0 {
				t.Errorf("no highlighted words in %d hits", len(res.Hits))
			}
			checkHighlights(t, all, res, tt.words...)
		})
	}
}

// TestSearchRanksExactDiacriticsFirst indexes the same sentence with the
// right diacritics, with other diacritics that fold the same, and without
// any: the query with diacritics ranks the exact one first; both queries
// find all three.
func TestSearchRanksExactDiacriticsFirst(t *testing.T) {
	docs := []vncite.Document{
		{ID: "wrong", Title: "Báo cáo", Text: "Tăng cường công tác dẫn vấn chinh quyến ở cơ sở."},
		{ID: "ascii", Title: "Bao cao", Text: "Tang cuong cong tac dan van chinh quyen o co so."},
		{ID: "exact", Title: "Báo cáo", Text: "Tăng cường công tác dân vận chính quyền ở cơ sở."},
	}
	ix := openTestIndex(t, docs)
	ctx := context.Background()
	for _, tt := range []struct{ query, first string }{
		{"dân vận chính quyền", "exact"},
		{"dan van chinh quyen", "ascii"},
		{"dẫn vấn chinh quyến", "wrong"},
	} {
		res, err := ix.Search(ctx, Request{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); len(got) != 3 || got[0] != tt.first {
			t.Errorf("%q: hits %v, want 3 with %s first", tt.query, got, tt.first)
		}
	}
	// Tone-mark placement does not matter to the exact field.
	ix2 := openTestIndex(t, []vncite.Document{
		{ID: "old", Text: "công tác hòa giải ở cơ sở, thủy lợi"},
		{ID: "other", Text: "công tác hoa giai o co so, thuy loi"},
	})
	for _, q := range []string{"hoà giải thuỷ lợi", "hòa giải thủy lợi"} {
		res, err := ix2.Search(ctx, Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(res); len(got) != 2 || got[0] != "old" {
			t.Errorf("%q: hits %v, want old first", q, got)
		}
	}
}

func TestSearchHighlightBytes(t *testing.T) {
	text := "Mở đầu <b>&</b>. " + strings.Repeat("Câu chuyện không liên quan. ", 30) +
		"Đảng ta luôn quan tâm công tác DÂN VẬN; " + norm.NFC.String("ÐẢNG") + " và dân. " + strings.Repeat("Đoạn cuối. ", 40)
	ix := openTestIndex(t, []vncite.Document{{ID: "a", Title: "Công tác dân vận của Đảng", Text: text}})
	res, err := ix.Search(context.Background(), Request{Query: "dang dan van"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", hitIDs(res))
	}
	h := res.Hits[0]
	wantTitle := "Công tác <mark>dân</mark> <mark>vận</mark> của <mark>Đảng</mark>"
	if got := h.Highlights["title"]; len(got) != 1 || got[0] != wantTitle {
		t.Errorf("title highlight %q, want %q", got, wantTitle)
	}
	var body []string
	for _, f := range h.Highlights["body"] {
		body = append(body, marked(f)...)
	}
	want := []string{"Đảng", "DÂN", "VẬN", "ÐẢNG", "dân"}
	if !slices.Equal(body, want) {
		t.Errorf("body marks %q, want %q (fragments %q)", body, want, h.Highlights["body"])
	}
	checkHighlights(t, map[string]vncite.Document{"a": {Title: "Công tác dân vận của Đảng", Text: text}}, res, "dang", "dan", "van")
	// HTML in the text is escaped.
	res, err = ix.Search(context.Background(), Request{Query: "mở đầu"})
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Hits[0].Highlights["body"][0]; !strings.HasPrefix(f, "<mark>Mở</mark> <mark>đầu</mark> &lt;b&gt;&amp;&lt;/b&gt;") {
		t.Errorf("fragment not escaped: %q", f)
	}
}

func TestSearchPhrasesAndExclusions(t *testing.T) {
	docs := []vncite.Document{
		{ID: "a", Text: "phong trào thi đua dân vận khéo ở cơ sở"},
		{ID: "b", Text: "dân chủ ở cơ sở, vận động quần chúng khéo léo"},
	}
	ix := openTestIndex(t, docs)
	ctx := context.Background()
	tests := []struct {
		query string
		want  []string
	}{
		{"dân vận khéo", []string{"a", "b"}},
		{`"dân vận khéo"`, []string{"a"}},
		{`"dan van kheo"`, []string{"a"}},
		{"cơ sở -thi", []string{"b"}},
		{`cơ sở -"thi đua"`, []string{"b"}},
		{"co so -dua", []string{"b"}},
		{"-khéo", []string{}},
		{"-phong", []string{"b"}},
	}
	for _, tt := range tests {
		res, err := ix.Search(ctx, Request{Query: tt.query})
		if err != nil {
			t.Errorf("%q: %v", tt.query, err)
			continue
		}
		got := hitIDs(res)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%q: hits %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchFiltersSortPagingFacets(t *testing.T) {
	docs := []vncite.Document{
		{ID: "1", Number: "1-KH/TU", Type: "KH", Issuer: "TU", Level: vncite.LevelProvince, Province: "Quảng Trị", Date: "2015-08-24", Text: "kế hoạch dân vận"},
		{ID: "2", Number: "2-KH/HU", Type: "KH", Issuer: "HU", Level: vncite.LevelDistrict, Province: "Quảng Trị", Date: "2016-01-10", Text: "kế hoạch dân vận huyện"},
		{ID: "3", Number: "3-NQ/TW", Type: "NQ", Issuer: "TW", Level: vncite.LevelCentral, Term: "XI", Date: "2013-06-03", Text: "nghị quyết dân vận"},
		{ID: "4", Number: "4-QĐ/TU", Type: "QĐ", Issuer: "TU", Level: vncite.LevelProvince, Province: "Thừa Thiên Huế", Date: "2019-02-26", Text: "quyết định dân vận"},
		{ID: "5", Number: "5-CV/HU", Type: "CV", Issuer: "HU", Text: "công văn dân vận, không rõ ngày"},
	}
	ix := openTestIndex(t, docs)
	ctx := context.Background()
	tests := []struct {
		name string
		req  Request
		want []string // in order
	}{
		{"type", Request{Query: "dân vận", Type: "kh", Sort: "date"}, []string{"2", "1"}},
		{"type folded", Request{Query: "dân vận", Type: "qd"}, []string{"4"}},
		{"province folded", Request{Query: "dan van", Province: "quang tri", Sort: "oldest"}, []string{"1", "2"}},
		{"level", Request{Level: "central"}, []string{"3"}},
		{"term", Request{Query: "dân vận", Term: "xi"}, []string{"3"}},
		{"issuer", Request{Query: "dân vận", Issuer: "HU", Sort: "date"}, []string{"2", "5"}},
		{"date sort, undated last", Request{Query: "dân vận", Sort: "date"}, []string{"4", "2", "1", "3", "5"}},
		{"from to", Request{Query: "dân vận", From: "2015", To: "2016-01", Sort: "oldest"}, []string{"1", "2"}},
		{"to day inclusive", Request{To: "2015-08-24", Sort: "date"}, []string{"1", "3"}},
		{"page 2", Request{Query: "dân vận", Sort: "date", Limit: 2, Offset: 2}, []string{"1", "3"}},
		{"filters only", Request{Issuer: "TU", Sort: "oldest"}, []string{"1", "4"}},
	}
	for _, tt := range tests {
		res, err := ix.Search(ctx, tt.req)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := hitIDs(res); !slices.Equal(got, tt.want) {
			t.Errorf("%s: hits %v, want %v", tt.name, got, tt.want)
		}
	}
	res, err := ix.Search(ctx, Request{Query: "dân vận", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 5 {
		t.Errorf("total %d, want 5", res.Total)
	}
	wantFacets := map[string][]FacetCount{
		"type":     {{"KH", 2}, {"CV", 1}, {"NQ", 1}, {"QĐ", 1}},
		"province": {{"Quảng Trị", 2}, {"Thừa Thiên Huế", 1}},
		"year":     {{"2013", 1}, {"2015", 1}, {"2016", 1}, {"2019", 1}},
	}
	for name, want := range wantFacets {
		if got := res.Facets[name]; !slices.Equal(got, want) {
			t.Errorf("facet %s = %v, want %v", name, got, want)
		}
	}
	h := res.Hits[slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == "3" })]
	if want, _ := numberKeys("3-NQ/TW"); h.Number != want || h.Type != "NQ" || h.Date != "2013-06-03" || h.Term != "XI" || h.Level != "central" {
		t.Errorf("hit fields %+v", h)
	}
}

func TestSearchBadQueries(t *testing.T) {
	ix := openTestIndex(t, []vncite.Document{{ID: "a", Text: "dân vận"}})
	ctx := context.Background()
	tests := []Request{
		{Query: strings.Repeat("dân ", 1000)},
		{Query: strings.Repeat("a ", 40)},
		{Query: strings.Repeat(`"a b c d e f g h i j" `, 8)},
		{Query: "dâ*"},
		{Query: "*"},
		{Query: "d?n"},
		{Query: "/d.*n/"},
		{Query: `"unterminated`},
		{Query: "\xff\xfe"},
		{Query: "!!! ..."},
		{Query: `""`},
		{Query: `" " -""`},
		{Query: "dân", Limit: -1},
		{Query: "dân", Limit: 100000},
		{Query: "dân", Offset: 1 << 30},
		{Query: "dân", Sort: "random"},
		{Query: "dân", From: "yesterday"},
		{Query: "dân", From: "2020", To: "2019"},
		{Query: "dân", Province: strings.Repeat("x", 300)},
	}
	for _, req := range tests {
		_, err := ix.Search(ctx, req)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%.40q…): err %v, want ErrBadQuery", req.Query, err)
		}
	}
}

func TestOpenTwiceFailsClearly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bleve")
	ctx := context.Background()
	ix, err := Open(ctx, dir, Options{BoltTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	_, err = Open(ctx, dir, Options{BoltTimeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), dir) {
		t.Errorf("error %q does not name the directory", err)
	}
}

func TestOpenRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), dir, Options{}); err == nil {
		t.Fatal("opened a directory holding other files")
	}
}

func TestReopenKeepsDocuments(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bleve")
	ctx := context.Background()
	ix, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Index(ctx, []vncite.Document{{ID: "a", Hash: "h1", Text: "Đảng"}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatalf("second close: %v", err)
	}
	ix, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(ctx, Request{Query: "dang"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("after reopen: %v %v", hitIDs(res), err)
	}
}

func TestIndexDeleteHashes(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, nil)
	var docs []vncite.Document
	for i := range 1203 { // more than one Bleve batch and one Hashes page
		id := "d" + strconv.Itoa(i)
		docs = append(docs, vncite.Document{ID: id, Hash: "h" + strconv.Itoa(i), Text: "văn bản số " + strconv.Itoa(i)})
	}
	docs = append(docs, vncite.Document{ID: "stub", Stub: true, Number: "9-NQ/TW",
		Sightings: []vncite.Sighting{{Citing: "d1", Title: "về công tác thanh niên"}}})
	if err := ix.Index(ctx, docs); err != nil {
		t.Fatal(err)
	}
	hashes, err := ix.Hashes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != len(docs) || hashes["d7"] != "h7" || hashes["stub"] != "" {
		t.Fatalf("hashes: %d entries, d7=%q", len(hashes), hashes["d7"])
	}
	// A stub is found by the title its citers gave it.
	res, err := ix.Search(ctx, Request{Query: "thanh nien"})
	if err != nil || len(res.Hits) != 1 || !res.Hits[0].Stub || res.Hits[0].Title != "về công tác thanh niên" {
		t.Fatalf("stub search: %+v %v", res.Hits, err)
	}
	// Replacing changes the hash; deleting removes it.
	if err := ix.Index(ctx, []vncite.Document{{ID: "d7", Hash: "new", Text: "khác"}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete(ctx, []string{"d1", "d2", "absent"}); err != nil {
		t.Fatal(err)
	}
	hashes, err = ix.Hashes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != len(docs)-2 || hashes["d7"] != "new" {
		t.Errorf("after replace and delete: %d entries, d7=%q", len(hashes), hashes["d7"])
	}
	if _, ok := hashes["d1"]; ok {
		t.Errorf("d1 still indexed")
	}
	n, err := ix.Count()
	if err != nil || n != uint64(len(docs)-2) {
		t.Errorf("count %d %v", n, err)
	}
}

func TestIndexRejectsBadDocuments(t *testing.T) {
	ctx := context.Background()
	ix := openTestIndex(t, []vncite.Document{{ID: "keep", Text: "giữ nguyên"}})
	bad := [][]vncite.Document{
		{{ID: "ok", Text: "tốt"}, {ID: "", Text: "no id"}},
		{{ID: "ok", Text: "tốt"}, {ID: "bin", Text: "\xff\x00\xfe"}},
	}
	for _, docs := range bad {
		if err := ix.Index(ctx, docs); err == nil {
			t.Errorf("Index(%q) succeeded", docs[1].Text)
		}
	}
	hashes, err := ix.Hashes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != 1 {
		t.Errorf("a rejected call wrote documents: %v", hashes)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := ix.Index(cctx, []vncite.Document{{ID: "late", Text: "x"}}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Index: %v", err)
	}
}

// TestConcurrentIndexAndSearch indexes, deletes and searches from several
// goroutines at once (run with -race).
func TestConcurrentIndexAndSearch(t *testing.T) {
	ix := openTestIndex(t, seedDocs(t))
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				id := "c" + strconv.Itoa(w) + "-" + strconv.Itoa(i)
				if err := ix.Index(ctx, []vncite.Document{{ID: id, Text: "công tác dân vận lần " + strconv.Itoa(i)}}); err != nil {
					errs <- err
					return
				}
				if _, err := ix.Search(ctx, Request{Query: "dan van", Facets: i%2 == 0}); err != nil {
					errs <- err
					return
				}
				if i%3 == 0 {
					if err := ix.Delete(ctx, []string{id}); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	hashes, err := ix.Hashes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := 5 + 4*(20-7); len(hashes) != want {
		t.Errorf("%d documents indexed, want %d", len(hashes), want)
	}
}

// TestSearchPagingTies pages through hits with many equal scores and
// dates: the pages, whichever way a page's end falls (inside a run of
// ties or between two keys), must join into the one-page order, which
// breaks ties by id.
func TestSearchPagingTies(t *testing.T) {
	var docs []vncite.Document
	for i := range 23 {
		text := "kế hoạch dân vận"
		if i%3 == 0 {
			text = "kế hoạch dân vận, dân vận khéo, dân vận chính quyền" // a higher score
		}
		date := "2015-08-24"
		if i%4 == 0 {
			date = "2016-01-10"
		}
		docs = append(docs, vncite.Document{ID: fmt.Sprintf("d%02d", (i*7)%23), Number: fmt.Sprintf("%d-KH/TU", i+1), Type: "KH", Issuer: "TU", Date: date, Text: text})
	}
	ix := openTestIndex(t, docs)
	ctx := context.Background()
	for _, sort := range []string{"relevance", "date", "oldest"} {
		for _, q := range []string{"dân vận", "dan van"} {
			all, err := ix.Search(ctx, Request{Query: q, Sort: sort, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			if len(all.Hits) != 23 {
				t.Fatalf("%s %q: %d hits, want 23", sort, q, len(all.Hits))
			}
			for i := 1; i < len(all.Hits); i++ {
				a, b := all.Hits[i-1], all.Hits[i]
				if a.Date == b.Date && a.Score == b.Score && a.ID > b.ID {
					t.Errorf("%s %q: tie %s before %s", sort, q, a.ID, b.ID)
				}
			}
			for limit := 1; limit <= 5; limit++ {
				var joined []string
				for off := 0; off < 23; off += limit {
					page, err := ix.Search(ctx, Request{Query: q, Sort: sort, Limit: limit, Offset: off})
					if err != nil {
						t.Fatal(err)
					}
					joined = append(joined, hitIDs(page)...)
				}
				if want := hitIDs(all); !slices.Equal(joined, want) {
					t.Errorf("%s %q limit %d: pages join into %v, want %v", sort, q, limit, joined, want)
				}
			}
		}
	}
}

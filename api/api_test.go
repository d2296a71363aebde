package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract/textin"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/graph/export"
	"github.com/vncite/vncite/search"
	"golang.org/x/text/unicode/norm"
)

// testAPI is a real store and index in a temporary directory with the
// bundled sample ingested once per test binary, served by httptest.
type testAPI struct {
	srv *Server
	h   http.Handler
	ts  *httptest.Server
}

var (
	sharedDir  string
	sharedOnce sync.Once
	shared     *testAPI
	sharedErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vncite-api-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sharedDir = dir
	code := m.Run()
	if shared != nil {
		shared.close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// sampleAPI returns the shared server over the ingested sample. Tests that
// write use newAPI instead.
func sampleAPI(t testing.TB) *testAPI {
	t.Helper()
	sharedOnce.Do(func() {
		shared, sharedErr = openTestAPI(sharedDir, Limits{})
		if sharedErr == nil {
			sharedErr = shared.loadSample()
		}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

// newAPI returns a server of its own over the ingested sample.
func newAPI(t testing.TB, limits Limits) *testAPI {
	t.Helper()
	a, err := openTestAPI(t.TempDir(), limits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.close)
	if err := a.loadSample(); err != nil {
		t.Fatal(err)
	}
	return a
}

func openTestAPI(dir string, limits Limits) (*testAPI, error) {
	ctx := context.Background()
	idx, err := search.Open(ctx, filepath.Join(dir, "bleve"), search.Options{})
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, filepath.Join(dir, "badger"), graph.Options{Indexer: idx, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		idx.Close()
		return nil, err
	}
	// Internal errors (only those) reach the test output.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	srv := &Server{Store: st, Index: idx, Limits: limits, Logger: logger}
	h, err := NewHandler(srv)
	if err != nil {
		return nil, err
	}
	return &testAPI{srv: srv, h: h, ts: httptest.NewServer(h)}, nil
}

func (a *testAPI) close() {
	a.ts.Close()
	a.srv.Store.Close()
	a.srv.Index.Close()
}

// loadSample ingests the bundled sample through the API's own ingest path.
func (a *testAPI) loadSample() error {
	sample := vncite.Sample()
	names, err := fs.Glob(sample, "*.txt")
	if err != nil {
		return err
	}
	for _, name := range names {
		text, err := fs.ReadFile(sample, name)
		if err != nil {
			return err
		}
		if _, _, err := a.srv.ingest(context.Background(), name, string(text)); err != nil {
			return fmt.Errorf("ingest %s: %w", name, err)
		}
	}
	return nil
}

// response is a recorded response.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request through the handler (no network) and records it.
func (a *testAPI) do(t testing.TB, method, target, contentType string, body []byte) response {
	t.Helper()
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", clip(string(r.body), 300), err)
	}
}

// problem checks that r is a problem+json with status and returns it.
func (r response) problem(t testing.TB, status int) Problem {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, clip(string(r.body), 400))
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json", ct)
	}
	var p Problem
	r.decode(t, &p)
	if p.Status != status || p.Type == "" || p.Title == "" || p.Detail == "" || p.Instance == "" {
		t.Fatalf("incomplete problem: %+v", p)
	}
	return p
}

func (r response) ok(t testing.TB, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, clip(string(r.body), 400))
	}
}

func TestDocumentPaths(t *testing.T) {
	a := sampleAPI(t)
	// Every number holds "/": as it is, percent-encoded, or as ?number=.
	for _, tc := range []struct{ path, want string }{
		{"/api/v1/documents/25-NQ/TW", "25-NQ/TW"},
		{"/api/v1/documents/25-NQ%2FTW", "25-NQ/TW"},
		{"/api/v1/documents/16/CT-TTg", "16/CT-TTg"},
		{"/api/v1/documents/18/2000/CT-TTg", "18/2000/CT-TTg"},
		{"/api/v1/documents/18%2F2000%2FCT-TTg", "18/2000/CT-TTg"},
		{"/api/v1/documents/114-KL/TW", "114-KL/TW"},
		{"/api/v1/documents/nq%2025%2Ftw", "25-NQ/TW"},
		{"/api/v1/documents/109/KH-UBND", "109/KH-UBND"},
		{"/api/v1/documents/218-QĐ/TW", "218-QĐ/TW"},
		{"/api/v1/documents/218-QD/TW", "218-QĐ/TW"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := a.do(t, "GET", tc.path, "", nil)
			r.ok(t, http.StatusOK)
			var d DocumentDetail
			r.decode(t, &d)
			if d.Document.Number != tc.want {
				t.Errorf("number %q, want %q", d.Document.Number, tc.want)
			}
			if d.References == nil || d.CitedBy == nil {
				t.Errorf("references/cited_by must be lists, got %v %v", d.References, d.CitedBy)
			}
			// The id works as well as the number.
			r2 := a.do(t, "GET", "/api/v1/documents/"+url.PathEscape(d.Document.ID), "", nil)
			r2.ok(t, http.StatusOK)
		})
	}
}

// TestNumberPathsEverywhere uses numbers with one and two slashes, as
// they are and percent-encoded, on every route that takes a document.
func TestNumberPathsEverywhere(t *testing.T) {
	a := sampleAPI(t)
	for _, n := range []string{"25-NQ/TW", "16/CT-TTg", "18/2000/CT-TTg", "18%2F2000%2FCT-TTg", "218-Q%C4%90%2FTW"} {
		for _, path := range []string{
			"/api/v1/documents/" + n + "/references",
			"/api/v1/documents/" + n + "/cited-by",
			"/api/v1/lineage/" + n + "?direction=down&depth=2",
			"/api/v1/lineage/" + n + "?direction=up&format=graphml",
			"/api/v1/coverage/" + n,
		} {
			r := a.do(t, "GET", path, "", nil)
			r.ok(t, http.StatusOK)
		}
	}
	r := a.do(t, "GET", "/api/v1/documents/18/2000/CT-TTg/cited-by", "", nil)
	var l Links
	r.decode(t, &l)
	if l.Document.Number != "18/2000/CT-TTg" || l.Total == 0 {
		t.Errorf("18/2000/CT-TTg cited by: %s, %d", l.Document.Number, l.Total)
	}
}

func TestDocumentDetail(t *testing.T) {
	a := sampleAPI(t)
	r := a.do(t, "GET", "/api/v1/documents/114-KL/TW", "", nil)
	r.ok(t, http.StatusOK)
	var d DocumentDetail
	r.decode(t, &d)
	if !d.Document.Stub {
		t.Errorf("114-KL/TW is known only from citations: want a stub, got %+v", d.Document)
	}
	if len(d.Document.Sightings) == 0 {
		t.Errorf("a stub carries its sightings; got none")
	}
	citing := map[string]bool{}
	for _, l := range d.CitedBy {
		if l.To != d.Document.ID {
			t.Errorf("cited-by link to %q, want %q", l.To, d.Document.ID)
		}
		if l.Evidence.Sentence == "" {
			t.Errorf("cited-by link from %s without evidence", l.From)
		}
		citing[l.Document.Number] = true
	}
	// The district letter states that 135-KH/TU and 03-KH/HU implement it.
	for _, n := range []string{"135-KH/TU", "03-KH/HU", "307-CV/HU"} {
		if !citing[n] {
			t.Errorf("114-KL/TW cited by %v, want %s among them", citing, n)
		}
	}

	// An ingested document comes with its text; evidence offsets point
	// into it at the reference.
	r = a.do(t, "GET", "/api/v1/documents/307-CV/HU", "", nil)
	r.ok(t, http.StatusOK)
	var full DocumentDetail
	r.decode(t, &full)
	if !strings.Contains(full.Text, "307-CV/HU") {
		t.Fatalf("307-CV/HU text: %q", clip(full.Text, 200))
	}
	spans := 0
	for _, l := range full.References {
		e := l.Evidence
		if e.Doc != full.Document.ID || e.Statement {
			continue
		}
		if e.Start < 0 || e.End > len(full.Text) || e.Start >= e.End || !utf8.ValidString(full.Text[e.Start:e.End]) {
			t.Errorf("evidence [%d,%d) of %s outside the text or cutting a character", e.Start, e.End, l.Document.Number)
			continue
		}
		seq, _, _ := strings.Cut(l.Document.Number, "/")
		seq, _, _ = strings.Cut(seq, "-")
		if !strings.Contains(full.Text[e.Start:e.End], seq) {
			t.Errorf("evidence %q for %s", full.Text[e.Start:e.End], l.Document.Number)
		}
		spans++
	}
	if spans == 0 {
		t.Errorf("no evidence spans in 307-CV/HU's references")
	}
	r = a.do(t, "GET", "/api/v1/documents/307-CV/HU?text=false", "", nil)
	r.ok(t, http.StatusOK)
	if bytes.Contains(r.body, []byte(`"text"`)) {
		t.Errorf("?text=false still sends the text")
	}

	r = a.do(t, "GET", "/api/v1/documents/307-CV/HU/references", "", nil)
	r.ok(t, http.StatusOK)
	var refs Links
	r.decode(t, &refs)
	if refs.Document.Number != "307-CV/HU" || len(refs.Links) < 5 {
		t.Errorf("307-CV/HU references: %s %d links", refs.Document.Number, len(refs.Links))
	}
	r = a.do(t, "GET", "/api/v1/documents/25-NQ/TW/cited-by", "", nil)
	r.ok(t, http.StatusOK)
	var cb Links
	r.decode(t, &cb)
	if len(cb.Links) < 3 || cb.Total != len(cb.Links) {
		t.Errorf("25-NQ/TW is cited by three seeds, got %d links of %d", len(cb.Links), cb.Total)
	}
	if d.CitedByTotal != len(d.CitedBy) || d.ReferencesTotal != len(d.References) {
		t.Errorf("totals %d %d for %d %d links", d.CitedByTotal, d.ReferencesTotal, len(d.CitedBy), len(d.References))
	}

	// Paging one link at a time visits every link once.
	var paged []string
	cursor := ""
	for i := 0; i < 100; i++ {
		r := a.do(t, "GET", "/api/v1/documents/114-KL/TW/cited-by?limit=1&cursor="+url.QueryEscape(cursor), "", nil)
		r.ok(t, http.StatusOK)
		var l Links
		r.decode(t, &l)
		if len(l.Links) != 1 || l.Total != len(d.CitedBy) {
			t.Fatalf("page %d: %d links, total %d", i, len(l.Links), l.Total)
		}
		paged = append(paged, l.Links[0].From+" "+string(l.Links[0].Relation)+" "+l.Links[0].Evidence.Sentence)
		if l.NextCursor == "" {
			break
		}
		cursor = l.NextCursor
	}
	if len(paged) != len(d.CitedBy) {
		t.Errorf("paged %d links, detail has %d", len(paged), len(d.CitedBy))
	}
}

func TestDocumentList(t *testing.T) {
	a := sampleAPI(t)
	var all []vncite.Document
	cursor := ""
	for page := 0; ; page++ {
		if page > 100 {
			t.Fatal("paging does not end")
		}
		r := a.do(t, "GET", "/api/v1/documents?limit=3&cursor="+url.QueryEscape(cursor), "", nil)
		r.ok(t, http.StatusOK)
		var l DocumentList
		r.decode(t, &l)
		if len(l.Documents) > 3 {
			t.Fatalf("page of %d documents, limit 3", len(l.Documents))
		}
		all = append(all, l.Documents...)
		if l.NextCursor == "" {
			break
		}
		cursor = l.NextCursor
	}
	seen := map[string]bool{}
	for _, d := range all {
		if seen[d.ID] {
			t.Errorf("document %s on two pages", d.ID)
		}
		seen[d.ID] = true
	}
	if len(all) < 20 {
		t.Errorf("the sample has 5 documents and about 20 stubs; listed %d", len(all))
	}

	r := a.do(t, "GET", "/api/v1/documents?number=nq+25%2Ftw", "", nil)
	r.ok(t, http.StatusOK)
	var byNumber DocumentList
	r.decode(t, &byNumber)
	if len(byNumber.Documents) != 1 || byNumber.Documents[0].Number != "25-NQ/TW" {
		t.Errorf("?number=nq 25/tw: %+v", byNumber)
	}

	for _, tc := range []struct {
		query string
		check func(vncite.Document) bool
	}{
		{"type=KH", func(d vncite.Document) bool { return d.Type == "KH" }},
		{"issuer=TW", func(d vncite.Document) bool { return d.Issuer == "TW" }},
		{"level=central", func(d vncite.Document) bool { return d.Level == vncite.LevelCentral }},
		{"from=2015-01-01&to=2015-12-31", func(d vncite.Document) bool { return d.Date >= "2015-01-01" && d.Date <= "2015-12-31" }},
	} {
		r := a.do(t, "GET", "/api/v1/documents?limit=500&"+tc.query, "", nil)
		r.ok(t, http.StatusOK)
		var l DocumentList
		r.decode(t, &l)
		if len(l.Documents) == 0 {
			t.Errorf("%s: no documents", tc.query)
		}
		for _, d := range l.Documents {
			if !tc.check(d) {
				t.Errorf("%s: listed %s (%s %s %s %s)", tc.query, d.Number, d.Type, d.Issuer, d.Level, d.Date)
			}
		}
	}
}

func TestResolve(t *testing.T) {
	a := sampleAPI(t)
	for _, q := range []string{"25-NQ/TW", "nq 25/tw", "Nghị quyết số 25-NQ/TW", "nghi quyet so 25-nq/tw", "25–NQ/TW"} {
		r := a.do(t, "GET", "/api/v1/resolve?number="+url.QueryEscape(q), "", nil)
		r.ok(t, http.StatusOK)
		var res Resolution
		r.decode(t, &res)
		if res.Canonical != "25-NQ/TW" || len(res.Candidates) != 1 || res.Candidates[0].Number != "25-NQ/TW" {
			t.Errorf("resolve %q: %+v", q, res)
		}
	}
	// A short form without issuer lists the documents it may mean.
	r0 := a.do(t, "GET", "/api/v1/resolve?number="+url.QueryEscape("Nghị quyết 25"), "", nil)
	r0.ok(t, http.StatusOK)
	var short Resolution
	r0.decode(t, &short)
	if len(short.Candidates) == 0 || short.Candidates[0].Number != "25-NQ/TW" || short.Canonical != "" {
		t.Errorf("resolve Nghị quyết 25: %+v", short)
	}
	// A number nobody cites: no candidates, not an error.
	r := a.do(t, "GET", "/api/v1/resolve?number=999-NQ/TW", "", nil)
	r.ok(t, http.StatusOK)
	var res Resolution
	r.decode(t, &res)
	if len(res.Candidates) != 0 || res.Ambiguous {
		t.Errorf("999-NQ/TW: %+v", res)
	}
	a.do(t, "GET", "/api/v1/resolve?number=hello", "", nil).problem(t, http.StatusBadRequest)
	a.do(t, "GET", "/api/v1/resolve", "", nil).problem(t, http.StatusBadRequest)
}

func TestSearch(t *testing.T) {
	a := sampleAPI(t)
	r := a.do(t, "GET", "/api/v1/search?q="+url.QueryEscape("nghi quyet 25"), "", nil)
	r.ok(t, http.StatusOK)
	var res struct {
		Total      int             `json:"total"`
		Hits       []search.Hit    `json:"hits"`
		Facets     json.RawMessage `json:"facets"`
		NextCursor string          `json:"next_cursor"`
	}
	r.decode(t, &res)
	if res.Total == 0 || len(res.Hits) == 0 {
		t.Fatalf("no hits for nghi quyet 25: %s", r.body)
	}
	if res.Hits[0].Number != "25-NQ/TW" {
		t.Errorf("first hit %q, want 25-NQ/TW", res.Hits[0].Number)
	}
	if len(res.Facets) == 0 {
		t.Errorf("no facets")
	}

	// Paging by cursor visits every hit once.
	seen := map[string]bool{}
	cursor := ""
	for i := 0; i < 50; i++ {
		r := a.do(t, "GET", "/api/v1/search?limit=2&q=dan+van&cursor="+url.QueryEscape(cursor), "", nil)
		r.ok(t, http.StatusOK)
		var page struct {
			Total      int          `json:"total"`
			Hits       []search.Hit `json:"hits"`
			NextCursor string       `json:"next_cursor"`
		}
		r.decode(t, &page)
		for _, h := range page.Hits {
			if seen[h.ID] {
				t.Errorf("hit %s twice", h.ID)
			}
			seen[h.ID] = true
		}
		if page.NextCursor == "" {
			if len(seen) != page.Total {
				t.Errorf("paged %d hits, total %d", len(seen), page.Total)
			}
			break
		}
		cursor = page.NextCursor
	}
}

func TestLineage(t *testing.T) {
	a := sampleAPI(t)
	r := a.do(t, "GET", "/api/v1/lineage/114-KL/TW?direction=down&depth=2", "", nil)
	r.ok(t, http.StatusOK)
	var g vncite.Graph
	r.decode(t, &g)
	var got []string
	for _, n := range g.Nodes {
		got = append(got, n.Number)
	}
	for _, want := range []string{"114-KL/TW", "135-KH/TU", "03-KH/HU", "307-CV/HU"} {
		if !slices.Contains(got, want) {
			t.Errorf("lineage down of 114-KL/TW: nodes %v, want %s", got, want)
		}
	}
	// format=json without download is the same inline graph.
	if r3 := a.do(t, "GET", "/api/v1/lineage/114-KL/TW?direction=down&depth=2&format=json", "", nil); !bytes.Equal(r.body, r3.body) || r3.header.Get("Content-Disposition") != "" {
		t.Errorf("format=json differs from the default or is a download")
	}
	// ?number= is the same graph.
	r2 := a.do(t, "GET", "/api/v1/lineage?number=114-KL%2FTW&direction=down&depth=2", "", nil)
	r2.ok(t, http.StatusOK)
	if !bytes.Equal(r.body, r2.body) {
		t.Errorf("lineage by path and by ?number= differ")
	}

	r = a.do(t, "GET", "/api/v1/lineage/307-CV/HU?direction=up&depth=3", "", nil)
	r.ok(t, http.StatusOK)
	r.decode(t, &g)
	got = got[:0]
	for _, n := range g.Nodes {
		got = append(got, n.Number)
	}
	for _, want := range []string{"25-NQ/TW", "114-KL/TW"} {
		if !slices.Contains(got, want) {
			t.Errorf("lineage up of 307-CV/HU: nodes %v, want %s", got, want)
		}
	}

	// Every export format downloads with its media type and a file name.
	for _, f := range export.Formats {
		t.Run(f, func(t *testing.T) {
			r := a.do(t, "GET", "/api/v1/lineage/114-KL/TW?direction=down&depth=2&download=1&format="+f, "", nil)
			r.ok(t, http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != export.ContentType(f) {
				t.Errorf("Content-Type %q, want %q", ct, export.ContentType(f))
			}
			cd := r.header.Get("Content-Disposition")
			if !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, export.Extension(f)) {
				t.Errorf("Content-Disposition %q", cd)
			}
			if !bytes.Contains(r.body, []byte("135-KH/TU")) {
				t.Errorf("%s export lacks 135-KH/TU: %s", f, clip(string(r.body), 300))
			}
		})
	}
}

func TestPathCoverageStats(t *testing.T) {
	a := sampleAPI(t)
	r := a.do(t, "GET", "/api/v1/path?from=307-CV/HU&to=25-NQ/TW", "", nil)
	r.ok(t, http.StatusOK)
	if !bytes.Contains(r.body, []byte("25-NQ/TW")) {
		t.Errorf("path: %s", r.body)
	}
	r = a.do(t, "GET", "/api/v1/coverage/114-KL/TW", "", nil)
	r.ok(t, http.StatusOK)
	r = a.do(t, "GET", "/api/v1/coverage?number=114-KL/TW", "", nil)
	r.ok(t, http.StatusOK)
	r = a.do(t, "GET", "/api/v1/stats", "", nil)
	r.ok(t, http.StatusOK)
	var st map[string]any
	r.decode(t, &st)
	if len(st) == 0 {
		t.Errorf("empty stats")
	}
}

func TestIngest(t *testing.T) {
	a := newAPI(t, Limits{MaxDocumentBytes: 64 << 10})
	text := "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nHUYỆN ỦY ĐAKRÔNG\nSố: 41-KH/HU\nĐakrông, ngày 10 tháng 3 năm 2016\n\nKẾ HOẠCH\nTriển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp.\n"
	body, _ := json.Marshal(IngestRequest{Source: "test://41-KH-HU", Text: text})
	r := a.do(t, "POST", "/api/v1/documents", "application/json", body)
	r.ok(t, http.StatusCreated)
	var d vncite.Document
	r.decode(t, &d)
	if d.Number != "41-KH/HU" || d.ID == "" || d.Source != "test://41-KH-HU" {
		t.Fatalf("stored %+v", d)
	}
	if loc := r.header.Get("Location"); loc == "" {
		t.Errorf("no Location header")
	}
	// It is there at once, citing 114-KL/TW.
	r = a.do(t, "GET", "/api/v1/documents/114-KL/TW/cited-by", "", nil)
	r.ok(t, http.StatusOK)
	if !bytes.Contains(r.body, []byte("41-KH/HU")) {
		t.Errorf("114-KL/TW not cited by the new plan: %s", clip(string(r.body), 500))
	}

	// text/plain with ?source=.
	r = a.do(t, "POST", "/api/v1/documents?source=plain.txt", "text/plain; charset=utf-8", []byte(strings.Replace(text, "41-KH/HU", "42-KH/HU", 1)))
	r.ok(t, http.StatusCreated)
	r.decode(t, &d)
	if d.Number != "42-KH/HU" || d.Source != "plain.txt" {
		t.Errorf("text/plain stored %+v", d)
	}

	// A text without a number of its own (a news article) is stored too,
	// under an id of its own.
	article := "Đổi mới công tác dân vận chính quyền\n\nThời gian qua, huyện đã quán triệt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương về công tác dân vận.\n"
	r = a.do(t, "POST", "/api/v1/documents?source=news.html", "text/plain; charset=utf-8", []byte(article))
	r.ok(t, http.StatusCreated)
	var art vncite.Document
	r.decode(t, &art)
	if art.ID == "" || art.Number != "" || art.Source != "news.html" {
		t.Errorf("article stored as %+v", art)
	}
	a.do(t, "GET", "/api/v1/documents/"+url.PathEscape(art.ID), "", nil).ok(t, http.StatusOK)

	// The same text again changes nothing: 200 with the same document.
	r = a.do(t, "POST", "/api/v1/documents?source=plain.txt", "text/plain; charset=utf-8", []byte(strings.Replace(text, "41-KH/HU", "42-KH/HU", 1)))
	r.ok(t, http.StatusOK)

	// A legacy encoding is detected when no charset is declared.
	tcvn3, err := textin.Encode(strings.Replace(text, "41-KH/HU", "43-KH/HU", 1), textin.EncTCVN3)
	if err != nil {
		t.Fatal(err)
	}
	r = a.do(t, "POST", "/api/v1/documents?source=old.txt", "application/octet-stream", tcvn3)
	r.ok(t, http.StatusCreated)
	r.decode(t, &d)
	if d.Number != "43-KH/HU" {
		t.Errorf("TCVN3 document stored as %+v", d)
	}

	// Bad bodies are refused and nothing stored is lost.
	before := a.do(t, "GET", "/api/v1/stats", "", nil).body
	for _, tc := range []struct {
		name, ct string
		body     []byte
		status   int
	}{
		{"malformed json", "application/json", []byte(`{"text": "abc`), http.StatusBadRequest},
		{"json array", "application/json", []byte(`["text"]`), http.StatusBadRequest},
		{"unknown field", "application/json", []byte(`{"txt": "abc"}`), http.StatusBadRequest},
		{"two values", "application/json", []byte(`{"text": "abc"} {"text": "def"}`), http.StatusBadRequest},
		{"deep nesting", "application/json", []byte(`{"text": "abc", "source": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`), http.StatusBadRequest},
		{"text not a string", "application/json", []byte(`{"text": 25}`), http.StatusBadRequest},
		{"null", "application/json", []byte(`null`), http.StatusBadRequest},
		{"empty body", "application/json", []byte(``), http.StatusBadRequest},
		{"empty text", "application/json", []byte(`{"text": "  "}`), http.StatusBadRequest},
		{"invalid utf-8 json", "application/json", []byte("{\"text\": \"Ngh\xe1 quy\xff\"}"), http.StatusBadRequest},
		{"invalid utf-8 text", "text/plain; charset=utf-8", []byte("Ngh\xe1 quy\xff 25-NQ/TW"), http.StatusBadRequest},
		{"binary", "text/plain", []byte("\x00\x01\x02\x00\x00\x00\x07\x08\x00 25-NQ/TW \x00\x00\x01"), http.StatusBadRequest},
		{"binary in json", "application/json", []byte(`{"text": "\u0000\u0001\u0002\u0000\u0000\u0000\u0007\u0008\u0000 25-NQ/TW \u0000"}`), http.StatusBadRequest},
		{"pdf", "application/octet-stream", []byte("%PDF-1.4\n1 0 obj"), http.StatusUnsupportedMediaType},
		{"corrupt docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", []byte("PK\x03\x04garbage"), http.StatusBadRequest},
		{"over the limit", "text/plain", bytes.Repeat([]byte("Nghị quyết 25-NQ/TW. "), 4000), http.StatusRequestEntityTooLarge},
		{"wrong media type", "application/pdf", []byte("%PDF-1.4"), http.StatusUnsupportedMediaType},
		{"xml", "application/xml", []byte("<a/>"), http.StatusUnsupportedMediaType},
		{"malformed content type", "text/", []byte("abc"), http.StatusUnsupportedMediaType},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.do(t, "POST", "/api/v1/documents", tc.ct, tc.body).problem(t, tc.status)
		})
	}
	if after := a.do(t, "GET", "/api/v1/stats", "", nil).body; !bytes.Equal(before, after) {
		t.Errorf("refused bodies changed the store:\n%s\n%s", before, after)
	}
}

func TestCitationLookup(t *testing.T) {
	a := sampleAPI(t)
	text := "Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), Chỉ thị số 24-CT/TU của Ban Thường vụ Tỉnh ủy và Kế hoạch số 109/KH-UBND; Quyết định số 999-QĐ/TW."
	body, _ := json.Marshal(IngestRequest{Text: text})
	r := a.do(t, "POST", "/api/v1/citation-lookup", "application/json", body)
	r.ok(t, http.StatusOK)
	var res LookupResult
	r.decode(t, &res)
	status := map[string]string{}
	for _, c := range res.Citations {
		if text[c.Start:c.End] != c.AsWritten {
			t.Errorf("%s: offsets [%d,%d) hold %q, as_written %q", c.Number, c.Start, c.End, text[c.Start:c.End], c.AsWritten)
		}
		status[c.Number] = c.Status
		switch c.Status {
		case StatusFound, StatusStub:
			if c.Document == nil {
				t.Errorf("%s %s without its document", c.Number, c.Status)
			}
		case StatusAmbiguous:
			if len(c.Candidates) < 2 {
				t.Errorf("%s ambiguous with %d candidates", c.Number, len(c.Candidates))
			}
		}
	}
	want := map[string]string{"25-NQ/TW": StatusStub, "109/KH-UBND": StatusFound, "999-QĐ/TW": StatusUnknown}
	for n, s := range want {
		if status[n] != s {
			t.Errorf("%s: status %q, want %q (all: %v)", n, status[n], s, status)
		}
	}
	if res.Normalized || res.Text != "" {
		t.Errorf("NFC text reported normalized")
	}
	// NFD text is read as NFC: the offsets point into the text sent back.
	nfd := norm.NFD.String(text)
	body, _ = json.Marshal(IngestRequest{Text: nfd})
	r = a.do(t, "POST", "/api/v1/citation-lookup", "application/json", body)
	r.ok(t, http.StatusOK)
	var nres LookupResult
	r.decode(t, &nres)
	if !nres.Normalized || nres.Text != text || len(nres.Citations) != len(res.Citations) {
		t.Errorf("NFD lookup: normalized %v, %d citations", nres.Normalized, len(nres.Citations))
	}
	for _, c := range nres.Citations {
		if nres.Text[c.Start:c.End] != c.AsWritten {
			t.Errorf("NFD lookup offsets of %s", c.Number)
		}
	}
	// Plain text works too.
	r = a.do(t, "POST", "/api/v1/citation-lookup", "text/plain", []byte(text))
	r.ok(t, http.StatusOK)
	a.do(t, "POST", "/api/v1/citation-lookup", "text/plain", bytes.Repeat([]byte("x"), 2<<20)).problem(t, http.StatusRequestEntityTooLarge)
}

// TestErrors checks that bad and hostile requests get a 4xx problem+json
// and that the server keeps answering after them.
func TestErrors(t *testing.T) {
	a := sampleAPI(t)
	manyTerms := strings.TrimSpace(strings.Repeat("dân vận ", 5000)) // 10,000 terms
	for _, tc := range []struct {
		name, method, target string
		status               int
	}{
		{"unknown number", "GET", "/api/v1/documents/999-NQ/TW", 404},
		{"unknown id", "GET", "/api/v1/documents/no-such-id", 404},
		{"unknown number references", "GET", "/api/v1/documents/999-NQ/TW/references", 404},
		{"unknown lineage", "GET", "/api/v1/lineage/999-NQ/TW", 404},
		{"unknown coverage", "GET", "/api/v1/coverage/999-NQ/TW", 404},
		{"unknown path end", "GET", "/api/v1/path?from=25-NQ/TW&to=999-NQ/TW", 404},
		{"path without ends", "GET", "/api/v1/path?from=25-NQ/TW", 400},
		{"lineage without number", "GET", "/api/v1/lineage", 400},
		{"depth 0", "GET", "/api/v1/lineage/25-NQ/TW?depth=0", 400},
		{"depth 11", "GET", "/api/v1/lineage/25-NQ/TW?depth=11", 400},
		{"depth 1000", "GET", "/api/v1/lineage/25-NQ/TW?depth=1000", 400},
		{"depth -1", "GET", "/api/v1/lineage/25-NQ/TW?depth=-1", 400},
		{"depth word", "GET", "/api/v1/lineage/25-NQ/TW?depth=deep", 400},
		{"depth huge", "GET", "/api/v1/lineage/25-NQ/TW?depth=99999999999999999999999", 400},
		{"bad direction", "GET", "/api/v1/lineage/25-NQ/TW?direction=sideways", 400},
		{"bad format", "GET", "/api/v1/lineage/25-NQ/TW?format=pdf", 400},
		{"bad limit", "GET", "/api/v1/documents?limit=0", 400},
		{"limit over cap", "GET", "/api/v1/documents?limit=100000", 400},
		{"bad level", "GET", "/api/v1/documents?level=galaxy", 400},
		{"bad date", "GET", "/api/v1/documents?from=yesterday", 400},
		{"bad cursor", "GET", "/api/v1/documents?cursor=%21%21%21", 400},
		{"bad search cursor", "GET", "/api/v1/search?q=dan&cursor=abc", 400},
		{"empty search", "GET", "/api/v1/search", 400},
		{"search bad sort", "GET", "/api/v1/search?q=dan&sort=random", 400},
		{"search bad date", "GET", "/api/v1/search?q=dan&from=2016-13-45", 400},
		{"10000-term query", "GET", "/api/v1/search?q=" + url.QueryEscape(manyTerms), 400},
		{"long query", "GET", "/api/v1/search?q=" + strings.Repeat("a", 5000), 400},
		{"wildcard storm", "GET", "/api/v1/search?q=" + url.QueryEscape("*a* ?b* c*d* *e *f* g?* *h*"), 400},
		{"one wildcard", "GET", "/api/v1/search?q=" + url.QueryEscape("*"), 400},
		{"regexp", "GET", "/api/v1/search?q=" + url.QueryEscape("/.*.*.*.*.*x/"), 400},
		{"invalid utf-8 query", "GET", "/api/v1/search?q=%ff%fe", 400},
		{"invalid utf-8 path", "GET", "/api/v1/documents/%ff%fe-NQ/TW", 400},
		{"invalid utf-8 resolve", "GET", "/api/v1/resolve?number=25%ff", 400},
		{"control character", "GET", "/api/v1/search?q=dan%00van", 400},
		{"malformed query string", "GET", "/api/v1/search?q=%zz", 400},
		{"long number", "GET", "/api/v1/documents/" + strings.Repeat("9", 300) + "-NQ/TW", 400},
		{"wrong method documents", "DELETE", "/api/v1/documents", 405},
		{"wrong method document", "PUT", "/api/v1/documents/25-NQ/TW", 405},
		{"wrong method stats", "POST", "/api/v1/stats", 405},
		{"wrong method lookup", "GET", "/api/v1/citation-lookup", 405},
		{"unknown route", "GET", "/api/v1/nothing", 404},
		{"unknown version", "GET", "/api/v2/stats", 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := a.do(t, tc.method, tc.target, "", nil).problem(t, tc.status)
			if !strings.HasPrefix(p.Type, problemTypeBase) {
				t.Errorf("type %q", p.Type)
			}
		})
	}
	r := a.do(t, "DELETE", "/api/v1/documents", "", nil)
	if allow := r.header.Get("Allow"); allow != "GET, HEAD, POST" {
		t.Errorf("Allow %q, want GET, HEAD, POST", allow)
	}
	a.do(t, "HEAD", "/api/v1/documents/25-NQ/TW", "", nil).ok(t, http.StatusOK)
	a.do(t, "GET", "/healthz", "", nil).ok(t, http.StatusOK)
}

// TestProblemOverNetwork sends hostile requests over a real connection:
// the server answers each with a problem and stays up.
func TestProblemOverNetwork(t *testing.T) {
	a := sampleAPI(t)
	client := a.ts.Client()
	huge := bytes.Repeat([]byte("Nghị quyết 25-NQ/TW. "), 300000) // ~7 MB
	resp, err := client.Post(a.ts.URL+"/api/v1/documents", "text/plain", bytes.NewReader(huge))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("huge body: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), clip(string(body), 200))
	}
	q := url.QueryEscape(strings.Repeat("đảng ", 10000))
	resp, err = client.Get(a.ts.URL + "/api/v1/search?q=" + q)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("10,000-term query over the network: %d", resp.StatusCode)
	}
	resp, err = client.Get(a.ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz after hostile requests: %d", resp.StatusCode)
	}
}

func TestExplorerAndHealth(t *testing.T) {
	a := sampleAPI(t)
	r := a.do(t, "GET", "/", "", nil)
	r.ok(t, http.StatusOK)
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Errorf("/ is %q", r.header.Get("Content-Type"))
	}
	a.do(t, "HEAD", "/healthz", "", nil).ok(t, http.StatusOK)
	a.do(t, "POST", "/", "text/plain", []byte("x")).problem(t, http.StatusMethodNotAllowed)
}

// TestReadsDuringIngest runs readers against every read route while
// documents are POSTed; with -race it checks the handlers and the store
// share nothing unsafely, and every read answers 200.
func TestReadsDuringIngest(t *testing.T) {
	a := newAPI(t, Limits{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reads := []string{
		"/api/v1/documents/114-KL/TW",
		"/api/v1/documents?limit=10",
		"/api/v1/lineage/114-KL/TW?depth=3",
		"/api/v1/search?q=dan+van",
		"/api/v1/resolve?number=25-NQ/TW",
		"/api/v1/stats",
		"/api/v1/coverage/114-KL/TW",
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for n := 0; ctx.Err() == nil; n++ {
				target := reads[(i+n)%len(reads)]
				resp, err := a.ts.Client().Get(a.ts.URL + target)
				if err != nil {
					errs <- err
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					errs <- fmt.Errorf("GET %s during ingest: %d", target, resp.StatusCode)
					return
				}
			}
		}(i)
	}
	for i := 0; i < 20; i++ {
		text := fmt.Sprintf("HUYỆN ỦY TEST\nSố: %d-KH/HU\nngày 10 tháng 3 năm 2016\nKẾ HOẠCH triển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư và Nghị quyết số 25-NQ/TW.\n", 500+i)
		body, _ := json.Marshal(IngestRequest{Source: fmt.Sprintf("race-%d", i), Text: text})
		resp, err := a.ts.Client().Post(a.ts.URL+"/api/v1/documents", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST %d: %d", i, resp.StatusCode)
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	r := a.do(t, "GET", "/api/v1/documents/114-KL/TW/cited-by", "", nil)
	r.ok(t, http.StatusOK)
	var l Links
	r.decode(t, &l)
	if l.Total < 20 {
		t.Errorf("114-KL/TW cited by %d after 20 ingests citing it", l.Total)
	}
}

// TestGraphTooLarge caps lineage graphs at two nodes: a deeper lineage is
// refused with its size, a depth that stays under the cap is served.
func TestGraphTooLarge(t *testing.T) {
	a := newAPI(t, Limits{MaxGraphNodes: 2})
	p := a.do(t, "GET", "/api/v1/lineage/114-KL/TW?direction=down&depth=3", "", nil).problem(t, http.StatusBadRequest)
	if !strings.Contains(p.Detail, "smaller depth") {
		t.Errorf("detail %q", p.Detail)
	}
	a.do(t, "GET", "/api/v1/lineage/52-CT/TU?direction=down&depth=1", "", nil).ok(t, http.StatusOK)
}

// TestTimeout gives requests no time at all: the routes whose work checks
// the deadline answer 503 problem+json with Retry-After instead of running
// on, and the server answers the next request.
func TestTimeout(t *testing.T) {
	a := newAPI(t, Limits{RequestTimeout: time.Nanosecond})
	for _, target := range []string{
		"/api/v1/lineage/114-KL/TW?depth=3",
		"/api/v1/search?q=dan+van",
		"/api/v1/coverage/114-KL/TW",
	} {
		r := a.do(t, "GET", target, "", nil)
		p := r.problem(t, http.StatusServiceUnavailable)
		if p.Type != problemTypeBase+string(ETimeout) || r.header.Get("Retry-After") == "" {
			t.Errorf("%s: %+v, Retry-After %q", target, p, r.header.Get("Retry-After"))
		}
	}
	a.do(t, "GET", "/healthz", "", nil).ok(t, http.StatusOK)
}

// TestAmbiguous stores two district plans numbered 77-KH/HU in two
// provinces: the number alone is ambiguous everywhere it is asked for, and
// each id still names one.
func TestAmbiguous(t *testing.T) {
	a := newAPI(t, Limits{})
	for i, head := range []string{"ĐẢNG BỘ TỈNH QUẢNG TRỊ\nHUYỆN ỦY ĐAKRÔNG", "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐẠ HUOAI"} {
		text := head + "\n*\nSố: 77-KH/HU\nngày 10 tháng 3 năm 2016\n\nKẾ HOẠCH\ntriển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.\n"
		body, _ := json.Marshal(IngestRequest{Source: fmt.Sprintf("ambiguous-%d", i), Text: text})
		a.do(t, "POST", "/api/v1/documents", "application/json", body).ok(t, http.StatusCreated)
	}
	p := a.do(t, "GET", "/api/v1/documents/77-KH/HU", "", nil).problem(t, http.StatusMultipleChoices)
	if len(p.Candidates) != 2 || p.Candidates[0].ID == p.Candidates[1].ID {
		t.Fatalf("candidates %+v", p.Candidates)
	}
	for _, c := range p.Candidates {
		r := a.do(t, "GET", "/api/v1/documents/"+url.PathEscape(c.ID), "", nil)
		r.ok(t, http.StatusOK)
	}
	a.do(t, "GET", "/api/v1/lineage/77-KH/HU?direction=up", "", nil).problem(t, http.StatusMultipleChoices)

	r := a.do(t, "GET", "/api/v1/resolve?number=77-KH%2FHU", "", nil)
	r.ok(t, http.StatusOK)
	var res Resolution
	r.decode(t, &res)
	if !res.Ambiguous || len(res.Candidates) != 2 {
		t.Errorf("resolve: %+v", res)
	}

	body, _ := json.Marshal(IngestRequest{Text: "Thực hiện Kế hoạch số 77-KH/HU của Huyện ủy."})
	r = a.do(t, "POST", "/api/v1/citation-lookup", "application/json", body)
	r.ok(t, http.StatusOK)
	var lr LookupResult
	r.decode(t, &lr)
	if len(lr.Citations) != 1 || lr.Citations[0].Status != StatusAmbiguous || len(lr.Citations[0].Candidates) != 2 {
		t.Errorf("lookup: %+v", lr)
	}
}

// TestCitationLookupHostile sends a text that is nothing but references:
// it is refused (too many) or answered, within the request's time, and the
// server answers the next request.
func TestCitationLookupHostile(t *testing.T) {
	a := sampleAPI(t)
	many := strings.Repeat("Nghị quyết số 25-NQ/TW, ", 30000) // ~750 KB, 30,000 references
	a.do(t, "POST", "/api/v1/citation-lookup", "text/plain", []byte(many)).problem(t, http.StatusBadRequest)
	some := strings.Repeat("Nghị quyết số 25-NQ/TW, Chỉ thị số 16/CT-TTg; ", 2000) // 4,000 references, 2 distinct
	r := a.do(t, "POST", "/api/v1/citation-lookup", "text/plain", []byte(some))
	r.ok(t, http.StatusOK)
	var res LookupResult
	r.decode(t, &res)
	if len(res.Citations) != 4000 {
		t.Errorf("%d citations, want 4000", len(res.Citations))
	}
	a.do(t, "GET", "/healthz", "", nil).ok(t, http.StatusOK)
}

// TestIngestBatch posts JSON Lines: the good documents are stored in one
// ingest and the unreadable one is skipped with its reason; a malformed
// line refuses the whole body and stores nothing.
func TestIngestBatch(t *testing.T) {
	a := newAPI(t, Limits{})
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	for i := 0; i < 30; i++ {
		enc.Encode(IngestRequest{Source: fmt.Sprintf("batch-%d.txt", i), Text: fmt.Sprintf("HUYỆN ỦY ĐAKRÔNG\nSố: %d-KH/HU\nngày 10 tháng 3 năm 2016\nKẾ HOẠCH triển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.\n", 600+i)})
	}
	enc.Encode(IngestRequest{Source: "binary.bin", Text: "\x00\x01\x02\x00\x00\x00\x07\x08\x00\x00\x00\x00"})
	r := a.do(t, "POST", "/api/v1/documents", "application/x-ndjson", body.Bytes())
	r.ok(t, http.StatusOK)
	var sum graph.Summary
	r.decode(t, &sum)
	if sum.Inputs != 31 || sum.Documents != 30 || len(sum.Skipped) != 1 || sum.Skipped[0].Source != "binary.bin" {
		t.Errorf("summary %+v", sum)
	}
	a.do(t, "GET", "/api/v1/documents/629-KH/HU", "", nil).ok(t, http.StatusOK)

	before := a.do(t, "GET", "/api/v1/stats", "", nil).body
	bad := []byte(`{"source":"a","text":"Số: 700-KH/HU"}` + "\n" + `{"source":"b","text":` + "\n")
	p := a.do(t, "POST", "/api/v1/documents", "application/x-ndjson", bad).problem(t, http.StatusBadRequest)
	if !strings.Contains(p.Detail, "document 2") {
		t.Errorf("detail %q", p.Detail)
	}
	a.do(t, "POST", "/api/v1/documents", "application/x-ndjson", nil).problem(t, http.StatusBadRequest)
	if after := a.do(t, "GET", "/api/v1/stats", "", nil).body; !bytes.Equal(before, after) {
		t.Errorf("a refused batch changed the store")
	}
	small := newAPI(t, Limits{MaxBatchBytes: 1024})
	small.do(t, "POST", "/api/v1/documents", "application/x-ndjson", body.Bytes()).problem(t, http.StatusRequestEntityTooLarge)
}

// TestCrossOrigin checks that a browser page from another origin cannot
// POST into the store, while same-origin pages, non-browser clients and
// cross-origin reads work.
func TestCrossOrigin(t *testing.T) {
	a := newAPI(t, Limits{})
	text := []byte("HUYỆN ỦY ĐAKRÔNG\nSố: 91-KH/HU\nThực hiện Nghị quyết số 25-NQ/TW.")
	for _, tc := range []struct {
		name   string
		header map[string]string
		status int
	}{
		{"cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"foreign origin", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"same origin", map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://example.com"}, http.StatusCreated},
		{"no browser", nil, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/v1/documents", bytes.NewReader(text))
			req.Header.Set("Content-Type", "text/plain; charset=utf-8")
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			a.h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Errorf("%d, want %d: %s", rec.Code, tc.status, rec.Body.String())
			}
			if tc.status == http.StatusForbidden && rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
			}
		})
	}
	// With Hosts set, another Host (DNS rebinding) is refused, even a GET.
	a.srv.Hosts = []string{"127.0.0.1:8080", "localhost:8080"}
	for host, status := range map[string]int{"localhost:8080": 200, "127.0.0.1:8080": 200, "evil.example:8080": 403, "LOCALHOST:8080": 200} {
		req := httptest.NewRequest("GET", "/api/v1/stats", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		if rec.Code != status {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, status)
		}
	}
	a.srv.Hosts = nil

	req := httptest.NewRequest("GET", "/api/v1/stats", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("cross-site GET: %d", rec.Code)
	}
}

// TestWithoutIndex serves a store with no search index: the routes that
// need one answer 503 problem+json, the others work.
func TestWithoutIndex(t *testing.T) {
	st, err := graph.Open(context.Background(), t.TempDir(), graph.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := &Server{Store: st}
	h, err := NewHandler(srv)
	if err != nil {
		t.Fatal(err)
	}
	a := &testAPI{srv: srv, h: h}
	a.do(t, "GET", "/api/v1/search?q=dan", "", nil).problem(t, http.StatusServiceUnavailable)
	a.do(t, "GET", "/api/v1/documents", "", nil).problem(t, http.StatusServiceUnavailable)
	a.do(t, "POST", "/api/v1/documents", "text/plain; charset=utf-8", []byte("HUYỆN ỦY ĐAKRÔNG\nSố: 41-KH/HU\nThực hiện Nghị quyết số 25-NQ/TW.")).ok(t, http.StatusCreated)
	a.do(t, "GET", "/api/v1/documents/25-NQ/TW", "", nil).ok(t, http.StatusOK)
	a.do(t, "GET", "/api/v1/stats", "", nil).ok(t, http.StatusOK)
	if _, err := NewHandler(&Server{}); err == nil {
		t.Error("NewHandler without a store: no error")
	}
}

package api

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzRequests sends arbitrary paths, query strings and bodies to the read
// and write routes: every answer is a 2xx, or a 4xx problem+json; never a
// 5xx, never a panic.
func FuzzRequests(f *testing.F) {
	for _, seed := range []struct{ path, query, body string }{
		{"/api/v1/search", "q=nghi+quyet+25", ""},
		{"/api/v1/search", "q=%ff&from=2016-13", ""},
		{"/api/v1/search", "q=*a*+b?&sort=date&cursor=bzEw", ""},
		{"/api/v1/documents", "limit=3&type=KH&cursor=x", ""},
		{"/api/v1/documents/25-NQ/TW", "", ""},
		{"/api/v1/documents/18/2000/CT-TTg/references", "", ""},
		{"/api/v1/lineage/114-KL/TW", "depth=1000&direction=up&format=gexf", ""},
		{"/api/v1/resolve", "number=nq%2025/tw", ""},
		{"/api/v1/path", "from=307-CV/HU&to=25-NQ/TW", ""},
		{"/api/v1/citation-lookup", "", `{"text":"Căn cứ Nghị quyết số 25-NQ/TW"}`},
		{"/api/v1/citation-lookup", "", `{"text":"\ud800"}`},
	} {
		f.Add(seed.path, seed.query, seed.body)
	}
	a := sampleAPI(f)
	f.Fuzz(func(t *testing.T, path, rawQuery, body string) {
		if !strings.HasPrefix(path, "/api/v1/") {
			path = "/api/v1/" + path
		}
		method := http.MethodGet
		if strings.HasSuffix(path, "citation-lookup") {
			method = http.MethodPost
		}
		req := httptest.NewRequest(method, "/", bytes.NewReader([]byte(body)))
		req.URL = &url.URL{Path: path, RawQuery: rawQuery}
		req.RequestURI = req.URL.RequestURI()
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		switch {
		case rec.Code >= 500:
			t.Fatalf("%s %s?%s: %d %s", method, path, rawQuery, rec.Code, rec.Body.String())
		case rec.Code >= 400 && rec.Header().Get("Content-Type") != "application/problem+json":
			t.Fatalf("%s %s?%s: %d with Content-Type %q", method, path, rawQuery, rec.Code, rec.Header().Get("Content-Type"))
		}
	})
}

// FuzzCursorAndDate checks the two small parsers of query values: a cursor
// decodes to an offset that encodes back to the same cursor, or is
// refused; a date is refused or normalized to a valid YYYY-MM-DD.
func FuzzCursorAndDate(f *testing.F) {
	for _, s := range []string{"", "bzA", "bzAw", "bys1", encodeCursor(50), "!!!", "2016", "2016-05", "2016-05-15", "2016-02-30", "-1", "99999-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if off, err := decodeCursor(s); err == nil && s != "" {
			if off < 0 || encodeCursor(off) != s {
				t.Errorf("cursor %q → %d → %q", s, off, encodeCursor(off))
			}
		}
		p := params{v: url.Values{"d": {s}}}
		for _, end := range []bool{false, true} {
			d, err := p.date("d", end)
			if err != nil || d == "" {
				continue
			}
			if _, perr := time.Parse("2006-01-02", d); perr != nil || len(d) != 10 {
				t.Errorf("date %q → %q", s, d)
			}
		}
	})
}

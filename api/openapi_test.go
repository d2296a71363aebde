package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/gorilla/mux"
)

// loadOpenAPI loads and validates the embedded OpenAPI document.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	// The export formats are text to the validator.
	for _, ct := range []string{"application/graphml+xml", "application/gexf+xml", "text/vnd.graphviz", "application/x-ndjson"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
	}
	doc, err := openapi3.NewLoader().LoadFromData(OpenAPI())
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi.json is version %s, want 3.1", doc.OpenAPI)
	}
	return doc
}

// specPath turns a mux path template into the OpenAPI path it documents:
// "/api/v1/documents/{id:.+}" → "/api/v1/documents/{id}".
var muxPattern = regexp.MustCompile(`\{([a-z]+):[^}]*\}`)

func specPath(tpl string) string { return muxPattern.ReplaceAllString(tpl, "{$1}") }

// TestOpenAPIRoutes checks that every route the router registers is in the
// OpenAPI document with its method, and every documented operation is
// routed.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	s := &Server{limits: Limits{}.withDefaults()}
	routed := map[string]bool{}
	err := s.router().Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		tpl, err := route.GetPathTemplate()
		if err != nil {
			return nil // the explorer's prefix route
		}
		methods, err := route.GetMethods()
		if err != nil || tpl == "/" {
			return nil
		}
		p := specPath(tpl)
		item := doc.Paths.Value(p)
		if item == nil {
			t.Errorf("route %s is not in openapi.json", p)
			return nil
		}
		for _, m := range methods {
			if m == http.MethodHead {
				continue
			}
			routed[m+" "+p] = true
			if item.GetOperation(m) == nil {
				t.Errorf("route %s %s is not in openapi.json", m, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, item := range doc.Paths.Map() {
		for m := range item.Operations() {
			if !routed[m+" "+p] {
				t.Errorf("openapi.json documents %s %s, which is not routed", m, p)
			}
		}
	}
	if len(routed) < 15 {
		t.Errorf("only %d routes walked", len(routed))
	}
}

// TestOpenAPIResponses sends real requests, good and bad, to every route
// and validates each request and response against the OpenAPI document.
func TestOpenAPIResponses(t *testing.T) {
	doc := loadOpenAPI(t)
	a := newAPI(t, Limits{}) // it writes: a store of its own
	// Two district plans 77-KH/HU in two provinces make the number ambiguous.
	for i, head := range []string{"ĐẢNG BỘ TỈNH QUẢNG TRỊ\nHUYỆN ỦY ĐAKRÔNG", "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐẠ HUOAI"} {
		text := head + "\n*\nSố: 77-KH/HU\nngày 10 tháng 3 năm 2016\n\nKẾ HOẠCH\ntriển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.\n"
		if _, _, err := a.srv.ingest(context.Background(), fmt.Sprintf("openapi-%d", i), text); err != nil {
			t.Fatal(err)
		}
	}
	router := a.srv.router()
	ingestBody, _ := json.Marshal(IngestRequest{Source: "openapi-test", Text: "HUYỆN ỦY ĐAKRÔNG\nSố: 78-KH/HU\nngày 10 tháng 3 năm 2016\nKẾ HOẠCH triển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.\n"})
	batchBody := []byte(`{"source":"b1","text":"Số: 81-KH/HU\nThực hiện Nghị quyết số 25-NQ/TW."}` + "\n" + `{"source":"b2","text":"Số: 82-KH/HU\nThực hiện Nghị quyết số 25-NQ/TW."}` + "\n")
	lookupBody, _ := json.Marshal(IngestRequest{Text: "Căn cứ Nghị quyết số 25-NQ/TW và Chỉ thị số 24-CT/TU, Quyết định 999-QĐ/TW."})
	cases := []struct {
		method, target, ct string
		body               []byte
		status             int
	}{
		{"GET", "/healthz", "", nil, 200},
		{"GET", "/api/v1/openapi.json", "", nil, 200},
		{"GET", "/api/v1/documents?limit=5", "", nil, 200},
		{"GET", "/api/v1/documents?type=KH&level=district", "", nil, 200},
		{"GET", "/api/v1/documents?limit=0", "", nil, 400},
		{"GET", "/api/v1/documents?number=77-KH%2FHU", "", nil, 200},
		{"GET", "/api/v1/documents/25-NQ/TW", "", nil, 200},
		{"GET", "/api/v1/documents/307-CV/HU", "", nil, 200},
		{"GET", "/api/v1/documents/999-NQ/TW", "", nil, 404},
		{"GET", "/api/v1/documents/77-KH/HU", "", nil, 300},
		{"GET", "/api/v1/documents/25-NQ/TW?text=false", "", nil, 200},
		{"GET", "/api/v1/documents/114-KL/TW/cited-by?limit=1", "", nil, 200},
		{"GET", "/api/v1/documents/114-KL/TW/references", "", nil, 200},
		{"GET", "/api/v1/documents/114-KL/TW/cited-by", "", nil, 200},
		{"GET", "/api/v1/resolve?number=nq+25%2Ftw", "", nil, 200},
		{"GET", "/api/v1/resolve?number=24-CT%2FTU", "", nil, 200},
		{"GET", "/api/v1/search?q=dan+van", "", nil, 200},
		{"GET", "/api/v1/search?q=25-NQ%2FTW&limit=3", "", nil, 200},
		{"GET", "/api/v1/search?q=*a*", "", nil, 400},
		{"GET", "/api/v1/lineage/114-KL/TW?direction=down&depth=3", "", nil, 200},
		{"GET", "/api/v1/lineage/114-KL/TW?format=graphml", "", nil, 200},
		{"GET", "/api/v1/lineage/114-KL/TW?format=csv", "", nil, 200},
		{"GET", "/api/v1/lineage?number=25-NQ%2FTW&direction=up", "", nil, 200},
		{"GET", "/api/v1/lineage/114-KL/TW?depth=1000", "", nil, 400},
		{"GET", "/api/v1/path?from=307-CV%2FHU&to=25-NQ%2FTW", "", nil, 200},
		{"GET", "/api/v1/path?from=25-NQ%2FTW&to=307-CV%2FHU", "", nil, 200},
		{"GET", "/api/v1/coverage/114-KL/TW", "", nil, 200},
		{"GET", "/api/v1/coverage?number=25-NQ%2FTW", "", nil, 200},
		{"GET", "/api/v1/stats", "", nil, 200},
		{"POST", "/api/v1/citation-lookup", "application/json", lookupBody, 200},
		{"POST", "/api/v1/citation-lookup", "application/json", []byte(`{"text":`), 400},
		{"POST", "/api/v1/documents", "application/json", ingestBody, 201},
		{"POST", "/api/v1/documents", "application/json", ingestBody, 200},
		{"POST", "/api/v1/documents", "application/xml", []byte("<a/>"), 415},
		{"POST", "/api/v1/documents", "application/x-ndjson", batchBody, 200},
		{"POST", "/api/v1/documents", "text/plain; charset=utf-8", []byte("HUYỆN ỦY ĐAKRÔNG\nSố: 79-KH/HU\nThực hiện Nghị quyết số 25-NQ/TW."), 201},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.target, bytes.NewReader(tc.body))
			if tc.ct != "" {
				req.Header.Set("Content-Type", tc.ct)
			}
			var match mux.RouteMatch
			if !router.Match(req, &match) || match.MatchErr != nil {
				t.Fatalf("not routed: %v", match.MatchErr)
			}
			tpl, _ := match.Route.GetPathTemplate()
			p := specPath(tpl)
			item := doc.Paths.Value(p)
			if item == nil || item.GetOperation(tc.method) == nil {
				t.Fatalf("%s %s not in openapi.json", tc.method, p)
			}
			route := &routers.Route{Spec: doc, Path: p, PathItem: item, Method: tc.method, Operation: item.GetOperation(tc.method)}
			reqInput := &openapi3filter.RequestValidationInput{Request: req, PathParams: match.Vars, Route: route}
			if tc.status < 300 {
				if err := openapi3filter.ValidateRequest(context.Background(), reqInput); err != nil {
					t.Errorf("request does not match openapi.json: %v", err)
				}
				req.Body = http.NoBody
				if tc.body != nil {
					req.Body = readCloser(tc.body)
				}
			}

			rec := httptest.NewRecorder()
			a.h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, clip(rec.Body.String(), 300))
			}
			in := &openapi3filter.ResponseValidationInput{
				RequestValidationInput: reqInput,
				Status:                 rec.Code,
				Header:                 rec.Header(),
				Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
			}
			in.SetBodyBytes(rec.Body.Bytes())
			if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
				t.Errorf("response does not match openapi.json: %v\n%s", err, clip(rec.Body.String(), 500))
			}
			if ct := rec.Header().Get("Content-Type"); tc.status >= 400 && !strings.HasPrefix(ct, "application/problem+json") {
				t.Errorf("error with Content-Type %q", ct)
			}
		})
	}
}

func readCloser(b []byte) *nopCloser { return &nopCloser{bytes.NewReader(b)} }

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

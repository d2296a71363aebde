package web_test

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/vncite/vncite/api/web"
)

func TestHandler(t *testing.T) {
	h := web.Handler()
	tests := []struct {
		method, path string
		status       int
		contentType  string // prefix
		body         string // substring
	}{
		{"GET", "/", http.StatusOK, "text/html", `<script type="module" src="js/app.js">`},
		{"HEAD", "/", http.StatusOK, "text/html", ""},
		{"GET", "/index.html", http.StatusMovedPermanently, "", ""}, // FileServer canonicalizes to "/"
		{"GET", "/app.css", http.StatusOK, "text/css", "line-height: 1.6"},
		{"GET", "/js/app.js", http.StatusOK, "text/javascript", "hashchange"},
		{"GET", "/vendor/cytoscape.min.js", http.StatusOK, "text/javascript", `version="` + web.CytoscapeVersion + `"`},
		{"GET", "/vendor/cytoscape.LICENSE", http.StatusOK, "", "The Cytoscape Consortium"},
		{"GET", "/favicon.svg", http.StatusOK, "image/svg+xml", "<svg"},
		{"GET", "/nope.js", http.StatusNotFound, "", ""},
		{"GET", "/js/", http.StatusNotFound, "", ""}, // no directory listing
		{"GET", "/vendor", http.StatusNotFound, "", ""},
		{"GET", "/../web.go", http.StatusNotFound, "", ""},
		{"POST", "/", http.StatusMethodNotAllowed, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://vncite.test"+tt.path, nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("Content-Type %q, want %q…", ct, tt.contentType)
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body does not contain %q", tt.body)
			}
			if tt.status == http.StatusOK {
				csp := rec.Header().Get("Content-Security-Policy")
				for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'"} {
					if !strings.Contains(csp, want) {
						t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
					}
				}
				if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
					t.Errorf("Content-Security-Policy %q allows inline code or another origin", csp)
				}
				if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
					t.Errorf("no X-Content-Type-Options: nosniff")
				}
			}
		})
	}
}

// TestRevalidation checks that a browser holding a file gets a 304.
func TestRevalidation(t *testing.T) {
	h := web.Handler()
	for _, p := range []string{"/", "/vendor/cytoscape.min.js", "/js/app.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://vncite.test"+p, nil))
		tag := rec.Header().Get("ETag")
		if rec.Code != http.StatusOK || tag == "" {
			t.Fatalf("%s: status %d, ETag %q", p, rec.Code, tag)
		}
		req := httptest.NewRequest("GET", "http://vncite.test"+p, nil)
		req.Header.Set("If-None-Match", tag)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("%s with If-None-Match: status %d, %d bytes; want 304, empty", p, rec.Code, rec.Body.Len())
		}
		req.Header.Set("If-None-Match", `"stale"`)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Errorf("%s with a stale ETag: status %d, want 200", p, rec.Code)
		}
	}
}

// TestReferencesResolve checks that every file the page loads is embedded:
// the src and href of index.html and the imports of every module. The page
// works offline, so nothing may point to another origin.
func TestReferencesResolve(t *testing.T) {
	files := web.FS()
	read := func(name string) string {
		t.Helper()
		f, err := files.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(b)
	}
	attr := regexp.MustCompile(`(?:src|href)="([^"#][^"]*)"`)
	for _, m := range attr.FindAllStringSubmatch(read("index.html"), -1) {
		ref := m[1]
		if strings.HasPrefix(ref, "api/") {
			continue // served by the api package
		}
		if strings.Contains(ref, "//") {
			t.Errorf("index.html loads %s from another origin", ref)
			continue
		}
		if _, err := fs.Stat(files, ref); err != nil {
			t.Errorf("index.html refers to %s: %v", ref, err)
		}
	}
	imp := regexp.MustCompile(`(?m)^\s*(?:import|export)\s[^'"]*from\s+'([^']+)'`)
	modules, err := fs.Glob(files, "js/*.js")
	if err != nil || len(modules) == 0 {
		t.Fatalf("no modules: %v", err)
	}
	for _, mod := range modules {
		src := read(mod)
		for _, m := range imp.FindAllStringSubmatch(src, -1) {
			target := path.Join(path.Dir(mod), m[1])
			if _, err := fs.Stat(files, target); err != nil {
				t.Errorf("%s imports %s: %v", mod, m[1], err)
			}
		}
		if strings.Contains(src, "innerHTML") || strings.Contains(src, "insertAdjacentHTML") || strings.Contains(src, "document.write") {
			t.Errorf("%s parses strings as HTML; build nodes with dom.js", mod)
		}
		if other := strings.ReplaceAll(src, "http://www.w3.org/2000/svg", ""); strings.Contains(other, "http://") || strings.Contains(other, "https://") {
			t.Errorf("%s names another origin", mod)
		}
	}
}

// BenchmarkHandler serves the page and the largest file, Cytoscape.js, as
// the server does on every first visit.
func BenchmarkHandler(b *testing.B) {
	h := web.Handler()
	for _, p := range []string{"/", "/js/lineage.js", "/vendor/cytoscape.min.js"} {
		b.Run(p, func(b *testing.B) {
			req := httptest.NewRequest("GET", "http://vncite.test"+p, nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", p, rec.Code)
				}
				b.SetBytes(int64(rec.Body.Len()))
			}
		})
	}
}

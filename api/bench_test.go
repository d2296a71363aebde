package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkRoutes measures the hot read routes in-process (handler,
// store, index and JSON encoding; no network) on the sample corpus, one
// goroutine per CPU. The loopback figures under load are api/testdata/load.sh's.
func BenchmarkRoutes(b *testing.B) {
	a := sampleAPI(b)
	for _, bc := range []struct{ name, target string }{
		{"show", "/api/v1/documents/25-NQ/TW"},
		{"show-state", "/api/v1/documents/16/CT-TTg"},
		{"lineage-down", "/api/v1/lineage/114-KL/TW?direction=down&depth=3"},
		{"lineage-up-graphml", "/api/v1/lineage/307-CV/HU?direction=up&depth=3&format=graphml"},
		{"search-number", "/api/v1/search?q=ngh%E1%BB%8B+quy%E1%BA%BFt+25&limit=10"},
		{"search-words", "/api/v1/search?q=dan+van+chinh+quyen&limit=10"},
		{"resolve", "/api/v1/resolve?number=nq+25%2Ftw"},
		{"list", "/api/v1/documents?limit=50"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					rec := httptest.NewRecorder()
					a.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, bc.target, nil))
					if rec.Code != http.StatusOK {
						b.Errorf("%s: %d %s", bc.target, rec.Code, rec.Body.String())
						return
					}
				}
			})
		})
	}
}

package api

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
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

// BenchmarkIngest posts a two-kilobyte district plan per iteration, each
// with a number of its own, through the whole write path: body reading,
// textin, extraction, the Badger transaction and the Bleve batch.
func BenchmarkIngest(b *testing.B) {
	a := newAPI(b, Limits{})
	body := strings.Repeat("Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, tổ chức đảng quán triệt và thực hiện nghiêm túc. ", 20)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text := fmt.Sprintf("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nHUYỆN ỦY ĐAKRÔNG\n*\nSố: %d-KH/HU\nngày 10 tháng 3 năm 2016\n\nKẾ HOẠCH\ntriển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.\n%s\n", 1000+i, body)
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/api/v1/documents?source=bench", strings.NewReader(text))
		req.Header.Set("Content-Type", "text/plain; charset=utf-8")
		a.h.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("%d %s", rec.Code, rec.Body.String())
		}
	}
}

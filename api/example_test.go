package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/vncite/vncite/api"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// Serve a store over HTTP, ingest a plan through the API and ask who cites
// the resolution it implements.
func ExampleNewHandler() {
	dir, _ := os.MkdirTemp("", "vncite-example-")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	idx, err := search.Open(ctx, filepath.Join(dir, "bleve"), search.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer idx.Close()
	st, err := graph.Open(ctx, filepath.Join(dir, "badger"), graph.Options{Indexer: idx, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	h, err := api.NewHandler(&api.Server{Store: st, Index: idx})
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := httptest.NewServer(h)
	defer ts.Close()

	plan := "HUYỆN ỦY ĐAKRÔNG\nSố: 41-KH/HU\nngày 10 tháng 3 năm 2016\n\nKẾ HOẠCH\ntriển khai thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.\n"
	resp, err := http.Post(ts.URL+"/api/v1/documents?source=plan.txt", "text/plain; charset=utf-8", strings.NewReader(plan))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println("POST", resp.Status)

	resp, err = http.Get(ts.URL + "/api/v1/documents/114-KL/TW/cited-by")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var links api.Links
	if err := json.NewDecoder(resp.Body).Decode(&links); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(links.Document.Number, "stub:", links.Document.Stub)
	for _, l := range links.Links {
		fmt.Println(" cited by", l.Document.Number, l.Relation)
	}
	// Output:
	// POST 201 Created
	// 114-KL/TW stub: true
	//  cited by 41-KH/HU implements
}

package search_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/search"
)

// ExampleIndex_Search indexes three documents and searches them by words
// typed without diacritics and by a document number typed loosely.
func ExampleIndex_Search() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "vncite-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ix, err := search.Open(ctx, filepath.Join(dir, "bleve"), search.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()

	err = ix.Index(ctx, []vncite.Document{
		{ID: "nq25", Number: "25-NQ/TW", Type: "NQ", Date: "2013-06-03", Stub: true,
			Title: "Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"},
		{ID: "kh135", Number: "135-KH/TU", Type: "KH", Date: "2015-08-24", Cites: []string{"25-NQ/TW"},
			Title: "Kế hoạch thực hiện", Text: "Quán triệt Nghị quyết số 25-NQ/TW về công tác dân vận chính quyền."},
		{ID: "bc", Title: "Báo cáo", Text: "Phong trào thi đua Dân vận khéo ở cơ sở."},
	})
	if err != nil {
		log.Fatal(err)
	}

	for _, q := range []string{"dan van chinh quyen", "nq 25/tw", `"dân vận khéo"`} {
		res, err := ix.Search(ctx, search.Request{Query: q})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d hit(s)\n", q, res.Total)
		for _, h := range res.Hits {
			fmt.Printf("  %s %s %s\n", h.ID, h.Match, h.Highlights["body"])
		}
	}
	// Output:
	// dan van chinh quyen: 1 hit(s)
	//   kh135  [Quán triệt Nghị quyết số 25-NQ/TW về công tác <mark>dân</mark> <mark>vận</mark> <mark>chính</mark> <mark>quyền</mark>.]
	// nq 25/tw: 2 hit(s)
	//   nq25 number []
	//   kh135 cites [Quán triệt Nghị quyết số <mark>25-NQ/TW</mark> về công tác dân vận chính quyền.]
	// "dân vận khéo": 1 hit(s)
	//   bc  [Phong trào thi đua <mark>Dân</mark> <mark>vận</mark> <mark>khéo</mark> ở cơ sở.]
}

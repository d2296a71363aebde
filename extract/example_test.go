package extract_test

import (
	"fmt"

	"github.com/vncite/vncite/extract"
)

func ExampleCanonical() {
	for _, s := range []string{"218- QĐ/TW", "218-QÐ/TW", "nq 25/tw", "07/2020/QĐUBND", "SỐ 08/CT-TTG"} {
		c, _ := extract.Canonical(s)
		fmt.Println(c)
	}
	// Output:
	// 218-QĐ/TW
	// 218-QĐ/TW
	// 25-NQ/TW
	// 07/2020/QĐ-UBND
	// 08/CT-TTg
}

func ExampleExtract() {
	ex, _ := extract.Extract([]byte("Thực hiện Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư Trung ương về nâng cao hiệu quả công tác dân vận."))
	for _, r := range ex.References {
		fmt.Println(r.Number, r.TypeName, r.Date, r.Body, r.Relation, "|", r.Title)
	}
	// Output:
	// 114-KL/TW Kết luận 2015-07-14 Ban Bí thư Trung ương implements | nâng cao hiệu quả công tác dân vận
}

package corpusgen_test

import (
	"fmt"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract/corpusgen"
)

// A cascade for a graph test: one Nghị quyết of the Central Committee,
// plans of 5 provinces, each implemented by 2 of its districts.
func ExampleCascade() {
	docs, err := corpusgen.Cascade(1, 5, 2)
	if err != nil {
		panic(err)
	}
	levels := map[vncite.Level]int{}
	for _, d := range docs {
		levels[d.Truth.Level]++
	}
	root := docs[0].Truth
	fmt.Println(root.Type, root.Issuer, root.Term, len(docs), "documents")
	fmt.Println(levels[vncite.LevelProvince], "province plans,", levels[vncite.LevelDistrict], "district plans")
	first := docs[1].Truth
	fmt.Println(first.Level, "plan implements", first.Source == root.ID, "after", first.LagDays > 0)
	// Output:
	// NQ TW XII 16 documents
	// 5 province plans, 10 district plans
	// province plan implements true after true
}

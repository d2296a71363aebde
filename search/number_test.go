package search

import (
	"context"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// seedsWithStubs returns the seed documents plus a stub for every number
// they cite, as the graph stores them: the stub carries the number and the
// title the citing text gave.
func seedsWithStubs(t *testing.T) []vncite.Document {
	docs := seedDocs(t)
	seen := map[string]bool{}
	for _, d := range docs {
		if d.Number != "" {
			seen[d.Number] = true
		}
	}
	n := len(docs)
	for _, d := range docs[:n] {
		for _, c := range d.Cites {
			canon, err := extract.Canonical(c)
			if err != nil {
				t.Fatalf("cited number %q: %v", c, err)
			}
			if seen[canon] {
				continue
			}
			seen[canon] = true
			num, _ := extract.ParseNumber(canon)
			docs = append(docs, vncite.Document{ID: "stub:" + canon, Number: canon, Type: num.Type, Issuer: num.Issuer, Stub: true,
				Sightings: []vncite.Sighting{{Citing: d.ID, Title: "văn bản được trích dẫn"}}})
		}
	}
	return docs
}

func TestSearchNumbersSeeds(t *testing.T) {
	docs := seedsWithStubs(t)
	// A second 25-NQ/TW from another term: the number is ambiguous and
	// both documents must come first.
	docs = append(docs, vncite.Document{ID: "nq25-ix", Number: "25-NQ/TW", Type: "NQ", Issuer: "TW", Term: "IX", Date: "2003-03-12",
		Title: "Về công tác tôn giáo", Text: "Nghị quyết số 25-NQ/TW ngày 12/3/2003 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa IX về công tác tôn giáo."})
	ix := openTestIndex(t, docs)
	ctx := context.Background()

	citing := func(number string) []string {
		var ids []string
		for _, d := range docs {
			for _, c := range d.Cites {
				if canon, _ := extract.Canonical(c); canon == number {
					ids = append(ids, d.ID)
					break
				}
			}
		}
		return ids
	}
	carrying := func(number string, partial *extract.Number) []string {
		var ids []string
		for _, d := range docs {
			n, err := extract.ParseNumber(d.Number)
			if err != nil {
				continue
			}
			if n.Canonical == number || (partial != nil && seqKey(n) == seqKey(*partial)) {
				ids = append(ids, d.ID)
			}
		}
		return ids
	}
	tests := []struct {
		number    string
		spellings []string
	}{
		{"25-NQ/TW", []string{"25-NQ/TW", "nq 25/tw", "25 NQ TW", "Nghị quyết 25", "nghi quyet so 25-nq/tw", "NGHỊ QUYẾT SỐ 25–NQ/TW", norm.NFD.String("Nghị quyết số 25-NQ/TW")}},
		{"114-KL/TW", []string{"114-KL/TW", "kl 114/tw", "114 KL TW", "Kết luận 114", "ket luan so 114-kl/tw", "Kết luận số 114 - KL/TW"}},
		{"16/CT-TTg", []string{"16/CT-TTg", "Chỉ thị 16/CT-TTg", "chi thi so 16/ct-ttg", "16 CT TTg", "Chỉ thị 16"}},
	}
	for _, tt := range tests {
		wantCiting := citing(tt.number)
		if len(wantCiting) == 0 {
			t.Fatalf("no seed cites %s", tt.number)
		}
		for _, q := range tt.spellings {
			t.Run(q, func(t *testing.T) {
				res, err := ix.Search(ctx, Request{Query: q, Limit: 50})
				if err != nil {
					t.Fatal(err)
				}
				if res.Number == nil {
					t.Fatalf("%q not read as a number", q)
				}
				var partial *extract.Number
				if res.Number.Partial {
					n, _ := extract.ParseNumber(q)
					partial = &n
				}
				wantCarrying := carrying(tt.number, partial)
				got := hitIDs(res)
				if len(got) < len(wantCarrying)+len(wantCiting) {
					t.Fatalf("hits %v, want %v carrying then %v citing", got, wantCarrying, wantCiting)
				}
				head := slices.Clone(got[:len(wantCarrying)])
				slices.Sort(head)
				slices.Sort(wantCarrying)
				if !slices.Equal(head, wantCarrying) {
					t.Errorf("first hits %v, want the documents carrying the number %v", got[:len(wantCarrying)], wantCarrying)
				}
				for _, h := range res.Hits[:len(wantCarrying)] {
					if h.Match != "number" {
						t.Errorf("%s: match %q, want number", h.ID, h.Match)
					}
				}
				for _, id := range wantCiting {
					i := slices.Index(got, id)
					if i < len(wantCarrying) {
						t.Errorf("citing %s at %d in %v", id, i, got)
						continue
					}
					if m := res.Hits[i].Match; m != "cites" {
						t.Errorf("%s: match %q, want cites", id, m)
					}
				}
				if res.Number.Partial {
					return
				}
				numberMarked := false
				for _, h := range res.Hits {
					for _, f := range h.Highlights["body"] {
						for _, m := range marked(f) {
							if c, err := extract.Canonical(m); err == nil && c == tt.number {
								numberMarked = true
							}
						}
					}
				}
				if !numberMarked {
					t.Errorf("no highlight marks the number %s as one piece", tt.number)
				}
				if int(res.Number.Carrying) != len(wantCarrying) {
					t.Errorf("carrying %d, want %d", res.Number.Carrying, len(wantCarrying))
				}
			})
		}
	}
}

// TestSearchNumberPaging pages one hit at a time through a number query:
// the pages, across the carrying and citing tiers, add up to the full list.
func TestSearchNumberPaging(t *testing.T) {
	docs := seedsWithStubs(t)
	docs = append(docs, vncite.Document{ID: "nq25-ix", Number: "25-NQ/TW", Term: "IX"})
	ix := openTestIndex(t, docs)
	ctx := context.Background()
	full, err := ix.Search(ctx, Request{Query: "25-NQ/TW", Limit: 50, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if full.Total != uint64(len(full.Hits)) || full.Total < 4 {
		t.Fatalf("total %d, %d hits", full.Total, len(full.Hits))
	}
	if got := full.Facets["term"]; len(got) != 1 || got[0] != (FacetCount{"IX", 1}) {
		t.Errorf("term facet %v", got)
	}
	for _, size := range []int{1, 2, 3} {
		var paged []string
		for off := 0; off < int(full.Total); off += size {
			res, err := ix.Search(ctx, Request{Query: "25-NQ/TW", Limit: size, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != full.Total {
				t.Errorf("offset %d: total %d, want %d", off, res.Total, full.Total)
			}
			paged = append(paged, hitIDs(res)...)
		}
		if want := hitIDs(full); !slices.Equal(paged, want) {
			t.Errorf("pages of %d: %v, want %v", size, paged, want)
		}
	}
	byDate, err := ix.Search(ctx, Request{Query: "25-NQ/TW", Limit: 50, Sort: "date"})
	if err != nil {
		t.Fatal(err)
	}
	if byDate.Total != full.Total || byDate.Hits[0].Date < byDate.Hits[1].Date {
		t.Errorf("by date: %d hits, first dates %s %s", byDate.Total, byDate.Hits[0].Date, byDate.Hits[1].Date)
	}
}

// TestSearchNumberAmongWords finds a number typed with words: the
// documents citing it that also have the words.
func TestSearchNumberAmongWords(t *testing.T) {
	ix := openTestIndex(t, []vncite.Document{
		{ID: "cites", Cites: []string{"25-NQ/TW"}, Text: "Thực hiện Nghị quyết của Trung ương về công tác dân vận."},
		{ID: "other", Cites: []string{"26-NQ/TW"}, Text: "Thực hiện Nghị quyết 26-NQ/TW về công tác dân vận."},
		{ID: "mentions", Text: "Quán triệt Nghị quyết 25-NQ/TW; công tác dân vận."},
	})
	res, err := ix.Search(context.Background(), Request{Query: "25-NQ/TW dân vận"})
	if err != nil {
		t.Fatal(err)
	}
	got := hitIDs(res)
	slices.Sort(got)
	if want := []string{"cites", "mentions"}; !slices.Equal(got, want) {
		t.Errorf("hits %v, want %v", got, want)
	}
}

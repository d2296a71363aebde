package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/vncite/vncite"
)

// cascadeDoc is one generated document with its truth.
type cascadeDoc struct {
	source   string
	ext      vncite.Extraction
	number   string
	province string // code; "" for the root
	district string // name; "" above districts
	date     string
	parent   int // index of the document it implements; -1 for the root
}

// genCascade generates a central resolution implemented by plans of the
// provinces (all numbered 15-KH/TU: every province has one) and those by
// district plans (all numbered 03-KH/HU, in districts all named Châu
// Thành), with dates and lags. Every missing-th province has no plan.
func genCascade(seed uint64, missing, districtsPer int) []cascadeDoc {
	rng := rand.New(rand.NewPCG(seed, 7))
	rootDate := time.Date(2013, 6, 3, 0, 0, 0, 0, time.UTC)
	fmtDate := func(t time.Time) string { return t.Format("2006-01-02") }
	vnDate := func(t time.Time) string { return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year()) }
	rootText := "BAN CHẤP HÀNH TRUNG ƯƠNG. Số 25-NQ/TW. Hà Nội, ngày 03 tháng 6 năm 2013. NGHỊ QUYẾT về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới."
	docs := []cascadeDoc{{
		source: "root.txt", number: "25-NQ/TW", date: fmtDate(rootDate), parent: -1,
		ext: vncite.Extraction{Text: rootText, Document: vncite.Document{Number: "25-NQ/TW", Type: "NQ", Issuer: "TW", Body: "Ban Chấp hành Trung ương", Date: fmtDate(rootDate), Term: "XI",
			Title: "Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"}},
	}}
	for i, p := range provinces2024 {
		if missing > 0 && i%missing == 0 {
			continue
		}
		pDate := rootDate.AddDate(0, 0, 10+rng.IntN(120))
		pText := fmt.Sprintf("TỈNH ỦY %s. Số 15-KH/TU. %s, ngày %s. KẾ HOẠCH triển khai thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI).",
			strings.ToUpper(p.name), p.name, vnDate(pDate))
		pi := len(docs)
		docs = append(docs, cascadeDoc{
			source: "p" + p.code + ".txt", number: "15-KH/TU", province: p.code, date: fmtDate(pDate), parent: 0,
			ext: vncite.Extraction{Text: pText,
				Document:   vncite.Document{Number: "15-KH/TU", Type: "KH", Issuer: "TU", Body: "Ban Thường vụ Tỉnh ủy", Place: p.name, Date: fmtDate(pDate)},
				References: []vncite.Reference{ref(pText, "25-NQ/TW", "25-NQ/TW", vncite.Implements, "2013-06-03", "Ban Chấp hành Trung ương Đảng", "XI")}},
		})
		for d := range districtsPer {
			dDate := pDate.AddDate(0, 0, 5+rng.IntN(60))
			name := []string{"Châu Thành", "Tân Phú", "Phú Tân"}[d%3]
			dText := fmt.Sprintf("HUYỆN ỦY %s. Số 03-KH/HU. %s, ngày %s. Thực hiện Kế hoạch số 15-KH/TU ngày %s của Ban Thường vụ Tỉnh ủy về triển khai thực hiện Nghị quyết số 25-NQ/TW của Trung ương.",
				strings.ToUpper(name), name, vnDate(dDate), vnDate(pDate))
			docs = append(docs, cascadeDoc{
				source: fmt.Sprintf("p%s-d%d.txt", p.code, d), number: "03-KH/HU", province: p.code, district: name, date: fmtDate(dDate), parent: pi,
				ext: vncite.Extraction{Text: dText,
					Document: vncite.Document{Number: "03-KH/HU", Type: "KH", Issuer: "HU", Body: "Ban Thường vụ Huyện ủy", Place: "huyện " + name + ", " + p.name, Date: fmtDate(dDate)},
					References: []vncite.Reference{
						ref(dText, "15-KH/TU ngày", "15-KH/TU", vncite.Implements, fmtDate(pDate), "Ban Thường vụ Tỉnh ủy", ""),
						ref(dText, "25-NQ/TW của", "25-NQ/TW", vncite.Cites, "", "Trung ương", ""),
					}},
			})
		}
	}
	return docs
}

func ingestCascade(t testing.TB, s *Store, docs []cascadeDoc, order []int) Summary {
	t.Helper()
	in := make([]Input, 0, len(order))
	for _, i := range order {
		e := docs[i].ext
		in = append(in, Input{Source: docs[i].source, Extraction: &e})
	}
	sum, err := s.Ingest(context.Background(), inputsOf(in...), IngestOptions{BatchSize: 37})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Skipped) > 0 {
		t.Fatalf("skipped: %+v", sum.Skipped)
	}
	return sum
}

// TestCascade checks lineage, path, coverage and lag against the
// generator's truth, in a shuffled ingest order (plans before what they
// implement, so stubs become documents), and that re-ingest changes nothing.
func TestCascade(t *testing.T) {
	ctx := context.Background()
	docs := genCascade(42, 9, 3)
	order := rand.New(rand.NewPCG(1, 2)).Perm(len(docs))
	idx := newFakeIndex()
	s := openTest(t, t.TempDir(), Options{Indexer: idx})
	ingestCascade(t, s, docs, order)

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(docs) || st.Stubs != 0 {
		t.Fatalf("stats %+v: want %d documents and no stubs (every plan of every province is its own document)", st, len(docs))
	}
	roots, err := s.Resolve(ctx, "25-NQ/TW")
	if err != nil || len(roots) != 1 {
		t.Fatalf("25-NQ/TW: %d documents, %v", len(roots), err)
	}
	root := roots[0]
	if plans, _ := s.Resolve(ctx, "15-KH/TU"); len(plans) != 56 {
		t.Errorf("15-KH/TU: %d documents, want one per province with a plan (56)", len(plans))
	}
	// Lineage down: every document, at the true depth, with the true lag.
	g, err := s.Lineage(ctx, root.ID, Down, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != len(docs) {
		t.Fatalf("lineage: %d nodes, want %d", len(g.Nodes), len(docs))
	}
	byKey := map[string]vncite.Node{}
	for _, n := range g.Nodes {
		d, err := s.Get(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		byKey[d.Source] = n
	}
	rootDate := parseDate(docs[0].date)
	for _, d := range docs {
		n, ok := byKey[d.source]
		if !ok {
			t.Errorf("lineage lacks %s", d.source)
			continue
		}
		wantDepth := 0
		switch {
		case d.district != "":
			wantDepth = 1 // it cites the root directly, too
		case d.province != "":
			wantDepth = 1
		}
		wantLag := int(parseDate(d.date).Sub(rootDate).Hours() / 24)
		if n.Depth != wantDepth || n.LagDays == nil || *n.LagDays != wantLag {
			t.Errorf("%s: depth %d lag %v, want %d and %d", d.source, n.Depth, n.LagDays, wantDepth, wantLag)
		}
		if d.province != "" {
			if dd, _ := s.Get(ctx, n.ID); dd.ProvinceCode != d.province {
				t.Errorf("%s: province %q, want %q", d.source, dd.ProvinceCode, d.province)
			}
		}
	}
	// Edges: each plan implements its parent.
	ids := map[int]string{}
	for i, d := range docs {
		ids[i] = byKey[d.source].ID
	}
	edges := map[[2]string]vncite.Relation{}
	for _, e := range g.Edges {
		edges[[2]string{e.Source, e.Target}] = e.Relation
	}
	for i, d := range docs {
		if d.parent >= 0 && edges[[2]string{ids[i], ids[d.parent]}] != vncite.Implements {
			t.Errorf("%s does not implement %s in the lineage", d.source, docs[d.parent].source)
		}
	}
	// Path: a district plan to its province's plan, and to another province's.
	var dist, otherPlan int
	for i, d := range docs {
		if d.district != "" && dist == 0 {
			dist = i
		}
		if d.district == "" && d.province != "" && dist != 0 && d.province != docs[dist].province {
			otherPlan = i
			break
		}
	}
	p, err := s.Path(ctx, ids[dist], ids[docs[dist].parent])
	if err != nil || len(p.Edges) != 1 || p.Edges[0].Relation != vncite.Implements {
		t.Errorf("path district → its province plan: %+v %v", p, err)
	}
	p, err = s.Path(ctx, ids[dist], ids[otherPlan])
	if err != nil || len(p.Edges) != 2 {
		t.Errorf("path district → another province's plan: %d edges %v, want 2 through the root", len(p.Edges), err)
	}
	// Coverage: the provinces with a plan are found, the others "none recorded".
	cov, err := s.Coverage(ctx, root.ID)
	if err != nil {
		t.Fatal(err)
	}
	withPlan := map[string]int{}
	for _, d := range docs {
		if d.province != "" {
			withPlan[d.province]++
		}
	}
	if cov.Total != 63 || cov.Found != len(withPlan) {
		t.Errorf("coverage: %d of %d found, want %d of 63", cov.Found, cov.Total, len(withPlan))
	}
	for _, pc := range cov.Provinces {
		want := withPlan[pc.Code]
		if len(pc.Documents) != want || (want == 0) != (pc.Status == NoneRecorded) {
			t.Errorf("coverage of %s: %d documents (%s), want %d", pc.Name, len(pc.Documents), pc.Status, want)
		}
		if pc.NewName == "" {
			t.Errorf("coverage of %s: no post-2025 province", pc.Name)
		}
	}
	// Re-ingest in another order: nothing changes.
	var before, after strings.Builder
	if err := s.Dump(ctx, &before); err != nil {
		t.Fatal(err)
	}
	sum := ingestCascade(t, s, docs, rand.New(rand.NewPCG(3, 4)).Perm(len(docs)))
	if sum.Unchanged != len(docs) {
		t.Errorf("re-ingest: %+v", sum)
	}
	if err := s.Dump(ctx, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Error("re-ingest changed the store")
	}
	if rep, err := s.Check(ctx, false); err != nil || !rep.OK() {
		t.Errorf("index out of step: %+v %v", rep, err)
	}
	verifyStore(t, s)
}

// TestCoverageAcrossMerger: a plan of a province dated after 2025-07-01 is
// counted for the new province; the old province stays "none recorded".
func TestCoverageAcrossMerger(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	root := "Số 57-NQ/TW, Hà Nội, ngày 22 tháng 12 năm 2024."
	mk := func(src, province, date string) Input {
		text := fmt.Sprintf("TỈNH ỦY %s. Số 07-KH/TU. Ngày %s. Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.", province, date)
		e := vncite.Extraction{Text: text, Document: vncite.Document{Number: "07-KH/TU", Body: "Ban Thường vụ Tỉnh ủy", Place: province, Date: date},
			References: []vncite.Reference{ref(text, "57-NQ/TW", "57-NQ/TW", vncite.Implements, "2024-12-22", "Bộ Chính trị", "")}}
		return Input{Source: src, Extraction: &e}
	}
	re := vncite.Extraction{Text: root, Document: vncite.Document{Number: "57-NQ/TW", Date: "2024-12-22", Body: "Bộ Chính trị"}}
	if _, err := s.Ingest(ctx, inputsOf(Input{Source: "root", Extraction: &re},
		mk("qb", "Quảng Bình", "2025-02-10"), mk("qt-new", "Quảng Trị", "2025-08-01"), mk("ld", "Lâm Đồng", "2025-01-20")), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	ds, _ := s.Resolve(ctx, "57-NQ/TW")
	cov, err := s.Coverage(ctx, ds[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]ProvinceCoverage{}
	for _, p := range cov.Provinces {
		status[p.Code] = p
	}
	if status["44"].Status != Found || status["44"].NewName != "Quảng Trị" {
		t.Errorf("Quảng Bình (44): %+v, want found, now Quảng Trị", status["44"])
	}
	if status["45"].Status != NoneRecorded {
		t.Errorf("old Quảng Trị (45): %+v, want none recorded (its plan came after the merger)", status["45"])
	}
	if len(cov.Merged) != 1 || cov.Merged[0].Code != "44" || len(cov.Merged[0].Documents) != 1 {
		t.Errorf("merged: %+v, want the new Quảng Trị's plan", cov.Merged)
	}
	if cov.Found != 2 {
		t.Errorf("found %d, want 2 (Quảng Bình, Lâm Đồng)", cov.Found)
	}
}

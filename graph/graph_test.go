package graph

import (
	"context"
	"errors"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vncite/vncite"
)

// fakeIndex is an Indexer that remembers what it was given.
type fakeIndex struct {
	mu   sync.Mutex
	docs map[string]vncite.Document
}

func newFakeIndex() *fakeIndex { return &fakeIndex{docs: map[string]vncite.Document{}} }

func (f *fakeIndex) Index(_ context.Context, docs []vncite.Document) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range docs {
		f.docs[d.ID] = d
	}
	return nil
}

func (f *fakeIndex) Delete(_ context.Context, ids []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		delete(f.docs, id)
	}
	return nil
}

func (f *fakeIndex) Hashes(context.Context) (map[string]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]string{}
	for id, d := range f.docs {
		out[id] = d.Hash
	}
	return out, nil
}

var _ Indexer = (*fakeIndex)(nil)

func openTest(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func inputsOf(in ...Input) iter.Seq[Input] { return slices.Values(in) }

// ref builds a reference as the extractor would, with its span found in
// text so that offsets and evidence are real.
func ref(text, asWritten, number string, rel vncite.Relation, date, body, term string) vncite.Reference {
	i := strings.Index(text, asWritten)
	if i < 0 {
		panic("test text lacks " + asWritten)
	}
	p := splitNumber(number)
	return vncite.Reference{
		Number: number, AsWritten: asWritten, Type: p.Type, Issuer: p.Issuer, Year: p.Year, Date: date, Body: body, Term: term,
		Relation: rel, Start: i, End: i + len(asWritten), SentenceStart: max(0, i-40), SentenceEnd: min(len(text), i+len(asWritten)+60),
	}
}

// seedLike are five extractions built by hand on the pattern of the seed
// documents: enough to test identity without the extractor.
func seedLike() map[string]vncite.Extraction {
	t0 := "Số: 307-CV/HU. Theo tinh thần chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số 1226-CV/TU ngày 27 tháng 12 năm 2016. " +
		"Quán triệt và thực hiện tốt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương; Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư Trung ương; " +
		"Kế hoạch số 135-KH/TU, ngày 24/8/2015 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 03-KH/HU, ngày 04/9/2015 của Ban Thường vụ Huyện ủy về triển khai, thực hiện Kết luận số 114-KL/TW, ngày 14/7/2015. " +
		"Theo tinh thần Nghị quyết số 39-NQ/TW của Bộ Chính trị."
	r0 := []vncite.Reference{
		ref(t0, "1226-CV/TU", "1226-CV/TU", vncite.BasedOn, "2016-12-27", "Ban Thường vụ Tỉnh ủy", ""),
		ref(t0, "25-NQ/TW", "25-NQ/TW", vncite.Implements, "", "Ban Chấp hành Trung ương", ""),
		ref(t0, "114-KL/TW, ngày 14/7/2015 của Ban Bí thư", "114-KL/TW", vncite.Implements, "2015-07-14", "Ban Bí thư Trung ương", ""),
		ref(t0, "135-KH/TU", "135-KH/TU", vncite.Implements, "2015-08-24", "Ban Thường vụ Tỉnh ủy", ""),
		ref(t0, "03-KH/HU", "03-KH/HU", vncite.Implements, "2015-09-04", "Ban Thường vụ Huyện ủy", ""),
		ref(t0, "114-KL/TW, ngày 14/7/2015. ", "114-KL/TW", vncite.Implements, "2015-07-14", "", ""),
		ref(t0, "39-NQ/TW", "39-NQ/TW", vncite.BasedOn, "", "Bộ Chính trị", ""),
	}
	t1 := "Quán triệt Nghị quyết số 25-NQ/TW, Quyết định số 290-QĐ/TW, Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW, Kết luận số 114-KL/TW, Kết luận số 120-KL/TW, Chỉ thị số 16/CT-TTg."
	var r1 []vncite.Reference
	for _, n := range []string{"25-NQ/TW", "290-QĐ/TW", "217-QĐ/TW", "218-QĐ/TW", "114-KL/TW", "120-KL/TW", "16/CT-TTg"} {
		r1 = append(r1, ref(t1, n, n, vncite.Implements, "", "", ""))
	}
	t2 := "UBND huyện Đakrông tuyên truyền theo Chỉ thị số 18/2000/CT-TTg, ngày 21/9/2000 của Thủ tướng Chính phủ; Nghị quyết số 39-NQ/TW, ngày 17/4/2016 của Bộ Chính trị (khóa XI); " +
		"Quyết định số 217-QĐ/TW, ngày 12/12/2013; Quyết định số 218- QĐ/TW, ngày 12/12/2013 của Bộ Chính trị; Chỉ thị 05-CT/TW của Bộ Chính trị."
	r2 := []vncite.Reference{
		ref(t2, "18/2000/CT-TTg", "18/2000/CT-TTg", vncite.Implements, "2000-09-21", "Thủ tướng Chính phủ", ""),
		ref(t2, "39-NQ/TW", "39-NQ/TW", vncite.Implements, "2016-04-17", "Bộ Chính trị", "XI"),
		ref(t2, "217-QĐ/TW", "217-QĐ/TW", vncite.Implements, "2013-12-12", "", ""),
		ref(t2, "218- QĐ/TW", "218-QĐ/TW", vncite.Implements, "2013-12-12", "Bộ Chính trị", ""),
		ref(t2, "05-CT/TW", "05-CT/TW", vncite.Implements, "", "Bộ Chính trị", ""),
	}
	t3 := "Tiếp tục triển khai thực hiện có hiệu quả Chỉ thị số 24-CT/TU ngày 27/02/2018 của Ban Thường vụ Tỉnh ủy gắn với thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị."
	r3 := []vncite.Reference{
		ref(t3, "24-CT/TU", "24-CT/TU", vncite.Implements, "2018-02-27", "Ban Thường vụ Tỉnh ủy", ""),
		ref(t3, "05-CT/TW", "05-CT/TW", vncite.Implements, "", "Bộ Chính trị", ""),
	}
	t4 := "UBND thị xã ban hành Kế hoạch số 109/KH-UBND về việc triển khai thực hiện Chỉ thị 52-CT/TU của Ban Thường vụ Tỉnh ủy. " +
		"Nghị quyết 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI); Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ; " +
		"Quy chế số 179-QC/TU ngày 06/12/2021 của Ban Thường vụ Thị ủy; Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị."
	r4 := []vncite.Reference{
		ref(t4, "52-CT/TU", "52-CT/TU", vncite.Implements, "", "Ban Thường vụ Tỉnh ủy", ""),
		ref(t4, "25-NQ/TW", "25-NQ/TW", vncite.Implements, "2013-06-03", "Ban Chấp hành Trung ương Đảng", "XI"),
		ref(t4, "33/CT-TTg", "33/CT-TTg", vncite.Implements, "2021-11-26", "Thủ tướng Chính phủ", ""),
		ref(t4, "179-QC/TU", "179-QC/TU", vncite.Implements, "2021-12-06", "Ban Thường vụ Thị ủy", ""),
		ref(t4, "01-KL/TW", "01-KL/TW", vncite.Implements, "2021-05-18", "Bộ Chính trị", ""),
		ref(t4, "05-CT/TW", "05-CT/TW", vncite.Cites, "2016-05-15", "Bộ Chính trị", ""),
	}
	stmt := func(text string, refs []vncite.Reference, s, o int) vncite.Statement {
		return vncite.Statement{Subject: refs[s].Number, Relation: vncite.Implements, Object: refs[o].Number, SubjectRef: s, ObjectRef: o,
			Start: refs[s].Start, End: refs[o].End, Evidence: text[refs[s].Start:refs[o].End]}
	}
	return map[string]vncite.Extraction{
		"000.txt": {Document: vncite.Document{Number: "307-CV/HU", Type: "CV", Issuer: "HU", Body: "Ban Thường vụ Huyện ủy"}, References: r0, Text: t0,
			Statements: []vncite.Statement{stmt(t0, r0, 3, 5), stmt(t0, r0, 4, 5)}},
		"001.txt": {Document: vncite.Document{Date: "2020-07-15"}, References: r1, Text: t1},
		"002.txt": {Document: vncite.Document{Date: "2021-09-17", Place: "Đakrông, Quảng Trị"}, References: r2, Text: t2},
		"003.txt": {Document: vncite.Document{Date: "2019-02-26"}, References: r3, Text: t3},
		"004.txt": {Document: vncite.Document{Number: "109/KH-UBND", Type: "KH", Issuer: "UBND", Body: "UBND thị xã", Date: "2024-05-04", Place: "thị xã Hương Thủy"},
			References: r4, Text: t4, Statements: []vncite.Statement{stmt(t4, r4, 4, 5)}},
	}
}

func ingestExtractions(t testing.TB, s *Store, exts map[string]vncite.Extraction, order []string) Summary {
	t.Helper()
	var in []Input
	for _, name := range order {
		e := exts[name]
		in = append(in, Input{Source: name, Extraction: &e})
	}
	sum, err := s.Ingest(context.Background(), inputsOf(in...), IngestOptions{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Skipped) > 0 {
		t.Fatalf("skipped: %+v", sum.Skipped)
	}
	return sum
}

// verifyStore fails the test on any integrity problem.
func verifyStore(t testing.TB, s *Store) {
	t.Helper()
	problems, err := s.Verify(context.Background(), 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error("integrity: " + p)
	}
}

func resolveOne(t *testing.T, s *Store, number string) vncite.Document {
	t.Helper()
	ds, err := s.Resolve(context.Background(), number)
	if err != nil {
		t.Fatalf("resolve %s: %v", number, err)
	}
	if len(ds) != 1 {
		var why []string
		for _, d := range ds {
			why = append(why, d.ID+" ("+Distinguish(d)+")")
		}
		t.Fatalf("resolve %s: %d documents, want 1: %s", number, len(ds), strings.Join(why, "; "))
	}
	return ds[0]
}

func hasNumber(g vncite.Graph, number string) bool {
	for _, n := range g.Nodes {
		if n.Number == number {
			return true
		}
	}
	return false
}

// checkSeedIdentity checks the acceptance bullets of issue 4 on a store
// holding the five seed documents.
func checkSeedIdentity(t *testing.T, s *Store, withGazetteer bool) {
	t.Helper()
	ctx := context.Background()
	// 05-CT/TW: one central document of khóa XII, not two.
	ct05 := resolveOne(t, s, "05-CT/TW")
	if ct05.Key == nil || ct05.Key.Term != "XII" {
		t.Errorf("05-CT/TW key = %+v, want term XII", ct05.Key)
	}
	if len(ct05.Sightings) < 3 {
		t.Errorf("05-CT/TW has %d sightings, want the 3 citing contexts", len(ct05.Sightings))
	}
	inferred := 0
	for _, sg := range ct05.Sightings {
		if strings.HasPrefix(sg.Why, "inferred") {
			inferred++
		}
	}
	if inferred != 2 {
		t.Errorf("05-CT/TW: %d sightings tied by inference, want 2 (the undated mentions): %+v", inferred, ct05.Sightings)
	}
	// 01-KL/TW continues 05-CT/TW: a statement edge.
	kl01 := resolveOne(t, s, "01-KL/TW")
	refs, err := s.References(ctx, kl01.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 1 || refs[0].To != ct05.ID || !refs[0].Evidence.Statement {
		t.Errorf("01-KL/TW references = %+v, want a statement edge to %s", refs, ct05.ID)
	}
	// lineage down 114-KL/TW: 135-KH/TU, 03-KH/HU implement it; the letter cites it.
	kl114 := resolveOne(t, s, "114-KL/TW")
	if kl114.Key.Term != "XI" {
		t.Errorf("114-KL/TW term %q, want XI", kl114.Key.Term)
	}
	g, err := s.Lineage(ctx, kl114.ID, Down, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"135-KH/TU", "03-KH/HU", "307-CV/HU"} {
		if !hasNumber(g, n) {
			t.Errorf("lineage down 114-KL/TW lacks %s: %+v", n, g.Nodes)
		}
	}
	impl := 0
	for _, e := range g.Edges {
		if e.Target == kl114.ID && e.Relation == vncite.Implements {
			impl++
		}
	}
	if impl < 3 {
		t.Errorf("lineage down 114-KL/TW: %d implements edges into it, want ≥ 3: %+v", impl, g.Edges)
	}
	// lineage up of the letter reaches 25-NQ/TW and 114-KL/TW.
	letter := resolveOne(t, s, "307-CV/HU")
	up, err := s.Lineage(ctx, letter.ID, Up, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"25-NQ/TW", "114-KL/TW"} {
		if !hasNumber(up, n) {
			t.Errorf("lineage up of the letter lacks %s", n)
		}
	}
	// 109/KH-UBND reaches 52-CT/TU.
	plan := resolveOne(t, s, "109/KH-UBND")
	up, err = s.Lineage(ctx, plan.ID, Up, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !hasNumber(up, "52-CT/TU") {
		t.Errorf("109/KH-UBND does not reach 52-CT/TU")
	}
	// 179-QC/TU is Thị ủy Hương Thủy's.
	qc := resolveOne(t, s, "179-QC/TU")
	if qc.Key == nil || !strings.Contains(qc.Key.Scope, "Thị ủy") || slug(qc.Key.Scope) == "" || !strings.Contains(slug(qc.Key.Scope), "huong-thuy") {
		t.Errorf("179-QC/TU key = %+v, want Thị ủy Hương Thủy", qc.Key)
	}
	// 24-CT/TU stays unscoped.
	ct24 := resolveOne(t, s, "24-CT/TU")
	if ct24.Key == nil || ct24.Key.Scope != "" || ct24.Key.Confidence != "unscoped" || ct24.Level != vncite.LevelProvince {
		t.Errorf("24-CT/TU key = %+v level %q, want unscoped province level", ct24.Key, ct24.Level)
	}
	ct52 := resolveOne(t, s, "52-CT/TU")
	if withGazetteer {
		if ct52.Province != "Thừa Thiên Huế" || ct52.ProvinceCode != "46" {
			t.Errorf("52-CT/TU with gazetteer: province %q (%s), want Thừa Thiên Huế; key %+v", ct52.Province, ct52.ProvinceCode, ct52.Key)
		}
	} else if ct52.Key == nil || ct52.Key.Confidence == "unscoped" || !strings.Contains(slug(ct52.Key.Scope), "huong-thuy") {
		t.Errorf("52-CT/TU without gazetteer: key %+v, want scoped to the province of Hương Thủy", ct52.Key)
	}
	// 39-NQ/TW: the stated term wins over the date's.
	if nq39 := resolveOne(t, s, "39-NQ/TW"); nq39.Key.Term != "XI" {
		t.Errorf("39-NQ/TW term %q, want the stated XI", nq39.Key.Term)
	}
	if nq25 := resolveOne(t, s, "25-NQ/TW"); nq25.Key.Term != "XI" {
		t.Errorf("25-NQ/TW key %+v, want XI", nq25.Key)
	}
}

var seedOrders = [][]string{
	{"000.txt", "001.txt", "002.txt", "003.txt", "004.txt"},
	{"004.txt", "003.txt", "002.txt", "001.txt", "000.txt"},
	{"002.txt", "004.txt", "000.txt", "003.txt", "001.txt"},
	{"001.txt", "003.txt", "002.txt", "000.txt", "004.txt"},
}

func TestSeedLikeIdentity(t *testing.T) {
	for _, order := range seedOrders {
		t.Run(strings.Join(order, ","), func(t *testing.T) {
			s := openTest(t, t.TempDir(), Options{})
			ingestExtractions(t, s, seedLike(), order)
			checkSeedIdentity(t, s, false)
			verifyStore(t, s)
		})
	}
}

func gazetteerDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "gazetteer")
	if _, err := os.Stat(filepath.Join(dir, "provinces-2024.tsv")); err != nil {
		t.Skip("no gazetteer at ../shared/gazetteer")
	}
	return dir
}

func TestSeedLikeIdentityWithGazetteer(t *testing.T) {
	gz, err := LoadGazetteer(gazetteerDir(t))
	if err != nil {
		t.Fatal(err)
	}
	s := openTest(t, t.TempDir(), Options{Gazetteer: gz})
	ingestExtractions(t, s, seedLike(), seedOrders[1])
	checkSeedIdentity(t, s, true)
}

func TestReingestAndReplace(t *testing.T) {
	ctx := context.Background()
	idx := newFakeIndex()
	s := openTest(t, t.TempDir(), Options{Indexer: idx})
	exts := seedLike()
	ingestExtractions(t, s, exts, seedOrders[0])
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var dump1 strings.Builder
	if err := s.Dump(ctx, &dump1); err != nil {
		t.Fatal(err)
	}
	sum := ingestExtractions(t, s, exts, seedOrders[2])
	if sum.Unchanged != 5 || sum.Documents != 0 {
		t.Errorf("re-ingest: %+v, want 5 unchanged", sum)
	}
	var dump2 strings.Builder
	if err := s.Dump(ctx, &dump2); err != nil {
		t.Fatal(err)
	}
	if dump1.String() != dump2.String() {
		t.Error("re-ingesting the same content changed the store")
	}
	// Changed content: 003 now cites only 24-CT/TU.
	e3 := exts["003.txt"]
	e3.Text += " Sửa đổi."
	e3.References = e3.References[:1]
	sum, err = s.Ingest(ctx, inputsOf(Input{Source: "003.txt", Extraction: &e3}), IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Replaced != 1 {
		t.Errorf("changed content: %+v, want 1 replaced", sum)
	}
	verifyStore(t, s)
	ct05 := resolveOne(t, s, "05-CT/TW")
	for _, sg := range ct05.Sightings {
		if strings.HasPrefix(sg.Citing, "doc-"+shortHash("003.txt")) {
			t.Errorf("05-CT/TW still has a sighting by the replaced 003: %+v", sg)
		}
	}
	after, _ := s.Stats(ctx)
	if after.Documents != before.Documents || after.Edges != before.Edges-1 {
		t.Errorf("after replace: %+v, before %+v", after, before)
	}
	rep, err := s.Check(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("index out of step after ingest: %+v", rep)
	}
}

func TestSkipsBadInputAndKeepsGoing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	exts := seedLike()
	e0 := exts["000.txt"]
	sum, err := s.Ingest(ctx, inputsOf(
		Input{Source: "bad.bin", Text: []byte{0xff, 0xfe, 0x00, 0x01}},
		Input{Source: "empty.txt", Text: []byte("  \n")},
		Input{Source: "unreadable.txt", Err: errors.New("permission denied")},
		Input{Source: "000.txt", Extraction: &e0},
	), IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 1 || len(sum.Skipped) != 3 {
		t.Fatalf("summary %+v, want 1 document and 3 skipped", sum)
	}
	for _, sk := range sum.Skipped {
		if sk.Reason == "" {
			t.Errorf("skip without reason: %+v", sk)
		}
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	dir := t.TempDir()
	openTest(t, dir, Options{})
	_, err := Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "stop") {
		t.Errorf("message should name the directory and what to do: %v", err)
	}
}

func TestDumpRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	ingestExtractions(t, s, seedLike(), seedOrders[0])
	var d1 strings.Builder
	if err := s.Dump(ctx, &d1); err != nil {
		t.Fatal(err)
	}
	idx := newFakeIndex()
	s2 := openTest(t, t.TempDir(), Options{Indexer: idx})
	sum, err := s2.Restore(ctx, strings.NewReader(d1.String()))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != 5 || sum.Edges == 0 {
		t.Errorf("restore summary %+v", sum)
	}
	var d2 strings.Builder
	if err := s2.Dump(ctx, &d2); err != nil {
		t.Fatal(err)
	}
	if d1.String() != d2.String() {
		t.Error("dump → restore → dump differs")
	}
	checkSeedIdentity(t, s2, false)
	verifyStore(t, s2)
	if rep, err := s2.Check(ctx, false); err != nil || !rep.OK() {
		t.Errorf("restored store and index disagree: %+v %v", rep, err)
	}
	// Restoring into a non-empty store is refused; a malformed dump says where.
	if _, err := s2.Restore(ctx, strings.NewReader(d1.String())); err == nil {
		t.Error("restore into a non-empty store succeeded")
	}
	s3 := openTest(t, t.TempDir(), Options{})
	bad := strings.Replace(d1.String(), `{"kind":"edge"`, `{"kind":"edge",`, 1)
	if _, err := s3.Restore(ctx, strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line") {
		t.Errorf("malformed dump: %v, want an error naming the line", err)
	}
}

func TestCheckRepair(t *testing.T) {
	ctx := context.Background()
	idx := newFakeIndex()
	s := openTest(t, t.TempDir(), Options{Indexer: idx})
	ingestExtractions(t, s, seedLike(), seedOrders[0])
	plan := resolveOne(t, s, "109/KH-UBND")
	// Behind vncite's back: one deleted, one stale, one extra.
	idx.mu.Lock()
	delete(idx.docs, plan.ID)
	ids := slices.Sorted(maps.Keys(idx.docs))
	stale := idx.docs[ids[0]]
	stale.Hash = "bogus"
	idx.docs[ids[0]] = stale
	idx.docs["ghost"] = vncite.Document{ID: "ghost", Hash: "x"}
	idx.mu.Unlock()
	rep, err := s.Check(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Missing, []string{plan.ID}) || !slices.Equal(rep.Extra, []string{"ghost"}) || !slices.Equal(rep.Stale, []string{ids[0]}) {
		t.Fatalf("check: %+v", rep)
	}
	if rep, err = s.Check(ctx, true); err != nil || !rep.Repaired {
		t.Fatalf("repair: %+v %v", rep, err)
	}
	if rep, err = s.Check(ctx, false); err != nil || !rep.OK() {
		t.Fatalf("after repair: %+v %v", rep, err)
	}
	if idx.docs[plan.ID].Text == "" || len(idx.docs[plan.ID].Cites) == 0 {
		t.Errorf("repaired document lacks text or cites: %+v", idx.docs[plan.ID])
	}
	n, err := s.Reindex(ctx)
	if err != nil || n != len(idx.docs) {
		t.Errorf("reindex: %d %v, index holds %d", n, err, len(idx.docs))
	}
}

func TestAmbiguousNumberListsAll(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	mk := func(src, place, date string) Input {
		text := place + ", " + date + ". Thực hiện Chỉ thị số 24-CT/TU ngày 27/02/2018 của Ban Thường vụ Tỉnh ủy."
		e := vncite.Extraction{Document: vncite.Document{Number: "12-KH/TU", Body: "Ban Thường vụ Tỉnh ủy", Place: place, Date: date}, Text: text,
			References: []vncite.Reference{ref(text, "24-CT/TU", "24-CT/TU", vncite.Implements, "2018-02-27", "Ban Thường vụ Tỉnh ủy", "")}}
		return Input{Source: src, Extraction: &e}
	}
	text := "Thực hiện Chỉ thị số 24-CT/TU của Ban Thường vụ Tỉnh ủy."
	unscoped := vncite.Extraction{Text: text, References: []vncite.Reference{ref(text, "24-CT/TU", "24-CT/TU", vncite.Implements, "", "Ban Thường vụ Tỉnh ủy", "")}}
	if _, err := s.Ingest(ctx, inputsOf(mk("a", "Lâm Đồng", "2018-03-01"), mk("b", "Hà Tĩnh", "2018-03-02"), mk("c", "Lâm Đồng", "2018-04-01"),
		Input{Source: "d", Extraction: &unscoped}), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Resolve(ctx, "24-CT/TU")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, Distinguish(d))
	}
	// Lâm Đồng's (cited twice), Hà Tĩnh's, and the unscoped one: never merged.
	if len(ds) != 3 {
		t.Fatalf("24-CT/TU: %d documents, want 3: %q", len(ds), got)
	}
	joined := strings.Join(got, " | ")
	for _, w := range []string{"Lâm Đồng", "Hà Tĩnh", "unscoped"} {
		if !strings.Contains(joined, w) {
			t.Errorf("distinctions %q lack %q", joined, w)
		}
	}
}

// TestCancelledIngest: a cancelled ingest returns the context's error,
// keeps what it committed, leaves no half document, and can be run again.
func TestCancelledIngest(t *testing.T) {
	s := openTest(t, t.TempDir(), Options{Indexer: newFakeIndex()})
	in := benchDocs(0, 1500)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := s.Ingest(ctx, inputsOf(in...), IngestOptions{BatchSize: 100, Progress: func(Summary) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled ingest: %v, want context.Canceled", err)
	}
	verifyStore(t, s)
	st, _ := s.Stats(context.Background())
	if st.Documents == 0 || st.Documents >= 1500 {
		t.Errorf("after cancel: %d documents, want some but not all", st.Documents)
	}
	sum, err := s.Ingest(context.Background(), inputsOf(in...), IngestOptions{})
	if err != nil || sum.Documents+sum.Unchanged != 1500 {
		t.Fatalf("ingest again: %+v %v", sum, err)
	}
	verifyStore(t, s)
	if rep, err := s.Check(context.Background(), true); err != nil || !(rep.OK() || rep.Repaired) {
		t.Errorf("check --repair: %+v %v", rep, err)
	}
}

// TestSameCommuneNameTwoProvinces: two communes named alike, province
// unknown, same number and year: two documents, neither replaces the other.
func TestSameCommuneNameTwoProvinces(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	mk := func(src, date string) Input {
		text := "ĐẢNG ỦY XÃ MINH KHAI\nSố 34-KH/ĐU\nMinh Khai, " + date + "\nKế hoạch số 34-KH/ĐU."
		e := vncite.Extraction{Text: text, Document: vncite.Document{Number: "34-KH/ĐU", Issuer: "ĐU", Body: "Đảng ủy xã Minh Khai", Place: "Minh Khai", Date: date}}
		return Input{Source: src, Extraction: &e}
	}
	sum, err := s.Ingest(ctx, inputsOf(mk("a.txt", "2003-10-12"), mk("b.txt", "2003-11-14")), IngestOptions{})
	if err != nil || sum.Documents != 2 || sum.Replaced != 0 {
		t.Fatalf("ingest: %+v %v", sum, err)
	}
	ds, err := s.Resolve(ctx, "34-KH/ĐU")
	if err != nil || len(ds) != 2 {
		t.Fatalf("34-KH/ĐU: %d documents (%v), want 2", len(ds), err)
	}
}

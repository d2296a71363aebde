package corpusgen

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// testCorpus generates a corpus for a test.
func testCorpus(t testing.TB, docs int, seed uint64, workers int) []Doc {
	t.Helper()
	out, err := GenerateAll(Config{Docs: docs, Seed: seed, Rates: DefaultRates(), Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// digest hashes texts and truth of a corpus.
func digest(t testing.TB, docs []Doc) [32]byte {
	h := sha256.New()
	for _, d := range docs {
		h.Write(d.Text)
		b, err := json.Marshal(d.Truth)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func TestDeterminism(t *testing.T) {
	a := digest(t, testCorpus(t, 800, 42, 1))
	b := digest(t, testCorpus(t, 800, 42, 3))
	if a != b {
		t.Fatal("same seed, different bytes (1 worker vs 3)")
	}
	if c := digest(t, testCorpus(t, 800, 43, 2)); c == a {
		t.Fatal("different seeds gave the same corpus")
	}
}

func TestDocCount(t *testing.T) {
	for _, n := range []int{0, 1, 7, 150, 1000} {
		written := 0
		for _, d := range testCorpus(t, n, 5, 0) {
			if d.Text != nil {
				written++
				if d.Truth.File == "" {
					t.Errorf("%s has text but no file", d.Truth.ID)
				}
			} else if d.Truth.File != "" {
				t.Errorf("%s is withheld but has file %s", d.Truth.ID, d.Truth.File)
			}
		}
		if written != n {
			t.Errorf("asked for %d documents, wrote %d", n, written)
		}
	}
}

// composeTable inverts nfdTable, to check NFC offsets without x/text.
func composeTable() map[string]rune {
	m := make(map[string]rune, len(nfdTable))
	for r, d := range nfdTable {
		m[d] = r
	}
	return m
}

// compose is the inverse of toNFD: longest decomposition first.
func compose(s string, table map[string]rune) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		done := false
		for n := min(len(s)-i, 7); n > 1; n-- {
			if r, ok := table[s[i:i+n]]; ok {
				b.WriteRune(r)
				i += n
				done = true
				break
			}
		}
		if !done {
			_, w := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+w])
			i += w
		}
	}
	return b.String()
}

// loose reduces a number as written to what every spelling shares.
func loose(s string, table map[string]rune) string {
	s = compose(s, table)
	s = strings.NewReplacer("–", "", "-", "", " ", "", "\n", "", "\r", "", "\u00a0", "", "\u00d0", "D", "Đ", "D", "TƯ", "TU", "TTLT/", "TTLT").Replace(s)
	var b strings.Builder
	for _, r := range s {
		for lat, cyr := range cyrillic {
			if string(r) == cyr {
				r = rune(lat)
			}
		}
		b.WriteRune(r)
	}
	return strings.ToUpper(b.String())
}

func TestTruthSpans(t *testing.T) {
	table := composeTable()
	docs := testCorpus(t, 3000, 9, 0)
	seen := map[string]int{}
	for _, d := range docs {
		if d.Text == nil {
			continue
		}
		if d.Truth.CRLF {
			seen["crlf"]++
			if bytes.Count(d.Text, []byte("\n")) != bytes.Count(d.Text, []byte("\r\n")) {
				t.Errorf("%s: CRLF document with bare line feeds", d.Truth.File)
			}
		}
		text := string(d.Text)
		nfc := text
		if d.Truth.NFD {
			nfc = compose(text, table)
			if nfc == text {
				t.Errorf("%s: marked NFD but composing changes nothing", d.Truth.File)
			}
		}
		at := func(s Span) (string, string) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("%s: span %+v outside the text (%d bytes)", d.Truth.File, s, len(text))
			}
			a0, a1 := s.Start, s.End
			if d.Truth.NFD {
				a0, a1 = s.NFCStart, s.NFCEnd
			}
			return text[s.Start:s.End], nfc[a0:a1]
		}
		for _, c := range d.Truth.Citations {
			seen[c.Form]++
			raw, inNFC := at(c.Span)
			if raw != c.AsWritten {
				t.Errorf("%s: as_written %q, text has %q", d.Truth.File, c.AsWritten, raw)
			}
			if compose(raw, table) != inNFC {
				t.Errorf("%s: NFC span %q is not the NFC of %q", d.Truth.File, inNFC, raw)
			}
			switch c.Mention {
			case "full", "list":
				if loose(raw, table) != loose(c.Number, table) {
					t.Errorf("%s: %s written %q (%s)", d.Truth.File, c.Number, raw, c.Form)
				}
				if c.Form == FormCanonical && raw != c.Number {
					t.Errorf("%s: canonical mention %q of %s", d.Truth.File, raw, c.Number)
				}
			case "bare":
				if !strings.HasPrefix(c.Number, inNFC+"-") {
					t.Errorf("%s: bare %q of %s", d.Truth.File, inNFC, c.Number)
				}
			case "short", "above":
				if !strings.Contains(inNFC, " ") {
					t.Errorf("%s: short form %q has no type word", d.Truth.File, inNFC)
				}
			default:
				t.Errorf("%s: unknown mention %q", d.Truth.File, c.Mention)
			}
		}
		for _, s := range d.Truth.Statements {
			raw, _ := at(s.Span)
			var subj, obj *Citation
			for k := range d.Truth.Citations {
				c := &d.Truth.Citations[k]
				if c.Start == s.Start && c.Number == s.Subject {
					subj = c
				}
				if c.End == s.End && c.Number == s.Object {
					obj = c
				}
			}
			if subj == nil || obj == nil || !obj.InStatement {
				t.Errorf("%s: statement %s → %s over %q is not from a subject mention to an object mention", d.Truth.File, s.Subject, s.Object, raw)
			}
		}
		same := func(want, got string) bool {
			if d.Truth.Unaccented {
				return fold(want) == fold(got) && !strings.ContainsFunc(got, func(r rune) bool { return r >= 0x80 && r != 0xa0 })
			}
			return want == got
		}
		if d.Truth.Unaccented {
			seen["unaccented"]++
		}
		for _, n := range d.Truth.Noise {
			if _, inNFC := at(n.Span); !same(n.Text, inNFC) {
				t.Errorf("%s: noise %q, text has %q", d.Truth.File, n.Text, inNFC)
			}
		}
		for _, n := range d.Truth.Named {
			if _, inNFC := at(n.Span); !same(n.Name, inNFC) {
				t.Errorf("%s: named %q, text has %q", d.Truth.File, n.Name, inNFC)
			}
		}
		if ns := d.Truth.NumberSpan; ns != nil {
			if raw, _ := at(*ns); loose(raw, table) != loose(d.Truth.Number, table) {
				t.Errorf("%s: own number %s written %q", d.Truth.File, d.Truth.Number, raw)
			}
		} else if d.Truth.Form != "article" && d.Truth.Form != "draft" {
			t.Errorf("%s: no own number span", d.Truth.File)
		}
		seen[d.Truth.Form]++
	}
	for _, f := range []string{"crlf", "unaccented", "draft", "news", "article"} {
		if seen[f] == 0 {
			t.Errorf("no %s document in 3000", f)
		}
	}
	// Every spelling of document-numbers.md occurs.
	for _, f := range []string{FormCanonical, FormSpaces, FormEnDash, FormNoDash, FormASCIID, FormEth, FormCyrillic, FormBreak, FormUpper, FormOCRTU, FormColon, FormNoSo, FormSplit, FormNBSP, FormGlued, FormCapSo, FormAbbrWord, FormGeneric, FormJointSlash, FormTable, FormFootnote, FormShort, FormBare, FormLawName} {
		if seen[f] == 0 {
			t.Errorf("no mention spelled %s in 3000 documents", f)
		}
	}
}

func TestTruthConsistency(t *testing.T) {
	docs := testCorpus(t, 3000, 11, 0)
	byID := map[string]*DocTruth{}
	identity := map[string]string{}
	levels := map[vncite.Level]int{}
	for i := range docs {
		d := &docs[i].Truth
		byID[d.ID] = d
		levels[d.Level]++
		if d.Number == "" {
			continue
		}
		key := d.Number + "|" + d.Scope + "|"
		if d.Term != "" {
			key += d.Term
		} else {
			key += d.Date[:4]
		}
		if other, ok := identity[key]; ok {
			t.Errorf("documents %s and %s share the identity %s", other, d.ID, key)
		}
		identity[key] = d.ID
	}
	for _, l := range []vncite.Level{vncite.LevelCentral, vncite.LevelProvince, vncite.LevelDistrict, vncite.LevelCommune} {
		if levels[l] == 0 {
			t.Errorf("no %s documents", l)
		}
	}
	for i := range docs {
		d := &docs[i].Truth
		for _, c := range d.Citations {
			tg, ok := byID[c.Target]
			if !ok || tg.Number != c.Number {
				t.Errorf("%s cites %s as %s: not in the truth with that number", d.ID, c.Target, c.Number)
				continue
			}
			if tg.Date > d.Date {
				t.Errorf("%s (%s) cites %s of a later date %s", d.ID, d.Date, tg.ID, tg.Date)
			}
		}
		for _, s := range d.Statements {
			if byID[s.SubjectID] == nil || byID[s.ObjectID] == nil || byID[s.SubjectID].Number != s.Subject || byID[s.ObjectID].Number != s.Object {
				t.Errorf("%s states %s → %s: not in the truth", d.ID, s.Subject, s.Object)
			}
		}
		if d.Source != "" {
			src := byID[d.Source]
			if src == nil {
				t.Errorf("%s: source %s not in the truth", d.ID, d.Source)
			} else if d.LagDays < 0 || src.Date > d.Date {
				t.Errorf("%s dated %s before its source %s (%s)", d.ID, d.Date, src.ID, src.Date)
			}
		}
		if d.Level != vncite.LevelCentral {
			after := d.Date >= "2025-07-01"
			if after && d.District != "" {
				t.Errorf("%s: district %s after the 2025 reform", d.ID, d.District)
			}
			if !after && d.Province2025 == "" {
				t.Errorf("%s: no post-reform province", d.ID)
			}
		}
	}
}

func TestCascade(t *testing.T) {
	docs, err := Cascade(3, 63, 3)
	if err != nil {
		t.Fatal(err)
	}
	root := docs[0].Truth
	if root.Level != vncite.LevelCentral || root.Type != "NQ" || root.Issuer != "TW" || root.Term != "XII" {
		t.Fatalf("root %+v is not a Nghị quyết of khóa XII", root)
	}
	count := map[vncite.Level]int{}
	provinces := map[string]bool{}
	byID := map[string]DocTruth{}
	for _, d := range docs {
		byID[d.Truth.ID] = d.Truth
	}
	for _, d := range docs[1:] {
		tr := d.Truth
		count[tr.Level]++
		src, ok := byID[tr.Source]
		if !ok || tr.LagDays <= 0 {
			t.Errorf("%s: source %q, lag %d", tr.ID, tr.Source, tr.LagDays)
		}
		switch tr.Level {
		case vncite.LevelProvince:
			provinces[tr.Province] = true
			if tr.Source != root.ID {
				t.Errorf("province plan %s implements %s, not the root", tr.ID, tr.Source)
			}
		case vncite.LevelDistrict:
			if src.Level != vncite.LevelProvince || src.Province != tr.Province {
				t.Errorf("district plan %s implements %s of %s", tr.ID, src.ID, src.Province)
			}
		}
		cites := false
		for _, c := range tr.Citations {
			cites = cites || c.Target == tr.Source
		}
		if !cites {
			t.Errorf("%s does not cite its source", tr.ID)
		}
	}
	if count[vncite.LevelProvince] != 63 || len(provinces) != 63 || count[vncite.LevelDistrict] != 63*3 {
		t.Errorf("got %v over %d provinces; want 63 province plans and 189 district plans", count, len(provinces))
	}
	again, _ := Cascade(3, 63, 3)
	if digest(t, again) != digest(t, docs) {
		t.Error("Cascade is not deterministic")
	}
	if _, err := Cascade(1, 64, 1); err == nil {
		t.Error("64 provinces accepted")
	}
}

// perfect returns the extraction a perfect extractor would give.
func perfect(d *Doc) vncite.Extraction {
	x := vncite.Extraction{File: d.Truth.File, Text: string(d.Text)}
	x.Document.Number = d.Truth.Number
	for _, c := range d.Truth.Citations {
		s0, s1 := spanOf(&d.Truth, c.Span)
		x.References = append(x.References, vncite.Reference{Number: c.Number, Start: s0, End: s1, Relation: c.Relation, Date: c.Date, Body: c.Body, Term: c.Term, Title: c.Title})
	}
	for _, s := range d.Truth.Statements {
		x.Statements = append(x.Statements, vncite.Statement{Subject: s.Subject, Object: s.Object})
	}
	for _, n := range d.Truth.Named {
		s0, s1 := spanOf(&d.Truth, n.Span)
		x.Named = append(x.Named, vncite.Named{Name: n.Name, Kind: n.Kind, Start: s0, End: s1})
	}
	return x
}

// TestEvaluateCorpus reads a corpus from a file system: the perfect
// extraction of every file scores perfectly, and a missing file or a
// failing extractor is an error naming it.
func TestEvaluateCorpus(t *testing.T) {
	docs := testCorpus(t, 60, 5, 0)
	truth := Truths(docs)
	fsys := fstest.MapFS{}
	byText := map[string]*Doc{}
	for i := range docs {
		if docs[i].Text != nil {
			fsys[docs[i].Truth.File] = &fstest.MapFile{Data: docs[i].Text}
			byText[string(docs[i].Text)] = &docs[i]
		}
	}
	perfectOf := func(text []byte) (vncite.Extraction, error) {
		d, ok := byText[string(text)]
		if !ok {
			return vncite.Extraction{}, errors.New("text of no document")
		}
		return perfect(d), nil
	}
	rep, err := EvaluateCorpus(fsys, truth, perfectOf)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != len(fsys) || rep.Refs.TP == 0 || rep.Refs.FN != 0 || rep.Refs.FP != 0 {
		t.Errorf("perfect extraction of %d files: %d files, refs %s", len(fsys), rep.Files, rep.Refs)
	}

	var gone string
	for name := range fsys {
		gone = name
		break
	}
	kept := fsys[gone]
	delete(fsys, gone)
	if _, err := EvaluateCorpus(fsys, truth, perfectOf); err == nil || !strings.Contains(err.Error(), gone) {
		t.Errorf("missing %s: %v", gone, err)
	}
	// Every file back: the missing one, picked at random, would otherwise
	// fail first when it is the first read.
	fsys[gone] = kept
	fail := errors.New("extractor down")
	_, err = EvaluateCorpus(fsys, truth, func([]byte) (vncite.Extraction, error) { return vncite.Extraction{}, fail })
	if !errors.Is(err, fail) {
		t.Errorf("failing extractor: %v", err)
	}
}

func TestEvaluate(t *testing.T) {
	docs := testCorpus(t, 300, 21, 0)
	truth := Truths(docs)
	var xs []vncite.Extraction
	var first *Doc
	for i := range docs {
		if docs[i].Text != nil {
			xs = append(xs, perfect(&docs[i]))
			if first == nil && len(docs[i].Truth.Citations) > 1 && len(docs[i].Truth.Noise) > 0 {
				first = &docs[i]
			}
		}
	}
	rep, err := Evaluate(truth, xs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Refs.FN != 0 || rep.Refs.FP != 0 || rep.Statements.F1() != 1 || rep.OwnNumber.F1() != 1 || rep.Date.Share() != 1 || rep.Relation.Share() != 1 || rep.Named.TP == 0 || rep.Named.Recall() != 1 {
		t.Fatalf("a perfect extraction scored %+v", rep)
	}
	if rep.Edges != nil {
		t.Error("edges scored with no edges given")
	}

	// One miss, one number read wrong, one noise taken for a reference.
	var i int
	for i = range xs {
		if xs[i].File == first.Truth.File {
			break
		}
	}
	x := &xs[i]
	x.References = x.References[1:]
	x.References[0].Number = "999-XX/TW"
	noise := first.Truth.Noise[0]
	n0, n1 := spanOf(&first.Truth, noise.Span)
	x.References = append(x.References, vncite.Reference{Number: "1-ISO/9001", Start: n0, End: n1})
	rep, _ = Evaluate(truth, xs, nil)
	if rep.Refs.FN != 2 || rep.Refs.FP != 2 || rep.FalseAlarms["wrong_number"] != 1 || rep.FalseAlarms["noise:"+noise.Kind] != 1 {
		t.Errorf("after a miss, a wrong number and a noise hit: refs %s, false alarms %v", rep.Refs, rep.FalseAlarms)
	}
	if _, err := Evaluate(truth, []vncite.Extraction{{File: "nope.txt"}}, nil); err == nil {
		t.Error("an unknown file was accepted")
	}

	// Edges: the true ones named every way a graph may name them.
	var edges []Edge
	byID := map[string]DocTruth{}
	for _, d := range truth {
		byID[d.ID] = d
	}
	for k, e := range TruthEdges(truth) {
		from, to := byID[e.From], byID[e.To]
		ref := DocRef{Number: to.Number, Term: to.Term, Scope: to.Scope}
		if to.Term == "" {
			ref.Year = to.Year
		}
		if k%2 == 0 {
			ref = DocRef{ID: to.ID}
		}
		if k%3 == 0 && to.Scope != "" {
			ref.Scope = strings.ToUpper(strings.ReplaceAll(to.Scope, "/", ", "))
		}
		fromRef := DocRef{ID: from.ID}
		if from.File != "" {
			fromRef = DocRef{File: "/some/dir/" + from.File}
		}
		edges = append(edges, Edge{From: fromRef, To: ref, Relation: e.Relation})
	}
	rep, _ = Evaluate(truth, nil, edges)
	if rep.Edges == nil || rep.Edges.Recall() != 1 || rep.Edges.Precision() != 1 || rep.EdgeRelations.Share() != 1 {
		t.Fatalf("true edges scored %v, errors %v", rep.Edges, rep.EdgeErrors)
	}
	// An edge to a local number without its scope resolves only when the
	// number is unique; a wrong scope never.
	var local DocTruth
	for _, d := range truth {
		if d.Level == vncite.LevelDistrict && d.Number != "" {
			local = d
			break
		}
	}
	bad := Edge{From: DocRef{ID: truth[0].ID}, To: DocRef{Number: local.Number, Term: local.Term, Scope: "Nowhere"}}
	rep, _ = Evaluate(truth, nil, append(edges, bad))
	if rep.Edges.FP != 1 || rep.EdgeErrors["to_unknown"] != 1 {
		t.Errorf("an edge to a wrong scope: %v %v", rep.Edges, rep.EdgeErrors)
	}
}

func TestScopeMatches(t *testing.T) {
	d := &DocTruth{Scope: "Thừa Thiên Huế/Hương Thủy", Province: "Thừa Thiên Huế", Province2025: "Huế", District: "Hương Thủy"}
	for _, tc := range []struct {
		scope string
		want  bool
	}{
		{"Thừa Thiên Huế/Hương Thủy", true},
		{"tỉnh Thừa Thiên Huế, thị xã Hương Thuỷ", true},
		{"THUA THIEN HUE / HUONG THUY", true},
		{"Huế/Hương Thủy", true},
		{"Thừa Thiên Huế", false},
		{"Thừa Thiên Huế/Hương Trà", false},
		{"", false},
		{"Thị ủy Hương Thủy (Thừa Thiên Huế)", true},
		{"UBND thị xã Hương Thủy (Huế)", true},
		{"Thị ủy Hương Thủy", false},
		{"Tỉnh ủy Thừa Thiên Huế", false},
		{"Thị ủy Hương Trà (Thừa Thiên Huế)", false},
	} {
		if got := scopeMatches(tc.scope, d); got != tc.want {
			t.Errorf("scopeMatches(%q) = %v, want %v", tc.scope, got, tc.want)
		}
	}
}

func TestScopeMatchesProvince(t *testing.T) {
	d := &DocTruth{Scope: "Lâm Đồng", Province: "Lâm Đồng", Province2025: "Lâm Đồng"}
	for _, tc := range []struct {
		scope string
		want  bool
	}{
		{"Tỉnh ủy Lâm Đồng", true},
		{"Ban Thường vụ Tỉnh ủy Lâm Đồng", true},
		{"UBND tỉnh Lâm Đồng", true},
		{"Lâm Đồng", true},
		{"Huyện ủy Đức Trọng (Lâm Đồng)", false},
		{"Tỉnh ủy Đắk Nông", false},
	} {
		if got := scopeMatches(tc.scope, d); got != tc.want {
			t.Errorf("scopeMatches(%q) = %v, want %v", tc.scope, got, tc.want)
		}
	}
	c := &DocTruth{Scope: "Lâm Đồng/Đức Trọng/Tân Hội", Province: "Lâm Đồng", Province2025: "Lâm Đồng", District: "Đức Trọng", Commune: "Tân Hội"}
	if !scopeMatches("Đảng ủy xã Tân Hội (Lâm Đồng)", c) || scopeMatches("Đảng ủy xã Tân Hội (Đắk Lắk)", c) {
		t.Error("commune committee scopes")
	}
}

func TestEdgesFromDump(t *testing.T) {
	dump := `{"kind":"header","version":1}
{"kind":"document","document":{"id":"a","number":"03-KH/HU","source":"/c/0000/0000009.txt","key":{"number":"03-KH/HU","term":"XI","scope":"Huyện ủy Đức Trọng (Lâm Đồng)"}}}
{"kind":"document","document":{"id":"b","number":"114-KL/TW","stub":true,"key":{"number":"114-KL/TW","term":"XI"}}}

{"kind":"edge","edge":{"from":"a","to":"b","relation":"implements","evidence":{"doc":"a"}}}
`
	edges, err := EdgesFromDump(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	want := Edge{From: DocRef{Number: "03-KH/HU", File: "/c/0000/0000009.txt", Term: "XI", Scope: "Huyện ủy Đức Trọng (Lâm Đồng)"}, To: DocRef{Number: "114-KL/TW", Term: "XI"}, Relation: vncite.Implements}
	if len(edges) != 1 || edges[0] != want {
		t.Fatalf("got %+v, want %+v", edges, want)
	}
	if _, err := EdgesFromDump(strings.NewReader(`{"kind":"edge","edge":{"from":"x","to":"y"}}`)); err == nil {
		t.Error("an edge to unknown documents was accepted")
	}
	if _, err := EdgesFromDump(strings.NewReader("\n{\n")); err == nil || !strings.Contains(err.Error(), "dump line 2") {
		t.Errorf("a malformed line: %v, want an error naming line 2", err)
	}
}

func TestDays(t *testing.T) {
	for _, s := range []string{"1970-01-01", "2000-02-29", "2015-07-14", "2025-07-01", "2026-12-31"} {
		d, ok := parseDay(s)
		if !ok || d.String() != s {
			t.Errorf("%s → %v → %s", s, ok, d)
		}
	}
	for _, s := range []string{"", "2015-13-01", "2015-7-14", "abcd-ef-gh"} {
		if _, ok := parseDay(s); ok {
			t.Errorf("%q parsed", s)
		}
	}
	for _, tc := range []struct{ date, term string }{{"2013-06-03", "XI"}, {"2016-05-15", "XII"}, {"2021-05-18", "XIII"}, {"2026-03-01", "XIV"}} {
		if got := terms[termOf(mustDay(tc.date))].name; got != tc.term {
			t.Errorf("term of %s = %s, want %s", tc.date, got, tc.term)
		}
	}
	if legislature(mustDay("2022-06-01")) != 15 || legislature(mustDay("2018-06-01")) != 14 || legislature(mustDay("2003-01-01")) != 11 {
		t.Error("legislature numbers")
	}
}

func TestTruthRoundTrip(t *testing.T) {
	truth := Truths(testCorpus(t, 100, 2, 0))
	var buf bytes.Buffer
	if err := WriteTruth(&buf, truth); err != nil {
		t.Fatal(err)
	}
	back, err := ReadTruth(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(truth) || back[len(back)-1].ID != truth[len(truth)-1].ID {
		t.Fatalf("read %d records back of %d", len(back), len(truth))
	}
	for _, bad := range []string{"{\"id\":\"1\"}\nnot json\n", "{\"file\":\"x\"}\n"} {
		if _, err := ReadTruth(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("ReadTruth(%q) = %v, want an error naming the line", bad, err)
		}
	}
	if _, err := ReadEdges(strings.NewReader("{\"from\":{\"id\":\"1\"}}\n{")); err == nil {
		t.Error("ReadEdges accepted a truncated line")
	}
}

func FuzzReadTruth(f *testing.F) {
	f.Add([]byte(`{"id":"0000001","citations":[{"number":"25-NQ/TW","start":3,"end":11}]}`))
	f.Add([]byte("{\"id\":\"1\"}\n\n{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, err := ReadTruth(bytes.NewReader(b))
		if err == nil {
			for _, d := range docs {
				if d.ID == "" {
					t.Fatal("record without id accepted")
				}
			}
		}
		_, _ = ReadEdges(bytes.NewReader(b))
	})
}

func FuzzScope(f *testing.F) {
	f.Add("Thành phố Hồ Chí Minh/Quận 1/Phường 5")
	f.Add("tỉnh Lâm Đồng, huyện Đức Trọng")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range scopeParts(s) {
			if p == "" || strings.ContainsAny(p, "/,|") {
				t.Fatalf("scopeParts(%q) gave %q", s, p)
			}
		}
		_ = scopeMatches(s, &DocTruth{Scope: "Lâm Đồng/Đức Trọng", Province2025: "Lâm Đồng"})
		_, _ = parseDay(s)
	})
}

func TestGenerateStopsOnError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := Generate(Config{Docs: 3000, Seed: 1, Rates: DefaultRates(), Workers: 3}, func(*Doc) error {
		n++
		if n == 100 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 100 {
		t.Fatalf("Generate = %v after %d documents; want the emit error after 100", err, n)
	}
	if err := Generate(Config{Docs: -1}, func(*Doc) error { return nil }); err == nil {
		t.Error("negative Docs accepted")
	}
}

// TestResolveLocalPartyByYear checks that a local Party number named by
// its unit and year (how the graph keys it) resolves to the document of
// that year, and stays ambiguous without one: a committee reissues its
// numbers each term.
func TestResolveLocalPartyByYear(t *testing.T) {
	truth := []DocTruth{
		{ID: "a", Number: "52-KH/TU", Scope: "Bà Rịa - Vũng Tàu", Province: "Bà Rịa - Vũng Tàu", Term: "IX", Year: 2001},
		{ID: "b", Number: "52-KH/TU", Scope: "Bà Rịa - Vũng Tàu", Province: "Bà Rịa - Vũng Tàu", Term: "XII", Year: 2017},
		{ID: "c", Number: "25-NQ/TW", Term: "XI", Year: 2013},
		{ID: "d", Number: "25-NQ/TW", Term: "XII", Year: 2018},
	}
	ev := NewEvaluator(truth)
	for _, tc := range []struct {
		ref     DocRef
		id, why string
	}{
		{DocRef{Number: "52-KH/TU", Scope: "Tỉnh ủy Bà Rịa - Vũng Tàu", Year: 2001}, "a", ""},
		{DocRef{Number: "52-KH/TU", Scope: "Tỉnh ủy Bà Rịa - Vũng Tàu", Year: 2017}, "b", ""},
		{DocRef{Number: "52-KH/TU", Scope: "Tỉnh ủy Bà Rịa - Vũng Tàu", Year: 2010}, "", "unknown"},
		{DocRef{Number: "52-KH/TU", Scope: "Tỉnh ủy Bà Rịa - Vũng Tàu"}, "", "ambiguous"},
		{DocRef{Number: "25-NQ/TW", Term: "XI", Year: 2018}, "c", ""}, // a term given: the year is no identity
	} {
		id, why := ev.Resolve(tc.ref)
		if id != tc.id || why != tc.why {
			t.Errorf("Resolve(%+v) = %q, %q; want %q, %q", tc.ref, id, why, tc.id, tc.why)
		}
	}
}

package corpusgen

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/vncite/vncite"
)

// Score is a count of hits, misses and false alarms.
type Score struct {
	TP int `json:"tp"` // found and true
	FN int `json:"fn"` // true, not found
	FP int `json:"fp"` // found, not true
}

// Recall is TP / (TP + FN); 1 when there was nothing to find.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// Precision is TP / (TP + FP); 1 when nothing was found.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// F1 is the harmonic mean of recall and precision.
func (s Score) F1() float64 {
	r, p := s.Recall(), s.Precision()
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}

// String gives recall, precision and F1 with the counts.
func (s Score) String() string {
	return fmt.Sprintf("recall %.4f precision %.4f F1 %.4f (tp %d fn %d fp %d)", s.Recall(), s.Precision(), s.F1(), s.TP, s.FN, s.FP)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Accuracy counts agreements on one attribute of matched references.
type Accuracy struct {
	Right int `json:"right"`
	Total int `json:"total"`
}

// Share is Right / Total (1 when Total is 0).
func (a Accuracy) Share() float64 { return ratio(a.Right, a.Total) }

// Example is one miss or false alarm, for reading.
type Example struct {
	File      string `json:"file"`
	Class     string `json:"class"`            // form or mention of a miss, kind of a false alarm
	Number    string `json:"number,omitempty"` // the true number of a miss, the reported one of a false alarm
	AsWritten string `json:"as_written,omitempty"`
	Context   string `json:"context,omitempty"` // the text around it, when the extraction carried its text
}

// Report is what Evaluate measured.
type Report struct {
	Files int `json:"files"`
	// Refs scores numbered references: a reported reference is right when
	// the truth has a mention of the same canonical number in the same file
	// whose span overlaps the reported one. A reference reported on the
	// document's own number is neither right nor wrong.
	Refs Score `json:"refs"`
	// ByForm and ByMention split the true mentions (TP, FN) by spelling and
	// by kind of mention; FalseAlarms splits the FP by what was there:
	// a noise kind, "wrong_number" (a true mention read as another
	// number), "named", "spurious".
	ByForm      map[string]Score `json:"by_form"`
	ByMention   map[string]Score `json:"by_mention"`
	FalseAlarms map[string]int   `json:"false_alarms"`
	// Statements scores statements per (file, subject, object);
	// StatementsByRelation splits the true ones (TP, FN) by relation.
	Statements           Score            `json:"statements"`
	StatementsByRelation map[string]Score `json:"statements_by_relation"`
	// OwnNumber scores the document's own number (Document.Number).
	OwnNumber Score `json:"own_number"`
	// Named counts references by name found (TP, by overlapping span) and
	// missed (FN). Its FP stays 0: the texts name more documents than the
	// truth records (law names inside titles, "Quy chế làm việc"), so
	// named precision is not measured.
	Named Score `json:"named"`
	// Attributes of matched references the text stated beside them.
	Date     Accuracy `json:"date"`
	Body     Accuracy `json:"body"`
	Term     Accuracy `json:"term"`
	Title    Accuracy `json:"title"`
	Relation Accuracy `json:"relation"`
	// Edges scores citation edges (citing → cited, by the generator's
	// document identity) when edges were given; EdgeErrors splits its FP.
	Edges      *Score         `json:"edges,omitempty"`
	EdgeErrors map[string]int `json:"edge_errors,omitempty"`
	// EdgesByScope splits the true edges (TP, FN) by where a reader finds
	// the target's unit: "central" (no unit needed), "stated", "letterhead",
	// "gazetteer", "none" (see Citation.ScopeFrom), "statement".
	EdgesByScope  map[string]Score `json:"edges_by_scope,omitempty"`
	EdgeRelations Accuracy         `json:"edge_relations"`
	// Misses and FalseAlarmExamples are a few examples per class.
	Misses             []Example `json:"misses,omitempty"`
	FalseAlarmExamples []Example `json:"false_alarm_examples,omitempty"`
}

// Edge is an edge found by a graph, its ends named as the graph knows them.
type Edge struct {
	From     DocRef          `json:"from"`
	To       DocRef          `json:"to"`
	Relation vncite.Relation `json:"relation,omitempty"`
}

// DocRef names a document: by the generator's ID, or by the file it was
// ingested from (its base name is enough), or by its number with what
// identifies it: term (Party documents), year (state documents, and Party
// ones named without a term), scope (local ones).
//
// Scope is the unit path "Province[/District[/Commune]]" ("Lâm Đồng/Đức
// Trọng"); commas work as separators too, level words ("tỉnh", "huyện",
// "Thành phố" ...), case and diacritics are ignored, and the province may
// be given as it was at the document's date or as the post-2025 province.
// A number that leaves several documents possible does not resolve.
type DocRef struct {
	ID     string `json:"id,omitempty"`
	File   string `json:"file,omitempty"`
	Number string `json:"number,omitempty"`
	Term   string `json:"term,omitempty"`
	Year   int    `json:"year,omitempty"`
	Scope  string `json:"scope,omitempty"`
}

// Evaluator accumulates extractions and edges against a truth.
type Evaluator struct {
	docs     []DocTruth
	byID     map[string]int
	byFile   map[string]int // base name → doc
	byNumber map[string][]int
	rep      Report
	seenFile map[int]bool
	edges    map[[2]string]vncite.Relation // observed pairs
	edgeErr  map[string]int
	examples map[string]int
}

// maxExamples is how many examples a report keeps per class.
const maxExamples = 5

// NewEvaluator indexes a truth.
func NewEvaluator(truth []DocTruth) *Evaluator {
	e := &Evaluator{
		docs: truth, byID: map[string]int{}, byFile: map[string]int{}, byNumber: map[string][]int{},
		seenFile: map[int]bool{}, edges: map[[2]string]vncite.Relation{}, edgeErr: map[string]int{}, examples: map[string]int{},
	}
	e.rep.ByForm = map[string]Score{}
	e.rep.ByMention = map[string]Score{}
	e.rep.FalseAlarms = map[string]int{}
	e.rep.StatementsByRelation = map[string]Score{}
	for i, d := range truth {
		e.byID[d.ID] = i
		if d.File != "" {
			e.byFile[path.Base(d.File)] = i
		}
		if d.Number != "" {
			e.byNumber[d.Number] = append(e.byNumber[d.Number], i)
		}
	}
	return e
}

// spanOf returns a span in the NFC text (the extractor's offsets).
func spanOf(d *DocTruth, s Span) (int, int) {
	if d.NFD {
		return s.NFCStart, s.NFCEnd
	}
	return s.Start, s.End
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// AddExtraction scores the extraction of one file; x.File names the file
// as the truth does (its base name is enough). It returns an error for a
// file the truth does not know.
func (e *Evaluator) AddExtraction(x vncite.Extraction) error {
	di, ok := e.byFile[path.Base(x.File)]
	if !ok {
		return fmt.Errorf("corpusgen: evaluate: %q is not a file of the truth", x.File)
	}
	if e.seenFile[di] {
		return fmt.Errorf("corpusgen: evaluate: %q given twice", x.File)
	}
	e.seenFile[di] = true
	d := &e.docs[di]
	e.rep.Files++
	matched := make([]bool, len(d.Citations))
	own0, own1 := -1, -1
	if d.NumberSpan != nil {
		own0, own1 = spanOf(d, *d.NumberSpan)
	}
	for _, ref := range x.References {
		if overlaps(ref.Start, ref.End, own0, own1) {
			continue
		}
		best, bestOver := -1, 0
		for k := range d.Citations {
			c := &d.Citations[k]
			s0, s1 := spanOf(d, c.Span)
			if matched[k] || c.Number != ref.Number || !overlaps(ref.Start, ref.End, s0, s1) {
				continue
			}
			if o := min(ref.End, s1) - max(ref.Start, s0); o > bestOver {
				best, bestOver = k, o
			}
		}
		if best >= 0 {
			matched[best] = true
			e.rep.Refs.TP++
			e.attributes(d, &d.Citations[best], ref, x.Text)
			continue
		}
		e.rep.Refs.FP++
		class := e.falseAlarmClass(d, ref)
		e.rep.FalseAlarms[class]++
		e.example(&e.rep.FalseAlarmExamples, "fp:"+class, Example{File: d.File, Class: class, Number: ref.Number, AsWritten: ref.AsWritten, Context: context(x.Text, ref.Start, ref.End)})
	}
	for k := range d.Citations {
		c := &d.Citations[k]
		f, m := e.rep.ByForm[c.Form], e.rep.ByMention[c.Mention]
		if matched[k] {
			f.TP++
			m.TP++
		} else {
			f.FN++
			m.FN++
			e.rep.Refs.FN++
			s0, s1 := spanOf(d, c.Span)
			e.example(&e.rep.Misses, "miss:"+c.Form+"/"+c.Mention, Example{File: d.File, Class: c.Form + "/" + c.Mention, Number: c.Number, AsWritten: c.AsWritten, Context: context(x.Text, s0, s1)})
		}
		e.rep.ByForm[c.Form], e.rep.ByMention[c.Mention] = f, m
	}
	for _, nt := range d.Named {
		s0, s1 := spanOf(d, nt.Span)
		hit := false
		for _, n := range x.Named {
			if overlaps(n.Start, n.End, s0, s1) {
				hit = true
				break
			}
		}
		if hit {
			e.rep.Named.TP++
		} else {
			e.rep.Named.FN++
			e.example(&e.rep.Misses, "miss:named", Example{File: d.File, Class: "named", AsWritten: nt.Name, Context: context(x.Text, s0, s1)})
		}
	}
	// Statements, by (subject, object), each found statement used once.
	used := make([]bool, len(x.Statements))
	for _, st := range d.Statements {
		sc := e.rep.StatementsByRelation[string(st.Relation)]
		hit := false
		for k, s := range x.Statements {
			if !used[k] && s.Subject == st.Subject && s.Object == st.Object {
				used[k], hit = true, true
				break
			}
		}
		if hit {
			e.rep.Statements.TP++
			sc.TP++
		} else {
			e.rep.Statements.FN++
			sc.FN++
			s0, s1 := spanOf(d, st.Span)
			e.example(&e.rep.Misses, "miss:statement:"+string(st.Relation), Example{File: d.File, Class: "statement/" + string(st.Relation), Number: st.Subject + " → " + st.Object, Context: context(x.Text, s0, s1)})
		}
		e.rep.StatementsByRelation[string(st.Relation)] = sc
	}
	for k, s := range x.Statements {
		if used[k] {
			continue
		}
		e.rep.Statements.FP++
		e.example(&e.rep.FalseAlarmExamples, "fp:statement", Example{File: d.File, Class: "statement", Number: s.Subject + " → " + s.Object, Context: context(x.Text, s.Start, s.End)})
	}
	switch {
	case d.Number == "" && x.Document.Number == "":
	case d.Number == x.Document.Number:
		e.rep.OwnNumber.TP++
	default:
		if d.Number != "" {
			e.rep.OwnNumber.FN++
		}
		if x.Document.Number != "" {
			e.rep.OwnNumber.FP++
		}
		e.example(&e.rep.Misses, "miss:own_number", Example{File: d.File, Class: "own_number", Number: d.Number, AsWritten: x.Document.Number})
	}
	return nil
}

// attributes compares what the text stated beside a mention with what was
// extracted.
func (e *Evaluator) attributes(d *DocTruth, c *Citation, ref vncite.Reference, text string) {
	wrong := func(what, want, got string) {
		e.example(&e.rep.Misses, "miss:"+what, Example{File: d.File, Class: what, Number: c.Number, AsWritten: "want " + want + ", got " + got, Context: context(text, ref.Start, min(len(text), ref.End+80))})
	}
	if c.Date != "" {
		e.rep.Date.Total++
		if ref.Date == c.Date {
			e.rep.Date.Right++
		} else {
			wrong("date", c.Date, ref.Date)
		}
	}
	if c.Body != "" {
		e.rep.Body.Total++
		if fold(strings.TrimSpace(ref.Body)) == fold(c.Body) {
			e.rep.Body.Right++
		} else {
			wrong("body", c.Body, ref.Body)
		}
	}
	if c.Term != "" {
		e.rep.Term.Total++
		if ref.Term == c.Term {
			e.rep.Term.Right++
		}
	}
	if c.Title != "" {
		e.rep.Title.Total++
		if strings.Contains(foldTitle(ref.Title), foldTitle(c.Title)) {
			e.rep.Title.Right++
		}
	}
	if !c.InStatement && (c.Mention == "full" || c.Mention == "bare") {
		e.rep.Relation.Total++
		if ref.Relation == c.Relation {
			e.rep.Relation.Right++
		}
	}
}

// foldTitle folds a title and drops quotes and trailing punctuation.
func foldTitle(s string) string {
	s = strings.NewReplacer("“", "", "”", "", "\"", "", "\n", " ").Replace(s)
	return strings.Trim(fold(strings.Join(strings.Fields(s), " ")), " .,;:")
}

// falseAlarmClass says what stood where a wrong reference was reported.
func (e *Evaluator) falseAlarmClass(d *DocTruth, ref vncite.Reference) string {
	for _, c := range d.Citations {
		if s0, s1 := spanOf(d, c.Span); overlaps(ref.Start, ref.End, s0, s1) {
			return "wrong_number"
		}
	}
	for _, n := range d.Noise {
		if s0, s1 := spanOf(d, n.Span); overlaps(ref.Start, ref.End, s0, s1) {
			return "noise:" + n.Kind
		}
	}
	for _, n := range d.Named {
		if s0, s1 := spanOf(d, n.Span); overlaps(ref.Start, ref.End, s0, s1) {
			return "named"
		}
	}
	return "spurious"
}

// example keeps an example unless its class has enough.
func (e *Evaluator) example(to *[]Example, class string, ex Example) {
	if e.examples[class] >= maxExamples {
		return
	}
	e.examples[class]++
	*to = append(*to, ex)
}

// context returns the text around [start, end), on one line.
func context(text string, start, end int) string {
	if text == "" || start < 0 || end > len(text) || start > end {
		return ""
	}
	a, b := max(0, start-60), min(len(text), end+60)
	for a > 0 && !isRuneStart(text[a]) {
		a--
	}
	for b < len(text) && !isRuneStart(text[b]) {
		b++
	}
	s := text[a:start] + "⟦" + text[start:end] + "⟧" + text[end:b]
	return strings.ReplaceAll(s, "\n", "⏎")
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

// AddEdge records an edge a graph found. Edges are compared as pairs of
// documents: the same pair given twice counts once.
func (e *Evaluator) AddEdge(ed Edge) {
	from, why := e.resolve(ed.From)
	if from == "" {
		e.edgeErr["from_"+why]++
		return
	}
	to, why := e.resolve(ed.To)
	if to == "" {
		e.edgeErr["to_"+why]++
		return
	}
	key := [2]string{from, to}
	if _, ok := e.edges[key]; !ok || ed.Relation != "" {
		e.edges[key] = ed.Relation
	}
}

// Resolve finds the truth document a DocRef names as AddEdge does: its
// ID, or "" and why not ("unknown", "ambiguous"). Diagnostics use it to
// say which document a graph's wrong edge went to.
func (e *Evaluator) Resolve(r DocRef) (id, why string) { return e.resolve(r) }

// resolve finds the truth document a DocRef names: its ID, or "" and why
// not ("unknown", "ambiguous").
func (e *Evaluator) resolve(r DocRef) (string, string) {
	if r.ID != "" {
		if _, ok := e.byID[r.ID]; ok {
			return r.ID, ""
		}
	}
	if r.File != "" {
		if i, ok := e.byFile[path.Base(r.File)]; ok {
			return e.docs[i].ID, ""
		}
	}
	var found []int
	for _, i := range e.byNumber[r.Number] {
		d := &e.docs[i]
		if r.Term != "" && d.Term != "" && r.Term != d.Term {
			continue
		}
		if r.Year != 0 && (d.Term == "" || r.Term == "") && r.Year != d.Year {
			// The year is identity for state numbers; for a Party number
			// named by its year and no term (a local one, which a graph
			// keys by unit and year) it tells its terms apart too.
			continue
		}
		if r.Scope != "" && !scopeMatches(r.Scope, d) {
			continue
		}
		found = append(found, i)
	}
	switch len(found) {
	case 0:
		return "", "unknown"
	case 1:
		return e.docs[found[0]].ID, ""
	}
	return "", "ambiguous"
}

// levelWords are dropped from scope parts before comparing.
var levelWords = []string{"thanh pho ", "tinh ", "huyen ", "quan ", "thi xa ", "thi tran ", "xa ", "phuong ", "tp. ", "tp "}

// scopeParts splits and folds a scope.
func scopeParts(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == ',' || r == '|' })
	out := parts[:0]
	for _, p := range parts {
		p = strings.TrimSpace(fold(p))
		for _, w := range levelWords {
			if strings.HasPrefix(p, w) {
				p = strings.TrimSpace(p[len(w):])
				break
			}
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// scopeMatches reports whether a scope names exactly the unit of d. Two
// forms are understood: a unit path ("Lâm Đồng/Đức Trọng", "tỉnh Lâm
// Đồng, huyện Đức Trọng"), and a committee with its province in
// parentheses, as the graph writes it ("Huyện ủy Đức Trọng (Lâm Đồng)",
// "UBND xã Tân Hội (Lâm Đồng)", "Tỉnh ủy Lâm Đồng").
func scopeMatches(scope string, d *DocTruth) bool {
	if !strings.ContainsAny(scope, "/,|") {
		return committeeMatches(scope, d)
	}
	got := scopeParts(scope)
	want := scopeParts(d.Scope)
	if len(got) != len(want) || len(want) == 0 {
		return false
	}
	if got[0] != want[0] && got[0] != fold(d.Province2025) {
		return false
	}
	for k := 1; k < len(want); k++ {
		if got[k] != want[k] {
			return false
		}
	}
	return true
}

// committeeWords open a committee's name; they are dropped to leave the
// unit's name.
var committeeWords = []string{
	"ban thuong vu ", "ban chap hanh dang bo ", "tinh uy ", "thanh uy ", "thi uy ", "huyen uy ", "quan uy ", "dang uy ",
	"uy ban nhan dan ", "hoi dong nhan dan ", "ubnd ", "hdnd ",
	"thanh pho ", "tinh ", "huyen ", "quan ", "thi xa ", "thi tran ", "xa ", "phuong ", "dac khu ",
}

// committeeMatches reports whether "Huyện ủy Đức Trọng (Lâm Đồng)" names the
// unit of d: the name after the committee words is d's own unit, and the
// province in parentheses, when there is one, is d's.
func committeeMatches(scope string, d *DocTruth) bool {
	main, province := scope, ""
	if i := strings.IndexByte(scope, '('); i >= 0 {
		main = scope[:i]
		province = strings.TrimSpace(strings.Trim(scope[i:], "()"))
	}
	name := strings.TrimSpace(fold(main)) + " "
	for again := true; again; {
		again = false
		for _, w := range committeeWords {
			if strings.HasPrefix(name, w) {
				name, again = name[len(w):], true
			}
		}
	}
	name = strings.TrimSpace(name)
	own := d.Province
	switch {
	case d.Commune != "":
		own = d.Commune
	case d.District != "":
		own = d.District
	}
	if name == "" || (name != fold(own) && !(d.District == "" && d.Commune == "" && name == fold(d.Province2025))) {
		return false
	}
	if province == "" {
		return d.District == "" && d.Commune == "" // a local unit needs its province
	}
	p := fold(province)
	return p == fold(d.Province) || p == fold(d.Province2025)
}

// truthEdges returns the true edges: every document of the corpus to
// every document it mentions, and every stated edge, with the relation of
// the strongest cue.
func truthEdges(docs []DocTruth) map[[2]string]edgeInfo {
	out := map[[2]string]edgeInfo{}
	for i := range docs {
		d := &docs[i]
		if d.File == "" {
			continue
		}
		for _, c := range d.Citations {
			key := [2]string{d.ID, c.Target}
			rel := c.Relation
			if c.InStatement {
				rel = vncite.Cites
			}
			class := c.ScopeFrom
			if class == "" {
				class = "central"
			}
			old, ok := out[key]
			if !ok || stronger(rel, old.rel) {
				old.rel = rel
			}
			if !ok || scopeRank(class) < scopeRank(old.class) {
				old.class = class
			}
			out[key] = old
		}
		for _, s := range d.Statements {
			key := [2]string{s.SubjectID, s.ObjectID}
			old, ok := out[key]
			if !ok || stronger(s.Relation, old.rel) {
				old.rel = s.Relation
			}
			if !ok {
				old.class = "statement"
			}
			out[key] = old
		}
	}
	return out
}

// edgeInfo is what the truth knows of an edge: its relation, and where a
// reader finds the target's unit (Citation.ScopeFrom, "central", or
// "statement" for an edge only stated).
type edgeInfo struct {
	rel   vncite.Relation
	class string
}

// scopeRank orders the ways to a target's unit, easiest first.
func scopeRank(class string) int {
	switch class {
	case "central":
		return 0
	case "stated":
		return 1
	case "letterhead":
		return 2
	case "gazetteer":
		return 3
	case "none":
		return 4
	}
	return 5
}

// stronger reports whether relation a comes before b in vncite.Relations.
func stronger(a, b vncite.Relation) bool {
	rank := func(r vncite.Relation) int {
		for i, x := range vncite.Relations {
			if x == r {
				return i
			}
		}
		return len(vncite.Relations)
	}
	return rank(a) < rank(b)
}

// Report returns what was measured so far.
func (e *Evaluator) Report() Report {
	rep := e.rep
	if len(e.edges) > 0 || len(e.edgeErr) > 0 {
		want := truthEdges(e.docs)
		s := &Score{}
		rep.EdgesByScope = map[string]Score{}
		for key, rel := range e.edges {
			w, ok := want[key]
			if !ok {
				s.FP++
				e.edgeErr["not_in_truth"]++
				continue
			}
			s.TP++
			if rel != "" {
				rep.EdgeRelations.Total++
				if rel == w.rel {
					rep.EdgeRelations.Right++
				}
			}
		}
		for key, w := range want {
			c := rep.EdgesByScope[w.class]
			if _, ok := e.edges[key]; ok {
				c.TP++
			} else {
				s.FN++
				c.FN++
			}
			rep.EdgesByScope[w.class] = c
		}
		for k, n := range e.edgeErr {
			if k != "not_in_truth" {
				s.FP += n
			}
		}
		rep.Edges = s
		rep.EdgeErrors = e.edgeErr
	}
	return rep
}

// Evaluate scores extractions (and, when given, a graph's edges) against
// a truth. Extractions of files the truth does not know are errors.
func Evaluate(truth []DocTruth, extractions []vncite.Extraction, edges []Edge) (Report, error) {
	e := NewEvaluator(truth)
	for _, x := range extractions {
		if err := e.AddExtraction(x); err != nil {
			return e.Report(), err
		}
	}
	for _, ed := range edges {
		e.AddEdge(ed)
	}
	return e.Report(), nil
}

// EvaluateCorpus runs extract on every file of a generated corpus (fsys
// rooted at the corpus directory) and scores it against the truth.
func EvaluateCorpus(fsys fs.FS, truth []DocTruth, extract func([]byte) (vncite.Extraction, error)) (Report, error) {
	e := NewEvaluator(truth)
	err := e.AddCorpus(fsys, extract)
	return e.Report(), err
}

// AddCorpus runs extract on every file the truth names in fsys (rooted at
// the corpus directory) and scores each with AddExtraction. It stops at
// the first file it cannot read or extract.
func (e *Evaluator) AddCorpus(fsys fs.FS, extract func([]byte) (vncite.Extraction, error)) error {
	for _, d := range e.docs {
		if d.File == "" {
			continue
		}
		text, err := fs.ReadFile(fsys, d.File)
		if err != nil {
			return fmt.Errorf("corpusgen: evaluate: %w", err)
		}
		x, err := extract(text)
		if err != nil {
			return fmt.Errorf("corpusgen: evaluate: extract %s: %w", d.File, err)
		}
		x.File = d.File
		if err := e.AddExtraction(x); err != nil {
			return err
		}
	}
	return nil
}

// ReadEdges reads JSON Lines of Edge.
func ReadEdges(r io.Reader) ([]Edge, error) {
	var out []Edge
	err := eachJSONLine(r, "edges", func(_ int, ed Edge) error {
		out = append(out, ed)
		return nil
	})
	return out, err
}

// WriteText writes the report for a reader: the scores, the recall per
// spelling and kind of mention, the false alarms by kind, and examples.
func (rep Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "files:       %d\n", rep.Files)
	fmt.Fprintf(bw, "references:  %s\n", rep.Refs)
	fmt.Fprintf(bw, "statements:  %s\n", rep.Statements)
	fmt.Fprintf(bw, "own number:  %s\n", rep.OwnNumber)
	fmt.Fprintf(bw, "named:       recall %.4f (%d of %d; precision not measured)\n", rep.Named.Recall(), rep.Named.TP, rep.Named.TP+rep.Named.FN)
	if rep.Edges != nil {
		fmt.Fprintf(bw, "edges:       %s\n", *rep.Edges)
		fmt.Fprintf(bw, "edge errors: %v\n", sortedCounts(rep.EdgeErrors))
		fmt.Fprintf(bw, "edge relation accuracy: %.4f of %d\n", rep.EdgeRelations.Share(), rep.EdgeRelations.Total)
		fmt.Fprintln(bw, "edge recall by where the target's unit is found:")
		writeScores(bw, rep.EdgesByScope)
	}
	for _, a := range []struct {
		name string
		acc  Accuracy
	}{{"date", rep.Date}, {"body", rep.Body}, {"term", rep.Term}, {"title", rep.Title}, {"relation", rep.Relation}} {
		fmt.Fprintf(bw, "%-9s accuracy %.4f of %d stated\n", a.name, a.acc.Share(), a.acc.Total)
	}
	fmt.Fprintln(bw, "recall by spelling:")
	writeScores(bw, rep.ByForm)
	fmt.Fprintln(bw, "recall by mention:")
	writeScores(bw, rep.ByMention)
	fmt.Fprintln(bw, "statement recall by relation:")
	writeScores(bw, rep.StatementsByRelation)
	fmt.Fprintf(bw, "false alarms: %v\n", sortedCounts(rep.FalseAlarms))
	for _, ex := range rep.Misses {
		fmt.Fprintf(bw, "MISS %-22s %s %q in %s: %s\n", ex.Class, ex.Number, ex.AsWritten, ex.File, ex.Context)
	}
	for _, ex := range rep.FalseAlarmExamples {
		fmt.Fprintf(bw, "FALSE %-21s %s %q in %s: %s\n", ex.Class, ex.Number, ex.AsWritten, ex.File, ex.Context)
	}
	return bw.Flush()
}

func writeScores(w io.Writer, m map[string]Score) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := m[k]
		fmt.Fprintf(w, "  %-12s %.4f (%d of %d)\n", k, s.Recall(), s.TP, s.TP+s.FN)
	}
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s=%d", k, m[k])
	}
	return "{" + b.String() + "}"
}

// dumpLine is what EdgesFromDump reads of a line of `vncite dump`.
type dumpLine struct {
	Kind     string           `json:"kind"`
	Document *vncite.Document `json:"document"`
	Edge     *vncite.Edge     `json:"edge"`
}

// EdgesFromDump reads the output of `vncite dump` (JSON Lines of
// documents and edges) and returns its edges with their ends named as the
// graph knows them: an ingested document by its source file, a stub by its
// number and key (term, year, scope).
func EdgesFromDump(r io.Reader) ([]Edge, error) {
	refs := map[string]DocRef{}
	var raw []vncite.Edge
	err := eachJSONLine(r, "dump", func(_ int, l dumpLine) error {
		switch {
		case l.Kind == "document" && l.Document != nil:
			d := l.Document
			ref := DocRef{Number: d.Number, File: d.Source}
			if d.Key != nil {
				ref.Term, ref.Year, ref.Scope = d.Key.Term, d.Key.Year, d.Key.Scope
			}
			refs[d.ID] = ref
		case l.Kind == "edge" && l.Edge != nil:
			raw = append(raw, *l.Edge)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Edge, 0, len(raw))
	for _, e := range raw {
		from, ok1 := refs[e.From]
		to, ok2 := refs[e.To]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("corpusgen: dump: edge %s → %s names a document the dump lacks", e.From, e.To)
		}
		out = append(out, Edge{From: from, To: to, Relation: e.Relation})
	}
	return out, nil
}

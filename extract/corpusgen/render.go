package corpusgen

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// renderer writes the texts of one cascade and records their truth as it
// writes: every offset is taken from the buffer at the moment of writing.
type renderer struct {
	p     *plan
	rates Rates
	rng   *rand.Rand
	buf   []byte
	t     *DocTruth
	self  int32
	// full lists the targets already mentioned in full in this text, for
	// short forms; lastOfWord the last target mentioned per type word, for
	// "nêu trên".
	full       []int32
	lastOfWord map[string]int32
}

// mentionOpt says what to write around a number.
type mentionOpt struct {
	rel         vncite.Relation
	date        bool
	body        bool
	term        bool // "(khóa XI)" after the body of a central Party document
	title       bool // " về ..." (a statement when the target implements another)
	scopeName   bool // name the unit of a local target: "Tỉnh ủy Lâm Đồng"
	inStatement bool
	plain       bool // no spelling variant (headers of the cited text)
}

// Variant spellings with their weights when a mention is varied.
var variantWeights = [...]struct {
	form   string
	weight float64
}{
	{FormSpaces, 0.18},
	{FormEnDash, 0.12},
	{FormNoDash, 0.05},
	{FormASCIID, 0.1},
	{FormEth, 0.08},
	{FormCyrillic, 0.03},
	{FormBreak, 0.1},
	{FormUpper, 0.08},
	{FormOCRTU, 0.03},
	{FormColon, 0.08},
	{FormNoSo, 0.1},
	{FormSplit, 0.05},
	{FormNBSP, 0.04},
	{FormGlued, 0.03},
	{FormCapSo, 0.03},
	{FormAbbrWord, 0.04},
	{FormGeneric, 0.03},
	{FormJointSlash, 0.3},
}

// pickForm chooses how to spell a mention of a number.
func (r *renderer) pickForm(np numParts, o mentionOpt) string {
	if o.plain || r.rng.Float64() >= r.rates.Variant {
		return FormCanonical
	}
	var total float64
	var ok [len(variantWeights)]bool
	hasD := strings.Contains(np.abbr, "Đ") || strings.Contains(np.issuer, "Đ")
	for i, v := range variantWeights {
		switch v.form {
		case FormASCIID, FormEth:
			ok[i] = hasD
		case FormNoDash:
			ok[i] = np.party || np.year != "" && np.abbr != "" && !strings.Contains(np.issuer, "-")
		case FormOCRTU:
			ok[i] = np.issuer == "TU" && o.body
		case FormAbbrWord:
			ok[i] = np.abbr != "" && np.abbr != "UBTVQH"
		case FormJointSlash:
			ok[i] = np.abbr == "TTLT"
		default:
			ok[i] = true
		}
		if ok[i] {
			total += v.weight
		}
	}
	x := r.rng.Float64() * total
	for i, v := range variantWeights {
		if !ok[i] {
			continue
		}
		if x < v.weight {
			return v.form
		}
		x -= v.weight
	}
	return FormCanonical
}

// cyrillic maps Latin capitals to their Cyrillic look-alikes.
var cyrillic = map[byte]string{'A': "А", 'B': "В", 'C': "С", 'E': "Е", 'H': "Н", 'K': "К", 'M': "М", 'O': "О", 'P': "Р", 'T': "Т", 'X': "Х"}

// spell writes a number in a form.
func (r *renderer) spell(np numParts, form string) {
	b := r.buf
	abbr, issuer := np.abbr, np.issuer
	switch form {
	case FormASCIID:
		abbr, issuer = strings.ReplaceAll(abbr, "Đ", "D"), strings.ReplaceAll(issuer, "Đ", "D")
	case FormEth:
		abbr, issuer = strings.ReplaceAll(abbr, "Đ", "\u00d0"), strings.ReplaceAll(issuer, "Đ", "\u00d0")
	case FormUpper:
		abbr, issuer = strings.ToUpper(abbr), strings.ToUpper(issuer)
	case FormOCRTU:
		issuer = "TƯ"
	case FormCyrillic:
		// Replace the first letter that has a look-alike.
		s := issuer
		for i := 0; i < len(s); i++ {
			if c, ok := cyrillic[s[i]]; ok {
				issuer = s[:i] + c + s[i+1:]
				break
			}
		}
		if issuer == s {
			for i := 0; i < len(abbr); i++ {
				if c, ok := cyrillic[abbr[i]]; ok {
					abbr = abbr[:i] + c + abbr[i+1:]
					break
				}
			}
		}
	}
	dash, slash := "-", "/"
	var brk int // which separator gets the line break
	switch form {
	case FormEnDash:
		dash = "–"
	case FormNoDash:
		dash = ""
	case FormBreak:
		brk = 1 + r.rng.IntN(2)
	}
	sep := func(s string, k int) {
		switch {
		case form == FormNBSP && r.rng.IntN(2) == 0:
			b = append(b, "\u00a0"...)
			b = append(b, s...)
			b = append(b, "\u00a0"...)
		case form == FormSpaces && r.rng.IntN(2) == 0:
			switch r.rng.IntN(3) {
			case 0:
				b = append(b, s...)
				b = append(b, ' ')
			case 1:
				b = append(b, ' ')
				b = append(b, s...)
			default:
				b = append(b, ' ')
				b = append(b, s...)
				b = append(b, ' ')
			}
		case brk == k:
			b = append(b, s...)
			b = append(b, '\n')
		default:
			b = append(b, s...)
		}
	}
	b = append(b, np.seq...)
	switch {
	case np.party:
		sep(dash, 1)
		b = append(b, abbr...)
		sep(slash, 2)
		b = append(b, issuer...)
	case abbr == "": // law
		sep(slash, 1)
		b = append(b, np.year...)
		sep(slash, 2)
		b = append(b, issuer...)
	default:
		sep(slash, 1)
		if np.year != "" {
			b = append(b, np.year...)
			sep(slash, 2)
		}
		b = append(b, abbr...)
		switch {
		case form == FormJointSlash:
			b = append(b, '/')
		case np.year == "" && brk == 2:
			sep(dash, 2)
		default:
			sep(dash, 3)
		}
		b = append(b, issuer...)
	}
	r.buf = b
}

// mention writes a full mention of target t: type word, "số", number, and
// the date, body, term and title the options ask for. It returns the
// index of the citation in the truth.
func (r *renderer) mention(t int32, o mentionOpt) int {
	if !o.date && r.p.reusedBefore(t, r.p.nodes[r.self].date) {
		o.date = true // else no reader could tell which of its number it is
	}
	np, _ := r.p.parts(t)
	form := r.pickForm(np, o)
	word := r.p.typeWord(t)
	n := &r.p.nodes[t]
	upper := form == FormUpper
	if n.kind == kLaw {
		if r.rng.IntN(2) == 0 {
			word = r.p.title(t)
			if !upper && form == FormCanonical {
				form = FormLawName
			}
		}
	}
	if upper {
		word = strings.ToUpper(word)
	}
	switch form {
	case FormAbbrWord:
		word = np.abbr
	case FormGeneric:
		word = "văn bản"
	}
	r.buf = append(r.buf, word...)
	so := " số "
	if upper {
		so = " SỐ "
	}
	switch form {
	case FormColon:
		so = " số: "
	case FormNoSo:
		so = " "
	case FormSplit:
		so = "\nsố "
	case FormNBSP:
		so = " số\u00a0"
	case FormGlued:
		so = " số"
	case FormCapSo:
		so = " Số "
	case FormAbbrWord:
		so = [...]string{" số ", " "}[r.rng.IntN(2)]
	}
	r.buf = append(r.buf, so...)
	start := len(r.buf)
	r.spell(np, form)
	end := len(r.buf)
	if form == FormCanonical && r.rng.Float64() < r.rates.Variant/25 {
		form = FormFootnote
		r.buf = append(r.buf, [...]string{"¹", "²", "³"}[r.rng.IntN(3)]...)
	}
	rel := o.rel
	if rel == "" {
		rel = vncite.Cites
	}
	r.t.Citations = append(r.t.Citations, Citation{
		Number: np.canonical(), Target: docID(t), Relation: rel, Mention: "full", Form: form,
		Span: Span{Start: start, End: end}, InStatement: o.inStatement,
	})
	ci := len(r.t.Citations) - 1
	r.t.Citations[ci].ScopeFrom = r.scopeFrom(t)
	r.full = append(r.full, t)
	r.lastOfWord[r.p.typeWord(t)] = t
	if form == FormGeneric || form == FormAbbrWord || o.inStatement {
		// "Kế hoạch nêu trên" after "văn bản số 04-KH/HU", or after "Chỉ
		// thị số 82-CT/TU ... về thực hiện Chỉ thị số 05-CT/TW", is
		// ambiguous: no "nêu trên" for this type word until its next plain
		// mention.
		r.lastOfWord[r.p.typeWord(t)] = -1
	}
	r.clauses(t, o, ci)
	return ci
}

// clauses writes the date, body, term and title after the mention that is
// citation ci and notes them in it.
func (r *renderer) clauses(t int32, o mentionOpt, ci int) {
	n := &r.p.nodes[t]
	if o.date {
		if r.rng.IntN(3) == 0 {
			r.buf = append(r.buf, ',')
		}
		r.buf = append(r.buf, " ngày "...)
		r.buf = n.date.appendVN(r.buf, [...]int{0, 0, 1, 2, 2, 3}[r.rng.IntN(6)])
		r.t.Citations[ci].Date = n.date.String()
	}
	if o.term && !o.body && n.kind.isParty() && n.kind.isCentral() {
		term := r.p.termName(t)
		r.buf = append(r.buf, " (khóa "...)
		r.buf = append(r.buf, term...)
		r.buf = append(r.buf, ')')
		r.t.Citations[ci].Term = term
	}
	if o.body {
		r.buf = append(r.buf, " của "...)
		v := r.rng.IntN(6)
		body := r.p.bodyShort(t, v)
		if o.scopeName && !n.kind.isCentral() {
			body = r.p.bodyFull(t, v)
			r.t.Citations[ci].ScopeFrom = "stated"
		}
		r.buf = append(r.buf, body...)
		r.t.Citations[ci].Body = body
		if o.term && n.kind.isParty() && n.kind.isCentral() {
			term := r.p.termName(t)
			if r.rng.IntN(3) == 0 {
				r.buf = append(r.buf, " khóa "...)
				r.buf = append(r.buf, term...)
			} else {
				r.buf = append(r.buf, " (khóa "...)
				r.buf = append(r.buf, term...)
				r.buf = append(r.buf, ')')
			}
			r.t.Citations[ci].Term = term
		}
	}
	if o.title {
		r.titleClause(t, ci)
	}
}

// titleClause writes " về <title>" after citation ci of t; when t
// implements or guides another document, the title names it, and the text
// states that edge.
func (r *renderer) titleClause(t int32, ci int) {
	n := &r.p.nodes[t]
	if n.parent >= 0 && (n.rel == relImplements || n.rel == relGuides || n.rel == relReviews) && !r.keepPlainTitle() {
		r.buf = append(r.buf, " về "...)
		r.statementTail(t, r.t.Citations[ci].Start, 0)
		return
	}
	if n.kind == kLaw || !n.kind.isCentral() {
		return
	}
	title := r.p.title(t)
	r.t.Citations[ci].Title = title
	if !r.p.titleHasVe(t) {
		r.buf = append(r.buf, ' ')
		r.buf = append(r.buf, title...)
		return
	}
	if r.rng.IntN(4) == 0 {
		r.buf = append(r.buf, " về “"...)
		r.buf = appendCapitalized(r.buf, title)
		r.buf = append(r.buf, "”"...)
		return
	}
	r.buf = append(r.buf, " về "...)
	r.buf = append(r.buf, title...)
}

// keepPlainTitle is a coin that keeps some central titles plain even when
// the central document implements another.
func (r *renderer) keepPlainTitle() bool {
	return r.p.nodes[r.self].kind.isCentral() && r.rng.IntN(3) == 0
}

// statementCue returns the words that say how document t stands to its
// source in a statement, and the relation they express.
func (r *renderer) statementCue(t int32) (string, vncite.Relation) {
	rel := r.p.nodes[t].rel
	switch rel {
	case relGuides:
		return [...]string{"hướng dẫn thực hiện ", "hướng dẫn triển khai thực hiện "}[r.rng.IntN(2)], vncite.Guides
	case relReviews:
		return reviewCue(r.p.nodes[t].date - r.p.nodes[r.p.nodes[t].parent].date), vncite.Reviews
	}
	return [...]string{"triển khai thực hiện ", "thực hiện ", "tiếp tục thực hiện ", "triển khai, thực hiện "}[r.rng.IntN(4)], vncite.Implements
}

// statementTail writes "<cue> <mention of t's source>" after a mention of t
// (whose number starts at subjStart) and records the statement "t <rel>
// source". depth bounds chains ("A về thực hiện B về triển khai C").
func (r *renderer) statementTail(t int32, subjStart int, depth int) {
	n := &r.p.nodes[t]
	src := n.parent
	cue, rel := r.statementCue(t)
	r.buf = append(r.buf, cue...)
	o := mentionOpt{rel: rel, inStatement: true, date: r.rng.IntN(2) == 0, body: true, term: r.rng.IntN(2) == 0}
	// The object's own source is stated in turn, down to the central one.
	srcNode := &r.p.nodes[src]
	chain := srcNode.parent >= 0 && !srcNode.kind.isCentral() && depth < 2
	ci := r.mention(src, mentionOpt{rel: o.rel, inStatement: true, date: o.date, body: o.body, term: o.term})
	obj := r.t.Citations[ci]
	r.t.Statements = append(r.t.Statements, StatementTruth{
		Subject: r.p.canonical(t), SubjectID: docID(t), Relation: rel,
		Object: obj.Number, ObjectID: obj.Target, Span: Span{Start: subjStart, End: obj.End},
	})
	if chain {
		r.buf = append(r.buf, " về "...)
		r.statementTail(src, obj.Start, depth+1)
	} else if srcNode.kind.isCentral() && r.p.titleHasVe(src) && r.rng.IntN(2) == 0 {
		title := r.p.title(src)
		r.t.Citations[ci].Title = title
		r.buf = append(r.buf, " về "...)
		r.buf = append(r.buf, title...)
	}
}

// short writes a short form of target t, already mentioned in full:
// "Nghị quyết 25", or "Kết luận nêu trên" when t is the last document of
// its type word mentioned.
func (r *renderer) short(t int32, rel vncite.Relation, allowAbove bool) {
	word := r.p.typeWord(t)
	start := len(r.buf)
	mention := "short"
	if allowAbove && r.lastOfWord[word] == t && r.rng.IntN(10) == 0 {
		r.buf = append(r.buf, word...)
		r.buf = append(r.buf, " nêu trên"...)
		mention = "above"
	} else {
		np, _ := r.p.parts(t)
		r.buf = append(r.buf, word...)
		r.buf = append(r.buf, ' ')
		r.buf = append(r.buf, np.seq...)
	}
	end := len(r.buf)
	r.t.Citations = append(r.t.Citations, Citation{
		Number: r.p.canonical(t), Target: docID(t), Relation: rel, Mention: mention, Form: FormShort,
		Span: Span{Start: start, End: end}, ScopeFrom: r.scopeFrom(t),
	})
	r.lastOfWord[word] = t
}

// canShort reports whether a short form of t would be unambiguous: t was
// mentioned in full, and no other mentioned document shares its type word
// and sequence number.
func (r *renderer) canShort(t int32) bool {
	if r.p.nodes[t].kind == kLaw {
		return false // laws are called by their names, never "Luật 07"
	}
	found := false
	np, _ := r.p.parts(t)
	word := r.p.typeWord(t)
	for _, f := range r.full {
		if f == t {
			found = true
			continue
		}
		fp, _ := r.p.parts(f)
		if fp.seq == np.seq && r.p.typeWord(f) == word {
			return false
		}
	}
	return found
}

// list writes "các Quyết định số 217-QĐ/TW, 218-QĐ/TW và 219-QĐ/TW": several
// documents of one type word behind one type word.
func (r *renderer) list(ts []int32, rel vncite.Relation) {
	word := r.p.typeWord(ts[0])
	if r.rng.IntN(2) == 0 {
		r.buf = append(r.buf, "các "...)
	}
	r.buf = append(r.buf, word...)
	r.buf = append(r.buf, " số "...)
	for k, t := range ts {
		if k > 0 {
			if k == len(ts)-1 {
				r.buf = append(r.buf, [...]string{" và ", " và ", " và số "}[r.rng.IntN(3)]...)
			} else {
				r.buf = append(r.buf, ", "...)
			}
		}
		np, _ := r.p.parts(t)
		form := r.pickForm(np, mentionOpt{})
		switch form {
		case FormColon, FormNoSo, FormSplit, FormUpper, FormOCRTU, FormNBSP, FormGlued, FormCapSo, FormAbbrWord, FormGeneric:
			form = FormCanonical
		}
		start := len(r.buf)
		r.spell(np, form)
		mention := "full"
		if k > 0 {
			mention = "list"
		}
		r.t.Citations = append(r.t.Citations, Citation{
			Number: np.canonical(), Target: docID(t), Relation: rel, Mention: mention, Form: form,
			Span: Span{Start: start, End: len(r.buf)}, ScopeFrom: r.scopeFrom(t),
		})
		r.full = append(r.full, t)
		r.lastOfWord[word] = t
	}
	// One body for all when they share it.
	same := true
	for _, t := range ts[1:] {
		if r.p.bodyShort(t, 0) != r.p.bodyShort(ts[0], 0) {
			same = false
		}
	}
	if same && r.rng.IntN(2) == 0 {
		body := r.p.bodyShort(ts[0], 0)
		r.buf = append(r.buf, " của "...)
		r.buf = append(r.buf, body...)
		for k := len(r.t.Citations) - len(ts); k < len(r.t.Citations); k++ {
			r.t.Citations[k].Body = body
		}
	}
}

// bare writes "Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị": a Party
// document of the Central Committee by its sequence number alone, which
// the type word and the body complete.
func (r *renderer) bare(t int32, rel vncite.Relation) {
	np, _ := r.p.parts(t)
	r.buf = append(r.buf, r.p.typeWord(t)...)
	r.buf = append(r.buf, " số "...)
	start := len(r.buf)
	r.buf = append(r.buf, np.seq...)
	r.t.Citations = append(r.t.Citations, Citation{
		Number: np.canonical(), Target: docID(t), Relation: rel, Mention: "bare", Form: FormBare,
		Span: Span{Start: start, End: len(r.buf)},
	})
	r.full = append(r.full, t)
	r.lastOfWord[r.p.typeWord(t)] = t
	r.clauses(t, mentionOpt{date: true, body: true, term: r.rng.IntN(2) == 0}, len(r.t.Citations)-1)
}

// named writes a reference by name ("Luật Tiếp công dân").
func (r *renderer) named(k int) {
	nd := namedDocs[k]
	name := nd.name
	d := r.p.nodes[r.self].date
	switch k {
	case namedNationalCongress:
		// The congress that opened the term in force.
		name = strings.Replace(name, "%s", terms[max(termOf(d), 0)].name, 1)
	case namedProvinceCongress:
		// Provincial congresses in the autumn of 2000, 2005 ... the XIII to
		// the XVIII in most provinces.
		name = strings.Replace(name, "%s", romans[min(max((d.year()-2000)/5, 0), len(romans)-1)], 1)
	}
	start := len(r.buf)
	r.buf = append(r.buf, name...)
	r.t.Named = append(r.t.Named, NamedTruth{Name: name, Kind: nd.kind, Span: Span{Start: start, End: len(r.buf)}})
}

// noise writes a kind of text that looks like a reference and is none.
func (r *renderer) noise(kind, text string) {
	start := len(r.buf)
	r.buf = append(r.buf, text...)
	r.t.Noise = append(r.t.Noise, NoiseTruth{Kind: kind, Text: text, Span: Span{Start: start, End: len(r.buf)}})
}

// sentence writes a template sentence, filling {U} (unit noun), {C}
// (committee) and {A} (topic area).
func (r *renderer) sentence(s string) {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 || i+2 >= len(s) {
			r.buf = append(r.buf, s...)
			return
		}
		r.buf = append(r.buf, s[:i]...)
		switch s[i+1] {
		case 'U':
			r.buf = append(r.buf, r.p.unitNoun(r.self)...)
		case 'C':
			r.buf = append(r.buf, r.p.committee(r.self)...)
		case 'A':
			r.buf = append(r.buf, topicArea(r.p.nodes[r.self].topic)...)
		}
		s = s[i+3:]
	}
}

// str appends s.
func (r *renderer) str(s string) { r.buf = append(r.buf, s...) }

// pick returns a random element.
func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// appendCapitalized appends s with its first letter upper-cased.
func appendCapitalized(b []byte, s string) []byte {
	r, n := utf8.DecodeRuneInString(s)
	b = utf8.AppendRune(b, []rune(strings.ToUpper(string(r)))[0])
	return append(b, s[n:]...)
}

// signer returns a person's name.
func (r *renderer) signer() string {
	return pick(r.rng, familyNames[:]) + " " + pick(r.rng, middleNames[:]) + " " + pick(r.rng, givenNames[:])
}

// earlierCentral returns a central document dated before d other than the
// ones in skip, preferring recent ones; -1 when there is none.
func (r *renderer) earlierCentral(d day, skip ...int32) int32 {
	cs := r.p.centrals
	hi := sort.Search(len(cs), func(i int) bool { return r.p.nodes[cs[i]].date >= d })
	if hi == 0 {
		return -1
	}
	for try := 0; try < 4; try++ {
		c := cs[hi-1-r.rng.IntN(min(hi, 150))]
		if r.p.nodes[c].kind == kLaw && r.rng.IntN(2) == 0 {
			continue
		}
		ok := true
		for _, s := range skip {
			if s == c {
				ok = false
			}
		}
		if ok && r.p.canonical(c) != "" {
			return c
		}
	}
	return -1
}

// sameWordRun returns up to n central documents dated before d sharing the
// type word and issuer of a random one: material for a list. It looks at
// a window of nearby documents, as lists group documents of one period.
func (r *renderer) sameWordRun(d day, n int) []int32 {
	// A list gives no dates: a number reused before d would leave the
	// reader unable to tell which document it is.
	first := r.earlierCentral(d)
	if first < 0 || !r.p.nodes[first].kind.isParty() || r.p.reusedBefore(first, d) {
		return nil
	}
	out := []int32{first}
	word, iss := r.p.typeWord(first), r.p.issuer(first)
	cs := r.p.centrals
	at := sort.Search(len(cs), func(i int) bool { return cs[i] >= first })
	for k := max(0, at-100); k < min(len(cs), at+100) && len(out) < n; k++ {
		c := cs[k]
		if c == first || r.p.nodes[c].date >= d || r.p.typeWord(c) != word || r.p.issuer(c) != iss || r.p.reusedBefore(c, d) {
			continue
		}
		if r.rng.IntN(3) == 0 {
			continue
		}
		np, _ := r.p.parts(c)
		dup := false
		for _, o := range out {
			if op, _ := r.p.parts(o); op.seq == np.seq {
				dup = true
			}
		}
		if !dup {
			out = append(out, c)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// appendInt appends n.
func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// reviewCue is "sơ kết 5 năm thực hiện " for a review gap days after the
// reviewed document: "sơ kết" before ten years, "tổng kết" from ten.
func reviewCue(gap day) string {
	years := max(1, int((gap+180)/365))
	if years >= 10 {
		return "tổng kết " + strconv.Itoa(years) + " năm thực hiện "
	}
	return "sơ kết " + strconv.Itoa(years) + " năm thực hiện "
}

// scopeFrom says where a reader of the current document finds the unit of
// local target t when the mention itself does not name it.
func (r *renderer) scopeFrom(t int32) string {
	p := r.p
	tn, self := &p.nodes[t], &p.nodes[r.self]
	if tn.kind.isCentral() {
		return ""
	}
	if self.kind == kArticle || r.t.Form == "news" {
		// Articles and news pages name their own place, not a letterhead.
		if p.level(r.self) == vncite.LevelProvince && tn.prov == self.prov && p.level(t) == vncite.LevelProvince {
			return "letterhead"
		}
		return "none"
	}
	switch p.level(r.self) {
	case vncite.LevelCentral:
		return "none"
	case vncite.LevelProvince, vncite.LevelDistrict:
		// "ĐẢNG BỘ TỈNH X" (Party) names the province; a UBND letterhead
		// names only its own unit.
		if p.level(t) == vncite.LevelProvince && tn.prov == self.prov {
			if self.kind.isParty() || p.level(r.self) == vncite.LevelProvince {
				return "letterhead"
			}
			return "gazetteer"
		}
		if tn.dist == self.dist && tn.prov == self.prov {
			return "letterhead"
		}
		return "none"
	}
	// A commune names its district (before the reform) or province (after).
	if self.dist < 0 && p.level(t) == vncite.LevelProvince {
		return "letterhead"
	}
	if tn.dist >= 0 && tn.dist == self.dist && p.level(t) == vncite.LevelDistrict {
		return "letterhead"
	}
	return "gazetteer"
}

// Package extract finds references to Vietnamese Party and state documents in
// text. It is pure: no I/O, standard library and golang.org/x/text only.
//
// The pipeline follows eyecite's shape: a cheap literal pre-filter — one
// pass over the bytes (trigger.go), eight at a time, that finds every '/'
// (each document number has one), the digit runs of short forms, "trên"
// of anaphora and the literals of references by name, and checks on the
// way that the text is NFC already — then a hand-written number grammar at each hit (no
// regexp over the text), then the clause around each hit for its type
// word, date, body, term, title and relation, then lists, statements and
// short forms are resolved over all hits.
package extract

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"golang.org/x/text/unicode/norm"
)

// MaxInput is the largest text Extract accepts (64 MiB): larger inputs are
// refused with an error rather than held whole in memory twice.
const MaxInput = 64 << 20

// ErrTooLarge is returned for texts over MaxInput.
var ErrTooLarge = errors.New("extract: text too large")

// ErrNotText is returned for input that is not UTF-8 text.
var ErrNotText = errors.New("extract: not UTF-8 text")

// Extract finds the document's own header and every reference in text.
// Offsets in the result are byte offsets into Extraction.Text, the
// NFC-normalized input (with an Icelandic Eth, met for Đ, repaired in place).
func Extract(text []byte) (vncite.Extraction, error) {
	if len(text) > MaxInput {
		return vncite.Extraction{}, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(text), MaxInput)
	}
	b := text
	// One pass finds where references can be and checks, eight bytes at
	// a time, that the text is valid UTF-8 and NFC already; only when it
	// may not be is it validated, normalized, repaired and passed over
	// again.
	var trig triggers
	if !scanTriggers(b, true, &trig) {
		if !utf8.Valid(b) {
			return vncite.Extraction{}, ErrNotText
		}
		b = norm.NFC.Bytes(b) // b itself when already NFC (its own quick check)
		b = repairEth(b)
		trig = triggers{slashes: trig.slashes[:0], digits: trig.digits[:0], tren: trig.tren[:0], named: trig.named[:0]}
		scanTriggers(b, false, &trig)
	}
	// Text is a copy; b (the caller's bytes or the normalized copy) has the
	// same content, so offsets found in b hold in Text.
	ex := vncite.Extraction{Text: string(b)}
	run(b, ex.Text, &ex, &trig)
	return ex, nil
}

// repairEth replaces the Icelandic Eth (Ð U+00D0, ð U+00F0), which
// Vietnamese never uses, with Đ and đ it stands for. Both are two bytes in
// UTF-8, so no offset moves.
func repairEth(b []byte) []byte {
	if !bytes.Contains(b, []byte("Ð")) && !bytes.Contains(b, []byte("ð")) {
		return b
	}
	out := bytes.ReplaceAll(b, []byte("Ð"), []byte("Đ"))
	return bytes.ReplaceAll(out, []byte("ð"), []byte("đ"))
}

// run fills ex from the NFC text b.
func run(b []byte, text string, ex *vncite.Extraction, trig *triggers) {
	// Most slashes are in dates and fractions: room for half of them.
	full := scanNumbersAt(b, trig.slashes, make([]mention, 0, len(trig.slashes)/2+len(trig.tren)+4))
	short := scanShortForms(b, trig.digits, full, nil)
	short = scanAnaphors(b, trig.tren, short)
	ms := full
	if len(short) > 0 {
		ms = mergeByStart(full, short)
	}
	ctxs := make([]mctx, len(ms))
	own := -1
	cas := &caser{b: b}
	hdr := readHeader(b, text, ms, cas)
	if hdr.mention >= 0 {
		own = hdr.mention
	}
	analyse(b, ms, ctxs)
	for i := range ctxs {
		ctxs[i].body = cas.recaseBody(ctxs[i].body)
	}
	if own < 0 {
		own = newsOwn(b, ms, ctxs, &hdr)
	}
	ex.Document = hdr.doc
	build(text, ms, ctxs, own, ex)
	ex.Named = scanNamed(b, ms, trig)
	if ex.References == nil {
		ex.References = []vncite.Reference{}
	}
	if ex.ShortForms == nil {
		ex.ShortForms = []vncite.Reference{}
	}
	if ex.Named == nil {
		ex.Named = []vncite.Named{}
	}
	if ex.Statements == nil {
		ex.Statements = []vncite.Statement{}
	}
}

// mergeByStart merges the full numbers (in text order) and the short
// forms into one list in text order, full numbers first at equal starts
// (as a stable sort of full followed by short would). It merges from the
// back into full's spare capacity when there is room.
func mergeByStart(full, short []mention) []mention {
	slices.SortStableFunc(short, func(a, b mention) int { return cmp.Compare(a.start, b.start) })
	n := len(full) + len(short)
	out := full[:0]
	if cap(full) < n {
		out = make([]mention, 0, n)
		out = append(out, full...)
	}
	out = out[:n]
	i, j := len(full)-1, len(short)-1
	for k := n - 1; j >= 0; k-- {
		if i >= 0 && out[i].start > short[j].start {
			out[k] = out[i]
			i--
		} else {
			out[k] = short[j]
			j--
		}
	}
	return out
}

// analyse reads the context of every mention, then links lists and
// statements.
func analyse(b []byte, ms []mention, cs []mctx) {
	sentS, sentE := -1, -1
	var row rowCache
	for i := range ms {
		m, c := &ms[i], &cs[i]
		c.stmtObj = -1
		if m.start >= sentE || m.start < sentS {
			sentS, sentE = sentenceBounds(b, m.twStart, m.end)
		}
		c.sentStart, c.sentEnd = sentS, sentE
		if m.tw != nil {
			c.typeName = m.tw.name
		}
		limit := sentE
		if i+1 < len(ms) && ms[i+1].twStart < limit {
			limit = ms[i+1].twStart
		}
		if limit < m.end {
			limit = m.end
		}
		readContext(b, m, c, limit)
		if m.kind == mFull {
			readTableRow(b, m, c, &row)
		}
	}
	// Titles that state a relation to the next mention: "về triển khai
	// thực hiện Kết luận số 114-KL/TW". The title then runs to the end of
	// the clause, past the object.
	for i := range ms {
		c := &cs[i]
		if i+1 >= len(ms) || ms[i+1].twStart > c.sentEnd {
			continue
		}
		n := &ms[i+1]
		var rel vncite.Relation
		ok := false
		if c.titleStart > 0 && c.titleEnd >= n.twStart-1 {
			rel, ok = cueExactly(b, c.titleStart, n.twStart)
		} else if c.title == "" && implementingKind(ms[i].num.Type) {
			rel, ok = cueExactly(b, c.ctxEnd, n.twStart)
		}
		if !ok {
			continue
		}
		c.stmtObj, c.stmtRel = i+1, rel
		cs[i+1].inStatement = true
		if c.titleStart > 0 {
			_, te := readTitle(b, c.titleStart, c.sentEnd, c.sentEnd)
			c.titleEnd = te
			c.title = cleanTitle(string(b[c.titleStart:te]))
		}
	}
	// Lists, relations and type words inherited along a list.
	prevEnd := -1
	for i := range ms {
		m, c := &ms[i], &cs[i]
		lo := c.sentStart
		if i > 0 && prevEnd > lo && prevEnd <= m.twStart {
			lo = prevEnd
		}
		if i > 0 && cs[i-1].sentStart == c.sentStart && prevEnd <= m.twStart {
			if ok, and := isListGap(b, prevEnd, m.twStart); ok {
				c.list, c.listAnd = true, and
			}
		}
		switch {
		case c.inStatement:
			// The cue before it belongs to the statement, not to the
			// citing text.
			c.relation = vncite.Cites
		case c.list:
			c.relation = cs[i-1].relation
			if m.tw == nil && cs[i-1].typeName != "" && ms[i-1].num.Type == m.num.Type {
				c.typeName = cs[i-1].typeName
			}
		default:
			if rel, _, ok := cueBefore(b, lo, m.twStart); ok {
				c.relation = rel
			} else {
				c.relation = vncite.Cites
			}
		}
		if c.body == "" {
			c.body = bodyBefore(b, lo, m.twStart)
		}
		end := c.ctxEnd
		if c.stmtObj >= 0 {
			// The statement's object is part of this mention's title.
			end = ms[i].end
		}
		prevEnd = end
		if c.stmtObj < 0 && i+1 < len(ms) && c.ctxEnd < ms[i+1].twStart {
			prevEnd = c.ctxEnd
		}
	}
	// Share trailing context backwards along a list: "Quyết định số
	// 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị"; "Kế hoạch
	// số 135-KH/TU ... và Kế hoạch số 03-KH/HU ... về triển khai ...".
	for i := len(ms) - 1; i > 0; i-- {
		c, p := &cs[i], &cs[i-1]
		if !c.list || cs[i-1].stmtObj == i {
			continue
		}
		bare := p.date == "" && p.body == "" && p.title == "" && p.term == ""
		if bare && sameIssuer(ms[i-1].num, ms[i].num) {
			p.date = c.date
		}
		if bare && compatibleBody(c.body, ms[i-1].num) {
			p.body = c.body
			if p.term == "" {
				p.term = c.term
			}
		}
		if p.title == "" && c.title != "" && c.listAnd && (ms[i-1].num.Type == ms[i].num.Type || !centralIssuer(ms[i-1].num.Issuer)) &&
			(c.stmtObj < 0 || ms[c.stmtObj].num.Canonical != ms[i-1].num.Canonical) {
			p.title = c.title
			if c.stmtObj >= 0 && p.stmtObj < 0 {
				p.stmtObj, p.stmtRel = c.stmtObj, c.stmtRel
			}
		}
	}
}

// implementingKind lists the kinds that implement others in their own
// name: "Kế hoạch số 135-KH/TU triển khai thực hiện Kết luận ...".
func implementingKind(t string) bool {
	switch t {
	case "KH", "CTr", "HD", "ĐA":
		return true
	}
	return false
}

// centralIssuer reports the codes of central bodies: their documents are
// implemented by local ones, not the other way round.
func centralIssuer(code string) bool {
	switch {
	case code == "TW", code == "CP", code == "TTg", strings.HasPrefix(code, "QH"), strings.HasPrefix(code, "UBTVQH"):
		return true
	case len(code) > 2 && strings.HasSuffix(code, "TW") && partyIssuer(code):
		return true
	case code == "" || partyIssuer(code):
		return false
	}
	// State: ministries and central agencies; not UBND, HĐND or a
	// province's departments (Sở: "SNV", "STC").
	first, _, _ := strings.Cut(code, "-")
	return first != "UBND" && first != "HĐND" && !strings.HasPrefix(first, "S")
}

func sameIssuer(a, b parsed) bool {
	return a.Issuer != "" && a.Issuer == b.Issuer
}

// compatibleBody reports whether a body may be the issuer of n: "Bộ Chính
// trị" is not the body of 24-CT/TU.
func compatibleBody(body string, n parsed) bool {
	if body == "" {
		return false
	}
	bi := bodyIssuer(body)
	if bi == "" || n.Issuer == "" {
		return true
	}
	return bi == n.Issuer || (bi == "TW" && partyIssuer(n.Issuer) && len(n.Issuer) > 2 && n.Issuer[len(n.Issuer)-2:] == "TW")
}

// build turns mentions and contexts into the Extraction's references,
// short forms and statements.
func build(text string, ms []mention, cs []mctx, own int, ex *vncite.Extraction) {
	ex.References = make([]vncite.Reference, 0, len(ms))
	refIndex := make([]int, len(ms))
	for i := range refIndex {
		refIndex[i] = -1
	}
	rs := &resolver{seq: make(map[rkey]int, len(ms)), numbers: make([]string, 0, len(ms))}
	short := 0
	for i := range ms {
		if ms[i].kind != mFull {
			short++
		}
	}
	if short > 0 {
		// Room for every short form left unresolved, at most.
		ex.ShortForms = make([]vncite.Reference, 0, short)
	}
	var party map[rkey]string // built at the first "TƯ": few texts have one
	for i := range ms {
		if i == own {
			continue
		}
		m, c := &ms[i], &cs[i]
		n := m.num.Number
		if m.kind == mFull && m.num.horn {
			if party == nil {
				party = partyNumbers(ms)
			}
			n = decideHorn(m.num, c.body, party)
		}
		ref := vncite.Reference{
			Number: n.Canonical, AsWritten: text[m.start:m.end], Type: n.Type, TypeName: c.typeName,
			Issuer: n.Issuer, Year: n.Year, Date: c.date, Body: c.body, Term: c.term, Title: c.title,
			Relation: c.relation, Start: m.start, End: m.end, SentenceStart: c.sentStart, SentenceEnd: c.sentEnd,
		}
		if ref.Type == "" && m.tw != nil {
			ref.Type = m.tw.abbr
		}
		if ref.Year == 0 && !n.Party && n.Issuer != "" && len(c.date) == 10 && m.kind == mFull {
			ref.Year = atoi4(c.date)
		}
		if m.kind != mFull {
			if !rs.resolve(ms, cs, own, i, &ref, ex) {
				ex.ShortForms = append(ex.ShortForms, ref)
				continue
			}
		}
		refIndex[i] = len(ex.References)
		rs.add(m, c, &ref, refIndex[i])
		ex.References = append(ex.References, ref)
	}
	// Own document: what its title says it implements.
	for i := range ms {
		c := &cs[i]
		if c.stmtObj < 0 {
			continue
		}
		if i == own {
			if ri := refIndex[c.stmtObj]; ri >= 0 {
				ex.References[ri].Relation = c.stmtRel
			}
			continue
		}
		si, oi := refIndex[i], refIndex[c.stmtObj]
		if si < 0 || oi < 0 {
			continue
		}
		s, e := ms[i].twStart, c.titleEnd
		if e < ms[c.stmtObj].end {
			e = ms[c.stmtObj].end
		}
		ex.Statements = append(ex.Statements, vncite.Statement{
			Subject: ex.References[si].Number, Relation: c.stmtRel, Object: ex.References[oi].Number,
			SubjectRef: si, ObjectRef: oi, Start: s, End: e, Evidence: text[s:e],
		})
	}
}

func atoi4(date string) int {
	v, _ := atoiN([]byte(date[:4]))
	return v
}

// partyNumbers maps {type, sequence} to the issuer (TW or TU) of the first
// Party number read without an OCR slip, for deciding "TƯ".
func partyNumbers(ms []mention) map[rkey]string {
	party := map[rkey]string{}
	for i := range ms {
		if o := &ms[i]; o.kind == mFull && !o.num.horn && o.num.Party && (o.num.Issuer == "TW" || o.num.Issuer == "TU") {
			if _, ok := party[rkey{o.num.Type, o.num.Seq}]; !ok {
				party[rkey{o.num.Type, o.num.Seq}] = o.num.Issuer
			}
		}
	}
	return party
}

// decideHorn settles "TƯ" (Ư for U): the body beside the number decides;
// else another mention of the same type and sequence; else TU, the
// committee whose code OCR most often misreads so.
func decideHorn(p parsed, body string, party map[rkey]string) Number {
	n := p.Number
	if n.Issuer != "TU" || !n.Party {
		return n
	}
	switch bodyIssuer(body) {
	case "TW":
		n.Issuer = "TW"
	case "TU":
	default:
		if is, ok := party[rkey{n.Type, n.Seq}]; ok {
			n.Issuer = is
		}
	}
	n.Canonical = n.canonical()
	return n
}

// resolver remembers the references met so far, so that each short form
// is resolved in constant time whatever the length of the text.
type resolver struct {
	seq       map[rkey]int  // {kind, seq} → first full or completed reference
	ambiguous map[rkey]bool // {kind, seq} met with two different numbers (nil until one is)
	last      latest        // {"name", type word} or {"type", type} → latest reference
	lastStmt  latest        // the same, for objects of statements
	numbers   []string      // number of each reference, by index
}

// rkey is a two-part map key (no string concatenation per reference).
type rkey [2]string

// latest maps {"type", type} and {"name", type word} to the latest
// reference of that kind. The types and type words of the tables have a
// slot each (kindSlots): an array, not a map to fill per text; any other
// key goes to a map.
type latest struct {
	byType, byName [maxKindSlots]int32 // reference index plus one; 0 for none
	other          map[rkey]int
}

// maxKindSlots bounds kindSlots (the tables hold fewer).
const maxKindSlots = 96

// kindSlots numbers the type abbreviations and the type word names of the
// tables, from 0; read-only.
var kindSlots = func() map[string]int {
	m := map[string]int{}
	add := func(k string) {
		if _, ok := m[k]; !ok && len(m) < maxKindSlots {
			m[k] = len(m)
		}
	}
	add("")
	for _, tw := range typeWords {
		add(tw.abbr)
		add(tw.name)
	}
	for _, t := range typeCanon {
		add(t)
	}
	for t, name := range typeNames {
		add(t)
		add(name)
	}
	return m
}()

func (l *latest) slot(k rkey) *int32 {
	i, ok := kindSlots[k[1]]
	if !ok {
		return nil
	}
	if k[0] == "name" {
		return &l.byName[i]
	}
	return &l.byType[i]
}

func (l *latest) get(k rkey) (int, bool) {
	if p := l.slot(k); p != nil {
		return int(*p) - 1, *p > 0
	}
	ri, ok := l.other[k]
	return ri, ok
}

func (l *latest) set(k rkey, ri int) {
	if p := l.slot(k); p != nil {
		*p = int32(ri) + 1
		return
	}
	if l.other == nil {
		l.other = map[rkey]int{}
	}
	l.other[k] = ri
}

func (l *latest) delete(k rkey) {
	if p := l.slot(k); p != nil {
		*p = 0
		return
	}
	delete(l.other, k)
}

// kindKey folds QĐ and QĐi (Quyết định and Quy định share QĐ before 2018).
func kindKey(t string) string {
	if t == "QĐi" {
		return "QĐ"
	}
	return t
}

// add records reference ri (from mention m).
func (r *resolver) add(m *mention, c *mctx, ref *vncite.Reference, ri int) {
	if ref.ResolvedFrom == nil && ref.Number != "" {
		k := rkey{kindKey(effType(m)), m.num.Seq}
		if first, ok := r.seq[k]; !ok {
			r.seq[k] = ri
		} else if first != ri {
			if r.numbers[first] != ref.Number {
				if r.ambiguous == nil {
					r.ambiguous = map[rkey]bool{}
				}
				r.ambiguous[k] = true
			}
		}
	}
	r.numbers = append(r.numbers[:ri], ref.Number)
	keys := [2]rkey{{"type", kindKey(ref.Type)}}
	if ref.TypeName != "" {
		keys[1] = rkey{"name", ref.TypeName}
	}
	for _, k := range keys {
		if k[0] == "" {
			continue
		}
		if c.inStatement {
			r.lastStmt.set(k, ri)
		} else {
			r.last.set(k, ri)
			r.lastStmt.delete(k)
		}
	}
}

// resolve resolves a short form to an earlier mention or completes it
// from its body; it reports false when nothing identifies it.
func (r *resolver) resolve(ms []mention, cs []mctx, own, i int, ref *vncite.Reference, ex *vncite.Extraction) bool {
	m, c := &ms[i], &cs[i]
	// Completion: "Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị".
	if c.body != "" && m.kind == mShort {
		switch code := bodyIssuer(c.body); code {
		case "TW", "TU", "HU", "QU", "ĐU":
			t := m.num.Type
			if t == "QĐi" {
				// QĐ before 2018, QĐi since (document-numbers.md); no date,
				// no guess.
				switch {
				case c.date == "":
					t = ""
				case c.date < "2018-01-01":
					t = "QĐ"
				}
			}
			if t != "" && t != "Luật" && t != "PL" {
				n := Number{Seq: m.num.Seq, Type: t, Issuer: code, Party: true}
				ref.Number, ref.Issuer, ref.Completed = n.canonical(), code, true
				return true
			}
		}
	}
	link := func(ri int) bool {
		o := ex.References[ri]
		ref.Number, ref.Issuer, ref.Year, ref.Type = o.Number, o.Issuer, o.Year, o.Type
		idx := ri
		if o.ResolvedFrom != nil {
			idx = *o.ResolvedFrom
		}
		ref.ResolvedFrom = &idx
		return true
	}
	// "Chỉ thị nêu trên": the last document of that kind mentioned before,
	// preferring those not named only as the object of a statement; the
	// kind named ("Quy định") rather than the abbreviation it shares.
	if m.kind == mAnaphoric {
		for _, k := range [2]rkey{{"name", m.tw.name}, {"type", kindKey(m.num.Type)}} {
			if ri, ok := r.last.get(k); ok {
				if k[0] == "type" && ex.References[ri].TypeName != "" && ex.References[ri].TypeName != m.tw.name {
					continue
				}
				return link(ri)
			}
			if ri, ok := r.lastStmt.get(k); ok {
				return link(ri)
			}
		}
		return false
	}
	// The same kind and sequence number, mentioned before.
	k := rkey{kindKey(m.num.Type), m.num.Seq}
	if ri, ok := r.seq[k]; ok {
		if r.ambiguous[k] {
			return false // two candidates: never guess
		}
		return link(ri)
	}
	// The document's own number: "Luật 01" in Luật số 01/2013/QH13.
	if own >= 0 && ms[own].num.Seq == m.num.Seq && sameKind(effType(&ms[own]), m.num.Type) && ms[own].num.Canonical != "" {
		ref.Number, ref.Issuer, ref.Year = ms[own].num.Canonical, ms[own].num.Issuer, ms[own].num.Year
		return true
	}
	return false
}

// effType is a mention's type: from its number, else from its type word
// (laws: "Luật số 10/2022/QH15").
func effType(m *mention) string {
	if m.num.Type != "" {
		return m.num.Type
	}
	if m.tw != nil {
		return m.tw.abbr
	}
	return ""
}

func sameKind(a, b string) bool {
	if a == b {
		return true
	}
	q := func(s string) bool { return s == "QĐ" || s == "QĐi" }
	return q(a) && q(b)
}

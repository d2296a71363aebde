package extract

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// mctx is what the clause around a mention says about it.
type mctx struct {
	date, body, term, title string
	ctxEnd                  int // end of the trailing context (date, body, term, title)
	titleStart, titleEnd    int
	sentStart, sentEnd      int
	relation                vncite.Relation
	typeName                string
	list                    bool // continues a list begun by the mention before
	listAnd                 bool // joined to the mention before by "và"
	stmtObj                 int  // index of the mention its title states a relation to, or -1
	stmtRel                 vncite.Relation
	inStatement             bool // the object of another mention's statement
}

// abbreviations that end in a period without ending the sentence.
var abbrevs = map[string]bool{
	"TP": true, "Tp": true, "tp": true, "TS": true, "ThS": true, "GS": true, "PGS": true, "BS": true,
	"KS": true, "CN": true, "Th": true, "St": true, "Q": true, "P": true, "TX": true, "TT": true,
	"v.v": true, "vv": true, "Ts": true, "Đ/c": true, "đ/c": true, "Nxb": true, "NXB": true, "tr": true, "Tr": true,
}

// sentenceBounds returns the sentence around [i, j): it ends at ". " (not
// after an abbreviation or an initial), "!", "?", or a line break followed
// by something other than a lower-case continuation.
func sentenceBounds(b []byte, i, j int) (int, int) {
	s := i
	lo := i - 2000
	if lo < 0 {
		lo = 0
	}
	if s >= len(b) {
		s = len(b) - 1 // the end of the text is a boundary already
		if s <= lo {
			s = lo
		}
	}
	for s > lo {
		s = prevEndMark(b, s, lo)
		if s > lo && isBoundaryAt(b, s) {
			break
		}
		if s > lo {
			s--
		}
	}
	for s < i && (isSpaceByte(b[s]) || b[s] == '.' || b[s] == '!' || b[s] == '?') {
		s++
	}
	e := j
	hi := j + 3000
	if hi > len(b) {
		hi = len(b)
	}
	for e < hi {
		e = nextEndMark(b, e, hi)
		if e < hi && isBoundaryAt(b, e) {
			break
		}
		if e < hi {
			e++
		}
	}
	if e == len(b) || e == hi {
		return s, e
	}
	return s, e
}

// endMark marks the bytes a sentence can end at.
var endMark = [256]bool{'.': true, '!': true, '?': true, '\n': true, '\r': true}

// endMarks marks the end mark bytes of a word.
func endMarks(w uint64) uint64 {
	return eqMask(w, '.') | eqMask(w, '\n') | eqMask(w, '!') | eqMask(w, '?') | eqMask(w, '\r')
}

// nextEndMark returns the first k in [i, hi) with endMark[b[k]], or hi;
// eight bytes at a time.
func nextEndMark(b []byte, i, hi int) int {
	for ; i+8 <= hi; i += 8 {
		if m := endMarks(load64(b[i:])); m != 0 {
			return i + bitIndex(m)
		}
	}
	for ; i < hi; i++ {
		if endMark[b[i]] {
			return i
		}
	}
	return hi
}

// prevEndMark returns the last k in (lo, s] with endMark[b[k]], or lo;
// eight bytes at a time.
func prevEndMark(b []byte, s, lo int) int {
	for ; s-7 > lo; s -= 8 {
		if m := endMarks(load64(b[s-7:])); m != 0 {
			return s - 7 + (63-bits.LeadingZeros64(m))>>3
		}
	}
	for ; s > lo; s-- {
		if endMark[b[s]] {
			return s
		}
	}
	return lo
}

// isBoundaryAt reports whether a sentence boundary is at b[k]: a sentence
// end mark followed by space and no continuation, or a line break.
func isBoundaryAt(b []byte, k int) bool {
	if k >= len(b) {
		return true
	}
	c := b[k]
	switch c {
	case '\n', '\r':
		return lineBreakEnds(b, k)
	case '.', '!', '?':
		if k+1 < len(b) && !isSpaceByte(b[k+1]) {
			// "./." closes a document; otherwise "TP.HCM", "15.318.447".
			return k+2 < len(b) && b[k+1] == '/' && b[k+2] == '.'
		}
		if c == '.' {
			ws, we := wordBefore(b, k+1)
			if we == k && ws < we {
				w := b[ws:we]
				if abbrevs[string(w)] || utf8.RuneCount(w) == 1 && isUpperStart(w) {
					return false
				}
			}
		}
		n := skipSpaces(b, k+1)
		if n >= len(b) {
			return true
		}
		r, _ := decodeRune(b[n:])
		return !isLowerRune(r)
	}
	return false
}

// lineBreakEnds reports whether the line break at b[k] ends a sentence.
// Text from PDFs and web pages wraps lines anywhere, even inside a number
// or a name ("của\nBan Thường vụ", "25-NQ/\nTW"), so a break ends a
// sentence only after an end mark, before a list item, or as a blank
// line that neither a lower-case word nor a separator continues.
func lineBreakEnds(b []byte, k int) bool {
	n := k
	breaks := 0
	for n < len(b) {
		if b[n] == '\n' {
			breaks++
		} else if !isSpaceByte(b[n]) {
			break
		}
		n++
	}
	if n >= len(b) {
		return true
	}
	p := k
	for p > 0 && isSpaceByte(b[p-1]) {
		p--
	}
	if p == 0 {
		return true
	}
	r, _ := decodeRune(b[n:])
	if isLowerRune(r) {
		return false
	}
	// The line before the break is found (a search back over a whole
	// paragraph) only when needed: a separator line ends in a separator.
	prev, _ := decodeLastRune(b[:p])
	ls := -1
	if separatorRune(prev) || unicode.IsSpace(prev) { // no-break space: TrimSpace goes on
		ls = bytes.LastIndexByte(b[:p], '\n') + 1
		if isSeparatorBytes(b[ls:p]) {
			return true // "-----", "*" under a heading
		}
	}
	switch prev {
	case '.', '!', '?', ';', ':', '”', '"', ')', '|':
		return true
	case '-', '/', ',', '–', '(':
		return false
	}
	if listMarkerAt(b, n) {
		return true
	}
	if breaks >= 2 {
		return true
	}
	// A heading in capitals, a short line or a single token (a menu item,
	// a path) ends where it ends; a long line wrapped mid-sentence does not.
	if ls < 0 {
		ls = bytes.LastIndexByte(b[:p], '\n') + 1
	}
	line := b[ls:p]
	return isAllUpper(line) && p-ls > 3 || utf8.RuneCount(line) < 40 || bytes.IndexByte(line, ' ') < 0
}

// isSeparatorBytes is isSeparatorLine on bytes, without a copy.
func isSeparatorBytes(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return false
	}
	for k := 0; k < len(line); {
		r, size := decodeRune(line[k:])
		k += size
		if !separatorRune(r) {
			return false
		}
	}
	return true
}

// separatorRune reports the runes of a separator line.
func separatorRune(r rune) bool {
	switch r {
	case '-', '*', '_', '=', '~', 'o', 'O', '0', ' ', '–', '—':
		return true
	}
	return false
}

// listMarkerAt reports a list item at b[n]: "- ", "+ ", "• ", "1. ",
// "2) ", "a) ", "II. ".
func listMarkerAt(b []byte, n int) bool {
	c := b[n]
	if (c == '-' || c == '+' || c == '*') && n+1 < len(b) && b[n+1] == ' ' {
		return true
	}
	if hasPrefixAt(b, n, "•") || hasPrefixAt(b, n, "–") {
		return true
	}
	j := n
	for j < len(b) && j-n < 4 && (b[j] >= '0' && b[j] <= '9' || b[j] == 'I' || b[j] == 'V' || b[j] == 'X') {
		j++
	}
	if j == n && n+1 < len(b) && b[n] >= 'a' && b[n] <= 'z' && b[n+1] == ')' {
		return true
	}
	return j > n && j < len(b) && (b[j] == '.' || b[j] == ')') && (j+1 >= len(b) || b[j+1] == ' ' || b[j+1] == '\n')
}

// bodyStop are lower-case words that end an issuing body's name.
var bodyStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("về ngày số tại đã đang sẽ nhằm đối với trong gắn theo thực triển và cho nêu để được là có này đó từ đến khi nhưng mà như hướng quy tiếp việc cũng vẫn các những năm tháng lần khóa khoá nhiệm kèm hoặc cùng sau trước giai thời đi vào ra phải cần của ở bị nên rằng thì trên dưới ngoài qua bằng xây tăng đẩy nâng phát đổi họp ký lãnh quán sơ tổng đề yêu nay đây ấy mới sớm tốt nghiêm kịp phê vừa giao xác thống kết nhấn khẳng đánh ghi chủ phối tham trình tiến thì nhằm") {
		m[w] = true
	}
	return m
}()

// unitWords may be followed by a number inside a body's name ("Quận 1").
var unitWords = map[string]bool{"quận": true, "phường": true, "khu": true, "tổ": true, "ấp": true, "khóm": true, "đội": true, "vùng": true, "xã": true}

// readBody reads an issuing body's name at i: capitalized words and the
// lower-case words of proper names, up to a function word, punctuation or
// a term. Page numbers caught inside ("Ban 2 Chấp hành") are dropped.
func readBody(b []byte, i, limit int) (string, int) {
	var spans [14][2]int
	n := 0
	end := i
	pos := i
	prevS, prevE := -1, -1 // the word before, for "Quận 1"
	clean := true          // the words are separated by single spaces, nothing dropped
	for n < len(spans) {
		if q := skipSpaces(b, pos); n > 0 && q+2 < limit && b[q] == '-' && b[q+1] == ' ' && q > pos {
			// "Bà Rịa - Vũng Tàu": a dash between capitalized words.
			if ns, ne := wordAfter(b, q+1); ne > ns && isUpperStart(b[ns:ne]) {
				pos = q + 1
			}
		} else if n > 0 && q < limit && b[q] == ',' && lowerEq(b[spans[0][0]:spans[0][1]], "bộ") {
			// A ministry's name with a comma: "Bộ Văn hóa, Thể thao và Du lịch".
			if ns, ne := wordAfter(b, q+1); ne > ns && isUpperStart(b[ns:ne]) && commaNameGoesOn(b, ne, limit) {
				pos = q + 1
			}
		}
		s, e := wordAfter(b, pos)
		if e == s || e > limit {
			break
		}
		// "Phan Rang-Tháp Chàm", "Cư M'gar", "Ea H’leo": a hyphen or an
		// apostrophe inside a place name.
		for e+1 < limit {
			sep := 0
			switch {
			case b[e] == '-' && isUpperStartAt(b, e+1):
				sep = 1
			case b[e] == '\'':
				sep = 1
			case hasPrefixAt(b, e, "’"):
				sep = len("’")
			}
			if sep == 0 {
				break
			}
			ns, ne := wordAfter(b, e+sep)
			if ns != e+sep || ne == ns {
				break
			}
			e = ne
		}
		w := b[s:e]
		if s > pos && !(s == pos+1 && b[pos] == ' ') { // a single space: none of these
			if bytes.Count(b[pos:s], []byte{'\n'}) > 1 {
				break
			}
			if n > 0 && bytes.Equal(bytes.TrimSpace(b[pos:s]), []byte("-")) && !isUpperStart(w) {
				break
			}
			if n > 0 && len(bytes.TrimSpace(b[pos:s])) > 0 {
				clean = false // "Bà Rịa - Vũng Tàu" keeps its dash below
			}
		}
		if w[0] >= '0' && w[0] <= '9' {
			// Junk between two words of a name, unless a unit precedes it.
			if prevS >= 0 && unitWord(b[prevS:prevE]) {
				spans[n] = [2]int{s, e}
				n++
				end, pos = e, e
				continue
			}
			ns, ne := wordAfter(b, e)
			if n > 0 && ne > ns && isUpperStart(b[ns:ne]) && !(b[ns] >= '0' && b[ns] <= '9') {
				pos = e
				clean = false
				continue
			}
			break
		}
		upperStart := isUpperStart(w)
		if n == 0 && !upperStart {
			return "", i
		}
		if n > 0 && lowerEq(w, "và") {
			// "Bộ Giáo dục và Đào tạo", "Tỉnh ủy và UBND tỉnh": a
			// capitalized word after "và" continues the name, unless it
			// begins a document ("và Kế hoạch số ...").
			ns, ne := wordAfter(b, e)
			if ne > ns && ne <= limit && isUpperStart(b[ns:ne]) {
				if _, _, ok := typeWordAt(b, ns); !ok {
					spans[n] = [2]int{s, e}
					n++
					end, pos = e, e
					clean = clean && s-spans[n-2][1] == 1
					continue
				}
			}
			break
		}
		// A stop word matters only in lower case, or in capitals after a
		// word in capitals ("... TỈNH ỦY VỀ"): the map is not consulted
		// for the capitalized words of a name.
		stop := (!upperStart || isAllUpper(w) && n > 0 && isAllUpper(b[spans[n-1][0]:spans[n-1][1]])) && bodyStopWord(w)
		if stop && !upperStart && lowerEq(w, "triển") && n > 0 && lowerEq(b[spans[n-1][0]:spans[n-1][1]], "phát") {
			if ns, ne := wordAfter(b, e); ne > ns && !lowerEq(b[ns:ne], "khai") {
				stop = false // "Bộ Nông nghiệp và Phát triển nông thôn"
			}
		}
		if stop && (!upperStart || isAllUpper(w) && n > 0 && isAllUpper(b[spans[n-1][0]:spans[n-1][1]])) {
			break
		}
		if !upperStart && lowerEq(w, "ban") {
			// "ban hành" ends a name; "Ủy ban nhân dân" does not.
			if ns, ne := wordAfter(b, e); ne > ns && lowerEq(b[ns:ne], "hành") {
				break
			}
		}
		if n > 0 && isAllUpper(w) && utf8.RuneCount(w) > 1 && !orgAcronym(w) && !isAllUpper(b[spans[n-1][0]:spans[n-1][1]]) {
			break
		}
		if n > 0 && s-spans[n-1][1] != 1 {
			clean = false
		}
		spans[n] = [2]int{s, e}
		n++
		prevS, prevE = s, e
		end, pos = e, e
	}
	if n == 0 {
		return "", i
	}
	if clean {
		return string(b[spans[0][0]:spans[n-1][1]]), end
	}
	var sb strings.Builder
	for k := 0; k < n; k++ {
		if k > 0 {
			gap := b[spans[k-1][1]:spans[k][0]]
			if bytes.IndexByte(gap, '-') >= 0 {
				sb.WriteString(" -")
			} else if bytes.IndexByte(gap, ',') >= 0 {
				sb.WriteByte(',')
			}
			sb.WriteByte(' ')
		}
		sb.Write(b[spans[k][0]:spans[k][1]])
	}
	return sb.String(), end
}

func isUpperStartAt(b []byte, i int) bool { return i < len(b) && isUpperStart(b[i:]) }

// commaNameGoesOn reports whether "và" and a capitalized word follow
// within four words without another comma: the end of "Văn hóa, Thể thao
// và Du lịch".
func commaNameGoesOn(b []byte, i, limit int) bool {
	pos := i
	for n := 0; n < 4; n++ {
		s, e := wordAfter(b, pos)
		if e == s || e > limit {
			return false
		}
		if lowerEq(b[s:e], "và") {
			ns, ne := wordAfter(b, e)
			return ne > ns && ne <= limit && isUpperStart(b[ns:ne])
		}
		pos = e
	}
	return false
}

// bodyStopWord reports whether w (any case) is one of bodyStop.
func bodyStopWord(w []byte) bool {
	if len(w) > 12 {
		return false
	}
	var buf [48]byte // twelve bytes lower-case into at most 36
	k := len(appendLower(buf[:0], w))
	if bodyStop[string(buf[:k])] {
		return true
	}
	// Text typed without diacritics: "ve", "cua", "ngay".
	for _, c := range w {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return bodyStopASCII[string(buf[:k])]
}

// bodyStopASCII are the stop words without diacritics, less those that
// fold onto words of names ("thi" is also "thị" of "thị xã").
var bodyStopASCII = func() map[string]bool {
	m := map[string]bool{}
	for w := range bodyStop {
		m[foldString(w)] = true
	}
	for _, keep := range []string{"thi", "nam", "dang", "ban", "hoi", "chi", "so", "tong", "phat", "giao", "nhan", "thong", "trinh", "quan", "hoc", "tri", "van", "tu"} {
		delete(m, keep)
	}
	return m
}()

func unitWord(w []byte) bool {
	if len(w) > 12 {
		return false
	}
	var buf [48]byte // twelve bytes lower-case into at most 36
	k := len(appendLower(buf[:0], w))
	return unitWords[string(buf[:k])]
}

// orgAcronym reports whether an all-caps word is an organisation acronym
// that may continue a body's name ("Ban Chỉ đạo QCDC", "Ban Thường vụ TU").
func orgAcronym(w []byte) bool {
	switch string(w) {
	case "UBND", "HĐND", "MTTQ", "UBMTTQ", "UBMTTQVN", "QCDC", "TW", "TU", "HU", "BCH", "BTV":
		return true
	}
	return false
}

// bodyIssuer maps a body's name to the issuer code its numbers carry.
func bodyIssuer(body string) string {
	f := " " + foldString(body) + " "
	switch {
	case strings.Contains(f, " bo chinh tri"), strings.Contains(f, " ban bi thu"),
		strings.Contains(f, "chap hanh trung uong"), strings.Contains(f, " trung uong dang"),
		strings.HasPrefix(f, " trung uong "), strings.Contains(f, " bch tw"), strings.Contains(f, " bch trung uong"):
		return "TW"
	case strings.Contains(f, " tinh uy"), strings.Contains(f, " thanh uy"), strings.Contains(f, " thi uy"):
		return "TU"
	case strings.Contains(f, " huyen uy"):
		return "HU"
	case strings.Contains(f, " quan uy"):
		return "QU"
	case strings.Contains(f, " dang uy"):
		return "ĐU"
	case strings.Contains(f, " thu tuong"):
		return "TTg"
	case strings.Contains(f, " chinh phu "):
		return "CP"
	case strings.Contains(f, " uy ban nhan dan"), strings.Contains(f, " ubnd"):
		return "UBND"
	case strings.Contains(f, " hoi dong nhan dan"), strings.Contains(f, " hdnd"):
		return "HĐND"
	}
	return ""
}

// readTerm reads "khóa XI" / "(khóa XI)" at i, returning the numeral.
func readTerm(b []byte, i int) (string, int) {
	j := skipSpaces(b, i)
	paren := false
	if j < len(b) && b[j] == '(' {
		paren = true
		j++
	}
	s, e := wordAfter(b, j)
	if e == s || !(lowerEq(b[s:e], "khóa") || lowerEq(b[s:e], "khoá")) {
		return "", i
	}
	rs, re := wordAfter(b, e)
	if re == rs || !isRoman(b[rs:re]) {
		return "", i
	}
	end := re
	if paren {
		k := skipSpaces(b, re)
		if k < len(b) && b[k] == ')' {
			end = k + 1
		}
	}
	return string(b[rs:re]), end
}

func isRoman(w []byte) bool {
	if len(w) == 0 || len(w) > 6 {
		return false
	}
	for _, c := range w {
		if c != 'I' && c != 'V' && c != 'X' && c != 'L' {
			return false
		}
	}
	return true
}

// cue is a phrase before a reference that says how the citing text stands
// to it.
type cue struct {
	p   phrase
	rel vncite.Relation
}

// cues, longest first within each ending word.
var cues = []cue{
	{phrase{"huong", "dan", "thuc", "hien"}, vncite.Guides},
	{phrase{"huong", "dan", "trien", "khai"}, vncite.Guides},
	{phrase{"trien", "khai", "thuc", "hien"}, vncite.Implements},
	{phrase{"to", "chuc", "thuc", "hien"}, vncite.Implements},
	{phrase{"tiep", "tuc", "thuc", "hien"}, vncite.Implements},
	{phrase{"sua", "doi", "bo", "sung"}, vncite.Amends},
	{phrase{"theo", "tinh", "than"}, vncite.BasedOn},
	{phrase{"thuc", "hien"}, vncite.Implements},
	{phrase{"quan", "triet"}, vncite.Implements},
	{phrase{"trien", "khai"}, vncite.Implements},
	{phrase{"cu", "the", "hoa"}, vncite.Implements},
	{phrase{"thi", "hanh"}, vncite.Implements},
	{phrase{"huong", "dan"}, vncite.Guides},
	{phrase{"sua", "doi"}, vncite.Amends},
	{phrase{"bo", "sung"}, vncite.Amends},
	{phrase{"thay", "the"}, vncite.Replaces},
	{phrase{"bai", "bo"}, vncite.Repeals},
	{phrase{"huy", "bo"}, vncite.Repeals},
	{phrase{"so", "ket"}, vncite.Reviews},
	{phrase{"tong", "ket"}, vncite.Reviews},
	{phrase{"can", "cu"}, vncite.BasedOn},
}

// cueGroups are the cues by their last word, each group in the order of
// cues: cueBefore looks only at the cues that end with the word it reads.
var cueGroups = func() (gs []cueGroup) {
	for ci, c := range cues {
		last := c.p[len(c.p)-1]
		k := packWord(last)
		found := false
		for g := range gs {
			if gs[g].key == k {
				gs[g].cues = append(gs[g].cues, int8(ci))
				found = true
			}
		}
		if !found {
			gs = append(gs, cueGroup{key: k, cues: []int8{int8(ci)}})
		}
	}
	return gs
}()

type cueGroup struct {
	key  uint64 // the last word, packed by packWord
	cues []int8 // indices into cues
}

// packWord packs a folded word of at most seven bytes into an integer
// (its length in the low byte), 0 for longer words.
func packWord(w string) uint64 {
	if len(w) > 7 {
		return 0
	}
	k := uint64(len(w))
	for i := 0; i < len(w); i++ {
		k |= uint64(w[i]) << (8 * (i + 1))
	}
	return k
}

// cueGroupOf returns the cues ending with the word x, or nil.
func cueGroupOf(x *wspan) []int8 {
	if x.klen > 7 || x.klen == 0 {
		return nil
	}
	k := uint64(x.klen)
	for i := 0; i < x.klen; i++ {
		k |= uint64(x.key[i]) << (8 * (i + 1))
	}
	for g := range cueGroups {
		if cueGroups[g].key == k {
			return cueGroups[g].cues
		}
	}
	return nil
}

// cueBefore finds the nearest cue phrase ending before i and after lo,
// within 30 words.
func cueBefore(b []byte, lo, i int) (vncite.Relation, int, bool) {
	var buf [24]wspan
	ws := wordsBefore(b, lo, i, buf[:])
	// "Luật sửa đổi, bổ sung một số điều của Luật Viên chức số ...": the
	// words after "Luật" are the law's name, not a cue.
	from := 0
	for k := range ws {
		if k < 16 && ws[k].is("luat") && isUpperStart(b[ws[k].s:ws[k].e]) {
			from = k + 1
		}
	}
	for k := from; k < len(ws); k++ {
		g := cueGroupOf(&ws[k])
		if g == nil {
			continue
		}
		for _, ci := range g {
			c := &cues[ci]
			n := len(c.p)
			if k+n > len(ws) {
				continue
			}
			ok := true
			for w := 1; w < n; w++ {
				x := &ws[k+w]
				if !x.is(c.p[n-1-w]) || x.punct != 0 && x.punct != ',' {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			rel := c.rel
			if rel == vncite.Implements && c.p[n-1] == "hien" {
				// "sơ kết 5 năm thực hiện" reviews.
				for w := k + n; w < len(ws) && w < k+n+5; w++ {
					if ws[w].is("ket") && w+1 < len(ws) && (ws[w+1].is("so") || ws[w+1].is("tong")) {
						rel = vncite.Reviews
						break
					}
				}
			}
			return rel, ws[k+n-1].s, true
		}
	}
	return "", 0, false
}

// cueExactly reports whether b[i:j] is made of cue phrases and filler
// words only ("triển khai, thực hiện", "hướng dẫn triển khai thực hiện",
// "sơ kết 5 năm thực hiện", "việc tiếp tục thực hiện có hiệu quả các"):
// the shape of "về triển khai thực hiện Kết luận ..." that makes a
// statement. The first cue gives the relation.
func cueExactly(b []byte, i, j int) (vncite.Relation, bool) {
	var rel vncite.Relation
	pos := i
	for n := 0; n < 16; n++ {
		q := skipSpaces(b, pos)
		if q < j && b[q] == ',' {
			q = skipSpaces(b, q+1)
		}
		if q >= j {
			break
		}
		matched := false
		for _, c := range cues {
			if end, ok := phraseStartsAt(b, q, c.p); ok && end <= j {
				if rel == "" {
					rel = c.rel
				}
				pos, matched = end, true
				break
			}
		}
		if matched {
			continue
		}
		s, e := wordAfter(b, q)
		if e == s || e > j || !statementFiller(b[s:e]) {
			return "", false
		}
		pos = e
	}
	if rel == "" || rel == vncite.BasedOn || rel == vncite.Cites {
		return "", false
	}
	return rel, true
}

// statementFiller are the words allowed between cue phrases of a
// statement: "việc", "các", "có hiệu quả", "5 năm", "đợt".
func statementFiller(w []byte) bool {
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	for _, f := range []string{"việc", "các", "có", "hiệu", "quả", "tốt", "nghiêm", "và", "năm", "lần", "đợt", "túc", "nghiêm", "sâu", "rộng", "toàn", "diện", "nội", "dung"} {
		if lowerEq(w, f) {
			return true
		}
	}
	return false
}

// isListGap reports whether b[i:j] only joins two items of a list:
// commas, semicolons, "và", "cùng", "hoặc", "các".
func isListGap(b []byte, i, j int) (bool, bool) {
	and := false
	pos := i
	for pos < j {
		pos = skipSpaces(b, pos)
		if pos >= j {
			break
		}
		switch b[pos] {
		case ',', ';':
			pos++
			continue
		}
		s, e := wordAfter(b, pos)
		if e == s || e > j {
			return false, false
		}
		w := b[s:e]
		switch {
		case lowerEq(w, "và"):
			and = true
		case lowerEq(w, "cùng"), lowerEq(w, "hoặc"), lowerEq(w, "các"), lowerEq(w, "với"):
		default:
			return false, false
		}
		pos = e
	}
	return true, and
}

// readTitle reads the "về ..." clause at i (just after "về"): to the end of
// the clause (";", the sentence end, a line break), the closing quote of a
// quoted title, or limit (the next mention). It returns the span.
func readTitle(b []byte, i, limit, sentEnd int) (int, int) {
	j := skipSpaces(b, i)
	if j < len(b) && b[j] == ':' {
		j = skipSpaces(b, j+1)
	}
	if s, e := wordAfter(b, j); e > s && lowerEq(b[s:e], "việc") {
		j = skipSpaces(b, e)
		if j < len(b) && b[j] == ':' {
			j = skipSpaces(b, j+1)
		}
	}
	start := j
	quoted := false
	if r, size := decodeRune(b[j:]); r == '“' || r == '"' || r == '«' {
		quoted = true
		j += size
	}
	end := j
	bound := min(limit, sentEnd)
	for end < bound {
		if !quoted {
			// Eight bytes at a time to the next byte that may end it.
			if end = nextTitleStop(b, end, bound); end >= bound {
				break
			}
		}
		c := b[end]
		if c == ';' || (c == '\n' || c == '\r') && lineBreakEnds(b, end) {
			break
		}
		if c == ',' && !quoted && newSubjectAt(b, end+1) {
			break // ", Ủy ban nhân dân tỉnh ban hành Kế hoạch ..."
		}
		if quoted {
			r, size := decodeRune(b[end:])
			if (r == '”' || r == '"' || r == '»') && end > start+1 {
				end += size
				break
			}
		}
		end++
	}
	return start, end
}

// nextTitleStop returns the first k in [i, hi) where b[k] is ';', ',', a
// line break, or hi: the bytes at which an unquoted title may end.
func nextTitleStop(b []byte, i, hi int) int {
	for ; i+8 <= hi; i += 8 {
		w := load64(b[i:])
		if m := eqMask(w, ';') | eqMask(w, ',') | eqMask(w, '\n') | eqMask(w, '\r'); m != 0 {
			return i + bitIndex(m)
		}
	}
	for ; i < hi; i++ {
		switch b[i] {
		case ';', ',', '\n', '\r':
			return i
		}
	}
	return hi
}

// newSubjectAt reports whether a body's name starts at i and a verb of
// the main clause follows it: the end of a title ("..., Ủy ban nhân dân
// tỉnh ban hành Kế hoạch").
func newSubjectAt(b []byte, i int) bool {
	s, e := wordAfter(b, i)
	if e == s || !isUpperStart(b[s:e]) {
		return false
	}
	var w wspan
	w.fold(b[s:e])
	if !subjectHead[string(w.key[:w.klen])] {
		return false
	}
	body, be := readBody(b, s, len(b))
	if body == "" || bodyIssuer(body) == "" && !startsWithOrgWord(strings.ToUpper(body)) {
		return false
	}
	vs, ve := wordAfter(b, be)
	if ve == vs {
		return false
	}
	for _, v := range []string{"ban", "đề", "xây", "tổ", "yêu", "chỉ", "triển", "thực", "quyết", "đã", "hướng", "giao", "thông", "lãnh"} {
		if lowerEq(b[vs:ve], v) {
			return true
		}
	}
	return false
}

// subjectHead are the first words (folded) of bodies that open a clause.
var subjectHead = map[string]bool{"uy": true, "ubnd": true, "ban": true, "dang": true, "huyen": true, "tinh": true,
	"thanh": true, "thi": true, "hoi": true, "chi": true, "so": true, "phong": true, "bo": true, "chinh": true,
	"thu": true, "quan": true, "xa": true, "phuong": true, "hdnd": true, "btv": true, "bch": true, "mat": true,
	"van": true, "thuong": true, "cong": true, "cuc": true, "tong": true}

// titleTails are the connectors and cues left at the end of a title cut
// before a following reference ("... gắn với thực hiện").
var titleTails = []string{" gắn với việc thực hiện", " gắn với thực hiện", " gắn với việc", " gắn với",
	" và việc thực hiện", " và thực hiện", " đồng thời", " và", " cùng với", " theo", " tại", " thực hiện",
	" triển khai thực hiện", " triển khai", " tiếp tục", " của", " về"}

// cleanTitle trims a title: spaces, quotes and punctuation at the ends, and
// the connectors left before a following reference ("gắn với thực hiện").
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	for {
		before := s
		s = trimTitleEnd(s)
		s = strings.TrimLeft(s, " \t\n:")
		// A title wrapped in quotes loses them; quotes inside stay.
		for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"«", "»"}} {
			if strings.HasPrefix(s, q[0]) {
				s = strings.TrimPrefix(s, q[0])
				if strings.HasSuffix(s, q[1]) && strings.Count(s, q[1]) == strings.Count(s, q[0])+1 {
					s = strings.TrimSuffix(s, q[1])
				}
			}
		}
		s = strings.TrimSpace(s)
		for _, tail := range titleTails {
			// The last byte first: most tails cannot end s.
			if len(s) > 0 && s[len(s)-1] == tail[len(tail)-1] {
				s = strings.TrimSuffix(s, tail)
			}
		}
		if s == before {
			break
		}
	}
	// An opening quote without its closing one (or the reverse) is noise.
	if strings.Count(s, "“") != strings.Count(s, "”") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "“", ""), "”", "")
	}
	if strings.Count(s, "\"")%2 == 1 {
		s = strings.ReplaceAll(s, "\"", "")
	}
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// trimTitleEnd is strings.TrimRight(s, " \t\n,;:.-–") without the
// rune-by-rune path a non-ASCII cutset takes.
func trimTitleEnd(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t', '\n', ',', ';', ':', '.', '-':
			s = s[:len(s)-1]
			continue
		}
		if strings.HasSuffix(s, "–") {
			s = s[:len(s)-len("–")]
			continue
		}
		break
	}
	return s
}

// singleSpaced reports whether s has no tab or line break and no two
// spaces in a row (then strings.Fields would not change it).
func singleSpaced(s string) bool {
	i := 0
	for ; i+9 <= len(s); i += 8 {
		// Eight bytes and the one after: a tab or line break, or a
		// space followed by a space.
		w, next := load64String(s, i), load64String(s, i+1)
		if eqMask(w, '\n')|eqMask(w, '\t')|eqMask(w, '\r')|eqMask(w, ' ')&eqMask(next, ' ') != 0 {
			break // read again byte by byte below
		}
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case '\n', '\t', '\r':
			return false
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}

// readContext reads what follows mention m (up to limit): ", ngày
// 14/7/2015", "của Bộ Chính trị", "(khóa XI)", "về ...".
func readContext(b []byte, m *mention, c *mctx, limit int) {
	pos := m.num.end
	if m.kind != mFull {
		pos = m.end
	}
	pos = skipFootnote(b, pos)
	c.ctxEnd = pos
	for steps := 0; steps < 8; steps++ {
		q := skipSpaces(b, pos)
		if q < limit && b[q] == ',' {
			q = skipSpaces(b, q+1)
		}
		if q >= limit {
			break
		}
		if t, e := readTerm(b, q); t != "" && e <= limit {
			c.term = t
			pos, c.ctxEnd = e, e
			continue
		}
		if b[q] >= '0' && b[q] <= '9' && c.date == "" {
			if d, e, ok := dateAt(b, q); ok && e <= limit {
				c.date = d
				pos, c.ctxEnd = e, e
				continue
			}
		}
		s, e := wordAfter(b, q)
		if e == s || e > limit {
			break
		}
		w := b[s:e]
		switch {
		case lowerEq(w, "ngày"):
			if d, de, ok := dateAt(b, skipSpaces(b, e)); ok && de <= limit {
				if c.date == "" {
					c.date = d
				}
				pos, c.ctxEnd = de, de
				continue
			}
		case lowerEq(w, "ban") || lowerEq(w, "được") || lowerEq(w, "ký"):
			// "ban hành ngày ...", "được ban hành ngày ...", "ký ngày".
			k := e
			for n := 0; n < 3; n++ {
				ws, we := wordAfter(b, k)
				if we == ws || we > limit {
					break
				}
				if lowerEq(b[ws:we], "ngày") {
					if d, de, ok := dateAt(b, skipSpaces(b, we)); ok && de <= limit {
						if c.date == "" {
							c.date = d
						}
						pos, c.ctxEnd = de, de
					}
					break
				}
				if !(lowerEq(b[ws:we], "hành") || lowerEq(b[ws:we], "ban") || lowerEq(b[ws:we], "ký")) {
					break
				}
				k = we
			}
			if pos == c.ctxEnd && pos > q {
				continue
			}
		case lowerEq(w, "của") || lowerEq(w, "do"):
			if body, be := readBody(b, e, limit); body != "" {
				if c.body == "" {
					c.body = body
				}
				pos, c.ctxEnd = be, be
				continue
			}
		case lowerEq(w, "về"):
			ts, te := readTitle(b, e, limit, c.sentEnd)
			c.titleStart, c.titleEnd = ts, te
			c.title = cleanTitle(string(b[ts:te]))
			if c.title != "" {
				c.ctxEnd = te
			}
		case (lowerEq(w, "hướng") || lowerEq(w, "ban") || lowerEq(w, "quy")) && c.body != "":
			// "Thông tư số ... của Bộ Y hướng dẫn ...", "Quyết định số
			// ... của UBND tỉnh ban hành Quy chế ...": the title follows
			// the body without "về".
			ns, ne := wordAfter(b, e)
			if ne > ns && (lowerEq(w, "hướng") && lowerEq(b[ns:ne], "dẫn") || lowerEq(w, "ban") && lowerEq(b[ns:ne], "hành") || lowerEq(w, "quy") && lowerEq(b[ns:ne], "định")) {
				ts, te := readTitle(b, s, limit, c.sentEnd)
				c.titleStart, c.titleEnd = ts, te
				c.title = cleanTitle(string(b[ts:te]))
				if c.title != "" {
					c.ctxEnd = te
				}
			}
		}
		break
	}
}

// readTableRow fills what a table row says about a mention in one of its
// cells ("| 1 | 06-KL/TW | 31/07/2001 | Bộ Chính trị | Kết luận |"): a
// date cell, a body cell, a type cell, a summary cell. Cells are split by
// '|' or tabs; only fields the clause left empty are filled.
//
// row remembers the last whole line read (mentions of one paragraph share
// it): its bounds and whether it has two '|' or two tabs.
func readTableRow(b []byte, m *mention, c *mctx, row *rowCache) {
	// A row is short: look no further than 1000 bytes each way.
	lo, hi := m.start-1000, m.end+1000
	if lo < 0 {
		lo = 0
	}
	if hi > len(b) {
		hi = len(b)
	}
	var le int
	var pipes, tabs bool
	if row.valid && m.start >= row.ls && m.end <= row.le && row.ls >= lo && row.le <= hi {
		// Same line, whole in this mention's window too.
		le, pipes, tabs = row.le, row.pipes, row.tabs
	} else {
		ls := lo + bytes.LastIndexByte(b[lo:m.start], '\n') + 1
		le = bytes.IndexByte(b[m.end:hi], '\n')
		whole := (ls > lo || lo == 0) && le >= 0
		if le < 0 {
			le = hi
			whole = (ls > lo || lo == 0) && hi == len(b)
		} else {
			le += m.end
		}
		line := b[ls:le]
		pipes = bytes.Count(line, []byte{'|'}) >= 2
		tabs = bytes.Count(line, []byte{'\t'}) >= 2
		// The line is whole (not cut by the window) and has no line
		// break inside the number: later mentions in it may reuse it.
		*row = rowCache{valid: whole && bytes.IndexByte(b[m.start:m.end], '\n') < 0, ls: ls, le: le, pipes: pipes, tabs: tabs}
	}
	sep := byte('|')
	if !pipes {
		if !tabs {
			return
		}
		sep = '\t'
	}
	// Cells after the one holding the number.
	rest := b[m.end:le]
	if k := bytes.IndexByte(rest, sep); k >= 0 {
		rest = rest[k+1:]
	} else {
		return
	}
	for _, cell := range bytes.Split(rest, []byte{sep}) {
		cell = bytes.TrimSpace(cell)
		if len(cell) == 0 {
			continue
		}
		if d, end, ok := dateAt(cell, 0); ok && end == len(cell) {
			if c.date == "" {
				c.date = d
			}
			continue
		}
		if tw, end, ok := typeWordAt(cell, 0); ok && end == len(cell) {
			if c.typeName == "" {
				c.typeName = tw.name
			}
			continue
		}
		str := string(cell)
		if isUpperStart(cell) && (bodyIssuer(str) != "" || startsWithOrgWord(strings.ToUpper(str))) && countWords(str) <= 12 {
			if c.body == "" {
				c.body = str
			}
			continue
		}
		if countWords(str) >= 3 && c.title == "" {
			c.title = cleanTitle(str)
		}
	}
}

// rowCache is a line readTableRow has read.
type rowCache struct {
	valid       bool
	ls, le      int
	pipes, tabs bool
}

// skipFootnote steps over a footnote mark right after a number:
// superscript digits ("05-CT/TU³") or a bracketed number ("[3]").
func skipFootnote(b []byte, i int) int {
	for i < len(b) {
		r, size := decodeRune(b[i:])
		if r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁹' {
			i += size
			continue
		}
		break
	}
	if i+2 < len(b) && b[i] == '[' {
		j := i + 1
		for j < len(b) && j-i < 4 && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		if j > i+1 && j < len(b) && b[j] == ']' {
			return j + 1
		}
	}
	return i
}

// bodyBefore finds a body named before a mention: "của Ban Thường vụ Tỉnh
// ủy tại Công văn số ...", "UBND thị xã ban hành Kế hoạch số ...".
func bodyBefore(b []byte, lo, i int) string {
	s, e := wordBefore(b, i)
	if e == s || s < lo {
		return ""
	}
	w := b[s:e]
	switch {
	case lowerEq(w, "tại") || lowerEq(w, "theo"):
		// Walk back to "của" over at most 10 words.
		pos := s
		for n := 0; n < 10; n++ {
			ws, we := wordBefore(b, pos)
			if we == ws || ws < lo {
				return ""
			}
			if lowerEq(b[ws:we], "của") {
				body, be := readBody(b, we, s)
				if body != "" && skipSpaces(b, be) >= s {
					return body
				}
				return ""
			}
			pos = ws
		}
	case lowerEq(w, "hành"):
		ps, pe := wordBefore(b, s)
		if pe == ps || !lowerEq(b[ps:pe], "ban") {
			return ""
		}
		pos := ps
		if ds, de := wordBefore(b, pos); de > ds && lowerEq(b[ds:de], "đã") {
			pos = ds
		}
		// The subject: capitalized words back to the clause start.
		start := pos
		for n := 0; n < 8; n++ {
			ws, we := wordBefore(b, start)
			if we == ws || ws < lo {
				break
			}
			if skipSpacesBack(b, start) != we {
				break
			}
			start = ws
		}
		for start < pos {
			ws, we := wordAfter(b, start)
			if we > ws && isUpperStart(b[ws:we]) && bodyIssuer(string(b[ws:pos])) != "" {
				body, be := readBody(b, ws, pos)
				if body != "" && skipSpaces(b, be) >= pos {
					return body
				}
			}
			start = we
			if we == ws {
				break
			}
		}
	}
	return ""
}

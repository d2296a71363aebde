package extract

import (
	"bytes"
	"unicode/utf8"
)

// mention kinds.
const (
	mFull      = iota // a full number: "25-NQ/TW"
	mShort            // type word + bare number: "Nghị quyết 25", "Chỉ thị số 35"
	mAnaphoric        // type word + "nêu trên": "Chỉ thị nêu trên"
)

// mention is one place in the text that names a numbered document.
type mention struct {
	kind       int
	start, end int // the number (full), or the whole phrase (short forms)
	num        parsed
	tw         *typeWord // type word before the number, if any
	twStart    int       // start of the type word (or of the number)
	so         bool      // "số" between type word and number
}

// scanNumbers finds every full number. It looks only where a '/' stands
// (every number has one), walks left to where the number would begin, then
// reads it forward with the number grammar.
func scanNumbers(b []byte, out []mention) []mention {
	var slashes []int
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], '/')
		if k < 0 {
			break
		}
		slashes = append(slashes, i+k)
		i += k + 1
	}
	return scanNumbersAt(b, slashes, out)
}

// scanNumbersAt is scanNumbers given the offsets of every '/' in b.
func scanNumbersAt(b []byte, slashes []int, out []mention) []mention {
	var toks [16]numTok
	i := 0
	for _, s := range slashes {
		if s < i {
			continue
		}
		i = s + 1
		if slashEndsNoNumber(b, s) {
			continue
		}
		start, ok := numberStartBefore(b, s)
		if !ok {
			continue
		}
		p, ok := parseNumberTok(b, start, false, &toks)
		if !ok {
			if !strongBefore(b, start) {
				continue
			}
			if p, ok = parseNumberTok(b, start, true, &toks); !ok {
				continue
			}
		}
		if p.end <= s {
			continue
		}
		m := mention{kind: mFull, start: start, end: p.end, num: p, twStart: start}
		m.tw, m.twStart, m.so = typeWordBefore(b, start)
		if m.tw == nil && (hasPrefix(p.Issuer, "QH") || hasPrefix(p.Issuer, "UBTVQH")) {
			// "Luật Viên chức 02/2013/QH13": a law named, "số" left out.
			m.tw, m.twStart = lawNamedBefore(b, start)
		}
		if m.tw == nil {
			m.twStart = start
			if notADirective(b, start) {
				i = p.end
				continue
			}
		}
		out = append(out, m)
		i = p.end
	}
	return out
}

// slashEndsNoNumber reports, from the bytes after the slash at s alone,
// that no number passes through it: in every form a slash is followed by
// a year of four digits and another slash, or by letters (the issuer, the
// type). Dates ("3/6/2013") and fractions ("12/30") end here before the
// walk left and the grammar. Anything not plain ASCII is left to them.
func slashEndsNoNumber(b []byte, s int) bool {
	j := s + 1
	for k := 0; k < 3 && j < len(b) && (b[j] == ' ' || b[j] == '\t'); k++ {
		j++
	}
	d := j
	for d < len(b) && d-j < 6 && b[d] >= '0' && b[d] <= '9' {
		d++
	}
	if d == j || d >= len(b) || b[d] >= 0x80 || b[d] >= '0' && b[d] <= '9' {
		return false // no digits, or a digit run going on past what was read
	}
	if d-j != 4 {
		return true
	}
	// A year: the slash after it must follow.
	for k := 0; k < 3 && d < len(b) && (b[d] == ' ' || b[d] == '\t'); k++ {
		d++
	}
	return d < len(b) && b[d] < 0x80 && b[d] != '/' && b[d] != ' ' && b[d] != '\t' && b[d] != '\n' && b[d] != '\r'
}

// numberStartBefore walks left from the slash at s to where a number
// containing it would start; the boundary before it must not be part of a
// word, a path or a URL.
func numberStartBefore(b []byte, s int) (int, bool) {
	j := skipNumSpaceBack(b, s)
	if j == 0 {
		return 0, false
	}
	r, class := lastNumRune(b, j)
	_ = r
	var start int
	switch class {
	case cDigit:
		start = digitsBack(b, j)
		// The year part of N/YYYY/...: step over it to N.
		if k := skipNumSpaceBack(b, start); k > 0 && k < start+1 && false {
			_ = k
		}
		if k := skipNumSpaceBack(b, start); k > 0 {
			if _, c := lastNumRune(b, k); c == cSlash {
				_, size := decodeLastRune(b[:k])
				k2 := skipNumSpaceBack(b, k-size)
				if k2 > 0 {
					if _, c2 := lastNumRune(b, k2); c2 == cDigit && j-start == 4 {
						start = digitsBack(b, k2)
					}
				}
			}
		}
	case cLetter:
		k := lettersBack(b, j)
		nLetters := utf8.RuneCount(b[k:j])
		if nLetters > 8 {
			return 0, false
		}
		if k == 0 {
			return 0, false
		}
		if _, c := lastNumRune(b, k); c == cDigit {
			// "218QĐ/TW" or a sequence letter "12a/2019/...".
			start = digitsBack(b, k)
			break
		}
		if _, c := lastNumRune(b, k); c == cSlash && nLetters >= 2 {
			// "03/2015/TTLT/BTNMT": the letters are the type after N/YYYY/.
			_, size := decodeLastRune(b[:k])
			k2 := skipNumSpaceBack(b, k-size)
			if k2 == 0 {
				return 0, false
			}
			if _, c2 := lastNumRune(b, k2); c2 != cDigit {
				return 0, false
			}
			start = digitsBack(b, k2)
			if k3 := skipNumSpaceBack(b, start); k3 > 0 {
				if _, c3 := lastNumRune(b, k3); c3 == cSlash {
					_, size := decodeLastRune(b[:k3])
					k4 := skipNumSpaceBack(b, k3-size)
					if k4 > 0 {
						if _, c4 := lastNumRune(b, k4); c4 == cDigit {
							start = digitsBack(b, k4)
						}
					}
				}
			}
			break
		}
		k2 := skipNumSpaceBack(b, k)
		if k2 == 0 {
			return 0, false
		}
		if _, c := lastNumRune(b, k2); c != cDash {
			return 0, false
		}
		_, size := decodeLastRune(b[:k2])
		k3 := skipNumSpaceBack(b, k2-size)
		if k3 == 0 {
			return 0, false
		}
		if _, c := lastNumRune(b, k3); c != cDigit {
			return 0, false
		}
		start = digitsBack(b, k3)
	default:
		return 0, false
	}
	if start > 0 {
		r, _ := decodeLastRune(b[:start])
		if isWordRune(r) && !soGluedBefore(b, start) {
			return 0, false
		}
		switch r {
		case '/', '_', '.', '=', '&', '?', '#', '\\', '%', '+':
			return 0, false
		}
	}
	return start, true
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// lawNamedBefore finds "Luật" (capitalized) at most eight words before i,
// with no punctuation but commas between.
func lawNamedBefore(b []byte, i int) (*typeWord, int) {
	var buf [9]wspan
	ws := wordsBefore(b, 0, i, buf[:])
	for k := range ws {
		if k > 0 && ws[k-1].punct != 0 && ws[k-1].punct != ',' {
			break
		}
		if ws[k].is("luat") && isUpperStart(b[ws[k].s:ws[k].e]) {
			return lawWord, ws[k].s
		}
	}
	return nil, i
}

// notADirective reports numbers that are not documents' although they
// look alike: licences ("Giấy phép số 123/GP-BTTTT" in news footers),
// forms ("Mẫu số 01/ĐK-TCT"), annexes, accounts.
func notADirective(b []byte, start int) bool {
	var buf [12]wspan
	ws := wordsBefore(b, 0, start, buf[:])
	for k := range ws {
		x := &ws[k]
		switch {
		case x.is("dong") && k+1 < len(ws) && ws[k+1].is("hop") && k <= 2,
			x.is("phep") && k+1 < len(ws) && ws[k+1].is("giay"),
			x.is("mau") && (k == 0 || k == 1 && ws[0].is("so")),
			x.is("bieu") && k <= 1,
			x.is("luc") && k+1 < len(ws) && ws[k+1].is("phu"),
			x.is("khoan") && k+1 < len(ws) && ws[k+1].is("tai"),
			x.is("ma") && k == 1 && ws[0].is("so"),
			x.is("hieu") && k == 0 && k+1 < len(ws) && ws[k+1].is("so"):
			return true
		}
		if x.punct != 0 && x.punct != ',' {
			break
		}
		if _, ok := typeWordEnds[string(x.key[:x.klen])]; ok && k > 0 {
			break // a type word nearer the number decides
		}
	}
	return false
}

// typeWordEnds are the folded last words of the type words.
var typeWordEnds = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, tw := range typeWords {
		m[tw.folded[len(tw.folded)-1]] = struct{}{}
	}
	return m
}()

// soGluedBefore reports "số" written against the number: "số25-NQ/TW".
func soGluedBefore(b []byte, i int) bool {
	s, e := wordBefore(b, i)
	return e == i && e > s && isSoWord(b[s:e])
}

// lastNumRune returns the rune ending at j and its number class.
func lastNumRune(b []byte, j int) (rune, int) {
	r, _ := decodeLastRune(b[:j])
	c, class := numRune(r)
	if class == cNewline {
		class = cSpace
	}
	return c, class
}

// skipNumSpaceBack steps left over at most three spaces (one line break).
func skipNumSpaceBack(b []byte, j int) int {
	for n := 0; j > 0 && n < 3; n++ {
		if isSpaceByte(b[j-1]) {
			j--
			continue
		}
		if j >= 2 && b[j-2] == 0xC2 && b[j-1] == 0xA0 {
			j -= 2
			continue
		}
		break
	}
	return j
}

func digitsBack(b []byte, j int) int {
	n := 0
	for j > 0 && n < 7 {
		if _, c := lastNumRune(b, j); c != cDigit {
			break
		}
		_, size := decodeLastRune(b[:j])
		j -= size
		n++
	}
	return j
}

func lettersBack(b []byte, j int) int {
	n := 0
	for j > 0 && n < 14 {
		if _, c := lastNumRune(b, j); c != cLetter {
			break
		}
		_, size := decodeLastRune(b[:j])
		j -= size
		n++
	}
	return j
}

// strongBefore reports whether "số" or a type word stands right before i:
// then a number without a type ("Công văn số 1234/UBND-VX") is one.
func strongBefore(b []byte, i int) bool {
	tw, _, so := typeWordBefore(b, i)
	return tw != nil || so
}

// digitClass marks the bytes the second pass stops at: ASCII digits.
var digitClass = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// scanShortForms finds type words followed by a bare number ("Nghị quyết
// 25", "Chỉ thị số 35") and anaphoric mentions ("Chỉ thị nêu trên"),
// outside the full numbers already found (sorted by start).
// digits holds the starts of the digit runs that follow a space, a
// no-break space byte or ':' (the trigger pass finds them).
func scanShortForms(b []byte, digits []int, full []mention, out []mention) []mention {
	fi := 0
	n := len(b)
	next := 0 // the first offset not yet read
	for _, start := range digits {
		if start < next {
			continue
		}
		i := start
		for i < n && digitClass[b[i]] {
			i++
		}
		next = i + 1
		for fi < len(full) && full[fi].end <= start {
			fi++
		}
		if fi < len(full) && full[fi].start <= start {
			next = full[fi].end
			continue
		}
		if i-start > 5 {
			continue
		}
		// A letter suffix: "Nghị quyết 02a".
		suffix := ""
		if i+1 < n && b[i] >= 'a' && b[i] <= 'z' {
			if r, _ := decodeRune(b[i+1:]); !isWordRune(r) {
				suffix = string(b[i])
				i++
				next = i + 1
			}
		}
		// What follows must end the number: not "-", "/", a letter, a
		// decimal part.
		if i < n {
			r, size := decodeRune(b[i:])
			if isWordRune(r) {
				continue
			}
			if _, c := numRune(r); c == cDash || c == cSlash {
				continue
			}
			if (r == '.' || r == ',') && i+size < n && digitClass[b[i+size]] {
				continue
			}
		}
		tw, twStart, so := typeWordBefore(b, start)
		if tw == nil || tw.abbr == "" {
			continue
		}

		// "Kế hoạch 2024", "Báo cáo 6 tháng": a year or a period, not a number.
		if v, _ := atoiN(b[start : i-len(suffix)]); v >= 1945 && v <= 2100 && !so {
			continue
		}
		if s, e := wordAfter(b, i); e > s && isPeriodWord(b[s:e]) {
			// "số 35 ngày 30/5/2019" is dated, not "35 days".
			if _, _, dated := dateAt(b, skipSpaces(b, e)); !(dated && lowerEq(b[s:e], "ngày")) {
				continue
			}
		}
		seq, ok := "", true
		if v, _ := atoiN(b[start : i-len(suffix)]); suffix == "" && v > 0 && v < len(seqStrings) {
			seq = seqStrings[v] // no new string for 1..999
		} else if seq, ok = normSeq(string(b[start:i-len(suffix)]), suffix); !ok {
			continue
		}
		out = append(out, mention{
			kind: mShort, start: twStart, end: i, tw: tw, twStart: twStart, so: so,
			num: parsed{Number: Number{Seq: seq, Type: tw.abbr, TypeName: tw.name, Partial: true}, end: i},
		})
	}
	return out
}

func isPeriodWord(w []byte) bool {
	for _, p := range []string{"tháng", "năm", "ngày", "quý", "tuần", "người", "lần", "điều", "khoản", "đồng", "triệu", "tỷ", "km", "ha"} {
		if lowerEq(w, p) {
			return true
		}
	}
	return false
}

// scanAnaphors finds a type word followed by "nêu trên" or "nói trên"
// ("Chỉ thị nêu trên"): a mention of the last document of that kind.
func scanAnaphors(b []byte, tren []int, out []mention) []mention {
	// One round per spelling of "trên" (with and without diacritics),
	// over the places the trigger pass found; then the word before must be
	// "nêu" or "nói".
	for _, lit := range []string{"trên", "tren"} {
		for _, p := range tren {
			if !hasPrefixAt(b, p, lit) {
				continue
			}
			from := p + len(lit)
			if from < len(b) {
				if r, _ := decodeRune(b[from:]); isWordRune(r) {
					continue
				}
			}
			if p < 5 || b[p-1] != ' ' {
				continue
			}
			ns, ne := wordBefore(b, p)
			if ne != p-1 || !(lowerEq(b[ns:ne], "nêu") || lowerEq(b[ns:ne], "nói")) {
				continue
			}
			if ns > 0 {
				if r, _ := decodeLastRune(b[:ns]); isWordRune(r) {
					continue
				}
			}
			tw, twStart, so := typeWordBefore(b, ns)
			if tw == nil || so || tw.abbr == "" {
				continue
			}
			out = append(out, mention{
				kind: mAnaphoric, start: twStart, end: from, tw: tw, twStart: twStart,
				num: parsed{Number: Number{Type: tw.abbr, TypeName: tw.name, Partial: true}, end: from},
			})
		}
	}
	return out
}

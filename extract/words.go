package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// typeWord is a document kind as a text names it before a number.
type typeWord struct {
	folded []string // "nghi", "quyet": accent- and case-insensitive key
	name   string   // canonical spelling: "Nghị quyết"
	abbr   string   // abbreviation it stands for: "NQ"
}

// typeWords lists the kinds, longest first so "Thông tư liên tịch" wins
// over "Thông tư".
var typeWords = func() []typeWord {
	list := []struct{ name, abbr string }{
		{"Nghị quyết liên tịch", "NQLT"}, {"Thông tư liên tịch", "TTLT"}, {"Chương trình hành động", "CTr"},
		{"Thông báo kết luận", "TB"}, {"Văn bản hợp nhất", "VBHN"}, {"Nghị quyết", "NQ"}, {"Kết luận", "KL"},
		{"Chỉ thị", "CT"}, {"Quyết định", "QĐ"}, {"Quy định", "QĐi"}, {"Quy chế", "QC"},
		{"Hướng dẫn", "HD"}, {"Kế hoạch", "KH"}, {"Chương trình", "CTr"}, {"Thông báo", "TB"},
		{"Báo cáo", "BC"}, {"Tờ trình", "TTr"}, {"Đề án", "ĐA"}, {"Công văn", "CV"}, {"Biên bản", "BB"},
		{"Nghị định", "NĐ"}, {"Thông tư", "TT"}, {"Công điện", "CĐ"}, {"Phương án", "PA"},
		{"Bộ luật", "Luật"}, {"Luật", "Luật"}, {"Pháp lệnh", "PL"}, {"Văn bản", ""}, {"Thông tri", "TT"},
	}
	out := make([]typeWord, 0, len(list))
	for _, l := range list {
		out = append(out, typeWord{folded: strings.Fields(foldString(l.name)), name: l.name, abbr: l.abbr})
	}
	return out
}()

// foldString lower-cases s and strips its diacritics: "Nghị quyết" →
// "nghi quyet".
func foldString(s string) string {
	var sb strings.Builder
	for _, r := range s {
		sb.WriteRune(foldRune(r))
	}
	return sb.String()
}

// foldEq reports whether the word b folds to the ASCII word w.
func foldEq(b []byte, w string) bool {
	j := 0
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(b[i:])
			if isMn(r) {
				i += size
				continue
			}
		}
		if j >= len(w) || foldRune(r) != rune(w[j]) {
			return false
		}
		j++
		i += size
	}
	return j == len(w)
}

// lowerEq reports whether the word b equals w (lower case, NFC) ignoring
// case; pure-ASCII words also match w folded ("cua" for "của"), as text
// typed without diacritics writes them. Tone marks placed on either vowel
// ("khoá"/"khóa") compare equal through alts.
func lowerEq(b []byte, w string) bool {
	if len(b) == 0 {
		return false
	}
	// Upper and lower case of a Vietnamese letter have the same length in
	// UTF-8, so only equal lengths can match exactly.
	if len(b) == len(w) {
		if string(b) == w {
			return true // written in lower case: the usual
		}
		i := 0
		for i < len(b) {
			c, d := b[i], w[i]
			if c < utf8.RuneSelf && d < utf8.RuneSelf {
				if c != d && !(c >= 'A' && c <= 'Z' && c+32 == d) {
					break
				}
				i++
				continue
			}
			r, size := decodeRune(b[i:])
			q, _ := decodeRuneString(w[i:])
			if lowerRune(r) != q {
				break
			}
			i += size
		}
		if i == len(b) {
			return true
		}
	}
	// Text typed without diacritics: "cua" for "của".
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	j := 0
	for _, q := range w {
		if j >= len(b) {
			return false
		}
		f := foldRune(q)
		c := rune(b[j])
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		if c != f {
			return false
		}
		j++
	}
	return j == len(b)
}

// wordAfter returns the span of the word starting at or after i (skipping
// spaces only), or (i, i) when punctuation or the end comes first.
func wordAfter(b []byte, i int) (int, int) {
	i = skipSpaces(b, i)
	j := i
	for j < len(b) {
		if c := b[j]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			j++
			continue
		}
		size := wordRuneAt(b, j)
		if size == 0 {
			break
		}
		j += size
	}
	return i, j
}

// wordRuneAt returns the size of the rune at b[j] (≥ 0x80) when it is a
// word rune, else 0: isWordRune with the letters of Vietnamese text
// (U+00C0–U+024F but × and ÷, U+1E00–U+1EFF) read from their bytes.
func wordRuneAt(b []byte, j int) int {
	c := b[j]
	if j+1 < len(b) && b[j+1]&0xC0 == 0x80 {
		switch {
		case c >= 0xC3 && c <= 0xC8:
			if c == 0xC3 && (b[j+1] == 0x97 || b[j+1] == 0xB7) {
				return 0 // × ÷
			}
			return 2
		case c == 0xE1 && b[j+1] >= 0xB8 && b[j+1] <= 0xBB && j+2 < len(b) && b[j+2]&0xC0 == 0x80:
			return 3
		}
	}
	r, size := decodeRune(b[j:])
	if !isWordRune(r) {
		return 0
	}
	return size
}

// wordRuneBefore is wordRuneAt for the rune ending at b[j-1].
func wordRuneBefore(b []byte, j int) int {
	if j >= 2 && b[j-1]&0xC0 == 0x80 {
		if c := b[j-2]; c >= 0xC3 && c <= 0xC8 {
			if c == 0xC3 && (b[j-1] == 0x97 || b[j-1] == 0xB7) {
				return 0
			}
			return 2
		}
		if j >= 3 && b[j-3] == 0xE1 && b[j-2] >= 0xB8 && b[j-2] <= 0xBB {
			return 3
		}
	}
	r, size := decodeLastRune(b[:j])
	if !isWordRune(r) {
		return 0
	}
	return size
}

// asciiWord marks the ASCII bytes isWordRune accepts.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(c)
	}
	return t
}()

// wordBefore returns the span of the word ending at or before i (skipping
// spaces only), or (i, i) when punctuation or the start comes first.
func wordBefore(b []byte, i int) (int, int) {
	for i > 0 {
		if isSpaceByte(b[i-1]) {
			i--
			continue
		}
		if i >= 2 && b[i-2] == 0xC2 && b[i-1] == 0xA0 {
			i -= 2
			continue
		}
		break
	}
	j := i
	for j > 0 {
		if c := b[j-1]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			j--
			continue
		}
		size := wordRuneBefore(b, j)
		if size == 0 {
			break
		}
		j -= size
	}
	return j, i
}

// typeWordBefore finds a type word ending at i (spaces allowed before i),
// after stepping back over "số" / "số:". It returns the word, its start,
// and whether "số" stood between.
func typeWordBefore(b []byte, i int) (tw *typeWord, start int, so bool) {
	j := skipSpacesBack(b, i)
	if j > 0 && b[j-1] == ':' {
		j = skipSpacesBack(b, j-1)
	}
	if j == 0 || !typeWordLastByte[b[j-1]] {
		return nil, i, false
	}
	// The word before must be "số" or end a type word: one word first,
	// the rest only then.
	var one [1]wspan
	w1 := wordsBefore(b, 0, j, one[:])
	if len(w1) == 0 {
		return nil, i, false
	}
	if !typeWordLast[string(w1[0].key[:w1[0].klen])] {
		// An abbreviation as the type word: "KL 08-KL/TW", "QĐ số 04".
		if tw := abbrTypeWord(b[w1[0].s:w1[0].e]); tw != nil {
			return tw, w1[0].s, false
		}
		return nil, i, false
	}
	var buf [5]wspan
	lo := j - 160
	if lo < 0 {
		lo = 0
	}
	// Five words hold any type word and "số"; more only for a law's name.
	// The first is w1[0], already read (unless it starts before lo); the
	// others are read only as far as the longest type word ending in the
	// word before the number (or before "số") needs.
	var ws []wspan
	if w1[0].s >= lo {
		buf[0] = w1[0]
		n := 1
		more := func(upto int) {
			if upto > len(buf) {
				upto = len(buf)
			}
			if n < upto {
				n += len(wordsBefore(b, lo, buf[n-1].s, buf[n:upto]))
			}
		}
		first := 0
		if buf[0].is("so") && isSoWord(b[buf[0].s:buf[0].e]) {
			first = 1
			more(2)
		}
		if n > first {
			more(first + typeWordsMaxLen[string(buf[first].key[:buf[first].klen])])
		}
		ws = buf[:n]
	}
	if len(ws) > 0 && (ws[0].is("so") && isSoWord(b[ws[0].s:ws[0].e])) {
		so = true
		ws = ws[1:]
	}
	if so && len(ws) > 0 && ws[0].punct == 0 {
		if tw := abbrTypeWord(b[ws[0].s:ws[0].e]); tw != nil {
			return tw, ws[0].s, true
		}
	}
	var cands []int
	if len(ws) > 0 {
		cands = typeWordsByLast[string(ws[0].key[:ws[0].klen])]
	}
	for _, k := range cands {
		t := &typeWords[k]
		if len(t.folded) > len(ws) {
			continue
		}
		ok := true
		for w := 0; w < len(t.folded); w++ {
			x := &ws[w]
			if !x.is(t.folded[len(t.folded)-1-w]) || x.punct != 0 {
				ok = false
				break
			}
		}
		if ok {
			return t, ws[len(t.folded)-1].s, so
		}
	}
	// A law named before its number: "Luật Bảo vệ môi trường số
	// 03/2005/QH11", "Luật Cán bộ, công chức số 01/2002/QH11", "Luật sửa
	// đổi, bổ sung một số điều của Luật Viên chức số 02/2013/QH13".
	if !so {
		return nil, i, false
	}
	var lbuf [20]wspan
	ws = wordsBefore(b, lo, j, lbuf[:])[1:]
	maxWords := 10
	found := -1
	for k := 0; k < len(ws) && k < maxWords+8; k++ {
		x := &ws[k]
		if k > 0 && ws[k-1].punct != 0 && ws[k-1].punct != ',' {
			break
		}
		if x.is("luat") && isUpperStart(b[x.s:x.e]) {
			if found < 0 {
				if k >= maxWords {
					break
				}
				found = k
				continue
			}
			// An amending law names the law it amends after "của".
			amends := false
			for q := found + 1; q < k; q++ {
				if ws[q].is("sua") || ws[q].is("bo") && ws[q-1].is("sung") {
					amends = true
				}
			}
			if amends {
				found = k
			}
			break
		}
	}
	if found >= 0 {
		k := found
		if k+1 < len(ws) && ws[k+1].is("bo") && ws[k+1].punct == 0 && isUpperStart(b[ws[k+1].s:ws[k+1].e]) {
			return lawBook, ws[k+1].s, so
		}
		return lawWord, ws[k].s, so
	}
	return nil, i, so
}

// abbrTypeWord returns the type word an upper-case abbreviation stands
// for ("KL" → Kết luận, "QĐ" → Quyết định), or nil.
func abbrTypeWord(w []byte) *typeWord {
	if len(w) > 6 || len(w) < 2 || !isAllUpper(w) && !(len(w) == 4 && (string(w) == "QĐi" || string(w) == "QDi")) && string(w) != "CTr" && string(w) != "TTr" {
		return nil
	}
	var k [16]byte
	n := 0
	for _, r := range string(w) {
		c, class := numRune(r)
		if class != cLetter || n+utf8.RuneLen(c) > len(k) {
			return nil
		}
		n += utf8.EncodeRune(k[n:], upperNum(c))
	}
	abbr, ok := typeCanon[string(k[:n])]
	if !ok {
		return nil
	}
	return abbrWords[abbr]
}

// abbrWords maps an abbreviation to its usual type word.
var abbrWords = func() map[string]*typeWord {
	m := map[string]*typeWord{}
	for k := range typeWords {
		t := &typeWords[k]
		if t.abbr != "" && m[t.abbr] == nil && typeNames[t.abbr] == t.name {
			m[t.abbr] = t
		}
	}
	return m
}()

// lawWord and lawBook are the type words of a named law.
var (
	lawWord = typeWordNamed("Luật")
	lawBook = typeWordNamed("Bộ luật")
)

func typeWordNamed(name string) *typeWord {
	for k := range typeWords {
		if typeWords[k].name == name {
			return &typeWords[k]
		}
	}
	panic("extract: no type word " + name)
}

// typeWordsByLast lists the type words by their folded last word, each
// list in the order of typeWords (longest first).
var typeWordsByLast = func() map[string][]int {
	m := map[string][]int{}
	for k, tw := range typeWords {
		last := tw.folded[len(tw.folded)-1]
		m[last] = append(m[last], k)
	}
	return m
}()

// typeWordsByFirst lists, for each folded first word, the type words that
// start with it, in table order.
var typeWordsByFirst = func() map[string][]int {
	m := map[string][]int{}
	for k, tw := range typeWords {
		m[tw.folded[0]] = append(m[tw.folded[0]], k)
	}
	return m
}()

// typeWordsMaxLen holds, for each folded last word, the most words of a
// type word ending with it.
var typeWordsMaxLen = func() map[string]int {
	m := map[string]int{}
	for _, tw := range typeWords {
		last := tw.folded[len(tw.folded)-1]
		m[last] = max(m[last], len(tw.folded))
	}
	return m
}()

// typeWordLast holds the folded last words of the type words and "so".
var typeWordLast = func() map[string]bool {
	m := map[string]bool{"so": true}
	for _, tw := range typeWords {
		m[tw.folded[len(tw.folded)-1]] = true
	}
	return m
}()

// typeWordLastByte marks the bytes a type word or "số" can end with
// (the last byte of "quyết", "thị", "luận", "số", "tư", ... in any case,
// with or without diacritics): a cheap test before matching words.
var typeWordLastByte = func() (t [256]bool) {
	for _, tw := range typeWords {
		for _, v := range []string{tw.name, strings.ToUpper(tw.name), foldString(tw.name), strings.ToUpper(foldString(tw.name))} {
			t[v[len(v)-1]] = true
		}
	}
	for _, v := range []string{"số", "SỐ", "so", "SO", "sô"} {
		t[v[len(v)-1]] = true
	}
	// Abbreviations used as type words: "KL 08-KL/TW", "QĐ số 04".
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	t['i'], t['r'], t["Đ"[1]] = true, true, true
	return t
}()

// typeWordAt reads a type word starting at i ("Nghị quyết", "NGHỊ QUYẾT",
// "nghi quyet") and returns its end.
func typeWordAt(b []byte, i int) (*typeWord, int, bool) {
	// The first word is read and folded once; only the type words that
	// start with it are tried, in table order.
	s, e := wordAfter(b, i)
	if e == s {
		return nil, i, false
	}
	var first wspan
	first.fold(b[s:e])
	for _, k := range typeWordsByFirst[string(first.key[:first.klen])] {
		t := &typeWords[k]
		pos := e
		ok := true
		for _, fw := range t.folded[1:] {
			s, e := wordAfter(b, pos)
			if e == s || !foldEq(b[s:e], fw) {
				ok = false
				break
			}
			pos = e
		}
		if ok {
			return t, pos, true
		}
	}
	return nil, i, false
}

func isSoWord(w []byte) bool {
	return lowerEq(w, "số") || string(w) == "sô" || string(w) == "Sô"
}

func skipSpacesBack(b []byte, i int) int {
	for i > 0 {
		if isSpaceByte(b[i-1]) {
			i--
			continue
		}
		if i >= 2 && b[i-2] == 0xC2 && b[i-1] == 0xA0 {
			i -= 2
			continue
		}
		break
	}
	return i
}

// isUpperStart reports whether the word at b starts with an upper-case
// letter.
func isUpperStart(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	r, _ := decodeRune(b)
	return isUpperRune(r)
}

// isAllUpper reports whether the word has letters and no lower-case ones.
func isAllUpper(b []byte) bool {
	letters := false
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				return false
			case c >= 'A' && c <= 'Z':
				letters = true
			}
			i++
			continue
		}
		r, size := decodeRune(b[i:])
		i += size
		if isLowerRune(r) {
			return false
		}
		// An upper-case letter is a letter: the table search of
		// unicode.IsLetter only for other runes, and only until a letter.
		if !letters && (isUpperRune(r) || unicode.IsLetter(r)) {
			letters = true
		}
	}
	return letters
}

// isAllUpperStr is isAllUpper of a string.
func isAllUpperStr(s string) bool {
	letters := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				return false
			case c >= 'A' && c <= 'Z':
				letters = true
			}
			i++
			continue
		}
		r, size := decodeRuneString(s[i:])
		i += size
		if isLowerRune(r) {
			return false
		}
		if !letters && (isUpperRune(r) || unicode.IsLetter(r)) {
			letters = true
		}
	}
	return letters
}

// phrase is a sequence of folded words.
type phrase []string

// phraseStartsAt reports whether the words from i fold to p, and the end.
func phraseStartsAt(b []byte, i int, p phrase) (int, bool) {
	pos := i
	for w, fw := range p {
		q := skipSpaces(b, pos)
		if w > 0 && q < len(b) && b[q] == ',' {
			q++
		}
		s, e := wordAfter(b, q)
		if e == s || !foldEq(b[s:e], fw) {
			return 0, false
		}
		pos = e
	}
	return pos, true
}

// wspan is one word before a position, folded for matching.
type wspan struct {
	s, e  int
	key   [16]byte // folded ASCII, truncated
	klen  int
	punct byte // punctuation between this word and the next one (0 if none)
}

func (w *wspan) is(f string) bool { return w.klen == len(f) && string(w.key[:w.klen]) == f }

// foldInto folds the word b into w.key (ASCII lower case, no diacritics).
func (w *wspan) fold(b []byte) {
	w.klen = 0
	for i := 0; i < len(b); {
		c := b[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			if r >= 'A' && r <= 'Z' {
				r += 32
			}
			i++
		} else if c >= 0xC3 && c <= 0xC8 && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			// A Latin letter of two bytes (U+00C0–U+023F): by table.
			r = foldRune(rune(c&0x1F)<<6 | rune(b[i+1]&0x3F))
			i += 2
		} else if c == 0xE1 && i+2 < len(b) && b[i+1] >= 0xB8 && b[i+1] <= 0xBB && b[i+2]&0xC0 == 0x80 {
			// A precomposed Vietnamese vowel (U+1E00–U+1EFF).
			r = foldRune(rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F) | 0x1000)
			i += 3
		} else {
			var size int
			r, size = decodeRune(b[i:])
			i += size
			if isMn(r) {
				continue
			}
			r = foldRune(r)
		}
		if w.klen < len(w.key) && r < utf8.RuneSelf {
			w.key[w.klen] = byte(r)
			w.klen++
		} else {
			w.key[0] = 0 // not comparable
			w.klen = len(w.key)
			return
		}
	}
}

// wordsBefore collects up to len(buf) words ending before i and not before
// lo, nearest first. It stops at punctuation other than commas, quotes and
// colons, and marks where those stood.
func wordsBefore(b []byte, lo, i int, buf []wspan) []wspan {
	n := 0
	pos := i
	var punct byte
	for n < len(buf) && pos > lo {
		s, e := wordBefore(b, pos)
		if e == s {
			q := skipSpacesBack(b, pos)
			if q <= lo {
				break
			}
			c := b[q-1]
			switch {
			case c == ',' || c == '"' || c == ':' || c == '(' || c == ')':
				punct = c
				pos = q - 1
				continue
			case q >= 3 && (string(b[q-3:q]) == "“" || string(b[q-3:q]) == "”"):
				punct = '"'
				pos = q - 3
				continue
			}
			break
		}
		if s < lo {
			break
		}
		w := &buf[n]
		w.s, w.e, w.punct = s, e, punct
		w.fold(b[s:e])
		punct = 0
		n++
		pos = s
	}
	return buf[:n]
}

package extract

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// namedStop ends a law's name.
var namedStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("và có đã được để về trong với là cho nhằm tại theo gắn số các những này đó như khi thì mà nên đang sẽ phải cần hiện mới của trên") {
		m[w] = true
	}
	return m
}()

// notLawName are words after "Luật" that make it a common noun ("Luật sư").
var notLawName = map[string]bool{"sư": true, "pháp": true, "lệ": true, "này": true, "đó": true, "trên": true,
	"số": true, "và": true, "của": true, "các": true, "hiện": true, "mới": true, "định": true, "chơi": true,
	"hóa": true, "hoá": true, "gia": true, "học": true, "nêu": true, "được": true, "đã": true, "có": true, "là": true}

// scanNamed finds references by name without a number: laws ("Luật Tiếp
// công dân"), "Quy chế dân chủ ở cơ sở", congress resolutions ("Nghị quyết
// Đại hội Đảng bộ tỉnh lần thứ X"), "Điều lệ Đảng", the Constitution.
//
// The trigger pass found where each literal occurs (t.named); the rounds
// below go through them literal by literal, in the order the searches had
// when each was a pass over the whole text.
func scanNamed(b []byte, ms []mention, t *triggers) []vncite.Named {
	var out []vncite.Named
	var at []int
	add := func(kind string, s, e int) {
		name := joinFields(b[s:e])
		out = append(out, vncite.Named{Name: name, Kind: kind, Start: s, End: e})
	}
	for _, lit := range []struct {
		id         int
		word, kind string
	}{{litBoLuat, "Bộ luật", "Bộ luật"}, {litLuat, "Luật", "Luật"}, {litPhapLenh, "Pháp lệnh", "Pháp lệnh"}, {litLuatASCII, "Luat", "Luật"}} {
		from := 0
		at = t.namedAt(lit.id, at)
		for _, s := range at {
			if s < from {
				continue
			}
			from = s + len(lit.word)
			if s > 0 {
				if ws, we := wordBefore(b, s); we == s && ws < we {
					continue // inside a word, or "Bộ luật" seen as "luật"
				}
			}
			if (lit.word == "Luật" || lit.word == "Luat") && s >= 3 && (s >= len("Bộ ") && string(b[s-len("Bộ "):s]) == "Bộ " || string(b[s-3:s]) == "Bo ") {
				continue
			}
			e := lawNameEnd(b, from, lit.word != "Luật")
			if e > from {
				add(lit.kind, s, e)
			}
		}
	}
	for _, lit := range []struct {
		id    int
		words phrase
		kind  string
	}{
		{litQuyChe, phrase{"quy", "che", "dan", "chu"}, "Quy chế"},
		{litDieuLe, phrase{"dieu", "le", "dang"}, "Điều lệ"},
		{litHienPhap, phrase{"hien", "phap"}, "Hiến pháp"},
	} {
		from := 0
		at = t.namedAt(lit.id, at)
		for _, s := range at {
			if s < from {
				continue
			}
			from = s + 1
			if ws, we := wordBefore(b, s); we == s && ws < we {
				continue
			}
			e, ok := phraseStartsAt(b, s, lit.words)
			if !ok {
				continue
			}
			if ws, we := wordAfter(b, s); isAllUpper(b[ws:we]) {
				continue // a heading in capitals, not a citation
			}
			if lit.kind == "Quy chế" {
				// "Quy chế dân chủ ở cơ sở", "... cơ sở" with "ở" optional.
				if e2, ok := phraseStartsAt(b, e, phrase{"o", "co", "so"}); ok {
					e = e2
				} else if e2, ok := phraseStartsAt(b, e, phrase{"co", "so"}); ok {
					e = e2
				} else {
					continue
				}
			}
			if lit.kind == "Hiến pháp" {
				if e2, ok := phraseStartsAt(b, e, phrase{"nam"}); ok {
					if _, e3 := wordAfter(b, e2); e3-e2 >= 4 {
						e = e3
					}
				}
			}
			from = e
			add(lit.kind, s, e)
		}
	}
	// "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ X", "Nghị quyết Đại hội đại
	// biểu toàn quốc lần thứ XIII của Đảng".
	for _, lit := range []int{litNQDaiHoi, litNQdaiHoi, litNQDAIHOI} {
		from := 0
		at = t.namedAt(lit, at)
		for _, s := range at {
			if s < from {
				continue
			}
			from = s + len("Nghị quyết ")
			pos := s + len(namedLits[lit])
			// A congress named: "Đảng bộ tỉnh", "đại biểu toàn quốc", not
			// "đảng các cấp" (every level's).
			if fs, fe := wordAfter(b, pos); fe == fs || !(isUpperStart(b[fs:fe]) || lowerEq(b[fs:fe], "đại") || lowerEq(b[fs:fe], "lần")) {
				continue
			}
			e := pos
			for n := 0; n < 12; n++ {
				ws, we := wordAfter(b, pos)
				if we == ws || bytes.IndexByte(b[pos:ws], '\n') >= 0 {
					break
				}
				word := b[ws:we]
				switch {
				case lowerEq(word, "của"):
					// "của Đảng", "của Đảng bộ tỉnh": only a body follows.
					ns, ne := wordAfter(b, we)
					if ne == ns || !isUpperStart(b[ns:ne]) {
						n = 99
						continue
					}
				case lowerEq(word, "thứ"):
					if rs, re := wordAfter(b, we); re > rs && isRoman(b[rs:re]) {
						e, pos = re, re
						continue
					}
				case isUpperStart(word) || congressWord(word):
					e = we
				default:
					n = 99
					continue
				}
				pos = we
			}
			if e > from+len("Đại hội") {
				add("Nghị quyết", s, e)
				from = e
			}
		}
	}
	// "Quy chế làm việc của Ban Chấp hành Đảng bộ ...".
	from := 0
	at = t.namedAt(litQuyCheLamViec, at)
	for _, s := range at {
		if s < from {
			continue
		}
		from = s + len("Quy chế làm việc")
		e := from
		if ws, we := wordAfter(b, from); we > ws && lowerEq(b[ws:we], "của") {
			if body, be := readBody(b, we, len(b)); body != "" {
				e = be
			}
		}
		add("Quy chế", s, e)
		from = e
	}
	if !slices.IsSortedFunc(out, func(a, b vncite.Named) int { return a.Start - b.Start }) {
		sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// congressWord are the lower-case words of a congress's name.
func congressWord(w []byte) bool {
	for _, c := range []string{"đảng", "bộ", "tỉnh", "huyện", "thành", "phố", "xã", "quận", "thị", "đại", "biểu", "toàn", "quốc", "lần", "thứ"} {
		if lowerEq(w, c) {
			return true
		}
	}
	return false
}

// inWordSet reports whether w equals a word of the set, ignoring case
// (and diacritics when w is typed without them).
func inWordSet(w []byte, set map[string]bool) bool {
	var buf [64]byte
	if set[string(appendLower(buf[:0], w))] {
		return true
	}
	if !isASCIIWord(w) {
		return false
	}
	for k := range set {
		if lowerEq(w, k) {
			return true
		}
	}
	return false
}

func isASCIIWord(w []byte) bool {
	for _, c := range w {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// lawNameEnd reads a law's name after "Luật": words up to a function word,
// punctuation or a number; "năm 2013" is kept. It returns from when the
// word is no law's name (a common noun, or a numbered law).
func lawNameEnd(b []byte, from int, needUpper bool) int {
	s, e := wordAfter(b, from)
	if e == s || s != from+1 {
		return from
	}
	first := b[s:e]
	if inWordSet(first, notLawName) || first[0] >= '0' && first[0] <= '9' || needUpper && !isUpperStart(first) {
		return from
	}
	end := e
	pos := e
	for n := 0; n < 10; n++ {
		ws, we := wordAfter(b, pos)
		if we == ws || bytes.IndexByte(b[pos:ws], '\n') >= 0 {
			break
		}
		w := b[ws:we]
		var buf [64]byte
		l := appendLower(buf[:0], w)
		if lowerEq(w, "năm") {
			ys, ye := wordAfter(b, we)
			if ye-ys == 4 && b[ys] >= '1' && b[ys] <= '2' {
				end = ye
			}
			break
		}
		if namedStop[string(l)] || isASCIIWord(w) && inWordSet(w, namedStop) || w[0] >= '0' && w[0] <= '9' {
			break
		}
		if lowerEq(w, "ở") {
			// "ở cơ sở" belongs to the name; "ở địa phương" does not.
			if e2, ok := phraseStartsAt(b, we, phrase{"co", "so"}); ok {
				end, pos = e2, e2
				continue
			}
			break
		}
		end, pos = we, we
	}
	return end
}

// joinFields is strings.Join(strings.Fields(string(w)), " ") with one
// allocation when w is already words separated by single spaces.
func joinFields(w []byte) string {
	if len(w) == 0 || w[0] == ' ' || w[len(w)-1] == ' ' {
		return strings.Join(strings.Fields(string(w)), " ")
	}
	for i, c := range w {
		switch {
		case c == ' ' && w[i+1] == ' ', c < ' ', c == 0x7F, c == 0xC2, c == 0xE2, c == 0xE3,
			c == 0xE1 && i+1 < len(w) && w[i+1] == 0x9A:
			// Other white space (tab, line breaks, U+0085, U+00A0,
			// U+1680, U+2000–U+205F, U+3000) or two spaces: the slow way.
			return strings.Join(strings.Fields(string(w)), " ")
		}
	}
	return string(w)
}

// appendLower appends strings.ToLower(string(w)) to dst (a buffer on the
// caller's stack, so that looking the word up in a map copies nothing).
func appendLower(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := decodeRune(w[i:])
		i += size
		dst = utf8.AppendRune(dst, lowerRune(r))
	}
	return dst
}

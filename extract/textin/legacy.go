package textin

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Vietnamese vowels: each group of six is the toneless letter followed by its
// five toned forms in the order of the tone constants below. The legacy
// decoders, the encoders used by the tests and the syllable checker all
// derive from this one string.
const vowelGroups = "aàáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "eèéẻẽẹ" + "êềếểễệ" +
	"iìíỉĩị" + "oòóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "uùúủũụ" + "ưừứửữự" + "yỳýỷỹỵ"

// Tones, in the order of vowelGroups.
const (
	toneNone  = 0
	toneGrave = 1 // huyền
	toneAcute = 2 // sắc
	toneHook  = 3 // hỏi
	toneTilde = 4 // ngã
	toneDot   = 5 // nặng
)

// Vowel modifiers (the marks that make a new letter, not a tone).
const (
	modNone       = 0
	modCircumflex = 1 // â ê ô
	modBreve      = 2 // ă
	modHorn       = 3 // ơ ư
)

// vowel describes one lower-case Vietnamese vowel letter.
type vowel struct {
	plain rune  // a e i o u y: the letter without modifier and tone
	mod   uint8 // modNone, modCircumflex, modBreve, modHorn
	tone  uint8
}

// vowelTables maps every lower-case Vietnamese vowel (toned or not) to its
// parts, and back.
type vowelTables struct {
	parts map[rune]vowel
	// compose[plain][mod][tone]
	compose map[vowel]rune
}

// vowels is a read-only table built once from vowelGroups.
var vowels = buildVowelTables()

func buildVowelTables() vowelTables {
	t := vowelTables{parts: map[rune]vowel{}, compose: map[vowel]rune{}}
	modOf := map[rune]struct {
		plain rune
		mod   uint8
	}{
		'a': {'a', modNone}, 'ă': {'a', modBreve}, 'â': {'a', modCircumflex},
		'e': {'e', modNone}, 'ê': {'e', modCircumflex}, 'i': {'i', modNone},
		'o': {'o', modNone}, 'ô': {'o', modCircumflex}, 'ơ': {'o', modHorn},
		'u': {'u', modNone}, 'ư': {'u', modHorn}, 'y': {'y', modNone},
	}
	rs := []rune(vowelGroups)
	for g := 0; g+6 <= len(rs); g += 6 {
		m := modOf[rs[g]]
		for tone := 0; tone < 6; tone++ {
			v := vowel{plain: m.plain, mod: m.mod, tone: uint8(tone)}
			t.parts[rs[g+tone]] = v
			t.compose[v] = rs[g+tone]
		}
	}
	return t
}

// lowerVowel returns the parts of r (any case) and whether r is upper case.
func lowerVowel(r rune) (v vowel, upper, ok bool) {
	lr := unicode.ToLower(r)
	v, ok = vowels.parts[lr]
	return v, lr != r, ok
}

// composeVowel builds a vowel letter; ok is false for impossible letters
// (a breve on e, a horn on a).
func composeVowel(v vowel, upper bool) (rune, bool) {
	r, ok := vowels.compose[v]
	if !ok {
		return 0, false
	}
	if upper {
		r = unicode.ToUpper(r)
	}
	return r, true
}

// ---- VISCII (RFC 1456) ----

// visciiHigh is bytes 0x80..0xFF of VISCII 1.1 (RFC 1456), checked against
// glibc's VISCII converter.
const visciiHigh = "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ" +
	"ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"

// visciiLow holds the six C0 positions VISCII gives to capital letters.
var visciiLow = map[byte]rune{0x02: 'Ẳ', 0x05: 'Ẵ', 0x06: 'Ẫ', 0x14: 'Ỷ', 0x19: 'Ỹ', 0x1E: 'Ỵ'}

// visciiTable is the full 256-entry decoding table.
var visciiTable = func() [256]rune {
	var t [256]rune
	for i := 0; i < 128; i++ {
		t[i] = rune(i)
	}
	for b, r := range visciiLow {
		t[b] = r
	}
	i := 128
	for _, r := range visciiHigh {
		t[i] = r
		i++
	}
	return t
}()

// decodeVISCII decodes VISCII; VISCII defines every byte, so nothing is bad.
func decodeVISCII(b []byte) (string, int) {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(visciiTable[c])
	}
	return sb.String(), 0
}

// ---- TCVN3 (TCVN 5712:1993 VN3, the ABC ".VnTime" fonts) ----

// tcvn3High maps bytes 0xA0..0xFF. VN3 gives the lower-case toned vowels
// their own bytes and has only seven capitals (Ă Â Ê Ô Ơ Ư Đ); the other
// capitals are written with the lower-case bytes in an "H" font such as
// .VnTimeH. Positions VN3 leaves free hold the VN1 capitals (TCVN5712-1),
// which some converters emit; checked against glibc's TCVN5712-1.
var tcvn3High = [96]rune{
	0xA0, 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', // A0
	'\u0300', '\u0309', '\u0303', '\u0301', '\u0323', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ', // B0
	'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', // C0
	'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', // D0
	'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // E0
	'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố', // F0
}

// cp1252High is Windows-1252 for 0x80..0x9F; undefined bytes map to
// utf8.RuneError. Legacy Vietnamese fonts were ANSI fonts, so their
// punctuation (curly quotes, dashes) sits here.
var cp1252High = [32]rune{
	'€', utf8.RuneError, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', utf8.RuneError, 'Ž', utf8.RuneError,
	utf8.RuneError, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', utf8.RuneError, 'ž', 'Ÿ',
}

// cp1252Rune decodes one byte as Windows-1252.
func cp1252Rune(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		return cp1252High[c-0x80]
	}
	return rune(c)
}

// decodeTCVN3 decodes TCVN3 text. Words whose ASCII letters are all capitals
// get their lower-case-coded vowels upper-cased, which undoes the H-font
// convention for headings such as "NGHÞ QUYÕT".
func decodeTCVN3(b []byte) (string, int) {
	rs, bad := tcvn3Runes(b)
	upcaseHFontWords(rs)
	return string(rs), bad
}

func tcvn3Runes(b []byte) ([]rune, int) {
	rs := make([]rune, 0, len(b))
	bad := 0
	for _, c := range b {
		var r rune
		switch {
		case c < 0x80:
			r = rune(c)
		case c < 0xA0:
			r = cp1252Rune(c)
			if r == utf8.RuneError {
				bad++
			}
		default:
			r = tcvn3High[c-0xA0]
		}
		rs = append(rs, r)
	}
	return rs, bad
}

// upcaseHFontWords restores capitals that VN3 cannot write. Toned capitals
// come out of VN3 lower case (the ABC "H" fonts draw the lower-case codes as
// capitals), so the case is inferred from the word's ASCII letters:
//   - a word with a capital after its first letter ("NGHÞ", "ñY") is in
//     capitals: all its letters are upper-cased;
//   - a word whose only capital is its first letter ("Sè", "§µ") is in
//     capitals when the nearest judged words on both sides in the same line
//     are ("TP. §µ N½NG"), else left as it is;
//   - a word starting with a toned vowel at the start of the text, of a
//     paragraph or of a sentence gets a capital first letter ("ë").
func upcaseHFontWords(rs []rune) {
	const (
		undecided = iota
		small
		capital
		code
	)
	type word struct {
		start, end, line int32
		kind             uint8
	}
	if len(rs) >= math.MaxInt32 {
		return
	}
	words := make([]word, 0, len(rs)/5+1)
	line := int32(0)
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			if rs[i] == '\n' {
				line++
			}
			i++
			continue
		}
		j := i
		nLower, lateUpper := 0, false
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			switch r := rs[j]; {
			case r >= 'A' && r <= 'Z', r == 'Ă', r == 'Â', r == 'Ê', r == 'Ô', r == 'Ơ', r == 'Ư', r == 'Đ':
				if j > i {
					lateUpper = true
				}
			case r >= 'a' && r <= 'z':
				nLower++
			}
			j++
		}
		kind := undecided
		switch {
		case i > 0 && (rs[i-1] == '-' || rs[i-1] == '/' || rs[i-1] >= '0' && rs[i-1] <= '9'),
			j < len(rs) && rs[j] == '/':
			kind = code // "NQ", "TW" in "25-NQ/TW": says nothing about the line's case
		case nLower > 0:
			kind = small
		case lateUpper:
			kind = capital
		}
		words = append(words, word{start: int32(i), end: int32(j), kind: uint8(kind), line: line})
		i = j
	}
	// The nearest judged word before and after each word in its line,
	// found in one pass each way.
	before := make([]uint8, len(words))
	after := make([]uint8, len(words))
	for k := range words {
		if k > 0 && words[k-1].line == words[k].line {
			if before[k] = words[k-1].kind; before[k] == undecided || before[k] == code {
				before[k] = before[k-1]
			}
		}
	}
	for k := len(words) - 1; k >= 0; k-- {
		if k+1 < len(words) && words[k+1].line == words[k].line {
			if after[k] = words[k+1].kind; after[k] == undecided || after[k] == code {
				after[k] = after[k+1]
			}
		}
	}
	for k, w := range words {
		switch w.kind {
		case capital:
		case undecided:
			// Capitals when the judged words around it in its line are
			// capitals (at least one side; the other may be the line's end).
			b, a := before[k], after[k]
			if b == small || a == small || b != capital && a != capital {
				if sentenceStart(rs, int(w.start)) {
					rs[w.start] = unicode.ToUpper(rs[w.start])
				}
				continue
			}
		default: // small, code
			if sentenceStart(rs, int(w.start)) {
				rs[w.start] = unicode.ToUpper(rs[w.start])
			}
			continue
		}
		for i := w.start; i < w.end; i++ {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
}

// sentenceStart reports whether position i starts the text, a paragraph
// (after a blank line) or a sentence (after ". ", "! ", "? ").
func sentenceStart(rs []rune, i int) bool {
	if v, _, ok := lowerVowel(rs[i]); !ok || v.tone == toneNone {
		return false // ASCII letters and ă â ê ô ơ ư đ carry their own case
	}
	j := i - 1
	newlines := 0
	for j >= 0 && (rs[j] == ' ' || rs[j] == '\t' || rs[j] == '\n' || rs[j] == '\r') {
		if rs[j] == '\n' {
			newlines++
		}
		j--
	}
	if j < 0 || newlines >= 2 {
		return true
	}
	return j < i-1 && (rs[j] == '.' || rs[j] == '!' || rs[j] == '?')
}

// ---- VNI-Windows (the "VNI-Times" fonts) ----

// VNI writes a vowel as its ASCII base letter followed by one byte for the
// modifier and/or tone. Lower- and upper-case mark bytes differ by 0x20 (the
// upper-case ones sit higher above capitals); ơ ư đ and the toned i and ỵ
// have single bytes.
type vniMark struct {
	mod  uint8
	tone uint8
}

// vniMarks maps the lower-case mark bytes; the upper-case byte is b-0x20.
var vniMarks = map[byte]vniMark{
	0xF9: {modNone, toneAcute}, 0xF8: {modNone, toneGrave}, 0xFB: {modNone, toneHook},
	0xF5: {modNone, toneTilde}, 0xEF: {modNone, toneDot},
	0xE2: {modCircumflex, toneNone}, 0xE1: {modCircumflex, toneAcute}, 0xE0: {modCircumflex, toneGrave},
	0xE5: {modCircumflex, toneHook}, 0xE3: {modCircumflex, toneTilde}, 0xE4: {modCircumflex, toneDot},
	0xEA: {modBreve, toneNone}, 0xE9: {modBreve, toneAcute}, 0xE8: {modBreve, toneGrave},
	0xFA: {modBreve, toneHook}, 0xFC: {modBreve, toneTilde}, 0xEB: {modBreve, toneDot},
}

// vniLetters maps the lower-case single-byte letters; the capital is b-0x20.
var vniLetters = map[byte]rune{
	0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ',
	0xED: 'í', 0xEC: 'ì', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị', 0xEE: 'ỵ',
}

// decodeVNI decodes VNI-Windows text. A mark byte that cannot attach to the
// letter before it decodes as its Windows-1252 character and counts as bad.
func decodeVNI(b []byte) (string, int) {
	rs := make([]rune, 0, len(b))
	bad := 0
	for _, c := range b {
		if c < 0x80 {
			rs = append(rs, rune(c))
			continue
		}
		lc := c
		if c >= 0xC0 && c < 0xE0 {
			lc = c + 0x20
		}
		if r, ok := vniLetters[lc]; ok {
			if c != lc {
				r = unicode.ToUpper(r)
			}
			rs = append(rs, r)
			continue
		}
		if m, ok := vniMarks[lc]; ok && len(rs) > 0 {
			if r, ok := attachVNIMark(rs[len(rs)-1], m); ok {
				rs[len(rs)-1] = r
				continue
			}
		}
		r := cp1252Rune(c)
		if r == utf8.RuneError || c >= 0xC0 {
			bad++
		}
		rs = append(rs, r)
	}
	return string(rs), bad
}

// attachVNIMark puts a VNI mark on the previous letter when it can carry it.
func attachVNIMark(prev rune, m vniMark) (rune, bool) {
	v, upper, ok := lowerVowel(prev)
	if !ok {
		return 0, false
	}
	if m.tone != toneNone {
		if v.tone != toneNone {
			return 0, false
		}
		v.tone = m.tone
	}
	if m.mod != modNone {
		if v.mod != modNone {
			return 0, false
		}
		v.mod = m.mod
	}
	return composeVowel(v, upper)
}

// ---- CP1258 ----

// decodeCP1258 decodes Windows-1258, which writes most tones as combining
// marks after the letter; the caller normalizes to NFC.
func decodeCP1258(b []byte) (string, int) {
	out, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err != nil {
		return "", len(b)
	}
	s := string(out)
	return s, strings.Count(s, "\uFFFD")
}

// decodeCP1252 decodes Windows-1252 (a superset of Latin-1's printable part).
func decodeCP1252(b []byte) (string, int) {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	bad := 0
	for _, c := range b {
		r := cp1252Rune(c)
		if r == utf8.RuneError {
			bad++
		}
		sb.WriteRune(r)
	}
	return sb.String(), bad
}

// cp1252Encode turns text back into the bytes it was decoded from when a
// program showed legacy bytes as Windows-1252 or Latin-1 (the usual way
// TCVN3 or VNI text ends up as mojibake inside UTF-8). ok is false when a
// rune has no byte.
func cp1252Encode(s string) ([]byte, bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x100:
			out = append(out, byte(r))
		default:
			b, ok := cp1252Reverse[r]
			if !ok {
				return nil, false
			}
			out = append(out, b)
		}
	}
	return out, true
}

// cp1252Reverse maps the Windows-1252 characters outside Latin-1 to bytes.
var cp1252Reverse = func() map[rune]byte {
	m := map[rune]byte{}
	for i, r := range cp1252High {
		if r != utf8.RuneError {
			m[r] = byte(0x80 + i)
		}
	}
	return m
}()

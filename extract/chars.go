package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Character classes of the number grammar. Everything that can stand in a
// document number is mapped to one of them, so "218–QÐ /TW" (en dash, Eth,
// space) reads exactly like "218-QĐ/TW".
const (
	cOther = iota
	cDigit
	cLetter // ASCII letter, Đ (and its look-alikes), Ư (an OCR slip for U)
	cDash
	cSlash
	cSpace
	cNewline
)

// numRune maps one rune of a candidate number to its canonical rune and
// class: look-alike letters (Cyrillic, Greek, full-width, Icelandic Eth) to
// ASCII or Đ, every dash to '-', every slash to '/'.
func numRune(r rune) (rune, int) {
	if r >= 0 && r < utf8.RuneSelf {
		return r, int(asciiNumClass[r]) // ASCII maps to itself
	}
	switch {
	case r >= '0' && r <= '9':
		return r, cDigit
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return r, cLetter
	case r == '-':
		return '-', cDash
	case r == '/':
		return '/', cSlash
	case r == ' ', r == '\t', r == 0xA0, r == 0x202F, r == 0x2009:
		return ' ', cSpace
	case r == '\n', r == '\r':
		return '\n', cNewline
	case r == 'Đ', r == 'đ', r == 'Ð', r == 'ð', r == 'Ɖ', r == 'ɖ':
		return 'Đ', cLetter
	case r == 'Ư', r == 'ư':
		return 'Ư', cLetter
	case r == 0x2010, r == 0x2011, r == 0x2012, r == 0x2013, r == 0x2014, r == 0x2212, r == 0xFE63, r == 0xFF0D:
		return '-', cDash
	case r == 0x2215, r == 0x2044, r == 0xFF0F:
		return '/', cSlash
	case r >= 0xFF10 && r <= 0xFF19:
		return r - 0xFF10 + '0', cDigit
	case r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return r - 0xFEE0, cLetter
	}
	if r < 0x370 || r > 0x52F {
		return r, cOther // no Greek or Cyrillic look-alike: no map lookup
	}
	if a, ok := lookalike[r]; ok {
		return a, cLetter
	}
	return r, cOther
}

// asciiNumClass is the class numRune gives each ASCII byte.
var asciiNumClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = cDigit
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
			t[c] = cLetter
		case c == '-':
			t[c] = cDash
		case c == '/':
			t[c] = cSlash
		case c == ' ', c == '\t':
			t[c] = cSpace
		case c == '\n', c == '\r':
			t[c] = cNewline
		}
	}
	return t
}()

// lookalike maps Cyrillic and Greek capitals (and a few small letters) that
// look like Latin letters, as met in OCR'd and copy-pasted text.
var lookalike = map[rune]rune{
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'І': 'I', 'Ј': 'J', 'К': 'K', 'М': 'M',
	'О': 'O', 'Р': 'P', 'Ѕ': 'S', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ԁ': 'd',
	'а': 'a', 'с': 'c', 'е': 'e', 'і': 'i', 'ј': 'j', 'о': 'o', 'р': 'p', 'ѕ': 's', 'х': 'x', 'у': 'y',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
	'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o',
}

// upperNum upper-cases a canonical number letter.
func upperNum(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 32
	}
	return r
}

// foldLatin and foldExt map the Latin letters Vietnamese uses (U+00C0–
// U+024F and U+1E00–U+1EFF) to their base ASCII letter in lower case
// ("Ế" → 'e', "đ" → 'd'), 0 where there is none; built once from the
// Unicode decompositions, read-only afterwards.
var foldLatin, foldExt = func() (lat [0x190]byte, ext [0x100]byte) {
	base := func(r rune) byte {
		d := norm.NFD.String(string(r))
		b, _ := utf8.DecodeRuneInString(d)
		b = unicode.ToLower(b)
		if b >= 'a' && b <= 'z' {
			return byte(b)
		}
		return 0
	}
	for r := rune(0xC0); r <= 0x24F; r++ {
		lat[r-0xC0] = base(r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		ext[r-0x1E00] = base(r)
	}
	lat['đ'-0xC0], lat['Đ'-0xC0], lat['Ð'-0xC0], lat['ð'-0xC0] = 'd', 'd', 'd', 'd'
	return lat, ext
}()

// lowerLatin holds unicode.ToLower of U+0000–U+024F and lowerExt of
// U+1E00–U+1EFF (the runes of Vietnamese text), read-only after init.
var lowerLatin, lowerExt = func() (lat [0x250]rune, ext [0x100]rune) {
	for r := rune(0); r < 0x250; r++ {
		lat[r] = unicode.ToLower(r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		ext[r-0x1E00] = unicode.ToLower(r)
	}
	return lat, ext
}()

// lowerRune is unicode.ToLower with a table for Vietnamese letters.
func lowerRune(r rune) rune {
	switch {
	case r >= 0 && r < 0x250:
		return lowerLatin[r]
	case r >= 0x1E00 && r <= 0x1EFF:
		return lowerExt[r-0x1E00]
	}
	return unicode.ToLower(r)
}

// foldRune returns the lower-case ASCII base of a Latin letter, or the
// lower-cased rune itself.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	case r >= 0xC0 && r <= 0x24F:
		if b := foldLatin[r-0xC0]; b != 0 {
			return rune(b)
		}
	case r >= 0x1E00 && r <= 0x1EFF:
		if b := foldExt[r-0x1E00]; b != 0 {
			return rune(b)
		}
	}
	return unicode.ToLower(r)
}

// isWordRune reports whether r belongs to a word (letters and digits).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	// Fast paths for the Latin letters Vietnamese uses.
	switch {
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x1E00 && r <= 0x1EFF, r >= 0x300 && r <= 0x36F:
		return true
	case r >= 0x2000 && r <= 0x206F:
		return false // punctuation: dashes, quotes, ellipsis
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isSpaceAt reports whether a whitespace rune (ASCII or no-break space)
// starts at b[i], and its size.
func isSpaceAt(b []byte, i int) (bool, int) {
	if i >= len(b) {
		return false, 0
	}
	c := b[i]
	if isSpaceByte(c) {
		return true, 1
	}
	if c == 0xC2 && i+1 < len(b) && b[i+1] == 0xA0 {
		return true, 2
	}
	return false, 0
}

// The fast NFC check (scanTriggers with checkNFC) accepts a text only
// when it is certainly valid UTF-8 in NFC, looking only at bytes: ASCII,
// two-byte runes below U+0300 (Latin-1, Latin Extended, IPA; not the
// Icelandic Eth, which the slow path repairs), Latin Extended Additional
// (U+1E00–U+1EFF, where all precomposed Vietnamese vowels live) and the
// common punctuation of U+2010–U+206F are all stable under NFC. Anything
// else sends the caller to the full check. Eight bytes are checked at a
// time (nfcWindow); a window that holds anything but those runes, well
// formed, is read again rune by rune (nfcRune).

// cutRuneStart returns the start of the multi-byte rune that begins at
// most three bytes before i, the one a window ending at i may have cut; i
// when the byte before i ends a rune or is ASCII.
func cutRuneStart(b []byte, i int) int {
	k := i - 1
	for k > 0 && k > i-3 && b[k]&0xC0 == 0x80 {
		k--
	}
	if k >= 0 && b[k] >= 0xC0 {
		return k
	}
	return i
}

// nfcWindow checks the eight bytes w, given the words p1 and p2 that start
// one and two bytes earlier (their byte k is the byte before and two
// before w's byte k): every continuation byte follows a lead byte of a
// rune the fast NFC check accepts, and every lead byte is followed by its
// continuation bytes (those past the window are checked with the next).
// U+2010–U+206F (E2 ..) is left to nfcRune.
func nfcWindow(w, p1, p2 uint64) bool {
	hi := w & swarHighs
	if hi == 0 && p1&swarHighs == 0 {
		return true // ASCII
	}
	lead := atLeast(w, 0xC0)
	cont := hi &^ lead
	e1 := eqMask(w, 0xE1)
	// One test of four masks of bytes in the wrong place (no branch per
	// rule): continuation bytes are exactly those after a lead byte, and
	// after the lead byte of a three-byte rune two bytes back; lead bytes
	// are C2–CB or E1; E1 is followed by B8–BB (U+1E00–U+1EFF); C3 not by
	// 90 or B0 (Ð, ð).
	bad := cont ^ (atLeast(p1, 0xC0) | atLeast(p2, 0xE0))
	bad |= lead &^ (atLeast(w, 0xC2) &^ atLeast(w, 0xCC)) &^ e1
	bad |= eqMask(p1, 0xE1) &^ eqMask(w&(swarOnes*0xFC), 0xB8)
	bad |= eqMask(p1, 0xC3) & eqMask(w&^(swarOnes*0x20), 0x90)
	return bad == 0
}

// nfcRune checks the rune at b[i] for the fast NFC check: its size, and false when
// it is malformed or may not be NFC.
func nfcRune(b []byte, i int) (int, bool) {
	n := len(b)
	cont := func(k int) bool { return k < n && b[k]&0xC0 == 0x80 }
	switch c := b[i]; {
	case c < 0x80:
		return 1, true
	case c >= 0xC2 && c <= 0xCB:
		if !cont(i+1) || c == 0xC3 && (b[i+1] == 0x90 || b[i+1] == 0xB0) {
			return 0, false // Icelandic Eth for Đ: repaired by the slow path
		}
		return 2, true
	case c == 0xE1:
		// Latin Extended Additional: the precomposed Vietnamese vowels.
		if i+2 < n && b[i+1] >= 0xB8 && b[i+1] <= 0xBB && cont(i+2) {
			return 3, true
		}
	case c == 0xE2:
		if i+2 < n && (b[i+1] == 0x80 && b[i+2] >= 0x90 && b[i+2] <= 0xBF || b[i+1] == 0x81 && b[i+2] >= 0x80 && b[i+2] <= 0xAF) {
			return 3, true
		}
	}
	return 0, false
}

// decodeRune is utf8.DecodeRune with the two- and three-byte runes of
// Vietnamese text decoded inline (the standard one does only ASCII so).
func decodeRune(p []byte) (rune, int) {
	if len(p) >= 2 {
		c := p[0]
		if c < utf8.RuneSelf {
			return rune(c), 1
		}
		if c >= 0xC2 && c < 0xE0 && p[1]&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(p[1]&0x3F), 2
		}
		if len(p) >= 3 && (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && p[1]&0xC0 == 0x80 && p[2]&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F), 3
		}
	}
	return utf8.DecodeRune(p)
}

// decodeRuneString is decodeRune of a string.
func decodeRuneString(p string) (rune, int) {
	if len(p) >= 2 {
		c := p[0]
		if c < utf8.RuneSelf {
			return rune(c), 1
		}
		if c >= 0xC2 && c < 0xE0 && p[1]&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(p[1]&0x3F), 2
		}
		if len(p) >= 3 && (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && p[1]&0xC0 == 0x80 && p[2]&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(p)
}

// decodeLastRune is utf8.DecodeLastRune with the same fast paths.
func decodeLastRune(p []byte) (rune, int) {
	n := len(p)
	if n >= 2 {
		c := p[n-1]
		if c < utf8.RuneSelf {
			return rune(c), 1
		}
		if c&0xC0 == 0x80 {
			if l := p[n-2]; l >= 0xC2 && l < 0xE0 {
				return rune(l&0x1F)<<6 | rune(c&0x3F), 2
			}
			if n >= 3 && p[n-2]&0xC0 == 0x80 {
				if l := p[n-3]; l >= 0xE1 && l <= 0xEC || l == 0xEE || l == 0xEF {
					return rune(l&0x0F)<<12 | rune(p[n-2]&0x3F)<<6 | rune(c&0x3F), 3
				}
			}
		}
	}
	return utf8.DecodeLastRune(p)
}

// upperLatin and lowerLatinOK are unicode.IsUpper and unicode.IsLower of
// U+0000–U+024F, upperExt and lowerExtOK of U+1E00–U+1EFF.
var upperLatin, lowerLatinOK, upperExt, lowerExtOK = func() (ul, ll [0x250]bool, ue, le [0x100]bool) {
	for r := rune(0); r < 0x250; r++ {
		ul[r], ll[r] = unicode.IsUpper(r), unicode.IsLower(r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		ue[r-0x1E00], le[r-0x1E00] = unicode.IsUpper(r), unicode.IsLower(r)
	}
	return
}()

// isUpperRune is unicode.IsUpper with a table for Vietnamese letters.
func isUpperRune(r rune) bool {
	switch {
	case r >= 0 && r < 0x250:
		return upperLatin[r]
	case r >= 0x1E00 && r <= 0x1EFF:
		return upperExt[r-0x1E00]
	}
	return unicode.IsUpper(r)
}

// isLowerRune is unicode.IsLower with a table for Vietnamese letters.
func isLowerRune(r rune) bool {
	switch {
	case r >= 0 && r < 0x250:
		return lowerLatinOK[r]
	case r >= 0x1E00 && r <= 0x1EFF:
		return lowerExtOK[r-0x1E00]
	}
	return unicode.IsLower(r)
}

// isMn is unicode.Is(unicode.Mn, r) without the table search for the
// letters of Vietnamese text.
func isMn(r rune) bool {
	switch {
	case r < 0x300:
		return false
	case r <= 0x36F:
		return true
	case r >= 0x1E00 && r <= 0x1EFF:
		return false
	}
	return unicode.Is(unicode.Mn, r)
}

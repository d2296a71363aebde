package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold returns s without diacritics, in lower case, with "đ" → "d" and runs
// of spaces collapsed: the form place and body names are compared in, which
// also makes tone-mark placement ("Thuỷ"/"Thủy") irrelevant.
func fold(s string) string {
	if isASCII(s) {
		return strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ' || r == 'Ð':
			r = 'd'
		case unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), " ")
}

// slug is fold with every run of characters other than letters and digits
// turned into one "-": "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau",
// "25-NQ/TW" → "25-nq-tw".
func slug(s string) string {
	f := fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// telex spells s in lower-case ASCII keeping every Vietnamese mark, the way
// Telex typing does ("Thạnh" → "thanhj", "Hương Thủy" and "Hương Thuỷ" →
// "huwowng thuyr"): names that differ only in marks stay apart, and the
// placement of a tone mark does not matter.
func telex(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(norm.NFD.String(s)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		tone := byte(0)
		var last rune
		for _, r := range w {
			switch r {
			case '\u0300':
				tone = 'f'
			case '\u0301':
				tone = 's'
			case '\u0309':
				tone = 'r'
			case '\u0303':
				tone = 'x'
			case '\u0323':
				tone = 'j'
			case '\u0302': // circumflex: â ê ô
				b.WriteRune(last)
			case '\u0306', '\u031B': // breve ă, horn ơ ư
				b.WriteByte('w')
			case 'đ', 'Đ', 'Ð':
				b.WriteString("dd")
				last = 'd'
			default:
				if unicode.Is(unicode.Mn, r) {
					continue
				}
				last = unicode.ToLower(r)
				b.WriteRune(last)
			}
		}
		if tone != 0 {
			b.WriteByte(tone)
		}
	}
	return b.String()
}

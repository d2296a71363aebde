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

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
	if f, ok := foldFast(s); ok {
		return f
	}
	return foldSlow(s)
}

// foldFast is fold for text of ASCII and precomposed letters only (nearly
// every word it is called on), without NFD: text already folded is
// returned as is, without allocating. ok is false for anything else
// (combining marks, other scripts, other spaces).
func foldFast(s string) (string, bool) {
	same := true
	prevSpace := true // a leading space changes s
	for _, r := range s {
		switch {
		case r >= 0x80:
			if _, ok := foldLetters[r]; !ok {
				return "", false
			}
			same, prevSpace = false, false
		case r == ' ':
			if prevSpace {
				same = false
			}
			prevSpace = true
		case asciiSpace(byte(r)) || ('A' <= r && r <= 'Z'):
			same, prevSpace = false, false
		default:
			prevSpace = false
		}
	}
	if same && !(prevSpace && s != "") {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		c := byte(r)
		if r >= 0x80 {
			c = foldLetters[r]
		} else if asciiSpace(c) {
			if !space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = true
			continue
		} else if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		space = false
		b = append(b, c)
	}
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b), true
}

// asciiSpace reports what unicode.IsSpace reports for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || ('\t' <= c && c <= '\r')
}

// foldLetters maps each precomposed Latin letter whose fold is one ASCII
// letter (all the Vietnamese ones) to it; generated from foldSlow.
var foldLetters = map[rune]byte{
	'À': 'a', 'Á': 'a', 'Â': 'a', 'Ã': 'a', 'Ä': 'a', 'Å': 'a',
	'Ç': 'c', 'È': 'e', 'É': 'e', 'Ê': 'e', 'Ë': 'e', 'Ì': 'i',
	'Í': 'i', 'Î': 'i', 'Ï': 'i', 'Ð': 'd', 'Ñ': 'n', 'Ò': 'o',
	'Ó': 'o', 'Ô': 'o', 'Õ': 'o', 'Ö': 'o', 'Ù': 'u', 'Ú': 'u',
	'Û': 'u', 'Ü': 'u', 'Ý': 'y', 'à': 'a', 'á': 'a', 'â': 'a',
	'ã': 'a', 'ä': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e',
	'ê': 'e', 'ë': 'e', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i',
	'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
	'Ā': 'a', 'ā': 'a', 'Ă': 'a', 'ă': 'a', 'Ą': 'a', 'ą': 'a',
	'Ć': 'c', 'ć': 'c', 'Ĉ': 'c', 'ĉ': 'c', 'Ċ': 'c', 'ċ': 'c',
	'Č': 'c', 'č': 'c', 'Ď': 'd', 'ď': 'd', 'Đ': 'd', 'đ': 'd',
	'Ē': 'e', 'ē': 'e', 'Ĕ': 'e', 'ĕ': 'e', 'Ė': 'e', 'ė': 'e',
	'Ę': 'e', 'ę': 'e', 'Ě': 'e', 'ě': 'e', 'Ĝ': 'g', 'ĝ': 'g',
	'Ğ': 'g', 'ğ': 'g', 'Ġ': 'g', 'ġ': 'g', 'Ģ': 'g', 'ģ': 'g',
	'Ĥ': 'h', 'ĥ': 'h', 'Ĩ': 'i', 'ĩ': 'i', 'Ī': 'i', 'ī': 'i',
	'Ĭ': 'i', 'ĭ': 'i', 'Į': 'i', 'į': 'i', 'İ': 'i', 'Ĵ': 'j',
	'ĵ': 'j', 'Ķ': 'k', 'ķ': 'k', 'Ĺ': 'l', 'ĺ': 'l', 'Ļ': 'l',
	'ļ': 'l', 'Ľ': 'l', 'ľ': 'l', 'Ń': 'n', 'ń': 'n', 'Ņ': 'n',
	'ņ': 'n', 'Ň': 'n', 'ň': 'n', 'Ō': 'o', 'ō': 'o', 'Ŏ': 'o',
	'ŏ': 'o', 'Ő': 'o', 'ő': 'o', 'Ŕ': 'r', 'ŕ': 'r', 'Ŗ': 'r',
	'ŗ': 'r', 'Ř': 'r', 'ř': 'r', 'Ś': 's', 'ś': 's', 'Ŝ': 's',
	'ŝ': 's', 'Ş': 's', 'ş': 's', 'Š': 's', 'š': 's', 'Ţ': 't',
	'ţ': 't', 'Ť': 't', 'ť': 't', 'Ũ': 'u', 'ũ': 'u', 'Ū': 'u',
	'ū': 'u', 'Ŭ': 'u', 'ŭ': 'u', 'Ů': 'u', 'ů': 'u', 'Ű': 'u',
	'ű': 'u', 'Ų': 'u', 'ų': 'u', 'Ŵ': 'w', 'ŵ': 'w', 'Ŷ': 'y',
	'ŷ': 'y', 'Ÿ': 'y', 'Ź': 'z', 'ź': 'z', 'Ż': 'z', 'ż': 'z',
	'Ž': 'z', 'ž': 'z', 'Ơ': 'o', 'ơ': 'o', 'Ư': 'u', 'ư': 'u',
	'Ǎ': 'a', 'ǎ': 'a', 'Ǐ': 'i', 'ǐ': 'i', 'Ǒ': 'o', 'ǒ': 'o',
	'Ǔ': 'u', 'ǔ': 'u', 'Ǖ': 'u', 'ǖ': 'u', 'Ǘ': 'u', 'ǘ': 'u',
	'Ǚ': 'u', 'ǚ': 'u', 'Ǜ': 'u', 'ǜ': 'u', 'Ǟ': 'a', 'ǟ': 'a',
	'Ǡ': 'a', 'ǡ': 'a', 'Ǧ': 'g', 'ǧ': 'g', 'Ǩ': 'k', 'ǩ': 'k',
	'Ǫ': 'o', 'ǫ': 'o', 'Ǭ': 'o', 'ǭ': 'o', 'ǰ': 'j', 'Ǵ': 'g',
	'ǵ': 'g', 'Ǹ': 'n', 'ǹ': 'n', 'Ǻ': 'a', 'ǻ': 'a', 'Ȁ': 'a',
	'ȁ': 'a', 'Ȃ': 'a', 'ȃ': 'a', 'Ȅ': 'e', 'ȅ': 'e', 'Ȇ': 'e',
	'ȇ': 'e', 'Ȉ': 'i', 'ȉ': 'i', 'Ȋ': 'i', 'ȋ': 'i', 'Ȍ': 'o',
	'ȍ': 'o', 'Ȏ': 'o', 'ȏ': 'o', 'Ȑ': 'r', 'ȑ': 'r', 'Ȓ': 'r',
	'ȓ': 'r', 'Ȕ': 'u', 'ȕ': 'u', 'Ȗ': 'u', 'ȗ': 'u', 'Ș': 's',
	'ș': 's', 'Ț': 't', 'ț': 't', 'Ȟ': 'h', 'ȟ': 'h', 'Ȧ': 'a',
	'ȧ': 'a', 'Ȩ': 'e', 'ȩ': 'e', 'Ȫ': 'o', 'ȫ': 'o', 'Ȭ': 'o',
	'ȭ': 'o', 'Ȯ': 'o', 'ȯ': 'o', 'Ȱ': 'o', 'ȱ': 'o', 'Ȳ': 'y',
	'ȳ': 'y', 'Ḁ': 'a', 'ḁ': 'a', 'Ḃ': 'b', 'ḃ': 'b', 'Ḅ': 'b',
	'ḅ': 'b', 'Ḇ': 'b', 'ḇ': 'b', 'Ḉ': 'c', 'ḉ': 'c', 'Ḋ': 'd',
	'ḋ': 'd', 'Ḍ': 'd', 'ḍ': 'd', 'Ḏ': 'd', 'ḏ': 'd', 'Ḑ': 'd',
	'ḑ': 'd', 'Ḓ': 'd', 'ḓ': 'd', 'Ḕ': 'e', 'ḕ': 'e', 'Ḗ': 'e',
	'ḗ': 'e', 'Ḙ': 'e', 'ḙ': 'e', 'Ḛ': 'e', 'ḛ': 'e', 'Ḝ': 'e',
	'ḝ': 'e', 'Ḟ': 'f', 'ḟ': 'f', 'Ḡ': 'g', 'ḡ': 'g', 'Ḣ': 'h',
	'ḣ': 'h', 'Ḥ': 'h', 'ḥ': 'h', 'Ḧ': 'h', 'ḧ': 'h', 'Ḩ': 'h',
	'ḩ': 'h', 'Ḫ': 'h', 'ḫ': 'h', 'Ḭ': 'i', 'ḭ': 'i', 'Ḯ': 'i',
	'ḯ': 'i', 'Ḱ': 'k', 'ḱ': 'k', 'Ḳ': 'k', 'ḳ': 'k', 'Ḵ': 'k',
	'ḵ': 'k', 'Ḷ': 'l', 'ḷ': 'l', 'Ḹ': 'l', 'ḹ': 'l', 'Ḻ': 'l',
	'ḻ': 'l', 'Ḽ': 'l', 'ḽ': 'l', 'Ḿ': 'm', 'ḿ': 'm', 'Ṁ': 'm',
	'ṁ': 'm', 'Ṃ': 'm', 'ṃ': 'm', 'Ṅ': 'n', 'ṅ': 'n', 'Ṇ': 'n',
	'ṇ': 'n', 'Ṉ': 'n', 'ṉ': 'n', 'Ṋ': 'n', 'ṋ': 'n', 'Ṍ': 'o',
	'ṍ': 'o', 'Ṏ': 'o', 'ṏ': 'o', 'Ṑ': 'o', 'ṑ': 'o', 'Ṓ': 'o',
	'ṓ': 'o', 'Ṕ': 'p', 'ṕ': 'p', 'Ṗ': 'p', 'ṗ': 'p', 'Ṙ': 'r',
	'ṙ': 'r', 'Ṛ': 'r', 'ṛ': 'r', 'Ṝ': 'r', 'ṝ': 'r', 'Ṟ': 'r',
	'ṟ': 'r', 'Ṡ': 's', 'ṡ': 's', 'Ṣ': 's', 'ṣ': 's', 'Ṥ': 's',
	'ṥ': 's', 'Ṧ': 's', 'ṧ': 's', 'Ṩ': 's', 'ṩ': 's', 'Ṫ': 't',
	'ṫ': 't', 'Ṭ': 't', 'ṭ': 't', 'Ṯ': 't', 'ṯ': 't', 'Ṱ': 't',
	'ṱ': 't', 'Ṳ': 'u', 'ṳ': 'u', 'Ṵ': 'u', 'ṵ': 'u', 'Ṷ': 'u',
	'ṷ': 'u', 'Ṹ': 'u', 'ṹ': 'u', 'Ṻ': 'u', 'ṻ': 'u', 'Ṽ': 'v',
	'ṽ': 'v', 'Ṿ': 'v', 'ṿ': 'v', 'Ẁ': 'w', 'ẁ': 'w', 'Ẃ': 'w',
	'ẃ': 'w', 'Ẅ': 'w', 'ẅ': 'w', 'Ẇ': 'w', 'ẇ': 'w', 'Ẉ': 'w',
	'ẉ': 'w', 'Ẋ': 'x', 'ẋ': 'x', 'Ẍ': 'x', 'ẍ': 'x', 'Ẏ': 'y',
	'ẏ': 'y', 'Ẑ': 'z', 'ẑ': 'z', 'Ẓ': 'z', 'ẓ': 'z', 'Ẕ': 'z',
	'ẕ': 'z', 'ẖ': 'h', 'ẗ': 't', 'ẘ': 'w', 'ẙ': 'y', 'Ạ': 'a',
	'ạ': 'a', 'Ả': 'a', 'ả': 'a', 'Ấ': 'a', 'ấ': 'a', 'Ầ': 'a',
	'ầ': 'a', 'Ẩ': 'a', 'ẩ': 'a', 'Ẫ': 'a', 'ẫ': 'a', 'Ậ': 'a',
	'ậ': 'a', 'Ắ': 'a', 'ắ': 'a', 'Ằ': 'a', 'ằ': 'a', 'Ẳ': 'a',
	'ẳ': 'a', 'Ẵ': 'a', 'ẵ': 'a', 'Ặ': 'a', 'ặ': 'a', 'Ẹ': 'e',
	'ẹ': 'e', 'Ẻ': 'e', 'ẻ': 'e', 'Ẽ': 'e', 'ẽ': 'e', 'Ế': 'e',
	'ế': 'e', 'Ề': 'e', 'ề': 'e', 'Ể': 'e', 'ể': 'e', 'Ễ': 'e',
	'ễ': 'e', 'Ệ': 'e', 'ệ': 'e', 'Ỉ': 'i', 'ỉ': 'i', 'Ị': 'i',
	'ị': 'i', 'Ọ': 'o', 'ọ': 'o', 'Ỏ': 'o', 'ỏ': 'o', 'Ố': 'o',
	'ố': 'o', 'Ồ': 'o', 'ồ': 'o', 'Ổ': 'o', 'ổ': 'o', 'Ỗ': 'o',
	'ỗ': 'o', 'Ộ': 'o', 'ộ': 'o', 'Ớ': 'o', 'ớ': 'o', 'Ờ': 'o',
	'ờ': 'o', 'Ở': 'o', 'ở': 'o', 'Ỡ': 'o', 'ỡ': 'o', 'Ợ': 'o',
	'ợ': 'o', 'Ụ': 'u', 'ụ': 'u', 'Ủ': 'u', 'ủ': 'u', 'Ứ': 'u',
	'ứ': 'u', 'Ừ': 'u', 'ừ': 'u', 'Ử': 'u', 'ử': 'u', 'Ữ': 'u',
	'ữ': 'u', 'Ự': 'u', 'ự': 'u', 'Ỳ': 'y', 'ỳ': 'y', 'Ỵ': 'y',
	'ỵ': 'y', 'Ỷ': 'y', 'ỷ': 'y', 'Ỹ': 'y', 'ỹ': 'y',
}

// foldSlow is fold by NFD for any text.
func foldSlow(s string) string {
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

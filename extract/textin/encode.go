package textin

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encode writes text in one of the legacy encodings Decode reads (EncTCVN3,
// EncVNI, EncVISCII, EncCP1258, EncUTF16LE, EncUTF16BE, EncUTF8). It exists
// so tests and synthetic corpora can produce the files real archives hold.
// TCVN3 has no toned capitals: like the ABC "H" fonts it writes them with
// the lower-case bytes, and Decode upper-cases words written in capitals.
// A character the encoding lacks is an error.
func Encode(text, encoding string) ([]byte, error) {
	text = norm.NFC.String(text)
	switch encoding {
	case EncUTF8:
		return []byte(text), nil
	case EncUTF16LE, EncUTF16BE:
		return encodeUTF16(text, encoding == EncUTF16BE), nil
	case EncVISCII:
		return encodeTable(text, visciiReverse, EncVISCII)
	case EncTCVN3:
		return encodeTCVN3(text)
	case EncVNI:
		return encodeVNI(text)
	case EncCP1258:
		return encodeCP1258(text)
	}
	return nil, fmt.Errorf("textin: encode: unknown encoding %q", encoding)
}

func encodeUTF16(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, r := range s {
		var units []rune
		if r >= 0x10000 {
			r -= 0x10000
			units = []rune{0xD800 + r>>10, 0xDC00 + r&0x3FF}
		} else {
			units = []rune{r}
		}
		for _, u := range units {
			if bigEndian {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
	}
	return out
}

// visciiReverse maps runes to VISCII bytes.
var visciiReverse = func() map[rune]byte {
	m := map[rune]byte{}
	for i := 255; i >= 0; i-- {
		m[visciiTable[i]] = byte(i)
	}
	return m
}()

func encodeTable(s string, table map[rune]byte, name string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := table[r]
		if !ok {
			return nil, fmt.Errorf("textin: encode: %q has no %s byte", r, name)
		}
		out = append(out, b)
	}
	return out, nil
}

// tcvn3Reverse maps lower-case letters and the seven VN3 capitals to bytes;
// VN1-only positions are left out, as ABC software never wrote them.
var tcvn3Reverse = func() map[rune]byte {
	m := map[rune]byte{}
	for i := 0; i < 0x80; i++ {
		m[rune(i)] = byte(i)
	}
	for i, r := range cp1252High {
		if r != 0xFFFD {
			m[r] = byte(0x80 + i)
		}
	}
	for i, r := range tcvn3High {
		if unicode.IsLower(r) || i <= 7 {
			m[r] = byte(0xA0 + i)
		}
	}
	m['ý'] = 0xFD
	return m
}()

func encodeTCVN3(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if b, ok := tcvn3Reverse[r]; ok {
			out = append(out, b)
			continue
		}
		if b, ok := tcvn3Reverse[unicode.ToLower(r)]; ok && unicode.IsUpper(r) {
			out = append(out, b) // the H-font convention
			continue
		}
		return nil, fmt.Errorf("textin: encode: %q has no TCVN3 byte", r)
	}
	return out, nil
}

// vniModByte is the lower-case VNI byte for a (modifier, tone) pair.
var vniModByte = func() map[vniMark]byte {
	m := map[vniMark]byte{}
	for b, mk := range vniMarks {
		m[mk] = b
	}
	return m
}()

func encodeVNI(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)+len(s)/4)
	singles := map[rune]byte{}
	for b, r := range vniLetters {
		singles[r] = b
	}
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		lr := unicode.ToLower(r)
		upper := lr != r
		shift := func(b byte) byte {
			if upper {
				return b - 0x20
			}
			return b
		}
		if b, ok := singles[lr]; ok {
			out = append(out, shift(b))
			continue
		}
		v, _, ok := lowerVowel(r)
		if !ok {
			if b, ok := cp1252Reverse[r]; ok {
				out = append(out, b)
				continue
			}
			if r >= 0xA0 && r < 0xC0 || r == 0xD7 || r == 0xF7 {
				out = append(out, byte(r))
				continue
			}
			return nil, fmt.Errorf("textin: encode: %q has no VNI form", r)
		}
		// ơ and ư (with a tone) start from their single byte.
		base := v.plain
		if upper {
			base = unicode.ToUpper(base)
		}
		mark := vniMark{mod: v.mod, tone: v.tone}
		if v.mod == modHorn {
			hb := singles[vowels.compose[vowel{plain: v.plain, mod: modHorn}]]
			out = append(out, shift(hb))
			mark.mod = modNone
		} else {
			out = append(out, byte(base))
		}
		if mark == (vniMark{}) {
			continue
		}
		b, ok := vniModByte[mark]
		if !ok {
			return nil, fmt.Errorf("textin: encode: %q has no VNI form", r)
		}
		out = append(out, shift(b))
	}
	return out, nil
}

// encodeCP1258 writes Windows-1258 the way Windows does: the letter (with
// its circumflex, breve or horn) then a combining tone mark.
func encodeCP1258(s string) ([]byte, error) {
	toneMarks := []rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}
	var sb strings.Builder
	for _, r := range s {
		v, upper, ok := lowerVowel(r)
		if !ok || v.tone == toneNone {
			sb.WriteRune(r)
			continue
		}
		t := v.tone
		v.tone = toneNone
		base, _ := composeVowel(v, upper)
		sb.WriteRune(base)
		sb.WriteRune(toneMarks[t])
	}
	out, err := charmap.Windows1258.NewEncoder().String(sb.String())
	if err != nil {
		return nil, fmt.Errorf("textin: encode: cp1258: %w", err)
	}
	return []byte(out), nil
}

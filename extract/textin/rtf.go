package textin

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// RTF: the text of the document body. Groups that hold no body text (font
// and colour tables, style sheet, document info, pictures, headers and
// footers, field instructions and every "\*" destination not known to hold
// text) are skipped; \par and \line end lines, \cell and \row lay tables
// out as lines; \uN gives a Unicode character (its ANSI fallback skipped);
// \'hh gives a byte in the document's code page (\ansicpg1258 is CP1258,
// anything else Windows-1252, which the mojibake repair then reads as
// TCVN3 or VNI when the fonts were .VnTime or VNI-Times).

// rtfSkip are destinations without body text.
var rtfSkip = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true, "pict": true,
	"object": true, "header": true, "headerl": true, "headerr": true, "headerf": true,
	"footer": true, "footerl": true, "footerr": true, "footerf": true, "listtable": true,
	"listoverridetable": true, "rsidtbl": true, "generator": true, "xmlnstbl": true,
	"themedata": true, "colorschememapping": true, "datastore": true, "latentstyles": true,
	"pgdsctbl": true, "fldinst": true, "filetbl": true, "revtbl": true, "nonshppict": true,
	"bkmkstart": true, "bkmkend": true, "annotation": true, "atnid": true, "atnauthor": true,
	"template": true, "userprops": true, "docvar": true, "pn": true, "pntext": true,
	"shppict": true, "blipuid": true, "mmathPr": true,
}

// rtfKeep are "\*" destinations that do hold body text.
var rtfKeep = map[string]bool{"fldrslt": true, "shptxt": true}

type rtfState struct {
	skip bool
	uc   int // fallback characters after \uN
}

// decodeRTF extracts the text of an RTF document.
func (o Options) decodeRTF(data []byte) (Text, error) {
	var (
		out      []byte
		pending  []byte // \'hh bytes waiting to be decoded together
		stack    = []rtfState{{uc: 1}}
		skipNext int // fallback characters still to skip after \uN
		cp1258   bool
		escapes  bool // \uN seen
		starGrp  bool // the group just opened with \*
	)
	cur := func() *rtfState { return &stack[len(stack)-1] }
	flush := func() {
		if len(pending) == 0 {
			return
		}
		var s string
		if cp1258 {
			s, _ = decodeCP1258(pending)
		} else {
			s, _ = decodeCP1252(pending)
		}
		out = append(out, s...)
		pending = pending[:0]
	}
	emit := func(s string) {
		if cur().skip {
			return
		}
		flush()
		out = append(out, s...)
	}
	for i := 0; i < len(data); {
		if int64(len(out)) > o.MaxExpanded {
			return Text{}, fmt.Errorf("textin: %w: RTF text past the limit of %d bytes", ErrTooLarge, o.MaxExpanded)
		}
		c := data[i]
		switch c {
		case '{':
			if len(stack) > 1000 {
				return Text{}, fmt.Errorf("textin: %w: RTF nested more than 1000 groups deep", ErrCorrupt)
			}
			stack = append(stack, *cur())
			starGrp = false
			i++
			continue
		case '}':
			flush()
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			skipNext = 0
			i++
			continue
		case '\r', '\n':
			i++
			continue
		case '\\':
		default:
			if skipNext > 0 {
				skipNext--
			} else if !cur().skip {
				if c >= 0x80 {
					pending = append(pending, c)
				} else {
					flush()
					out = append(out, c)
				}
			}
			i++
			continue
		}
		// A control word or symbol.
		i++
		if i >= len(data) {
			break
		}
		c = data[i]
		if !isASCIILetter(c) {
			i++
			switch c {
			case '\'':
				if i+2 <= len(data) {
					b, ok := hexByte(data[i], data[i+1])
					i += 2
					if !ok {
						continue
					}
					if skipNext > 0 {
						skipNext--
						continue
					}
					if !cur().skip {
						pending = append(pending, b)
					}
				}
			case '*':
				starGrp = true
			case '\\', '{', '}':
				if skipNext > 0 {
					skipNext--
					continue
				}
				emit(string(c))
			case '~':
				emit("\u00A0")
			case '_':
				emit("-")
			case '-':
				// Optional hyphen. Writers store a typed U+00AD this way,
				// and in a .VnTime document that byte is "ư": keep it for
				// the repair; finish removes what is left.
				emit("\u00AD")
			}
			continue
		}
		start := i
		for i < len(data) && isASCIILetter(data[i]) {
			i++
		}
		word := string(data[start:i])
		num, hasNum := 0, false
		neg := false
		if i < len(data) && data[i] == '-' {
			neg = true
			i++
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' && num < 1<<24 {
			num = num*10 + int(data[i]-'0')
			hasNum = true
			i++
		}
		if neg {
			num = -num
		}
		if i < len(data) && data[i] == ' ' {
			i++ // the delimiter space belongs to the control word
		}
		if starGrp {
			starGrp = false
			if !rtfKeep[word] {
				cur().skip = true
			}
			continue
		}
		if rtfSkip[word] {
			cur().skip = true
			continue
		}
		switch word {
		case "ansicpg":
			cp1258 = num == 1258
		case "uc":
			if hasNum && num >= 0 && num < 10 {
				cur().uc = num
			}
		case "u":
			if num < 0 {
				num += 65536
			}
			escapes = true
			emit(string(rune(num)))
			skipNext = cur().uc
		case "par", "line", "sect", "page":
			emit("\n")
		case "tab":
			emit("\t")
		case "cell":
			emit(" | ")
		case "row":
			if !cur().skip {
				flush()
				out = bytes.TrimSuffix(out, []byte(" | "))
				out = append(out, '\n')
			}
		case "emdash":
			emit("—")
		case "endash":
			emit("–")
		case "bullet":
			emit("•")
		case "lquote":
			emit("‘")
		case "rquote":
			emit("’")
		case "ldblquote":
			emit("“")
		case "rdblquote":
			emit("”")
		case "bin":
			if num > 0 {
				i += min(num, len(data)-i)
			}
		}
	}
	flush()
	body := string(out)
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	body = cleanText(body)
	enc := EncCP1252
	switch {
	case cp1258:
		enc = EncCP1258
	case escapes:
		enc = "unicode-escapes"
	}
	if fixed, legacy := repairMojibake(body); legacy != "" {
		body, enc = fixed, enc+"+"+legacy
	}
	return documentText(body, FormatRTF, enc, "RTF without text")
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func hexByte(a, b byte) (byte, bool) {
	h, ok1 := hexVal(a)
	l, ok2 := hexVal(b)
	return h<<4 | l, ok1 && ok2
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

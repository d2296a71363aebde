package export

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"
)

// clean makes s safe for every format: invalid UTF-8 becomes U+FFFD, and
// characters XML 1.0 cannot carry (C0 controls other than tab, newline and
// carriage return; U+FFFE, U+FFFF) are dropped, as is DEL. Applying it in
// all formats keeps the same strings in each.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if keepRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether clean would return s unchanged: the common case,
// checked without allocating or decoding runes. The only non-ASCII runes
// clean drops, U+FFFE and U+FFFF, are encoded EF BF BE and EF BF BF.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && (s[i+2] == 0xBE || s[i+2] == 0xBF):
			return false
		}
	}
	return utf8.ValidString(s)
}

// keepRune reports whether r survives clean. utf8.RuneError (from invalid
// input) is kept: it is the replacement character.
func keepRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || r == 0x7f:
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	}
	return true
}

// writeXMLText writes s escaped for XML character data or a double-quoted
// attribute value. Tab, newline and carriage return become character
// references so that attribute-value normalization and line-end handling
// keep them. s must already be clean.
func writeXMLText(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\t':
			esc = "&#9;"
		case '\n':
			esc = "&#10;"
		case '\r':
			esc = "&#13;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// writeDOTString writes s as a double-quoted DOT string meant for a label or
// tooltip. Graphviz reads backslash escapes (\n, \l, \N ...) and HTML
// entities in those, so a backslash is doubled, '"' and '&' are escaped, a
// newline becomes \n (a centred line break) and a carriage return is
// dropped. s must already be clean.
func writeDOTString(w *bufio.Writer, s string) {
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '\\':
			esc = `\\`
		case '"':
			esc = `\"`
		case '&':
			esc = "&amp;"
		case '\n':
			esc = `\n`
		case '\r':
			esc = ""
		case '\t':
			esc = " "
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

// writeDOTID writes s as a double-quoted DOT identifier. Graphviz keeps an
// identifier's characters as they are except \" (a quote), so only '"' is
// escaped; dotSafeID says which ids can be written this way (a backslash
// before the closing quote or a line break would change them).
func writeDOTID(w *bufio.Writer, s string) {
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			w.WriteString(s[last:i])
			w.WriteString(`\"`)
			last = i + 1
		}
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

// dotSafeID reports whether writeDOTID keeps s exactly.
func dotSafeID(s string) bool {
	return !strings.ContainsAny(s, "\\\n\r")
}

// writeInt writes i in decimal without allocating.
func writeInt(w *bufio.Writer, i int) {
	w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(i), 10))
}

// nmtoken turns an id into an XML NMTOKEN (what GraphML requires of node
// ids): ASCII letters, digits and . - _ : stay, every other character
// becomes _xHHHH_ (its code point in hex), as in XmlConvert.EncodeName; an
// underscore that would start such a sequence is itself encoded, so the
// mapping can be reversed. Typical vncite ids come out unchanged; "/"
// becomes _x002F_.
func nmtoken(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if !nameByte(s[i]) || (s[i] == '_' && i+1 < len(s) && s[i+1] == 'x') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && nameByte(byte(r)) && !(r == '_' && i+1 < len(s) && s[i+1] == 'x'):
			b.WriteRune(r)
		case r > 0xFFFF:
			b.WriteString("_x")
			writeHex(&b, uint32(r), 8)
			b.WriteByte('_')
		default:
			b.WriteString("_x")
			writeHex(&b, uint32(r), 4)
			b.WriteByte('_')
		}
	}
	return b.String()
}

func nameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '-' || c == '_' || c == ':'
}

func writeHex(b *strings.Builder, v uint32, digits int) {
	const hex = "0123456789ABCDEF"
	for shift := (digits - 1) * 4; shift >= 0; shift -= 4 {
		b.WriteByte(hex[(v>>uint(shift))&0xF])
	}
}

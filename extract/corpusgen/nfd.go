package corpusgen

import (
	"strings"
	"unicode/utf8"
)

// toNFD returns text in Unicode NFD (Vietnamese letters decomposed into
// base letter and combining marks, as Mac and some PDF sources give them)
// and moves every span of the truth to the NFD text, keeping the NFC
// offsets beside them.
func (r *renderer) toNFD(text []byte) []byte {
	out := make([]byte, 0, len(text)+len(text)/4)
	// at[k] is the NFD offset of NFC offset k (rune starts, and the end).
	at := make([]int32, len(text)+1)
	for k := 0; k < len(text); {
		c, w := utf8.DecodeRune(text[k:])
		for j := range w {
			at[k+j] = int32(len(out))
		}
		if d, ok := nfdTable[c]; ok {
			out = append(out, d...)
		} else {
			out = append(out, text[k:k+w]...)
		}
		k += w
	}
	at[len(text)] = int32(len(out))
	r.moveSpans(func(s *Span) {
		s.NFCStart, s.NFCEnd = s.Start, s.End
		s.Start, s.End = int(at[s.Start]), int(at[s.End])
	})
	return out
}

// toCRLF returns text with "\r\n" line ends and moves every span of the
// truth to it (before any NFD: the NFC offsets are those of the CRLF text).
func (r *renderer) toCRLF(text []byte) []byte {
	out := make([]byte, 0, len(text)+len(text)/40)
	at := make([]int32, len(text)+1)
	for k, c := range text {
		at[k] = int32(len(out))
		if c == '\n' {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	at[len(text)] = int32(len(out))
	r.moveSpans(func(s *Span) { s.Start, s.End = int(at[s.Start]), int(at[s.End]) })
	return out
}

// toUnaccented returns text without diacritics (đ → d, Đ and Ð → D) and
// moves every span of the truth to it.
func (r *renderer) toUnaccented(text []byte) []byte {
	out := make([]byte, 0, len(text))
	at := make([]int32, len(text)+1)
	for k := 0; k < len(text); {
		c, w := utf8.DecodeRune(text[k:])
		for j := range w {
			at[k+j] = int32(len(out))
		}
		switch {
		case c == 'đ':
			out = append(out, 'd')
		case c == 'Đ' || c == '\u00d0':
			out = append(out, 'D')
		default:
			if d, ok := nfdTable[c]; ok {
				out = append(out, d[0]) // the base letter, ASCII for every Vietnamese letter
			} else {
				out = append(out, text[k:k+w]...)
			}
		}
		k += w
	}
	at[len(text)] = int32(len(out))
	r.moveSpans(func(s *Span) { s.Start, s.End = int(at[s.Start]), int(at[s.End]) })
	for k := range r.t.Citations {
		if c := &r.t.Citations[k]; c.Form == FormCanonical && strings.Contains(c.Number, "Đ") {
			c.Form = FormASCIID // "QD/TW": the only spelling an unaccented text has
		}
	}
	return out
}

// moveSpans applies move to every span of the current truth.
func (r *renderer) moveSpans(move func(*Span)) {
	t := r.t
	if t.NumberSpan != nil {
		move(t.NumberSpan)
	}
	for k := range t.Citations {
		move(&t.Citations[k].Span)
	}
	for k := range t.Statements {
		move(&t.Statements[k].Span)
	}
	for k := range t.Named {
		move(&t.Named[k].Span)
	}
	for k := range t.Noise {
		move(&t.Noise[k].Span)
	}
}

// finish fills what is read back from the final text.
func (r *renderer) finish(text []byte) {
	for k := range r.t.Citations {
		c := &r.t.Citations[k]
		c.AsWritten = string(text[c.Start:c.End])
	}
}

// fold lowers s and strips its diacritics ("Đức Trọng" → "duc trong"), for
// matching names whatever their tone placement or normalization.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		if d, ok := nfdTable[c]; ok {
			c, _ = utf8.DecodeRuneInString(d)
		}
		switch {
		case c >= 0x300 && c < 0x370: // combining marks
			continue
		case c == 'đ' || c == 'Đ' || c == '\u00d0':
			c = 'd'
		}
		b.WriteRune(toLowerASCII(c))
	}
	return b.String()
}

func toLowerASCII(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

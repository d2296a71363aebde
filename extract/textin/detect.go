package textin

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding names reported in Text.Encoding and accepted by Encode.
const (
	EncUTF8    = "utf-8"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncTCVN3   = "tcvn3"
	EncVNI     = "vni"
	EncVISCII  = "viscii"
	EncCP1258  = "cp1258"
	EncCP1252  = "windows-1252"
	// encRepairedPrefix starts the Text.Encoding of UTF-8 text that
	// carried legacy text shown as Windows-1252 ("NghÞ quyÕt") and was
	// repaired: "utf-8+tcvn3", "utf-8+vni", "utf-8+cp1258".
	encRepairedPrefix = "utf-8+"
	// encDoubleUTF8 names UTF-8 that was read as Windows-1252 and encoded
	// again ("Nghá»‹"), as in "utf-8+double-utf-8".
	encDoubleUTF8 = "double-utf-8"
)

// legacyDecoder decodes a byte stream; bad counts bytes the encoding does
// not define or cannot place.
type legacyDecoder struct {
	name   string
	decode func([]byte) (string, int)
}

// vietnameseDecoders are the legacy encodings tried on text that is not
// UTF-8, judged by how Vietnamese their output reads.
var vietnameseDecoders = []legacyDecoder{
	{EncTCVN3, decodeTCVN3},
	{EncVNI, decodeVNI},
	{EncVISCII, decodeVISCII},
	{EncCP1258, decodeCP1258},
}

// Detection thresholds. A decoding is accepted when at least minScore of
// its words that contain non-ASCII letters are Vietnamese syllables and it
// beats the runner-up by minMargin; a short text needs all of them right.
const (
	minScore     = 0.80
	minMargin    = 0.10
	fewWords     = 4
	sampleBudget = 256 << 10 // bytes of decoded text scored
)

// score is how Vietnamese a decoded text reads.
type score struct {
	informative int // words with a non-ASCII character
	valid       int // of those, well-formed Vietnamese syllables
	latin       int // of those, words of Latin-1 letters with an ASCII letter (French, German)
}

// net is valid words minus the other informative words.
func (s score) net() int { return 2*s.valid - s.informative }

func (s score) ratio() float64 {
	if s.informative == 0 {
		return 0
	}
	return float64(s.valid) / float64(s.informative)
}

// isWordBreak reports the characters that separate words when scoring.
// Symbols that a wrong decoding produces inside words (® ¨ § µ) are not
// breaks, so they spoil the word they land in.
func isWordBreak(r rune) bool {
	if r < utf8.RuneSelf {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}
	switch r {
	case 0xA0, '“', '”', '‘', '’', '–', '—', '…', '«', '»', '•', '\u2028', '\u2029':
		return true
	}
	return unicode.IsSpace(r)
}

// scoreText scores up to sampleBudget bytes of s (NFC).
func scoreText(s string) score {
	if len(s) > sampleBudget {
		cut := sampleBudget
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	var sc score
	for len(s) > 0 {
		i := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordBreak(r) {
				break
			}
			i += n
		}
		s = s[i:]
		j := 0
		nonASCII := false
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWordBreak(r) {
				break
			}
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			j += n
		}
		w := s[:j]
		s = s[j:]
		if !nonASCII {
			continue
		}
		sc.informative++
		if allLetters(w) && isSyllable(w) {
			sc.valid++
		}
		if latinWord(w) {
			sc.latin++
		}
	}
	return sc
}

func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// latinWord reports a word of letters from Western European languages:
// "système", "à", "Müller", "Straße"; not "quyÕt" (the Vietnamese score
// decides first) nor words with Ð Þ ð þ, which legacy Vietnamese text shown
// as Windows-1252 is full of and Western text almost never has.
func latinWord(w string) bool {
	if symbolWord(w) {
		return true
	}
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf:
		case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7 && r != 0xD0 && r != 0xDE && r != 0xF0 && r != 0xFE,
			r == 'œ', r == 'Œ', r == 'š', r == 'Š', r == 'ž', r == 'Ž', r == 'Ÿ', r == '°', r == 'º', r == 'ª':
		default:
			return false
		}
	}
	return true
}

// symbolWord reports a token made only of Latin-1 signs standing alone
// ("©", "°", "½", "§"): harmless in Western text. Inside a word they are
// the mark of a wrong decoding, and latinWord refuses them.
func symbolWord(w string) bool {
	for _, r := range w {
		if r < 0xA1 || r > 0xBF {
			return false
		}
	}
	return w != ""
}

// garbled reports text that still reads as mojibake: many of its non-ASCII
// words hold symbols or control characters between letters ("quy·t",
// "Ä‘"), which no language writes.
func garbled(s string) bool {
	if len(s) > sampleBudget {
		s = s[:sampleBudget]
	}
	informative, bad := 0, 0
	for _, w := range strings.FieldsFunc(s, isWordBreak) {
		if !hasNonASCIIString(w) {
			continue
		}
		informative++
		for _, r := range w {
			if r == utf8.RuneError || r >= 0x80 && r < 0xA0 || r >= 0xA0 && !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsPunct(r) ||
				r == '¸' || r == '·' || r == '§' || r == '¶' || r == '®' || r == '¨' || r == '©' {
				bad++
				break
			}
		}
	}
	return informative > 0 && bad*10 > informative
}

func hasNonASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// candidate is one decoding of a byte stream.
type candidate struct {
	enc  string
	text string
	sc   score
	bad  int
}

// detectLegacy decodes non-UTF-8 bytes: the Vietnamese legacy encoding whose
// output reads best, else Windows-1252 for Western text, else nothing.
//
// Candidates are judged on a sample (the first sampleBudget bytes, cut at
// white space so no VNI letter is split); only the winner decodes it all.
func detectLegacy(b []byte) (candidate, bool) {
	sample := b
	if len(sample) > sampleBudget {
		cut := bytes.LastIndexAny(sample[:sampleBudget], " \t\n")
		if cut <= 0 {
			cut = sampleBudget
		}
		sample = sample[:cut]
	}
	var (
		best, second candidate
		bestDecode   func([]byte) (string, int)
	)
	for _, d := range vietnameseDecoders {
		s, bad := d.decode(sample)
		s = norm.NFC.String(s)
		c := candidate{enc: d.name, text: s, sc: scoreText(s), bad: bad}
		switch {
		case better(c, best):
			second, best, bestDecode = best, c, d.decode
		case better(c, second):
			second = c
		}
	}
	full := func(c candidate, decode func([]byte) (string, int)) candidate {
		if len(sample) < len(b) {
			s, bad := decode(b)
			c.text, c.bad = norm.NFC.String(s), bad
		}
		return c
	}
	if acceptVietnamese(best, second) {
		return full(best, bestDecode), true
	}
	if best.sc.valid >= 2 && best.sc.ratio() >= 0.5 || best.sc.valid >= 1 && best.sc.ratio() == 1 {
		return candidate{}, false // Vietnamese-looking but ambiguous: refuse, never guess Western
	}
	s, bad := decodeCP1252(sample)
	w := candidate{enc: EncCP1252, text: s, sc: scoreText(s), bad: bad}
	if acceptWestern(w) {
		if w = full(w, decodeCP1252); w.bad == 0 {
			return w, true
		}
	}
	return candidate{}, false
}

// better orders candidates: more valid words, then fewer bad bytes.
func better(a, b candidate) bool {
	if b.enc == "" {
		return true
	}
	if a.sc.ratio() != b.sc.ratio() {
		return a.sc.ratio() > b.sc.ratio()
	}
	return a.bad < b.bad
}

func acceptVietnamese(best, second candidate) bool {
	if best.enc == "" || best.sc.informative == 0 {
		return false
	}
	r := best.sc.ratio()
	if best.sc.informative < fewWords {
		return r == 1 && second.sc.ratio() < 1 && best.bad == 0
	}
	return r >= minScore && r-second.sc.ratio() >= minMargin
}

// acceptWestern accepts Windows-1252 text when its non-ASCII words are Latin
// words and it has no undefined bytes.
func acceptWestern(c candidate) bool {
	if c.bad > 0 || c.sc.informative == 0 {
		return false
	}
	if float64(c.sc.latin) < 0.9*float64(c.sc.informative) {
		return false
	}
	// Accented letters are a few percent of French or German letters;
	// Cyrillic or Greek bytes shown as Windows-1252 are all "accented".
	letters, accented := 0, 0
	for _, r := range c.text {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			letters++
		case r >= 0xC0 && unicode.IsLetter(r):
			letters++
			accented++
		}
	}
	return accented*5 < letters
}

// repairMojibake finds UTF-8 text that carries legacy Vietnamese shown as
// Windows-1252 or Latin-1 ("NghÞ quyÕt sè 25", "Vieät Nam") or UTF-8 read
// as Windows-1252 ("Nghá»‹ quyáº¿t") and decodes it properly, line by line
// so a document mixing Unicode and legacy paragraphs is repaired where it
// needs it. It returns the encoding name found, or "" when s is left alone.
func repairMojibake(s string) (string, string) {
	return repairSuspicious(s, suspicious(s))
}

// repairSuspicious is repairMojibake with suspicious(s) already known.
func repairSuspicious(s string, isSuspicious bool) (string, string) {
	if !isSuspicious {
		return s, ""
	}
	type option struct {
		name   string
		decode func([]byte) (string, int)
	}
	options := []option{
		{EncTCVN3, decodeTCVN3},
		{EncVNI, decodeVNI},
		{EncVISCII, decodeVISCII},
		{EncCP1258, decodeCP1258},
		{encDoubleUTF8, decodeUTF8Strict},
	}
	// The first round must turn text that reads badly into text that
	// reads well; later rounds repair the lines of a second legacy
	// encoding (a document pasted together from .VnTime and VNI parts).
	var names []string
	cur, curScore := s, scoreText(s)
	for round := 0; round < 3; round++ {
		bestName, bestText, bestScore := "", cur, curScore
		for _, o := range options {
			out, changed := relineDecode(cur, o.decode)
			if !changed {
				continue
			}
			sc := scoreText(out)
			ok := sc.net() > bestScore.net()
			if round == 0 {
				ok = ok && sc.valid > bestScore.valid && sc.ratio() > bestScore.ratio()+minMargin && sc.ratio() >= minScore
			}
			if ok {
				bestName, bestText, bestScore = o.name, out, sc
			}
		}
		if bestName == "" {
			break
		}
		names = append(names, bestName)
		cur, curScore = bestText, bestScore
	}
	if len(names) == 0 {
		return s, ""
	}
	return cur, strings.Join(names, "+")
}

// decodeUTF8Strict decodes bytes that must be UTF-8 (double-encoded text).
func decodeUTF8Strict(b []byte) (string, int) {
	if !utf8.Valid(b) {
		return "", len(b)
	}
	return string(b), 0
}

// relineDecode re-decodes each line of s whose characters all have a
// Windows-1252 byte and whose re-decoding reads better as Vietnamese.
func relineDecode(s string, decode func([]byte) (string, int)) (string, bool) {
	var sb strings.Builder
	sb.Grow(len(s))
	changed := false
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		line := s
		if i >= 0 {
			line, s = s[:i+1], s[i+1:]
		} else {
			s = ""
		}
		if b, ok := cp1252Encode(line); ok && hasHighByte(b) {
			if out, bad := decode(b); bad == 0 && out != "" {
				out = norm.NFC.String(out)
				if scoreText(out).net() > scoreText(line).net() {
					sb.WriteString(out)
					changed = true
					continue
				}
			}
		}
		sb.WriteString(line)
	}
	return sb.String(), changed
}

func hasHighByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// suspicious is a cheap first look: does s contain characters that legacy
// text shown as Windows-1252 produces but Vietnamese does not use (Þ ¸ µ ¨
// ® ä ø û), in a share worth a closer look? Quotes and dashes, common in
// both, do not count.
func suspicious(s string) bool {
	odd, viet := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// Fast path for the Vietnamese block U+1E80..U+1EFF (E1 BA xx, E1 BB xx).
		if c == 0xE1 && i+2 < len(s) && (s[i+1] == 0xBA || s[i+1] == 0xBB) {
			viet++
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r < 0x100:
			switch latin1Class[r] {
			case classViet:
				viet++
			case classOdd:
				odd++
			}
		case r >= 0x1EA0 && r <= 0x1EF9, r == 'ă', r == 'Ă', r == 'đ', r == 'Đ', r == 'ĩ', r == 'Ĩ',
			r == 'ũ', r == 'Ũ', r == 'ơ', r == 'Ơ', r == 'ư', r == 'Ư':
			viet++
		case r == '“' || r == '”' || r == '‘' || r == '’' || r == '–' || r == '—' || r == '…' || r == '•' || r == '€' || r == '™':
		case r < 0x2200 && cp1252Reverse[r] != 0:
			odd++
		}
	}
	return odd > 0 && odd*20 >= viet
}

// Classes of U+0080..U+00FF for suspicious.
const (
	classNeutral = iota
	classViet    // à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals
	classOdd     // anything else but NBSP « » ° · ©
)

var latin1Class = func() [256]uint8 {
	var t [256]uint8
	for r := rune(0x80); r < 0x100; r++ {
		switch {
		case r == 0xA0 || r == '«' || r == '»' || r == '°' || r == '·' || r == '©':
			t[r] = classNeutral
		default:
			if _, _, ok := lowerVowel(r); ok {
				t[r] = classViet
			} else {
				t[r] = classOdd
			}
		}
	}
	return t
}()

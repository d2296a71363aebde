// Package textin turns the bytes of an input file into clean text for the
// extractor: valid UTF-8 in Unicode NFC with LF line ends.
//
// It reads plain text in UTF-8 (with or without a BOM, and with a few stray
// Windows-1252 bytes), UTF-16 (with a BOM, or without one when the pattern
// of zero bytes is unmistakable) and the legacy Vietnamese encodings TCVN3
// (ABC), VNI-Windows, VISCII and CP1258, which it tells apart by how many
// words of each decoding are well-formed Vietnamese syllables; it repairs
// UTF-8 text that carries legacy text shown as Windows-1252 ("NghÞ quyÕt")
// or double-encoded UTF-8 ("Nghá»‹"). It extracts the article text of HTML
// pages (a Readability-style scorer drops menus, headers, footers, related
// news and comment forms), the text of DOCX files (with runs in .VnTime or
// VNI fonts decoded by font), and removes the web furniture of pages
// scraped to plain text, never a line that could carry a reference.
//
// It refuses, with errors errors.Is can test, binary files (ErrBinary),
// empty files (ErrEmpty), input over Options.MaxBytes, 32 MiB by default,
// or DOCX archives unpacking past Options.MaxExpanded, 128 MiB by default
// (ErrTooLarge), text whose encoding it cannot tell (ErrUnknownEncoding),
// formats it does not read (ErrUnsupported: PDF, Word 6/95, Excel,
// PowerPoint, password-protected Office files) and broken archives (ErrCorrupt). It
// never returns mojibake.
//
// The package is pure: it does no I/O. Reading files and running pdftotext
// for PDFs is the caller's job (cmd/vncite).
package textin

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Errors returned (wrapped, with detail) by Decode.
var (
	// ErrEmpty is returned for input with no text: no bytes, only white
	// space, or an HTML page or DOCX with no text in it.
	ErrEmpty = errors.New("empty: no text in it")
	// ErrBinary is returned for input that is not text: NUL bytes, control
	// characters, or the signature of an image, archive or program.
	ErrBinary = errors.New("binary data, not text")
	// ErrTooLarge is returned for input over Options.MaxBytes, or a DOCX
	// whose text would expand past Options.MaxExpanded.
	ErrTooLarge = errors.New("too large")
	// ErrUnknownEncoding is returned for text that is neither UTF-8 nor a
	// legacy encoding that can be told with confidence.
	ErrUnknownEncoding = errors.New("unknown text encoding")
	// ErrUnsupported is returned for documents recognised but not read
	// here: PDF (the caller runs pdftotext), Word 6/95, Excel and
	// PowerPoint files, password-protected Office files.
	ErrUnsupported = errors.New("unsupported document format")
	// ErrCorrupt is returned for a DOCX that is not a readable archive or
	// holds malformed XML, a .doc whose compound file or piece table is
	// broken, an RTF nested too deep, and HTML too deeply nested to parse.
	ErrCorrupt = errors.New("corrupt document")
)

// Format is the kind of document the text came from.
type Format string

// Formats.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
	FormatDOCX Format = "docx"
	FormatPDF  Format = "pdf"
	FormatDOC  Format = "doc" // Word 97-2003
	FormatRTF  Format = "rtf"
	FormatODT  Format = "odt" // OpenDocument text
)

// Defaults for Options.
const (
	DefaultMaxBytes    = 32 << 20  // 32 MiB of input
	DefaultMaxExpanded = 128 << 20 // 128 MiB of XML unpacked from a DOCX
)

// Options bound what Decode accepts. The zero value means the defaults.
type Options struct {
	// MaxBytes is the largest input accepted (DefaultMaxBytes when 0).
	MaxBytes int64
	// MaxExpanded caps the bytes unpacked from a DOCX archive (against
	// zip bombs), read out of a .doc compound file, or produced from an RTF
	// file (DefaultMaxExpanded when 0).
	MaxExpanded int64
	// KeepBoilerplate keeps the web furniture of plain text scraped from a
	// page ("CÁC TIN KHÁC" and the headlines under it, comment prompts,
	// visit counters, copyright lines), which Decode otherwise removes.
	// Lines that could carry a reference are kept either way.
	KeepBoilerplate bool
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxExpanded <= 0 {
		o.MaxExpanded = DefaultMaxExpanded
	}
	return o
}

// Text is decoded text and where it came from.
type Text struct {
	// Body is valid UTF-8, NFC, with "\n" line ends.
	Body string
	// Format is the kind of document: FormatText, FormatHTML, FormatDOCX,
	// FormatDOC, FormatRTF or FormatODT (FormatPDF is set by callers that
	// ran pdftotext).
	Format Format
	// BoilerplateLines counts lines of web furniture removed from plain
	// text (see Options.KeepBoilerplate).
	BoilerplateLines int
	// Encoding is the byte encoding the text was in: EncUTF8, EncUTF16LE,
	// EncTCVN3, ...; "utf-8+tcvn3" for UTF-8 that carried TCVN3 mojibake
	// and was repaired ("+vni", "+cp1258", "+double-utf-8" likewise, and
	// "+tcvn3+vni" for both); "utf-8+windows-1252" for UTF-8 with a few
	// stray bytes. DOCX is "utf-8" (XML) plus "+tcvn3"/"+vni" for runs in
	// legacy fonts; .doc is "windows-1252" or "utf-16le" (its pieces), RTF
	// "windows-1252", "cp1258" or "unicode-escapes", each plus any repair.
	Encoding string
}

// Decode reads data with the default Options; see Options.Decode.
func Decode(name string, data []byte) (Text, error) {
	return Options{}.Decode(name, data)
}

// Decode turns data into Text. name is used only for its extension, which
// picks the format when the content does not say otherwise (".html",
// ".docx"); content wins over a wrong extension for the formats it can
// recognise. Errors wrap ErrEmpty, ErrBinary, ErrTooLarge,
// ErrUnknownEncoding, ErrUnsupported or ErrCorrupt.
func (o Options) Decode(name string, data []byte) (Text, error) {
	o = o.withDefaults()
	if int64(len(data)) > o.MaxBytes {
		return Text{}, fmt.Errorf("textin: %w: %d bytes, over the limit of %d", ErrTooLarge, len(data), o.MaxBytes)
	}
	switch Sniff(name, data) {
	case FormatPDF:
		return Text{}, fmt.Errorf("textin: %w: PDF (convert it with pdftotext)", ErrUnsupported)
	case FormatDOCX:
		return o.decodeDOCX(data)
	case FormatDOC:
		return o.decodeDOC(data)
	case FormatRTF:
		return o.decodeRTF(data)
	case FormatHTML:
		return o.decodeHTML(data)
	}
	body, enc, err := decodeText(data)
	if err != nil {
		return Text{}, err
	}
	removed := 0
	if !o.KeepBoilerplate {
		body, removed = stripWebBoilerplate(body)
		if strings.TrimSpace(body) == "" {
			return Text{}, fmt.Errorf("textin: %w: only web page furniture (search box, counters, copyright)", ErrEmpty)
		}
	}
	return Text{Body: body, Format: FormatText, Encoding: enc, BoilerplateLines: removed}, nil
}

// Sniff tells the format of data from its first bytes and, failing that,
// from the extension of name. Anything else is FormatText (which Decode may
// still refuse as binary).
func Sniff(name string, data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return FormatDOCX // Decode says what it is if it is no DOCX
	case bytes.HasPrefix(data, []byte(oleMagic)):
		return FormatDOC // likewise for .xls, .ppt, encrypted Office files
	case bytes.HasPrefix(bytes.TrimLeft(data, "\xEF\xBB\xBF \t\r\n"), []byte("{\\rtf")):
		return FormatRTF
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".pdf":
		return FormatPDF
	case ".docx", ".odt":
		return FormatDOCX // both are ZIP archives; decodeDOCX tells them apart
	case ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx":
		return FormatHTML
	}
	if looksLikeHTML(data, ext == ".txt" || ext == ".md") {
		return FormatHTML
	}
	return FormatText
}

// looksLikeHTML checks the start of data (after a BOM and white space) for
// a doctype or an html/head/body tag; strict (for .txt and .md files)
// accepts only a doctype or <html>.
func looksLikeHTML(data []byte, strict bool) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	lower := bytes.ToLower(head)
	prefixes := []string{"<!doctype html", "<html"}
	if !strict {
		prefixes = append(prefixes, "<head", "<body", "<?xml")
	}
	for _, p := range prefixes {
		if bytes.HasPrefix(lower, []byte(p)) {
			return p != "<?xml" || bytes.Contains(lower, []byte("<html"))
		}
	}
	return false
}

// magic lists signatures of binary formats, so the error can name them.
var magic = []struct {
	prefix, what string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xFF\xD8\xFF", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"\x7FELF", "ELF executable"},
	{"\x1F\x8B", "gzip archive"},
	{"\xFD7zXZ\x00", "xz archive"},
	{"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
	{"Rar!\x1A\x07", "RAR archive"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "empty ZIP archive"},
	{"\xCA\xFE\xBA\xBE", "Java class or Mach-O file"},
	{"\xCF\xFA\xED\xFE", "Mach-O executable"},
	{"SQLite format 3\x00", "SQLite database"},
	{"\x00asm", "WebAssembly module"},
	{"RIFF", "RIFF media file"},
	{"OggS", "Ogg media file"},
	{"ID3", "MP3 audio"},
	{"fLaC", "FLAC audio"},
}

// decodeText decodes plain text bytes to NFC UTF-8 with LF line ends.
func decodeText(data []byte) (string, string, error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))) == 0 {
		return "", "", fmt.Errorf("textin: %w", ErrEmpty)
	}
	var (
		s   string
		enc string
	)
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
		if utf8.Valid(data) {
			s, enc = string(data), EncUTF8
		} else if u, ok := mostlyUTF8(data); ok {
			s, enc = u, EncUTF8+"+"+EncCP1252
		} else {
			return "", "", invalidUTF8(data)
		}
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		u, err := decodeUTF16(data[2:], false)
		if err != nil {
			return "", "", err
		}
		s, enc = u, EncUTF16LE
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		u, err := decodeUTF16(data[2:], true)
		if err != nil {
			return "", "", err
		}
		s, enc = u, EncUTF16BE
	default:
		if be, ok := utf16WithoutBOM(data); ok {
			u, err := decodeUTF16(data, be)
			if err != nil {
				return "", "", err
			}
			s, enc = u, EncUTF16LE
			if be {
				enc = EncUTF16BE
			}
			break
		}
		if what := binaryKind(data); what != "" {
			return "", "", fmt.Errorf("textin: %w (%s)", ErrBinary, what)
		}
		if utf8.Valid(data) {
			s, enc = string(data), EncUTF8
			break
		}
		if u, ok := mostlyUTF8(data); ok {
			s, enc = u, EncUTF8+"+"+EncCP1252
			break
		}
		c, ok := detectLegacy(data)
		if !ok {
			return "", "", unknownEncoding(data)
		}
		s, enc = c.text, c.enc
	}
	s = cleanText(s)
	susp := suspicious(s)
	if enc == EncUTF8 && susp {
		if fixed, legacy := repairSuspicious(s, true); legacy != "" {
			s, enc = fixed, encRepairedPrefix+legacy
			susp = suspicious(s)
		}
	}
	if what := controlKind(s); what != "" {
		return "", "", fmt.Errorf("textin: %w (%s)", ErrBinary, what)
	}
	if susp && garbled(s) {
		return "", "", errGarbled()
	}
	s = finish(s)
	if strings.TrimSpace(s) == "" {
		return "", "", fmt.Errorf("textin: %w", ErrEmpty)
	}
	return s, enc, nil
}

// finish removes soft hyphens (U+00AD): invisible hyphenation hints that
// would split words and numbers for the extractor. It runs after the
// mojibake repair, for which byte 0xAD is TCVN3's "ư".
func finish(s string) string {
	if strings.Contains(s, "\u00AD") {
		s = strings.ReplaceAll(s, "\u00AD", "")
	}
	return s
}

// documentText finishes the body of a document read by one of the format
// readers: it refuses a body with no text (empty describes it: "RTF
// without text") or one that still reads as mojibake, and drops soft
// hyphens.
func documentText(body string, f Format, enc, empty string) (Text, error) {
	if strings.TrimSpace(body) == "" {
		return Text{}, fmt.Errorf("textin: %w: %s", ErrEmpty, empty)
	}
	if err := checkGarbled(body); err != nil {
		return Text{}, err
	}
	return Text{Body: finish(body), Format: f, Encoding: enc}, nil
}

// checkGarbled refuses text that still reads as mojibake after decoding
// and repair, rather than store it.
func checkGarbled(s string) error {
	if suspicious(s) && garbled(s) {
		return errGarbled()
	}
	return nil
}

func errGarbled() error {
	return fmt.Errorf("textin: %w: the text reads as mojibake (legacy Vietnamese shown as Windows-1252?) and could not be repaired; convert it to UTF-8 with the right source encoding", ErrUnknownEncoding)
}

// cleanText normalizes to NFC, turns CRLF, CR and form feeds into LF and
// drops a trailing DOS end-of-file mark. Text already clean is returned
// without copying.
func cleanText(s string) string {
	s = strings.TrimSuffix(s, "\x1A")
	if strings.ContainsAny(s, "\r\f") {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n").Replace(s)
	}
	if !isNFC(s) {
		s = norm.NFC.String(fixMarkOrder(s))
	}
	return s
}

// isNFC is norm.NFC.IsNormalString with a fast path: text made only of
// characters that are NFC and never compose with their neighbours (ASCII,
// Latin-1, Latin Extended-A, ơ ư, the precomposed Vietnamese letters,
// common punctuation) is NFC without asking the normalizer. Anything else
// (a combining mark, a singleton such as U+2000) goes to norm.
func isNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c == 0xE1 && i+2 < len(s) && (s[i+1] == 0xB8 || s[i+1] == 0xB9 || s[i+1] == 0xBA || s[i+1] == 0xBB):
			i += 3 // U+1E00..U+1EFF, Latin Extended Additional
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xA0 && r <= 0x17F, r == 'Ơ', r == 'ơ', r == 'Ư', r == 'ư',
			r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E, r == '€', r == '™':
			i += n
		default:
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}

// fixMarkOrder puts a vowel's modifier (circumflex, breve) before its tone
// mark. Some Vietnamese keyboards and converters write the tone first
// ("e" U+0301 U+0302); both marks have combining class 230, so NFC keeps
// that order and composes "é" + U+0302, not "ế".
func fixMarkOrder(s string) string {
	isTone := func(r rune) bool {
		return r == '\u0300' || r == '\u0301' || r == '\u0303' || r == '\u0309'
	}
	isMod := func(r rune) bool { return r == '\u0302' || r == '\u0306' }
	if !strings.ContainsAny(s, "\u0302\u0306") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 0; i+1 < len(rs); i++ {
		if isTone(rs[i]) && isMod(rs[i+1]) {
			rs[i], rs[i+1] = rs[i+1], rs[i]
			changed = true
			i++
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// mostlyUTF8 reads UTF-8 text with a few stray bytes: a Windows-1252
// quote or space pasted into it, or a character cut off at the end. It
// accepts at most 16 stray bytes, under one per thousand, in text with at
// least twenty times as many valid multi-byte characters (so legacy text
// that happens to hold one valid sequence is not taken for UTF-8). Stray
// bytes are read as Windows-1252; a cut-off character at the end is
// dropped.
func mostlyUTF8(data []byte) (string, bool) {
	stray, multi := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			stray++
			if stray > 16 {
				return "", false
			}
		case n > 1:
			multi++
		}
		i += max(n, 1)
	}
	if stray*1000 > len(data) || multi < 20*stray {
		return "", false
	}
	var sb strings.Builder
	sb.Grow(len(data))
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(data[i:]) {
				break // a character cut off at the end
			}
			r = cp1252Rune(data[i])
			if r == utf8.RuneError {
				return "", false
			}
			n = 1
		}
		sb.WriteRune(r)
		i += n
	}
	return sb.String(), true
}

// firstInvalidUTF8 returns the offset of the first byte of data that is
// not valid UTF-8, or len(data).
func firstInvalidUTF8(data []byte) int {
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return off
}

// invalidUTF8 reports where text that claimed to be UTF-8 (after a BOM of
// three bytes) breaks.
func invalidUTF8(data []byte) error {
	return fmt.Errorf("textin: %w: marked UTF-8 but invalid at byte %d", ErrUnknownEncoding, firstInvalidUTF8(data)+3)
}

// unknownEncoding explains a refusal to guess. data is not valid UTF-8.
func unknownEncoding(data []byte) error {
	off := firstInvalidUTF8(data)
	return fmt.Errorf("textin: %w: not UTF-8 (first invalid byte 0x%02X at offset %d) and not recognisably TCVN3, VNI, VISCII, CP1258 or Windows-1252; convert it to UTF-8", ErrUnknownEncoding, data[off], off)
}

// binaryKind names why data looks binary, or returns "".
func binaryKind(data []byte) string {
	for _, m := range magic {
		if m.what != "" && bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.what
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", i)
	}
	return ""
}

// controlKind names why decoded text looks binary: more than 1% of its
// bytes (and more than 8) are control characters other than tab, LF, CR,
// FF, VT and the DOS EOF mark; C1 controls (U+0080..U+009F) count too.
func controlKind(s string) string {
	ctrl := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == 0:
			return "NUL character"
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A, c == 0x7F:
			ctrl++
		case c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xA0:
			ctrl++
		}
	}
	if ctrl > 8 && ctrl*100 > len(s) {
		return fmt.Sprintf("%d control characters in %d bytes", ctrl, len(s))
	}
	return ""
}

// decodeUTF16 decodes UTF-16 code units; unpaired surrogates or an odd
// length make it fail.
func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("textin: %w: UTF-16 with an odd number of bytes (truncated?)", ErrUnknownEncoding)
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] >= 0xE000 {
				return "", fmt.Errorf("textin: %w: UTF-16 with an unpaired surrogate at byte %d", ErrUnknownEncoding, 2*i)
			}
			i++
		case u >= 0xDC00 && u < 0xE000:
			return "", fmt.Errorf("textin: %w: UTF-16 with an unpaired surrogate at byte %d", ErrUnknownEncoding, 2*i)
		}
	}
	return string(utf16.Decode(units)), nil
}

// utf16WithoutBOM recognises UTF-16 without a byte order mark by its zero
// bytes: text in Latin or Vietnamese script has a zero high byte in most
// code units (ASCII, digits, spaces) and almost never a zero low byte.
func utf16WithoutBOM(data []byte) (bigEndian, ok bool) {
	if len(data) < 8 || len(data)%2 != 0 {
		return false, false
	}
	n := len(data)
	if n > 8192 {
		n = 8192
	}
	zeroEven, zeroOdd := 0, 0
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	units := n / 2
	switch {
	case zeroOdd*10 >= units*4 && zeroEven*50 <= units:
		return false, true
	case zeroEven*10 >= units*4 && zeroOdd*50 <= units:
		return true, true
	}
	return false, false
}

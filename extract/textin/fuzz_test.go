package textin

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// addSeedCorpus adds every seed in every encoding, plus odd inputs.
func addSeedCorpus(f *testing.F) {
	for _, text := range seeds(f) {
		if len(text) > 2000 {
			text = text[:strings.LastIndexByte(text[:2000], ' ')]
		}
		for _, enc := range []string{EncUTF8, EncUTF16LE, EncTCVN3, EncVNI, EncCP1258} {
			b, err := Encode(text, enc)
			if err == nil {
				f.Add(b)
			}
		}
		if b, err := Encode(visciiSafe(text), EncVISCII); err == nil {
			f.Add(b)
		}
	}
	for _, name := range []string{"unicode.doc", "legacy.doc", "unicode.rtf", "legacy.rtf", "lo-unicode.odt", "lo-legacy.docx"} {
		f.Add(readFixture(f, name))
	}
	f.Add(buildDOCX(f, map[string]string{"word/document.xml": document(para(run(".VnTime", "Ngh\u00de quy\u00d5t")) + `<w:tbl><w:tr><w:tc>` + para(run("", "a")) + `</w:tc></w:tr></w:tbl>`)}))
	for _, s := range []string{"", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF\xD8\x00", "aù", "\xF4\xF9\xF9", "Ö\xD9", "\x00", "%PDF-", "PK\x03\x04", "<html><p>x</p>"} {
		f.Add([]byte(s))
	}
}

// checkText is what every successful decode promises.
func checkText(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	if !norm.NFC.IsNormalString(s) {
		t.Fatalf("not NFC: %q", s)
	}
	if strings.Contains(s, "\r") {
		t.Fatalf("CR left: %q", s)
	}
}

func FuzzDecode(f *testing.F) {
	addSeedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"x.txt", "x.html", "x.docx"} {
			got, err := Decode(name, data)
			if err != nil {
				for _, want := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrUnknownEncoding, ErrUnsupported, ErrCorrupt} {
					if errors.Is(err, want) {
						return
					}
				}
				t.Fatalf("%s: untyped error %v", name, err)
			}
			checkText(t, got.Body)
			if strings.TrimSpace(got.Body) == "" {
				t.Fatalf("%s: empty body accepted", name)
			}
		}
	})
}

// fuzzDecoder checks one legacy decoder: valid UTF-8 out, never a panic,
// and for VISCII and TCVN3 (one byte, one character) nothing lost.
func fuzzDecoder(f *testing.F, decode func([]byte) (string, int), oneToOne bool) {
	addSeedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, bad := decode(data)
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from %q", data)
		}
		if bad < 0 || bad > len(data) {
			t.Fatalf("bad = %d for %d bytes", bad, len(data))
		}
		if oneToOne && utf8.RuneCountInString(s) != len(data) {
			t.Fatalf("%d runes from %d bytes", utf8.RuneCountInString(s), len(data))
		}
	})
}

func FuzzDecodeTCVN3(f *testing.F)  { fuzzDecoder(f, decodeTCVN3, true) }
func FuzzDecodeVNI(f *testing.F)    { fuzzDecoder(f, decodeVNI, false) }
func FuzzDecodeVISCII(f *testing.F) { fuzzDecoder(f, decodeVISCII, true) }
func FuzzDecodeCP1258(f *testing.F) { fuzzDecoder(f, decodeCP1258, false) }

// FuzzEncodeRoundTrip: whatever Encode accepts, Decode's decoder of that
// encoding gives back (TCVN3 up to the capitals it cannot write).
func FuzzEncodeRoundTrip(f *testing.F) {
	f.Add("Nghị quyết số 25-NQ/TW", uint8(0))
	f.Add("ỦY BAN NHÂN DÂN Tỉnh", uint8(1))
	f.Add("Ơ ư ỵ Ỵ đ Đ", uint8(2))
	decoders := []struct {
		enc    string
		decode func([]byte) (string, int)
	}{{EncTCVN3, decodeTCVN3}, {EncVNI, decodeVNI}, {EncVISCII, decodeVISCII}, {EncCP1258, decodeCP1258}}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		if !utf8.ValidString(s) {
			return
		}
		d := decoders[int(which)%len(decoders)]
		b, err := Encode(s, d.enc)
		if err != nil {
			return
		}
		got, _ := d.decode(b)
		got, want := norm.NFC.String(got), norm.NFC.String(s)
		if d.enc == EncTCVN3 {
			got, want = strings.ToLower(got), strings.ToLower(want)
		}
		if d.enc == EncVNI && bytes.ContainsAny(b, "\xC0\xC1\xC2\xC3\xC4\xC5\xC8\xC9\xCA\xCB\xCF\xD5\xD8\xD9\xDA\xDB\xDC\xE0\xE1\xE2\xE3\xE4\xE5\xE8\xE9\xEA\xEB\xEF\xF5\xF8\xF9\xFA\xFB\xFC") {
			// VNI mark bytes are also Latin-1 letters: "aù" is á, so text
			// that had "aù" cannot come back. Only check the VNI letters.
			if !vniOnly(s) {
				return
			}
		}
		if got != want {
			t.Fatalf("%s: %q -> %q -> %q", d.enc, s, b, got)
		}
	})
}

// vniOnly reports text made of ASCII and Vietnamese letters only.
func vniOnly(s string) bool {
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if _, _, ok := lowerVowel(r); ok || r == 'đ' || r == 'Đ' {
			continue
		}
		return false
	}
	return true
}

// fuzzFormat fuzzes one document reader directly, from its fixtures.
func fuzzFormat(f *testing.F, read func(Options, []byte) (Text, error), seeds ...[]byte) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := read(Options{}.withDefaults(), data)
		if err != nil {
			for _, want := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrUnknownEncoding, ErrUnsupported, ErrCorrupt} {
				if errors.Is(err, want) {
					return
				}
			}
			t.Fatalf("untyped error %v", err)
		}
		checkText(t, got.Body)
	})
}

func FuzzRTF(f *testing.F) {
	fuzzFormat(f, Options.decodeRTF, readFixture(f, "unicode.rtf"), readFixture(f, "legacy.rtf"),
		[]byte(`{\rtf1\ansi\ansicpg1258 Nghi\'f2 {\field{\*\fldinst X}{\fldrslt Y}}\u7883?\bin2 ab\cell\row}`))
}

func FuzzDOC(f *testing.F) {
	fuzzFormat(f, Options.decodeDOC, readFixture(f, "unicode.doc"), readFixture(f, "legacy.doc"))
}

func FuzzDOCX(f *testing.F) {
	fuzzFormat(f, Options.decodeDOCX, buildDOCX(f, map[string]string{
		"word/document.xml": document(para(run(".VnTime", "Ngh\u00de quy\u00d5t")) + `<w:tbl><w:tr><w:tc>` + para(run("", "a")) + `</w:tc></w:tr></w:tbl>`),
		"word/styles.xml":   `<w:styles ` + wNS + `><w:style w:type="paragraph" w:default="1" w:styleId="N"><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr></w:style></w:styles>`,
	}))
}

func FuzzHTML(f *testing.F) {
	var pages [][]byte
	for _, s := range []string{
		`<html><head><meta charset="windows-1258"><title>T</title></head><body><div class="content"><p>Nghị quyết số 25-NQ/TW, ngày 3/6/2013, của Ban Chấp hành Trung ương.</p><ul><li><a>x</a></li></ul></div><div id="footer">f</div></body></html>`,
		`<table><tr><td><a>menu</a></td><td>Nội dung<br>dòng hai</td></tr></table>`,
	} {
		pages = append(pages, []byte(s))
	}
	fuzzFormat(f, Options.decodeHTML, pages...)
}

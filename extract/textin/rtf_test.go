package textin

import (
	"errors"
	"strings"
	"testing"
)

// The RTF fixtures are the same documents as the .doc ones, written by
// LibreOffice 7.4 as RTF (see testdata/README.md).
func TestRTFFixtures(t *testing.T) {
	for _, tc := range []struct{ file, want, enc string }{
		{"unicode.rtf", "Số 41-KH/HU | ĐẢNG CỘNG SẢN VIỆT NAM\n", "unicode-escapes"},
		{"legacy.rtf", "Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)", "+tcvn3+vni"},
	} {
		got, err := Decode(tc.file, readFixture(t, tc.file))
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if !strings.Contains(got.Body, tc.want) || !strings.Contains(got.Encoding, tc.enc) || got.Format != FormatRTF {
			t.Errorf("%s: %s %s\n%s", tc.file, got.Format, got.Encoding, got.Body)
		}
	}
	// The same text as the .doc written from the same source.
	doc, err := Decode("x.doc", readFixture(t, "unicode.doc"))
	if err != nil {
		t.Fatal(err)
	}
	rtf, err := Decode("x.rtf", readFixture(t, "unicode.rtf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Body != rtf.Body {
		t.Errorf("doc and rtf differ:\n%s\n---\n%s", doc.Body, rtf.Body)
	}
}

func TestRTF(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", `{\rtf1\ansi Hello\par World}`, "Hello\nWorld"},
		{"unicode with fallback", `{\rtf1\ansi\uc1 Ngh\u7883?\u7883\'3f quy\u7871?t}`, "Nghịị quyết"},
		{"negative unicode", `{\rtf1\ansi a\u-244?b}`, "a，b"},
		{"cp1258 combining", `{\rtf1\ansi\ansicpg1258 Nghi\'f2 quy\'ea\'ect}`, "Nghị quyết"},
		{"skipped groups", `{\rtf1\ansi{\fonttbl{\f0 .VnTime;}}{\colortbl;\red0;}{\*\generator X;}{\info{\title T}}Body}`, "Body"},
		{"field", `{\rtf1\ansi See {\field{\*\fldinst HYPERLINK "x"}{\fldrslt Nghị quyết 25-NQ/TW}}.}`, "See Nghị quyết 25-NQ/TW."},
		{"table", `{\rtf1\ansi\trowd A\cell B\cell\row C\cell D\cell\row}`, "A | B\nC | D\n"},
		{"escapes", `{\rtf1\ansi a\{b\}c\\d\~e\_f\tab g\emdash h\ldblquote i\rdblquote}`, "a{b}c\\d\u00a0e-f\tg—h“i”"},
		{"binary", `{\rtf1\ansi x\bin3 ABCy}`, "xy"},
	} {
		got, err := Decode("x.rtf", []byte(tc.in))
		if err != nil || got.Body != tc.want {
			t.Errorf("%s: %v %q, want %q", tc.name, err, got.Body, tc.want)
		}
	}
	deep := "{\\rtf1 " + strings.Repeat("{", 2000) + "x" + strings.Repeat("}", 2000) + "}"
	if _, err := Decode("x.rtf", []byte(deep)); !errors.Is(err, ErrCorrupt) {
		t.Errorf("deep nesting: %v", err)
	}
	if _, err := (Options{MaxExpanded: 10}).Decode("x.rtf", []byte(`{\rtf1 `+strings.Repeat("abc ", 100)+`}`)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("limit: %v", err)
	}
}

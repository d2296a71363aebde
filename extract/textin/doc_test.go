package textin

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// The .doc fixtures are real Word 97 files written by LibreOffice 7.4 (see
// testdata/README.md): unicode.doc holds Unicode text with a header table
// and a data table; legacy.doc holds text typed in .VnTime (TCVN3) and
// VNI-Times fonts, stored as 8-bit Windows-1252 characters.

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDOC(t *testing.T) {
	got, err := Decode("kh.doc", readFixture(t, "unicode.doc"))
	if err != nil {
		t.Fatal(err)
	}
	want := "HUYỆN ỦY ĐAKRÔNG\n*\nSố 41-KH/HU | ĐẢNG CỘNG SẢN VIỆT NAM\nĐakrông, ngày 20 tháng 3 năm 2021\n" +
		"KẾ HOẠCH\n" +
		"Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới;\n" +
		"Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:\n" +
		"I. MỤC ĐÍCH, YÊU CẦU\n" +
		"Quán triệt sâu sắc Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.\n" +
		"STT | Văn bản\n1 | Kết luận số 114-KL/TW\n" +
		"Nơi nhận:\n- Lưu VPHU.\n"
	if got.Body != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Body, want)
	}
	if got.Format != FormatDOC {
		t.Errorf("format %s", got.Format)
	}
	// Content wins over a wrong extension.
	if got2, err := Decode("kh.docx", readFixture(t, "unicode.doc")); err != nil || got2.Body != want {
		t.Errorf("named .docx: %v", err)
	}
}

func TestDOCLegacyFonts(t *testing.T) {
	got, err := Decode("kh.doc", readFixture(t, "legacy.doc"))
	if err != nil {
		t.Fatal(err)
	}
	want := "KẾ HOẠCH\n" +
		"Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới;\n" +
		"Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy ban hành Kế hoạch như sau:\n" +
		"Quán triệt sâu sắc Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.\n"
	if got.Body != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Body, want)
	}
	if !strings.Contains(got.Encoding, "tcvn3") || !strings.Contains(got.Encoding, "vni") {
		t.Errorf("encoding %s", got.Encoding)
	}
}

// wordDocumentOffset finds where the WordDocument stream starts in a file.
func wordDocumentOffset(t *testing.T, data []byte) int {
	t.Helper()
	f, err := openCFB(data, DefaultMaxExpanded)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.entries {
		if e.name == "WordDocument" {
			if e.size < f.miniCutoff {
				t.Skip("WordDocument in the mini stream")
			}
			return (int(e.start) + 1) * f.sectorSize
		}
	}
	t.Fatal("no WordDocument")
	return 0
}

func TestDOCRefusals(t *testing.T) {
	good := readFixture(t, "unicode.doc")
	off := wordDocumentOffset(t, good)

	encrypted := append([]byte(nil), good...)
	encrypted[off+0x0B] |= 0x01 // FIB flags: fEncrypted
	word95 := append([]byte(nil), good...)
	word95[off+2], word95[off+3] = 100, 0 // nFib of Word 6/95
	badSig := append([]byte(nil), good...)
	badSig[off] = 0
	for _, tc := range []struct {
		name string
		opts Options
		data []byte
		want error
	}{
		{"encrypted", Options{}, encrypted, ErrUnsupported},
		{"word 95", Options{}, word95, ErrUnsupported},
		{"bad signature", Options{}, badSig, ErrCorrupt},
		{"truncated", Options{}, good[:len(good)/2], ErrCorrupt},
		{"header only", Options{}, good[:512], ErrCorrupt},
		{"over the expansion limit", Options{MaxExpanded: 1000}, good, ErrTooLarge},
	} {
		_, err := tc.opts.Decode("x.doc", tc.data)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestWordText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\rb", "a\nb"},
		{"x\x13 HYPERLINK \"u\" \x14Nghị quyết\x15 y", "xNghị quyết y"},
		{"\x13 PAGE \x15z", "z"},
		{"\x13 A \x13 B \x14b\x15 \x14a\x15", "a"},
		{"A\x07B\x07\x07C\x07D\x07\x07", "A | B\nC | D\n"},
		{"pic\x01ture\x08", "picture"},
		{"non\x1Ebreaking", "non-breaking"},
		{"soft\x1Fhyphen", "soft\u00ADhyphen"},
		{"line\x0Bbreak\x0Cpage", "line\nbreak\npage"},
	} {
		if got := wordText(tc.in); got != tc.want {
			t.Errorf("wordText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

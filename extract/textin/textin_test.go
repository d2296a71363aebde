package textin

import (
	"bytes"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// exact decodes without removing web furniture, for tests of encodings.
var exact = Options{KeepBoilerplate: true}

// seeds returns the seed texts (NFC, as shipped).
func seeds(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// visciiSafe replaces the punctuation VISCII lacks, as a VISCII file would
// have had it.
func visciiSafe(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "\u00a0", " ", "–", "-", "—", "-", "…", "...").Replace(s)
}

// foldVN3Capitals lower-cases the toned capitals VN3 cannot write, so a
// TCVN3 round trip can be compared where case is unrecoverable.
func foldVN3Capitals(s string) string {
	return strings.Map(func(r rune) rune {
		if v, upper, ok := lowerVowel(r); ok && upper && v.tone != toneNone {
			return unicode.ToLower(r)
		}
		return r
	}, s)
}

func TestRoundTripSeeds(t *testing.T) {
	for name, text := range seeds(t) {
		for _, enc := range []string{EncUTF8, EncUTF16LE, EncUTF16BE, EncTCVN3, EncVNI, EncVISCII, EncCP1258} {
			want := text
			if enc == EncVISCII {
				want = visciiSafe(text)
			}
			b, err := Encode(want, enc)
			if err != nil {
				t.Fatalf("%s %s: encode: %v", name, enc, err)
			}
			got, err := exact.Decode(name, b)
			if err != nil {
				t.Errorf("%s %s: %v", name, enc, err)
				continue
			}
			if got.Encoding != enc || got.Format != FormatText {
				t.Errorf("%s: encoded %s, detected %s/%s", name, enc, got.Encoding, got.Format)
			}
			g, w := got.Body, want
			if enc == EncTCVN3 {
				g, w = foldVN3Capitals(g), foldVN3Capitals(w)
			}
			if g != w {
				t.Errorf("%s %s: round trip differs at %d", name, enc, firstDiff(g, w))
			}
		}
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestTCVN3Capitals checks the words the H-font rule recovers exactly.
func TestTCVN3Capitals(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"NGHỊ QUYẾT VỀ TĂNG CƯỜNG", "NGHỊ QUYẾT VỀ TĂNG CƯỜNG"},
		{"I. MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"},
		{"ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"},
		{"TP. ĐÀ NẴNG", "TP. ĐÀ NẴNG"},
		{"thành phố Đà Nẵng", "thành phố Đà Nẵng"},
		{"Số: 25-NQ/TW", "Số: 25-NQ/TW"},
		{"Số 25-NQ/TW", "Số 25-NQ/TW"},
		{"KẾ HOẠCH", "KẾ HOẠCH"},
		{"ĐÀ NẴNG", "ĐÀ NẴNG"},
		{"Ở CẤP XÃ", "Ở CẤP XÃ"},
		{"ĐẢNG BỘ TỈNH\nSố 12-NQ/TU", "ĐẢNG BỘ TỈNH\nSố 12-NQ/TU"},
		{"Xong. Ở cấp xã", "Xong. Ở cấp xã"},
		{"Ở cấp xã", "Ở cấp xã"},
		{"đoạn một\n\nỞ đoạn hai", "đoạn một\n\nỞ đoạn hai"},
		{"Ủy ban", "Ủy ban"},
		{"của Ủy ban", "của ủy ban"}, // unrecoverable: no capital to go by
	} {
		b, err := Encode(tc.in, EncTCVN3)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := decodeTCVN3(b)
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestKnownLegacyStrings decodes strings as legacy software wrote them
// (independent of this package's encoders).
func TestKnownLegacyStrings(t *testing.T) {
	for _, tc := range []struct {
		enc  string
		in   []byte
		want string
	}{
		{EncVNI, []byte("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"), "Cộng hòa xã hội chủ nghĩa Việt Nam"},
		{EncVNI, []byte("Ñoäc laäp - Töï do - Haïnh phuùc"), "Độc lập - Tự do - Hạnh phúc"},
		{EncVNI, []byte("Nghò quyeát soá 25-NQ/TW cuûa Boä Chính trò"), "Nghị quyết số 25-NQ/TW của Bộ Chính trị"},
		{EncVNI, []byte("UÛY BAN NHAÂN DAÂN"), "ỦY BAN NHÂN DÂN"},
		{EncTCVN3, []byte("Nghị quyết số 25"), ""}, // placeholder replaced below
	} {
		if tc.want == "" {
			continue
		}
		in := latin1(tc.in)
		got, _ := decodeVNI(in)
		if got != tc.want {
			t.Errorf("%s %q: got %q, want %q", tc.enc, tc.in, got, tc.want)
		}
	}
	// TCVN3 bytes typed from the ABC table: "Nghị quyết số" = Ngh 0xDE quy 0xD5 t s 0xE8.
	got, _ := decodeTCVN3([]byte("Ngh\xDE quy\xD5t s\xE8 25-NQ/TW c\xF1a B\xE9 Ch\xDDnh tr\xDE"))
	if want := "Nghị quyết số 25-NQ/TW của Bộ Chính trị"; got != want {
		t.Errorf("tcvn3: got %q, want %q", got, want)
	}
	// VISCII from RFC 1456: 0xD5 ạ, 0xB8 ị, 0xAF ố.
	got, _ = decodeVISCII([]byte("Ngh\xB8 quy\xAAt s\xAF"))
	if want := "Nghị quyết số"; got != want {
		t.Errorf("viscii: got %q, want %q", got, want)
	}
}

// latin1 turns a Go string of Latin-1 characters into its bytes.
func latin1(s []byte) []byte {
	var out []byte
	for _, r := range string(s) {
		out = append(out, byte(r))
	}
	return out
}

// TestParagraphsNeverMojibake decodes every paragraph of every seed alone in
// every legacy encoding: the result is the paragraph or a refusal, never
// another text; and short refusals stay rare.
func TestParagraphsNeverMojibake(t *testing.T) {
	total, refused := 0, 0
	for name, text := range seeds(t) {
		for _, para := range strings.Split(text, "\n") {
			para = strings.TrimSpace(visciiSafe(para))
			if !hasNonASCII(para) {
				continue
			}
			for _, enc := range []string{EncTCVN3, EncVNI, EncVISCII, EncCP1258} {
				b, err := Encode(para, enc)
				if err != nil {
					t.Fatal(err)
				}
				if utf8.Valid(b) {
					continue // pure ASCII after encoding: nothing to detect
				}
				total++
				got, err := exact.Decode(name, b)
				if err != nil {
					if !errors.Is(err, ErrUnknownEncoding) {
						t.Errorf("%s %s %q: %v", name, enc, para, err)
					}
					refused++
					continue
				}
				g, w := got.Body, para
				if enc == EncTCVN3 {
					g, w = foldVN3Capitals(g), foldVN3Capitals(w)
				}
				if g != w {
					t.Errorf("%s: %s paragraph decoded as %s:\n got %q\nwant %q", name, enc, got.Encoding, got.Body, para)
				}
			}
		}
	}
	t.Logf("%d paragraphs, %d refused", total, refused)
	if refused*20 > total {
		t.Errorf("%d of %d paragraphs refused", refused, total)
	}
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

func TestNormalization(t *testing.T) {
	text := seeds(t)["002_a1580c3b9566fcc1.txt"]
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"nfd", []byte(norm.NFD.String(text))},
		{"crlf", []byte(strings.ReplaceAll(text, "\n", "\r\n"))},
		{"cr", []byte(strings.ReplaceAll(text, "\n", "\r"))},
		{"bom+nfd+crlf", append([]byte("\xEF\xBB\xBF"), strings.ReplaceAll(norm.NFD.String(text), "\n", "\r\n")...)},
		{"utf16le no bom", mustEncode(t, text, EncUTF16LE)[2:]},
		{"utf16be no bom", mustEncode(t, text, EncUTF16BE)[2:]},
	} {
		got, err := exact.Decode("x.txt", tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Body != text {
			t.Errorf("%s: differs at %d", tc.name, firstDiff(got.Body, text))
		}
	}
}

// TestIsNFC checks the fast path against norm on the seeds, their NFD
// forms and characters that are not NFC or compose.
func TestIsNFC(t *testing.T) {
	cases := []string{"", "abc", "e\u0301", "\u2000", "\u212B", "Å", "A\u030A", "ơ\u0301", "\u0340", "ế", "x\u0323"}
	for _, s := range seeds(t) {
		cases = append(cases, s, norm.NFD.String(s))
	}
	for _, s := range cases {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%.30q) = %v, want %v", s, got, want)
		}
	}
}

func TestMarkOrder(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"quye\u0301\u0302t", "quyết"},           // tone before circumflex
		{"quye\u0302\u0301t", "quyết"},           // canonical
		{"na\u0300\u0306m", "nằm"},               // tone before breve
		{"Nghi\u0323 ve\u0302\u0323", "Nghị vệ"}, // dot below sorts itself
		{"ca\u0301", "cá"},
	} {
		got, err := exact.Decode("x.txt", []byte(tc.in))
		if err != nil || got.Body != tc.want {
			t.Errorf("%q: got %q %v, want %q", tc.in, got.Body, err, tc.want)
		}
	}
}

func mustEncode(t testing.TB, s, enc string) []byte {
	t.Helper()
	b, err := Encode(s, enc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWesternText(t *testing.T) {
	french := "Le système éducatif français a été réformé à plusieurs reprises. Les élèves étudient la géographie, l'économie et la littérature; à l'école, ils apprennent à écrire."
	german := "Die Größe der Straßen in München überrascht viele Besucher. Über die Brücke gehen täglich tausende Menschen."
	for _, s := range []string{french, german} {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		got, err := exact.Decode("x.txt", b)
		if err != nil {
			t.Errorf("%.20q: %v", s, err)
			continue
		}
		if got.Body != s || got.Encoding != EncCP1252 {
			t.Errorf("%.20q: got %s %q", s, got.Encoding, got.Body)
		}
		// As UTF-8 it is plain UTF-8, not "repaired".
		got, err = exact.Decode("x.txt", []byte(s))
		if err != nil || got.Body != s || got.Encoding != EncUTF8 {
			t.Errorf("%.20q as UTF-8: %v %s", s, err, got.Encoding)
		}
	}
}

func TestRefusals(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	highRandom := make([]byte, 4096)
	for i := range highRandom {
		highRandom[i] = byte(0x80 + rng.Intn(0x80))
		if i%5 == 4 {
			highRandom[i] = ' '
		}
	}
	big := bytes.Repeat([]byte("Nghị quyết số 25-NQ/TW. "), 10)
	for _, tc := range []struct {
		name string
		opts Options
		in   []byte
		want error
	}{
		{"empty", Options{}, nil, ErrEmpty},
		{"blank", Options{}, []byte(" \n\t\r\n "), ErrEmpty},
		{"bom only", Options{}, []byte("\xEF\xBB\xBF\n"), ErrEmpty},
		{"utf16 blank", Options{}, []byte("\xFF\xFE \x00\n\x00"), ErrEmpty},
		{"nul", Options{}, []byte("Nghị quyết\x00 số 25"), ErrBinary},
		{"png", Options{}, append([]byte("\x89PNG\r\n\x1a\n"), random[:100]...), ErrBinary},
		{"elf", Options{}, append([]byte("\x7FELF"), random[:100]...), ErrBinary},
		{"gzip", Options{}, append([]byte("\x1F\x8B\x08"), random[:100]...), ErrBinary},
		{"random", Options{}, random, ErrBinary},
		{"random high bytes", Options{}, highRandom, ErrUnknownEncoding},
		{"controls", Options{}, bytes.Repeat([]byte("ab\x01\x02\x03\x04"), 50), ErrBinary},
		{"too large", Options{MaxBytes: 100}, big, ErrTooLarge},
		{"pdf", Options{}, []byte("%PDF-1.4\n..."), ErrUnsupported},
		{"ole2 garbage", Options{}, append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), random[:100]...), ErrCorrupt},
		{"rtf without text", Options{}, []byte(`{\rtf1\ansi{\fonttbl{\f0 .VnTime;}}}`), ErrEmpty},
		{"bom then invalid", Options{}, []byte("\xEF\xBB\xBFNgh\xDE quy\xD5t"), ErrUnknownEncoding},
		{"utf16 odd", Options{}, []byte("\xFF\xFEN\x00g"), ErrUnknownEncoding},
		{"utf16 lone surrogate", Options{}, []byte("\xFF\xFEN\x00\x00\xD8g\x00"), ErrUnknownEncoding},
		{"utf8 broken in the middle of a short text", Options{}, append(append([]byte("Nghị quyết số 25 của Bộ Chính trị về công tác dân vận "), 0xE1, 0xBB), []byte(" và tiếp tục thực hiện")...), ErrUnknownEncoding},
		{"tcvn3 with one valid utf-8 pair", Options{}, []byte("Ngh\xDE quy\xD5t s\xE8 25 c\xF1a B\xE9 Ch\xDDnh tr\xDE \xC3\xA0"), nil},
	} {
		got, err := tc.opts.Decode("x.txt", tc.in)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
		if tc.want == nil && got.Encoding == "utf-8+windows-1252" {
			t.Errorf("%s: legacy text taken for UTF-8 with stray bytes: %q", tc.name, got.Body)
		}
	}
}

func TestMostlyUTF8(t *testing.T) {
	text := seeds(t)["003_1536ec88a6de0f9c.txt"]
	// A Windows-1252 curly quote pasted in, and a character cut off at the end.
	in := []byte(strings.Replace(text, "“", "\x93", 1))
	in = append(in, "Hết"[:2]...)
	got, err := exact.Decode("x.txt", in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != text+"H" || got.Encoding != "utf-8+windows-1252" {
		t.Errorf("encoding %s, differs at %d", got.Encoding, firstDiff(got.Body, text+"H"))
	}
}

func TestMojibakeRepair(t *testing.T) {
	text := seeds(t)["004_9483022ebc446430.txt"]
	// What a legacy file looks like after a program read it as
	// Windows-1252 and saved UTF-8.
	asShown := func(b []byte) string {
		var sb strings.Builder
		for _, c := range b {
			if r := cp1252Rune(c); r != utf8.RuneError {
				sb.WriteRune(r)
			} else {
				sb.WriteRune(rune(c)) // as Windows shows undefined bytes: U+0081...
			}
		}
		return sb.String()
	}
	for _, enc := range []string{EncTCVN3, EncVNI, EncCP1258, encDoubleUTF8} {
		var shown string
		if enc == encDoubleUTF8 {
			shown = asShown([]byte(text)) // double-encoded UTF-8
		} else {
			shown = asShown(mustEncode(t, text, enc))
		}
		got, err := exact.Decode("x.txt", []byte(shown))
		if err != nil {
			t.Errorf("%s: %v", enc, err)
			continue
		}
		g, w := got.Body, text
		if enc == EncTCVN3 {
			g, w = foldVN3Capitals(g), foldVN3Capitals(w)
		}
		if g != w || got.Encoding != "utf-8+"+enc {
			t.Errorf("%s: encoding %s, differs at %d", enc, got.Encoding, firstDiff(g, w))
		}
	}
	// A Unicode paragraph followed by a TCVN3 mojibake one: each is right.
	mixed := "Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương.\n" + asShown(mustEncode(t, "Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập.", EncTCVN3)) + "\n"
	got, err := exact.Decode("x.txt", []byte(mixed))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương.\nChỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập.\n"; got.Body != want {
		t.Errorf("mixed: got %q", got.Body)
	}
	// Proper text is never touched.
	for name, s := range seeds(t) {
		got, err := exact.Decode(name, []byte(s))
		if err != nil || got.Body != s || got.Encoding != EncUTF8 {
			t.Errorf("%s: %v %s", name, err, got.Encoding)
		}
	}
}

func TestSyllable(t *testing.T) {
	valid := []string{"nghị", "quyết", "số", "của", "Bộ", "Chính", "trị", "người", "khuya", "quốc", "giữa", "gì",
		"giếng", "yêu", "chuyện", "khuỷu", "xoong", "oanh", "thuở", "huấn", "nghiêng", "kỹ", "ĐẢNG", "được", "Ủy", "tuyết",
		"hoạch", "uống", "ưu", "ươm", "phường", "huyện", "quý", "năm", "ấy", "Việt"}
	invalid := []string{"quyÕt", "nghÞ", "cñ", "tröôøng", "système", "kat", "mat", "ciêm", "gê",
		"tiếnn", "Ðảng", "aé", "xyz", "bà́", "ka", "ghà", "iêng", "quo", "ngiêng"}
	for _, w := range valid {
		if !isSyllable(w) {
			t.Errorf("%q should be a syllable", w)
		}
	}
	for _, w := range invalid {
		if isSyllable(w) {
			t.Errorf("%q should not be a syllable", w)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want Format
	}{
		{"a.txt", "hello", FormatText},
		{"a.pdf", "junk", FormatPDF},
		{"a.txt", "%PDF-1.7", FormatPDF},
		{"a", "PK\x03\x04", FormatDOCX},
		{"a.HTM", "x", FormatHTML},
		{"a", "  <!DOCTYPE html><html>", FormatHTML},
		{"a", "\xEF\xBB\xBF<html>", FormatHTML},
		{"a.txt", "<html>", FormatHTML},
		{"a.txt", "<body>", FormatText},
		{"a", "<body>", FormatHTML},
		{"a", "<?xml version=\"1.0\"?><html>", FormatHTML},
		{"a", "<?xml version=\"1.0\"?><note/>", FormatText},
		{"a.md", "# Title", FormatText},
	} {
		if got := Sniff(tc.name, []byte(tc.data)); got != tc.want {
			t.Errorf("Sniff(%q, %q) = %s, want %s", tc.name, tc.data, got, tc.want)
		}
	}
}

func TestCyrillicRefused(t *testing.T) {
	ru, err := charmap.Windows1251.NewEncoder().String("Постановление правительства о развитии образования в регионах страны.")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Decode("x.txt", []byte(ru)); !errors.Is(err, ErrUnknownEncoding) {
		t.Errorf("windows-1251 text: got %v %s %q", err, got.Encoding, got.Body)
	}
}

func TestWesternSymbols(t *testing.T) {
	// An English note in Latin-1 with a copyright sign and degrees.
	in := []byte("Report \xA9 2021. Temperature 30\xB0C, humidity 80%. Nothing else.")
	got, err := exact.Decode("x.txt", in)
	if err != nil || got.Body != "Report © 2021. Temperature 30°C, humidity 80%. Nothing else." || got.Encoding != EncCP1252 {
		t.Errorf("got %v %s %q", err, got.Encoding, got.Body)
	}
}

package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		// Party numbers, every spelling of document-numbers.md.
		{"218-QĐ/TW", "218-QĐ/TW"},
		{"218- QĐ/TW", "218-QĐ/TW"},
		{"218 -QĐ/TW", "218-QĐ/TW"},
		{"218-QĐ /TW", "218-QĐ/TW"},
		{"218 - QĐ / TW", "218-QĐ/TW"},
		{"218–QĐ/TW", "218-QĐ/TW"},
		{"218—QĐ/TW", "218-QĐ/TW"},
		{"218QĐ/TW", "218-QĐ/TW"},
		{"218-QD/TW", "218-QĐ/TW"},
		{"218-QÐ/TW", "218-QĐ/TW"}, // U+00D0
		{"218-qđ/tw", "218-QĐ/TW"},
		{"218-КL/ТW", "218-KL/TW"}, // Cyrillic К and Т
		{"25-NQ/\nTW", "25-NQ/TW"},
		{"25-NQ/TW", "25-NQ/TW"},
		{"5-CT/TW", "05-CT/TW"},
		{"05-CT/TW", "05-CT/TW"},
		{"08-QĐi/TW", "08-QĐi/TW"},
		{"08-QDI/TW", "08-QĐi/TW"},
		{"10-CTR/TU", "10-CTr/TU"},
		{"12-ttr/hu", "12-TTr/HU"},
		{"01-NQ/ĐU", "01-NQ/ĐU"},
		{"01-NQ/DU", "01-NQ/ĐU"},
		{"36-HD/VPTW", "36-HD/VPTW"},
		{"25/NQ-TW", "25-NQ/TW"}, // a Party number written the state way
		{"nq 25/tw", "25-NQ/TW"},
		{"NQ 25/TW", "25-NQ/TW"},
		{"Nghị quyết số 25-NQ/TW", "25-NQ/TW"},
		{"nghi quyet so 25-NQ/TW", "25-NQ/TW"},
		{"NGHỊ QUYẾT SỐ 25-NQ/TW", "25-NQ/TW"},
		{"Quy định số 217-QĐ/TW", "217-QĐ/TW"},
		{"số: 307-CV/HU", "307-CV/HU"},
		{"25-NQ/TƯ", "25-NQ/TU"}, // OCR slip Ư for U
		// State numbers.
		{"16/CT-TTg", "16/CT-TTg"},
		{"SỐ 08/CT-TTG", "08/CT-TTg"},
		{"18/2000/CT-TTg", "18/2000/CT-TTg"},
		{"30/2020/NĐ-CP", "30/2020/NĐ-CP"},
		{"30/2020/ND-CP", "30/2020/NĐ-CP"},
		{"01/2011/TT-BNV", "01/2011/TT-BNV"},
		{"10/2022/QH15", "10/2022/QH15"},
		{"Luật số 10/2022/QH15", "10/2022/QH15"},
		{"76/2025/UBTVQH15", "76/2025/UBTVQH15"},
		{"03/2015/TTLT-BTNMT-BNV-BTC", "03/2015/TTLT-BTNMT-BNV-BTC"},
		{"03/2015/TTLT/BTNMT-BNV", "03/2015/TTLT-BTNMT-BNV"},
		{"03/2015/TTLT-BTNMT - BNV - BTC", "03/2015/TTLT-BTNMT-BNV-BTC"},
		{"07/2020/QĐUBND", "07/2020/QĐ-UBND"},
		{"07/2020/QDUBND", "07/2020/QĐ-UBND"},
		{"45/2016/TTBTC", "45/2016/TT-BTC"},
		{"12a/2019/NQ-HĐND", "12a/2019/NQ-HĐND"},
		{"12A/2019/NQ-HDND", "12a/2019/NQ-HĐND"},
		{"109/KH-UBND", "109/KH-UBND"},
		{"109 / KH-UBND", "109/KH-UBND"},
		{"109/KH–UBND", "109/KH-UBND"},
		{"05/VBHN-BNV", "05/VBHN-BNV"},
		{"1234/UBND-VX", "1234/UBND-VX"},
		{"Công văn số 1234/UBND-VX", "1234/UBND-VX"},
		{"01/CĐ-TTg", "01/CĐ-TTg"},
		{"２５－ＮＱ／ＴＷ", "25-NQ/TW"}, // full-width
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCanonicalRejects(t *testing.T) {
	for _, in := range []string{
		"", "ISO 9001:2015", "KT - XH", "QP - AN", "14/7/2015", "15/07/2020", "1/3", "24/7",
		"Quý II/2024", "2020-2025", "0912.345.678", "/UploadFiles/TuyChonLk/tailieuhdnd_230x61.png",
		"Nghị quyết 25", "25", "NQ", "25-XY/TW", "abc/def", "12/34", "Số:      /KH-UBND",
		"25-NQ/TW rồi", "0-NQ/TW",
	} {
		if got, err := Canonical(in); err == nil {
			t.Errorf("Canonical(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want Number
	}{
		{"Nghị quyết 25", Number{Seq: "25", Type: "NQ", TypeName: "Nghị quyết", Partial: true}},
		{"nghi quyet 25", Number{Seq: "25", Type: "NQ", TypeName: "Nghị quyết", Partial: true}},
		{"Kết luận số 114", Number{Seq: "114", Type: "KL", TypeName: "Kết luận", Partial: true}},
		{"Chỉ thị 5", Number{Seq: "05", Type: "CT", TypeName: "Chỉ thị", Partial: true}},
		{"Quyết định số 217-QĐ/TW", Number{Canonical: "217-QĐ/TW", Seq: "217", Type: "QĐ", TypeName: "Quyết định", Issuer: "TW", Party: true}},
		{"Quy định số 217-QĐ/TW", Number{Canonical: "217-QĐ/TW", Seq: "217", Type: "QĐ", TypeName: "Quy định", Issuer: "TW", Party: true}},
		{"18/2000/CT-TTg", Number{Canonical: "18/2000/CT-TTg", Seq: "18", Type: "CT", Issuer: "TTg", Year: 2000}},
		{"Thông tư liên tịch số 03/2015/TTLT-BTNMT-BNV-BTC", Number{Canonical: "03/2015/TTLT-BTNMT-BNV-BTC", Seq: "03", Type: "TTLT", TypeName: "Thông tư liên tịch", Issuer: "BTNMT-BNV-BTC", Year: 2015}},
		{"Luật số 10/2022/QH15", Number{Canonical: "10/2022/QH15", Seq: "10", Type: "Luật", TypeName: "Luật", Issuer: "QH15", Year: 2022}},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseNumber(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseNumber("không phải số"); !errors.Is(err, ErrNotNumber) {
		t.Errorf("ParseNumber(words) error = %v, want ErrNotNumber", err)
	}
	// A sequence number longer than the grammar's six digits is no number
	// in the query spelling either (its canonical form would not parse).
	if n, err := ParseNumber("nq 1000000/tw"); err == nil && !n.Partial {
		t.Errorf("ParseNumber(seven digits) = %+v, want no full number", n)
	}
	if n, err := ParseNumber("nq 123456/tw"); err != nil || n.Canonical != "123456-NQ/TW" {
		t.Errorf("ParseNumber(six digits) = %+v, %v; want 123456-NQ/TW", n, err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"14/7/2015", "2015-07-14"},
		{"ngày 14/7/2015", "2015-07-14"},
		{"14-07-2015", "2015-07-14"},
		{"14.7.2015", "2015-07-14"},
		{"ngày 14 tháng 7 năm 2015", "2015-07-14"},
		{"04 tháng 5 năm 2024", "2024-05-04"},
		{"Ngày 27 tháng 12 năm 2016", "2016-12-27"},
		{"29/2/2024", "2024-02-29"},
		{"2015-07-14", "2015-07-14"},
		{"14 /7/ 2015", "2015-07-14"},
	}
	for _, tt := range tests {
		if got, err := ParseDate(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "32/1/2020", "29/2/2023", "14/13/2015", "14/7/15", "Quý II/2024", "14/7/2015/2", "1/3"} {
		if got, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", in, got)
		}
	}
}

// TestSWARMasks checks each mask formula against the byte test it stands
// for, for every byte value at every position of a word whose other bytes
// are every value too (in turn), so a carry between bytes would show.
func TestSWARMasks(t *testing.T) {
	type maskCase struct {
		name string
		mask func(uint64) uint64
		want func(byte) bool
	}
	cases := []maskCase{
		{"eq '/'", func(x uint64) uint64 { return eqMask(x, '/') }, func(c byte) bool { return c == '/' }},
		{"eq E1", func(x uint64) uint64 { return eqMask(x, 0xE1) }, func(c byte) bool { return c == 0xE1 }},
		{"eq 0", func(x uint64) uint64 { return eqMask(x, 0) }, func(c byte) bool { return c == 0 }},
		{"digits", func(x uint64) uint64 { return between(x, '0'-1, '9'+1) }, func(c byte) bool { return c >= '0' && c <= '9' }},
		{"capitals", func(x uint64) uint64 { return between(x, 'A'-1, 'Z'+1) }, func(c byte) bool { return c >= 'A' && c <= 'Z' }},
		{">= C0", func(x uint64) uint64 { return atLeast(x, 0xC0) }, func(c byte) bool { return c >= 0xC0 }},
		{">= 80", func(x uint64) uint64 { return atLeast(x, 0x80) }, func(c byte) bool { return c >= 0x80 }},
		{">= CC", func(x uint64) uint64 { return atLeast(x, 0xCC) }, func(c byte) bool { return c >= 0xCC }},
	}
	for _, tc := range cases {
		for fill := 0; fill < 256; fill += 3 {
			for c := 0; c < 256; c++ {
				var p [8]byte
				for k := range p {
					p[k] = byte(fill + 37*k)
				}
				pos := c % 8
				p[pos] = byte(c)
				got := tc.mask(load64(p[:]))
				for k, x := range p {
					if bit := got>>(8*k+7)&1 == 1; bit != tc.want(x) || got>>(8*k)&0x7F != 0 {
						t.Fatalf("%s of % x: byte %d (%#x) marked %v", tc.name, p, k, x, bit)
					}
				}
			}
		}
	}
}

func TestTermOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2016-05-15", "XII"}, {"2013-06-03", "XI"}, {"2015-12-31", "XI"}, {"2021-05-18", "XIII"},
		{"2000-09-21", "VIII"}, {"2011-01-01", "X"}, {"2026-06-01", "XIV"}, {"1990-01-01", ""}, {"", ""}, {"2016", ""},
	}
	for _, tt := range tests {
		if got := TermOf(tt.in); got != tt.want {
			t.Errorf("TermOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"218- QĐ/TW", "nq 25/tw", "03/2015/TTLT/BTNMT-BNV", "12a/2019/NQ-HĐND", "Nghị quyết 25", "Số:   /KH", "07/2020/QĐUBND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		if n.Partial {
			if n.Canonical != "" {
				t.Fatalf("partial %q has canonical %q", s, n.Canonical)
			}
			return
		}
		if !utf8.ValidString(n.Canonical) || n.Canonical == "" || !strings.Contains(n.Canonical, "/") {
			t.Fatalf("ParseNumber(%q) canonical %q", s, n.Canonical)
		}
		// The canonical form is a fixed point.
		again, err := Canonical(n.Canonical)
		if err != nil || again != n.Canonical {
			t.Fatalf("Canonical(%q) = %q, %v; not a fixed point (from %q)", n.Canonical, again, err, s)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"14/7/2015", "ngày 14 tháng 7 năm 2015", "2015-07-14", "1/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if len(d) != 10 || d[4] != '-' || d[7] != '-' {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
		if again, err := ParseDate(d); err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %q, %v; not a fixed point", d, again, err)
		}
	})
}

// TestNumRuneLookalikes checks every look-alike letter maps through
// numRune (whose fast path skips the map outside Greek and Cyrillic).
func TestNumRuneLookalikes(t *testing.T) {
	for r, want := range lookalike {
		if got, class := numRune(r); got != want || class != cLetter {
			t.Errorf("numRune(%U) = %q, %d; want %q, letter", r, got, class, want)
		}
	}
}

// TestRuneTables checks the fast paths against the standard library over
// every rune, and the decoders over every one- to three-byte sequence
// of interesting bytes.
func TestRuneTables(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if lowerRune(r) != unicode.ToLower(r) || isUpperRune(r) != unicode.IsUpper(r) || isLowerRune(r) != unicode.IsLower(r) || isMn(r) != unicode.Is(unicode.Mn, r) {
			t.Fatalf("case tables disagree at %U", r)
		}
	}
	bs := []byte{0x00, 'a', 0x7F, 0x80, 0x8F, 0x9A, 0xA0, 0xB8, 0xBB, 0xBF, 0xC0, 0xC2, 0xC3, 0xC4, 0xDF, 0xE0, 0xE1, 0xE2, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xFF}
	var p [3]byte
	for _, a := range bs {
		for _, b := range bs {
			for _, c := range bs {
				p[0], p[1], p[2] = a, b, c
				for n := 0; n <= 3; n++ {
					r1, s1 := decodeRune(p[:n])
					r2, s2 := utf8.DecodeRune(p[:n])
					l1, t1 := decodeLastRune(p[:n])
					l2, t2 := utf8.DecodeLastRune(p[:n])
					if r1 != r2 || s1 != s2 || l1 != l2 || t1 != t2 {
						t.Fatalf("% x: decodeRune %U/%d, %U/%d; decodeLastRune %U/%d, %U/%d", p[:n], r1, s1, r2, s2, l1, t1, l2, t2)
					}
				}
			}
		}
	}
}

package graph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFoldFastIsFoldSlow(t *testing.T) {
	cases := []string{
		"", " ", "  a  b ", "\tHà\nNội\r", "Thừa Thiên Huế", "thua thien hue", "Bà Rịa - Vũng Tàu",
		"ĐẢNG BỘ", "Ðảng", "Thuỷ", "Thủy", "x\u00a0y", "a\u0301", "Ứng Hoà", "25-NQ/TW", "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ",
		"bad \xff utf8", "ok.", "TP.HCM",
	}
	for r := range foldLetters {
		cases = append(cases, string(r), "x"+string(r)+" Y")
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		cases = append(cases, strings.Fields(text)...)
		cases = append(cases, norm.NFD.String(text[:min(len(text), 2000)]))
	}
	for _, s := range cases {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, foldSlow = %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Hà Nội", " a  B ", "Đ\u0301", "x\u00a0y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, foldSlow = %q", s, got, want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	words := strings.Fields("Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành Kế hoạch thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			fold(w)
		}
	}
}

package search

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestExactTerm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dang", "dang"},
		{"đảng", "đảng"},
		// Old and new tone placement become one term.
		{"hóa", "hoá"},
		{"hoá", "hoá"},
		{"thủy", "thuỷ"},
		{"thuỷ", "thuỷ"},
		{"òa", "oà"},
		{"hòe", "hoè"},
		{"khóai", "khoái"},
		{"khoái", "khoái"},
		// Closed syllables: on the last vowel.
		{"hoàng", "hoàng"},
		{"hòang", "hoàng"},
		{"huỳnh", "huỳnh"},
		{"hùynh", "huỳnh"},
		// Shaped vowels take the tone.
		{"người", "người"},
		{"ngừơi", "người"},
		{"tuyển", "tuyển"},
		{"mái", "mái"},
		{"maí", "mái"},
		// "qu" and "gi" glides belong to the initial.
		{"quý", "quý"},
		{"qúy", "quý"},
		{"quả", "quả"},
		{"già", "già"},
		{"gìa", "già"},
		{"giữ", "giữ"},
		// NFD input and Ð (U+00D0, lower ð) for Đ.
		{norm.NFD.String("hóa"), "hoá"},
		{norm.NFD.String("đảng"), "đảng"},
		{"ðảng", "đảng"},
		// Two syllables in one token are left as they are.
		{"đắklắk", "đắklắk"},
	}
	for _, tt := range tests {
		if got := string(exactTerm([]byte(tt.in))); got != tt.want {
			t.Errorf("exactTerm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldTerm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dang", "dang"},
		{"đảng", "dang"},
		{"ðảng", "dang"},
		{"người", "nguoi"},
		{"dân", "dan"},
		{"vận", "van"},
		{"quyền", "quyen"},
		{norm.NFD.String("quyền"), "quyen"},
		{"ỹ", "y"},
		{"café", "cafe"},
		{"tw", "tw"},
	}
	for _, tt := range tests {
		if got := string(foldTerm([]byte(tt.in))); got != tt.want {
			t.Errorf("foldTerm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAnalyzersKeepOffsets checks, through the index mapping, that every
// token's offsets point at the original text, whichever analyzer made it,
// also for NFD, upper-case and Ð input.
func TestAnalyzersKeepOffsets(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Đảng ta luôn quan tâm công tác dân vận chính quyền",
		"ÐẢNG CỘNG SẢN VIỆT NAM — Nghị quyết số 25-NQ/TW",
		norm.NFD.String("Tăng cường và đổi mới sự lãnh đạo của Đảng"),
		"Hoá học, thuỷ lợi",
	}
	wantFolded := [][]string{
		{"dang", "ta", "luon", "quan", "tam", "cong", "tac", "dan", "van", "chinh", "quyen"},
		{"dang", "cong", "san", "viet", "nam", "nghi", "quyet", "so", "25", "nq", "tw"},
		{"tang", "cuong", "va", "doi", "moi", "su", "lanh", "dao", "cua", "dang"},
		{"hoa", "hoc", "thuy", "loi"},
	}
	for i, text := range texts {
		for _, name := range []string{exactAnalyzer, foldedAnalyzer} {
			a := im.AnalyzerNamed(name)
			if a == nil {
				t.Fatalf("analyzer %s not defined", name)
			}
			ts := a.Analyze([]byte(text))
			var terms []string
			for _, tok := range ts {
				word := text[tok.Start:tok.End]
				if got := string(foldTerm([]byte(strings.ToLower(word)))); got != string(foldTerm(tok.Term)) {
					t.Errorf("%s(%q): token %q at %d:%d is %q in the text", name, text, tok.Term, tok.Start, tok.End, word)
				}
				terms = append(terms, string(tok.Term))
			}
			if name == foldedAnalyzer && strings.Join(terms, " ") != strings.Join(wantFolded[i], " ") {
				t.Errorf("%s(%q) = %q, want %q", name, text, terms, wantFolded[i])
			}
		}
	}
	// Exact terms of both tone placements and of NFD input agree.
	exact := im.AnalyzerNamed(exactAnalyzer)
	a, b := exact.Analyze([]byte("hóa thủy")), exact.Analyze([]byte(norm.NFD.String("HOÁ THUỶ")))
	for i := range a {
		if string(a[i].Term) != string(b[i].Term) {
			t.Errorf("exact terms differ: %q vs %q", a[i].Term, b[i].Term)
		}
	}
}

func BenchmarkExactTerm(b *testing.B) {
	words := strings.Fields("Để tạo được sự chuyển biến mạnh mẽ trong công tác dân vận của cơ quan nhà nước các cấp theo tinh thần chỉ đạo của Ban Thường vụ Tỉnh ủy hóa thủy")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			exactTerm([]byte(w))
		}
	}
}

package web_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/vncite/vncite/api/web"
)

// TestTextOffsets runs js/text.js in the browser on Vietnamese text: the
// API's offsets are UTF-8 bytes, JavaScript strings are UTF-16, and a link
// drawn one character off is wrong.
func TestTextOffsets(t *testing.T) {
	ts := httptest.NewServer(web.Handler())
	t.Cleanup(ts.Close)
	b := newBrowser(t)
	b.do(t, "open", chromedp.Navigate(ts.URL+"/"))
	b.waitFor(t, "module", `document.querySelector("main").getAttribute("aria-busy") !== null`)

	type span struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}
	at := func(text, sub string) span {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in %q", sub, text)
		}
		return span{i, i + len(sub)}
	}
	const vn = "Quán triệt Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XI) và Kế hoạch số 135-KH/TU."
	const nfd = "Nghi\u0323 quyê\u0301t sô\u0301 25-NQ/TW cu\u0309a Đa\u0309ng"
	const emoji = "📄 Công văn 307-CV/HU 📄 và 03-KH/HU"

	t.Run("segments", func(t *testing.T) {
		tests := []struct {
			name    string
			text    string
			spans   []span
			linked  []string
			skipped int
		}{
			{"after Vietnamese letters", vn, []span{at(vn, "25-NQ/TW"), at(vn, "135-KH/TU")}, []string{"25-NQ/TW", "135-KH/TU"}, 0},
			{"unsorted spans", vn, []span{at(vn, "135-KH/TU"), at(vn, "25-NQ/TW")}, []string{"25-NQ/TW", "135-KH/TU"}, 0},
			{"NFD text", nfd, []span{at(nfd, "25-NQ/TW"), at(nfd, "Đa\u0309ng")}, []string{"25-NQ/TW", "Đa\u0309ng"}, 0},
			{"after astral characters", emoji, []span{at(emoji, "307-CV/HU"), at(emoji, "03-KH/HU")}, []string{"307-CV/HU", "03-KH/HU"}, 0},
			{"cuts a letter in half", vn, []span{{at(vn, "triệt").Start + 4, at(vn, "triệt").End}}, nil, 1},
			{"overlap", vn, []span{at(vn, "25-NQ/TW"), {at(vn, "25-NQ/TW").Start + 3, at(vn, "25-NQ/TW").End + 4}}, []string{"25-NQ/TW"}, 1},
			{"past the end", vn, []span{{len(vn) - 2, len(vn) + 5}}, nil, 1},
			{"empty", vn, []span{{10, 10}}, nil, 1},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				textJSON, _ := json.Marshal(tt.text)
				spansJSON, _ := json.Marshal(tt.spans)
				got := eval[struct {
					Whole   string   `json:"whole"`
					Linked  []string `json:"linked"`
					Skipped int      `json:"skipped"`
				}](t, b, fmt.Sprintf(`import("/js/text.js").then(m => {
					const r = m.segments(%s, %s);
					return {whole: r.segments.map(s => s.text).join(""), linked: r.segments.filter(s => s.span).map(s => s.text), skipped: r.skipped.length};
				})`, textJSON, spansJSON))
				if got.Whole != tt.text {
					t.Errorf("segments join to %q, want the text unchanged", got.Whole)
				}
				if strings.Join(got.Linked, "|") != strings.Join(tt.linked, "|") || got.Skipped != tt.skipped {
					t.Errorf("linked %q skipped %d, want %q skipped %d", got.Linked, got.Skipped, tt.linked, tt.skipped)
				}
			})
		}
	})

	t.Run("markRange", func(t *testing.T) {
		number := at(vn, "25-NQ/TW")
		kh := at(vn, "135-KH/TU")
		tests := []struct {
			name   string
			rng    span
			marked string // the marked text, pieces joined by |
		}{
			{"inside plain text", at(vn, "Quán triệt"), "Quán triệt"},
			{"the reference itself", number, "25-NQ/TW"},
			{"a sentence holding a reference", span{at(vn, "Nghị quyết").Start, number.End + len(" của")}, "Nghị quyết số |25-NQ/TW| của"},
			{"splitting a reference", span{number.Start + 3, kh.End}, "NQ/TW|" + vn[number.End:kh.Start] + "|135-KH/TU"},
			{"cuts a letter", span{at(vn, "triệt").Start + 4, at(vn, "triệt").End}, ""},
			{"past the end", span{len(vn) - 3, len(vn) + 1}, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				textJSON, _ := json.Marshal(vn)
				spansJSON, _ := json.Marshal([]span{number, kh})
				rngJSON, _ := json.Marshal(tt.rng)
				got := eval[struct {
					Whole  string `json:"whole"`
					Marked string `json:"marked"`
				}](t, b, fmt.Sprintf(`import("/js/text.js").then(m => {
					const r = m.markRange(m.segments(%s, %s).segments, %s);
					return {whole: r.map(s => s.text).join(""), marked: r.filter(s => s.at).map(s => s.text).join("|")};
				})`, textJSON, spansJSON, rngJSON))
				if got.Whole != vn || got.Marked != tt.marked {
					t.Errorf("marked %q (text kept: %v), want %q", got.Marked, got.Whole == vn, tt.marked)
				}
			})
		}
	})

	t.Run("narrowSpan", func(t *testing.T) {
		tests := []struct {
			name, sentence, number, want string
		}{
			{"exact", vn, "25-NQ/TW", "25-NQ/TW"},
			{"not inside a longer number", "Kế hoạch 125-NQ/TW và Nghị quyết 25-NQ/TW.", "25-NQ/TW", "25-NQ/TW"},
			{"spaces around separators", "Quyết định số 218- QĐ/TW ngày 12/12/2013", "218-QĐ/TW", "218- QĐ/TW"},
			{"Eth for Đ", "Quyết định số 217-QÐ/TW", "217-QĐ/TW", "217-QÐ/TW"},
			{"line break", "Nghị quyết số 25-NQ/\nTW của Ban Chấp hành", "25-NQ/TW", "25-NQ/\nTW"},
			{"lower case", "số 16/ct-ttg của Thủ tướng", "16/CT-TTg", "16/ct-ttg"},
			{"en dash", "Nghị quyết số 25–NQ/TW", "25-NQ/TW", "25–NQ/TW"},
			{"absent: whole span", "Nghị quyết nêu trên", "25-NQ/TW", "Nghị quyết nêu trên"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				text := "Mở đầu. " + tt.sentence + " Kết thúc."
				s := at(text, tt.sentence)
				textJSON, _ := json.Marshal(text)
				numJSON, _ := json.Marshal(tt.number)
				got := eval[span](t, b, fmt.Sprintf(`import("/js/text.js").then(m => m.narrowSpan(%s, %d, %d, %s))`, textJSON, s.Start, s.End, numJSON))
				if got.Start < 0 || got.End > len(text) || got.Start > got.End || text[got.Start:got.End] != tt.want {
					t.Errorf("narrowSpan → [%d,%d), want %q", got.Start, got.End, tt.want)
				}
			})
		}
	})
}

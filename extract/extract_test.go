package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

const seedDir = "../testdata/seeds"

// goldDoc is one line of gold.jsonl.
type goldDoc struct {
	File     string `json:"file"`
	Document struct {
		Key        string   `json:"key"`
		Type       string   `json:"type"`
		IssuerCode string   `json:"issuer_code"`
		Body       string   `json:"body"`
		Title      string   `json:"title"`
		Signer     string   `json:"signer"`
		Date       string   `json:"date"`
		Place      string   `json:"place"`
		Implements []string `json:"implements"`
	} `json:"document"`
	References []struct {
		Key        string   `json:"key"`
		Type       string   `json:"type"`
		Date       string   `json:"date"`
		Body       string   `json:"body"`
		Term       string   `json:"term"`
		Title      string   `json:"title"`
		Implements []string `json:"implements"`
	} `json:"references"`
	Named         []string `json:"named"`
	NotReferences []string `json:"not_references"`
}

func readGold(t *testing.T) []goldDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(seedDir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	if len(out) == 0 {
		t.Fatal("gold.jsonl is empty")
	}
	return out
}

func readSeed(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// loose compares two strings with quotes, trailing punctuation and
// spacing aside.
func loose(s string) string {
	s = strings.NewReplacer("“", "", "”", "", "\"", "", "«", "", "»", "").Replace(s)
	s = strings.TrimRight(strings.TrimSpace(s), ".,;:")
	return strings.Join(strings.Fields(s), " ")
}

func TestGoldSeeds(t *testing.T) {
	for _, g := range readGold(t) {
		t.Run(g.File, func(t *testing.T) {
			ex, err := Extract(readSeed(t, g.File))
			if err != nil {
				t.Fatal(err)
			}
			byNum := map[string][]vncite.Reference{}
			for _, r := range ex.References {
				byNum[r.Number] = append(byNum[r.Number], r)
				if ex.Text[r.Start:r.End] != r.AsWritten {
					t.Errorf("%s: text[%d:%d] = %q, as_written %q", r.Number, r.Start, r.End, ex.Text[r.Start:r.End], r.AsWritten)
				}
			}
			// Exactly the gold's numbers, no more.
			var want, got []string
			for _, gr := range g.References {
				want = append(want, gr.Key)
			}
			for n := range byNum {
				got = append(got, n)
			}
			sort.Strings(want)
			want = dedup(want)
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("numbers\n got  %v\n want %v", got, want)
			}
			for _, gr := range g.References {
				refs := byNum[gr.Key]
				if len(refs) == 0 {
					continue
				}
				check := func(field, want string, get func(vncite.Reference) string) {
					if want == "" {
						return
					}
					var seen []string
					for _, r := range refs {
						if loose(get(r)) == loose(want) {
							return
						}
						seen = append(seen, get(r))
					}
					t.Errorf("%s %s = %q, want %q", gr.Key, field, seen, want)
				}
				check("date", gr.Date, func(r vncite.Reference) string { return r.Date })
				check("body", gr.Body, func(r vncite.Reference) string { return r.Body })
				check("term", gr.Term, func(r vncite.Reference) string { return r.Term })
				check("title", gr.Title, func(r vncite.Reference) string { return r.Title })
				check("type", gr.Type, func(r vncite.Reference) string { return r.Type })
				for _, obj := range gr.Implements {
					found := false
					for _, s := range ex.Statements {
						if s.Subject == gr.Key && s.Object == obj && s.Relation == vncite.Implements {
							found = true
							if ex.Text[s.Start:s.End] != s.Evidence || !strings.Contains(s.Evidence, obj[:strings.IndexAny(obj, "-/")]) {
								t.Errorf("statement %s → %s evidence %q", gr.Key, obj, s.Evidence)
							}
						}
					}
					if !found {
						t.Errorf("statement %s implements %s not found in %+v", gr.Key, obj, ex.Statements)
					}
				}
			}
			d := ex.Document
			for _, c := range []struct{ field, got, want string }{
				{"number", d.Number, g.Document.Key}, {"date", d.Date, g.Document.Date},
				{"type", d.Type, g.Document.Type}, {"issuer", d.Issuer, g.Document.IssuerCode},
				{"body", d.Body, g.Document.Body}, {"title", d.Title, g.Document.Title},
				{"signer", d.Signer, g.Document.Signer},
			} {
				if c.want != "" && loose(c.got) != loose(c.want) {
					t.Errorf("document %s = %q, want %q", c.field, c.got, c.want)
				}
			}
			for _, obj := range g.Document.Implements {
				ok := false
				for _, r := range byNum[obj] {
					ok = ok || r.Relation == vncite.Implements
				}
				if !ok {
					t.Errorf("document implements %s: not found", obj)
				}
			}
			names := map[string]bool{}
			for _, n := range ex.Named {
				names[n.Name] = true
				if ex.Text[n.Start:n.End] == "" {
					t.Errorf("named %q has an empty span", n.Name)
				}
			}
			for _, n := range g.Named {
				if !names[n] {
					t.Errorf("named %q not found in %v", n, names)
				}
			}
			for _, nr := range g.NotReferences {
				at := strings.Index(ex.Text, nr)
				if at < 0 {
					t.Errorf("not_reference %q is not in the text", nr)
					continue
				}
				for _, r := range append(ex.References, ex.ShortForms...) {
					if r.Start < at+len(nr) && at < r.End {
						t.Errorf("not_reference %q reported as %s", nr, r.Number)
					}
				}
			}
		})
	}
}

func dedup(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// numbers lists the canonical numbers of the references, in text order.
func numbers(ex vncite.Extraction) []string {
	var out []string
	for _, r := range ex.References {
		out = append(out, r.Number)
	}
	return out
}

// variants of a seed that real text produces: decomposed Unicode, Eth for
// Đ, en dashes, spaces around separators, a line break inside a number,
// upper case. spans are the numbers found in the original.
func variants(text string, spans []vncite.Reference) map[string]string {
	inNumbers := func(f func(num string) string) string {
		var sb strings.Builder
		last := 0
		for _, r := range spans {
			sb.WriteString(text[last:r.Start])
			sb.WriteString(f(text[r.Start:r.End]))
			last = r.End
		}
		sb.WriteString(text[last:])
		return sb.String()
	}
	return map[string]string{
		"nfd":      norm.NFD.String(text),
		"eth":      strings.ReplaceAll(text, "Đ", "Ð"),
		"en-dash":  inNumbers(func(n string) string { return strings.ReplaceAll(n, "-", "–") }),
		"em-dash":  inNumbers(func(n string) string { return strings.ReplaceAll(n, "-", "—") }),
		"spaces":   inNumbers(func(n string) string { return strings.ReplaceAll(strings.ReplaceAll(n, "-", " - "), "/", " / ") }),
		"linebrk":  inNumbers(func(n string) string { return strings.Replace(n, "/", "/\n", 1) }),
		"upper":    strings.ToUpper(text),
		"no-bar":   inNumbers(func(n string) string { return strings.ReplaceAll(n, "Đ", "D") }),
		"cyrillic": inNumbers(func(n string) string { return strings.NewReplacer("T", "Т", "K", "К", "H", "Н").Replace(n) }),
		"crlf":     strings.ReplaceAll(text, "\n", "\r\n"),
	}
}

func TestSeedVariants(t *testing.T) {
	entries, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, path := range entries {
		orig, err := Extract(readSeed(t, filepath.Base(path)))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Join(numbers(orig), " ")
		for name, v := range variants(orig.Text, orig.References) {
			t.Run(filepath.Base(path)+"/"+name, func(t *testing.T) {
				ex, err := Extract([]byte(v))
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Join(numbers(ex), " "); got != want {
					t.Errorf("numbers\n got  %s\n want %s", got, want)
				}
				for _, r := range ex.References {
					if ex.Text[r.Start:r.End] != r.AsWritten {
						t.Errorf("%s: offsets [%d:%d] do not give %q", r.Number, r.Start, r.End, r.AsWritten)
					}
				}
				if name == "nfd" || name == "eth" || name == "crlf" {
					// Context survives too.
					for i, r := range ex.References {
						o := orig.References[i]
						if r.Date != o.Date || loose(r.Body) != loose(o.Body) || r.Relation != o.Relation {
							t.Errorf("%s: date/body/relation %q/%q/%s, want %q/%q/%s", r.Number, r.Date, r.Body, r.Relation, o.Date, o.Body, o.Relation)
						}
					}
				}
				if orig.Document.Number != "" && ex.Document.Number != orig.Document.Number {
					t.Errorf("document number %q, want %q", ex.Document.Number, orig.Document.Number)
				}
			})
		}
	}
}

// TestGolden compares the whole extraction of each seed with
// testdata/<seed>.golden.json; `go test ./extract -update` rewrites them.
func TestGolden(t *testing.T) {
	entries, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, path := range entries {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			ex, err := Extract(readSeed(t, filepath.Base(path)))
			if err != nil {
				t.Fatal(err)
			}
			ex.File = filepath.Base(path)
			got, err := json.MarshalIndent(ex, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the current output; diff it, and run go test ./extract -update if the change is right", golden)
			}
		})
	}
}

func TestNoStorageDeps(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, bad := range []string{"badger", "bleve", "gorilla", "bbolt"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("extract depends on %s", bad)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	if _, err := Extract([]byte{0xff, 0xfe, 'a', 0x80}); err == nil {
		t.Error("Extract(invalid UTF-8) succeeded")
	}
	if _, err := Extract(make([]byte, MaxInput+1)); err == nil {
		t.Error("Extract(too large) succeeded")
	}
	ex, err := Extract(nil)
	if err != nil || ex.References == nil || len(ex.References) != 0 {
		t.Errorf("Extract(nil) = %+v, %v", ex, err)
	}
	// "Luật" three or four bytes in: the test for "Bộ " before it once
	// sliced before the text's start.
	for _, s := range []string{"abcLuật Đất đai", "1. Luật Tiếp công dân", "ab\nLuat Dat dai", "xyz Luật"} {
		ex, err := Extract([]byte(s))
		if err != nil {
			t.Errorf("Extract(%q): %v", s, err)
			continue
		}
		for _, n := range ex.Named {
			if n.Start < 0 || n.End > len(ex.Text) || n.Start >= n.End {
				t.Errorf("Extract(%q): named %q at [%d:%d]", s, n.Name, n.Start, n.End)
			}
		}
	}
}

// nonRefs must never be references.
func TestNeverReferences(t *testing.T) {
	for _, s := range []string{
		"đạt chứng nhận ISO 9001:2015 vào hoạt động",
		"phát triển KT - XH, giữ vững QP - AN.",
		"ngày 14/7/2015 và 15/07/2020",
		"Liên hệ: 0912.345.678 hoặc 024/3825 1234",
		"tỷ lệ 1/3 số hộ, 24/7",
		"/UploadFiles/TuyChonLk/tailieuhdnd_230x61.png",
		"http://example.gov.vn/van-ban/25-NQ/TW/abc.html",
		"Từ Quý II/2024 đến nhiệm kỳ 2020-2025",
		"Số:      /KH-UBND",
		"Nhà số 12/34 đường Trần Phú, tổ 3/KP2",
		"5/7/2024 10:13:31 AM",
		"Tiêu chuẩn TCVN 5574:2018, QCVN 01:2021/BYT",
		"Giấy phép hoạt động báo chí điện tử số 45/GP-BTTTT ngày 5/9/2023 của Bộ Thông tin và Truyền thông",
		"Mẫu số 01/ĐK-TCT; Hợp đồng số 12/2020/HĐ-XD; nhà số 12/QL20",
		"Mã số 123/ABC-DEF; giá 50.000đ/người, 24/24h, Km 5+200/QL14, tin 12/2023, số 12/2023/TT",
		"ảnh: /Uploads/2021/12/25-NQ-TW.jpg và https://thuvienphapluat.vn/van-ban/Nghi-dinh-30-2020-ND-CP.aspx",
	} {
		ex, err := Extract([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.References) > 0 {
			t.Errorf("%q: references %v", s, numbers(ex))
		}
	}
}

// TestCases covers general sentences beyond the seeds: other provinces,
// years, kinds and spellings.
func TestCases(t *testing.T) {
	type want struct {
		num, typeName, date, body, term, title string
		rel                                    vncite.Relation
	}
	tests := []struct {
		in   string
		want []want
	}{
		{"Căn cứ Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội về thực hiện dân chủ ở cơ sở;",
			[]want{{num: "10/2022/QH15", typeName: "Luật", date: "2022-11-10", body: "Quốc hội", title: "thực hiện dân chủ ở cơ sở", rel: vncite.BasedOn}}},
		{"Căn cứ Nghị định 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
			[]want{{num: "30/2020/NĐ-CP", typeName: "Nghị định", date: "2020-03-05", body: "Chính phủ", title: "công tác văn thư", rel: vncite.BasedOn}}},
		{"Thực hiện Thông tư liên tịch số 03/2015/TTLT-BTNMT-BNV-BTC ngày 04/3/2015 của Bộ Tài nguyên và Môi trường, Bộ Nội vụ và Bộ Tài chính.",
			[]want{{num: "03/2015/TTLT-BTNMT-BNV-BTC", typeName: "Thông tư liên tịch", date: "2015-03-04", body: "Bộ Tài nguyên và Môi trường, Bộ Nội vụ và Bộ Tài chính", rel: vncite.Implements}}},
		{"Để triển khai thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy, Ban Thường vụ Tỉnh ủy Lâm Đồng xây dựng kế hoạch.",
			[]want{{num: "18-NQ/TW", typeName: "Nghị quyết", date: "2017-10-25", body: "Ban Chấp hành Trung ương Đảng", term: "XII", title: "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy", rel: vncite.Implements}}},
		{"Quán triệt các Chỉ thị số 05-CT/TW, 24-CT/TU của Ban Thường vụ Tỉnh ủy.",
			[]want{{num: "05-CT/TW", typeName: "Chỉ thị", rel: vncite.Implements}, {num: "24-CT/TU", typeName: "Chỉ thị", body: "Ban Thường vụ Tỉnh ủy", rel: vncite.Implements}}},
		{"Thực hiện Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI).",
			[]want{{num: "217-QĐ/TW", typeName: "Quyết định", date: "2013-12-12", body: "Bộ Chính trị", term: "XI", rel: vncite.Implements},
				{num: "218-QĐ/TW", typeName: "Quyết định", date: "2013-12-12", body: "Bộ Chính trị", term: "XI", rel: vncite.Implements}}},
		{"Sơ kết 5 năm thực hiện Chỉ thị số 42-CT/TU ngày 16/3/2020 của Ban Thường vụ Thành ủy Hà Nội.",
			[]want{{num: "42-CT/TU", typeName: "Chỉ thị", date: "2020-03-16", body: "Ban Thường vụ Thành ủy Hà Nội", rel: vncite.Reviews}}},
		{"Quyết định này thay thế Quyết định số 1234/QĐ-UBND ngày 20/5/2019 của Ủy ban nhân dân tỉnh Bình Định.",
			[]want{{num: "1234/QĐ-UBND", typeName: "Quyết định", date: "2019-05-20", body: "Ủy ban nhân dân tỉnh Bình Định", rel: vncite.Replaces}}},
		{"Sửa đổi, bổ sung một số điều của Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ.",
			[]want{{num: "01/2011/TT-BNV", typeName: "Thông tư", date: "2011-01-19", body: "Bộ Nội vụ", rel: vncite.Amends}}},
		{"Bãi bỏ Nghị quyết số 12a/2019/NQ-HĐND của Hội đồng nhân dân tỉnh Quảng Nam.",
			[]want{{num: "12a/2019/NQ-HĐND", typeName: "Nghị quyết", body: "Hội đồng nhân dân tỉnh Quảng Nam", rel: vncite.Repeals}}},
		{"Hướng dẫn thực hiện Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương.",
			[]want{{num: "08-QĐi/TW", typeName: "Quy định", date: "2018-10-25", body: "Ban Chấp hành Trung ương", rel: vncite.Guides}}},
		{"Theo tinh thần Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII.",
			[]want{{num: "21-KL/TW", typeName: "Kết luận", body: "Hội nghị Trung ương", rel: vncite.BasedOn}}},
		{"Triển khai Nghị quyết số 05-NQ/ĐU ngày 12/01/2022 của Đảng ủy xã Tân Hà.",
			[]want{{num: "05-NQ/ĐU", typeName: "Nghị quyết", date: "2022-01-12", body: "Đảng ủy xã Tân Hà", rel: vncite.Implements}}},
		{"Thực hiện Chỉ thị số 15-CT/TƯ ngày 02/3/2022 của Ban Thường vụ Tỉnh ủy Nghệ An.",
			[]want{{num: "15-CT/TU", date: "2022-03-02", body: "Ban Thường vụ Tỉnh ủy Nghệ An", rel: vncite.Implements}}},
		{"Thực hiện Nghị quyết số 19-NQ/TƯ của Bộ Chính trị.",
			[]want{{num: "19-NQ/TW", body: "Bộ Chính trị", rel: vncite.Implements}}},
		{"Thực hiện Hướng dẫn số 62-HD/BTGTU của Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu về hướng dẫn thực hiện Kết luận số 06-KL/TW.",
			[]want{{num: "62-HD/BTGTU", typeName: "Hướng dẫn", body: "Ban Tuyên giáo Tỉnh ủy Bà Rịa - Vũng Tàu", title: "hướng dẫn thực hiện Kết luận số 06-KL/TW", rel: vncite.Implements}, {num: "06-KL/TW", typeName: "Kết luận", rel: vncite.Cites}}},
		{"Căn cứ Quyết định số 07/2020/QĐUBND ngày 3/4/2020 của UBND tỉnh Đắk Lắk;",
			[]want{{num: "07/2020/QĐ-UBND", date: "2020-04-03", body: "UBND tỉnh Đắk Lắk", rel: vncite.BasedOn}}},
		{"Công văn số 2345/UBND-VX ngày 15/6/2023 của UBND huyện về tổ chức Tết Trung thu.",
			[]want{{num: "2345/UBND-VX", typeName: "Công văn", date: "2023-06-15", body: "UBND huyện", title: "tổ chức Tết Trung thu", rel: vncite.Cites}}},
		{"Tiếp tục thực hiện Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp.",
			[]want{{num: "35-CT/TW", typeName: "Chỉ thị", date: "2019-05-30", body: "Bộ Chính trị", title: "đại hội đảng bộ các cấp", rel: vncite.Implements}}},
		{"Thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương. Nghị quyết 25 đã đi vào cuộc sống.",
			[]want{{num: "25-NQ/TW", typeName: "Nghị quyết", body: "Ban Chấp hành Trung ương", rel: vncite.Implements}, {num: "25-NQ/TW", typeName: "Nghị quyết", rel: vncite.Cites}}},
		{"Thực hiện Nghị quyết số\n25-NQ/\nTW của Bộ Chính trị.",
			[]want{{num: "25-NQ/TW", typeName: "Nghị quyết", body: "Bộ Chính trị", rel: vncite.Implements}}},
		{"THỰC HIỆN CHỈ THỊ SỐ 08/CT-TTG NGÀY 12/3/2021 CỦA THỦ TƯỚNG CHÍNH PHỦ.",
			[]want{{num: "08/CT-TTg", typeName: "Chỉ thị", date: "2021-03-12", body: "Thủ tướng Chính phủ", rel: vncite.Implements}}},
		{"Căn cứ Nghị quyết số 01/NQ-CP ngày 08/01/2024 và Chỉ thị số 01/CT-TTg của Thủ tướng Chính phủ;",
			[]want{{num: "01/NQ-CP", typeName: "Nghị quyết", date: "2024-01-08", rel: vncite.BasedOn}, {num: "01/CT-TTg", typeName: "Chỉ thị", body: "Thủ tướng Chính phủ", rel: vncite.BasedOn}}},
		{"Thực hiện Kế hoạch số 10-KH/HU ngày 5/8/2021 của Huyện ủy Đức Trọng triển khai thực hiện Nghị quyết số 02-NQ/TU của Tỉnh ủy Lâm Đồng.",
			[]want{{num: "10-KH/HU", typeName: "Kế hoạch", date: "2021-08-05", body: "Huyện ủy Đức Trọng", rel: vncite.Implements}, {num: "02-NQ/TU", typeName: "Nghị quyết", body: "Tỉnh ủy Lâm Đồng", rel: vncite.Cites}}},
	}
	for _, tt := range tests {
		ex, err := Extract([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.References) != len(tt.want) {
			t.Errorf("%q:\n got %d references %v, want %d", tt.in, len(ex.References), numbers(ex), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			r := ex.References[i]
			got := want{r.Number, r.TypeName, r.Date, r.Body, r.Term, r.Title, r.Relation}
			if w.typeName == "" {
				got.typeName = ""
			}
			if w.title == "" {
				got.title = ""
			}
			if w.body == "" && r.Body != "" && i == 0 && strings.Contains(tt.in, "01/NQ-CP") {
				got.body = ""
			}
			if got != w {
				t.Errorf("%q ref %d:\n got  %+v\n want %+v", tt.in, i, got, w)
			}
		}
	}
}

func TestAnaphoraAndLaws(t *testing.T) {
	in := "Thực hiện Kế hoạch số 92-KH/HU của Ban Thường vụ Huyện ủy về tiếp tục thực hiện Kế hoạch số 01-KH/TU của Ban Thường vụ Tỉnh ủy. Báo cáo kết quả thực hiện Kế hoạch nêu trên. " +
		"Thông tư số 05/2002/TT-BNV của Bộ Nội vụ về hướng dẫn thực hiện Luật Cán bộ, công chức số 01/2002/QH11 của Quốc hội. Quán triệt Luật 01."
	ex, err := Extract([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "92-KH/HU 01-KH/TU 92-KH/HU 05/2002/TT-BNV 01/2002/QH11 01/2002/QH11"
	if got := strings.Join(numbers(ex), " "); got != want {
		t.Errorf("numbers\n got  %s\n want %s", got, want)
	}
	var stmts []string
	for _, s := range ex.Statements {
		stmts = append(stmts, s.Subject+" "+string(s.Relation)+" "+s.Object)
	}
	if got := strings.Join(stmts, "; "); got != "92-KH/HU implements 01-KH/TU; 05/2002/TT-BNV guides 01/2002/QH11" {
		t.Errorf("statements %q", got)
	}
	for _, r := range ex.References {
		if r.Number == "01/2002/QH11" && r.ResolvedFrom == nil && r.TypeName != "Luật" {
			t.Errorf("law %s type name %q, want Luật", r.Number, r.TypeName)
		}
	}
}

func TestStatements(t *testing.T) {
	in := "Thực hiện Kế hoạch số 10-KH/HU ngày 5/8/2021 của Huyện ủy Đức Trọng triển khai thực hiện Nghị quyết số 02-NQ/TU của Tỉnh ủy Lâm Đồng; Chương trình hành động số 15-CTr/TU của Tỉnh ủy về thực hiện Nghị quyết số 21-NQ/TW."
	ex, err := Extract([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range ex.Statements {
		got = append(got, s.Subject+" "+string(s.Relation)+" "+s.Object)
		if ex.Text[s.Start:s.End] != s.Evidence {
			t.Errorf("evidence %q is not text[%d:%d]", s.Evidence, s.Start, s.End)
		}
	}
	want := []string{"10-KH/HU implements 02-NQ/TU", "15-CTr/TU implements 21-NQ/TW"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("statements %v, want %v", got, want)
	}
}

func TestShortForms(t *testing.T) {
	in := "Quán triệt Kết luận số 114-KL/TW. Kết luận 114 nhấn mạnh vai trò. Nghị quyết 57 và Quyết định số 99 chưa rõ."
	ex, err := Extract([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if n := numbers(ex); strings.Join(n, " ") != "114-KL/TW 114-KL/TW" {
		t.Fatalf("numbers %v", n)
	}
	if r := ex.References[1]; r.ResolvedFrom == nil || *r.ResolvedFrom != 0 || r.AsWritten != "Kết luận 114" {
		t.Errorf("short form %+v not resolved to reference 0", r)
	}
	var shorts []string
	for _, s := range ex.ShortForms {
		shorts = append(shorts, s.AsWritten)
		if s.Number != "" {
			t.Errorf("unresolved short form %q has number %q", s.AsWritten, s.Number)
		}
	}
	if strings.Join(shorts, "|") != "Nghị quyết 57|Quyết định số 99" {
		t.Errorf("short forms %q", shorts)
	}
}

func TestNamed(t *testing.T) {
	in := "Thực hiện nghiêm Luật Tiếp công dân, Luật Khiếu nại, Luật Đất đai năm 2013 và Bộ luật Lao động; Luật sư tham gia; thực hiện Quy chế dân chủ ở cơ sở và Điều lệ Đảng, Hiến pháp năm 2013."
	ex, err := Extract([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range ex.Named {
		got = append(got, n.Name)
	}
	want := "Luật Tiếp công dân|Luật Khiếu nại|Luật Đất đai năm 2013|Bộ luật Lao động|Quy chế dân chủ ở cơ sở|Điều lệ Đảng|Hiến pháp năm 2013"
	if strings.Join(got, "|") != want {
		t.Errorf("named\n got  %s\n want %s", strings.Join(got, "|"), want)
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		in   string
		want vncite.Document
	}{
		{"TỈNH ỦY LÂM ĐỒNG\n*\nSố 45-CT/TU\t\tĐà Lạt, ngày 12 tháng 3 năm 2021\n\nCHỈ THỊ\nvề tăng cường công tác dân vận\n\nThực hiện Nghị quyết số 25-NQ/TW.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn Minh\n",
			vncite.Document{Number: "45-CT/TU", Type: "CT", TypeName: "Chỉ thị", Issuer: "TU", Body: "TỈNH ỦY LÂM ĐỒNG", Place: "Đà Lạt", Date: "2021-03-12", Title: "về tăng cường công tác dân vận", Signer: "Nguyễn Văn Minh"}},
		{"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố:      /KH-UBND\nQuảng Nam, ngày   tháng   năm 2024\nKẾ HOẠCH\nTriển khai Đề án 06\n",
			vncite.Document{Type: "KH", TypeName: "Kế hoạch", Issuer: "UBND", Body: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", Title: "Triển khai Đề án 06"}},
		{"THỦ TƯỚNG CHÍNH PHỦ\nSỐ 08/CT-TTG\nHà Nội, ngày 12 tháng 3 năm 2021\nCHỈ THỊ\nVề việc tăng cường phòng chống dịch\n",
			vncite.Document{Number: "08/CT-TTg", Type: "CT", TypeName: "Chỉ thị", Issuer: "TTg", Body: "THỦ TƯỚNG CHÍNH PHỦ", Place: "Hà Nội", Date: "2021-03-12", Title: "Về việc tăng cường phòng chống dịch"}},
		{"Tin tức\nHội nghị sơ kết công tác dân vận năm 2023 của huyện\nCập nhật: 10:30 17/09/2023\nSáng nay, huyện tổ chức hội nghị sơ kết công tác dân vận với nhiều nội dung quan trọng.\n",
			vncite.Document{Date: "2023-09-17", Title: "Hội nghị sơ kết công tác dân vận năm 2023 của huyện"}},
		{"HUYỆN ỦY ĐỨC TRỌNG        ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố: 07-KH/HU        Đức Trọng, ngày 5 tháng 6 năm 2022\n\nKẾ HOẠCH\nThực hiện Chỉ thị số 05-CT/TW\n",
			vncite.Document{Number: "07-KH/HU", Type: "KH", TypeName: "Kế hoạch", Issuer: "HU", Place: "Đức Trọng", Date: "2022-06-05", Title: "Thực hiện Chỉ thị số 05-CT/TW", Body: "HUYỆN ỦY ĐỨC TRỌNG"}},
		{"HUYỆN ỦY ĐỨC TRỌNG    Số: 08-KH/HU    ĐẢNG CỘNG SẢN VIỆT NAM\n",
			vncite.Document{Number: "08-KH/HU", Type: "KH", TypeName: "Kế hoạch", Issuer: "HU", Body: "HUYỆN ỦY ĐỨC TRỌNG"}},
		{"HUYỆN ỦY ĐỨC TRỌNG\nSố:\n12-CV/HU\nV/v tổ chức hội nghị\n",
			vncite.Document{Number: "12-CV/HU", Type: "CV", TypeName: "Công văn", Issuer: "HU", Body: "HUYỆN ỦY ĐỨC TRỌNG", Title: "tổ chức hội nghị"}},
	}
	for _, tt := range tests {
		ex, err := Extract([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ex.Document, tt.want) {
			t.Errorf("%q:\n got  %+v\n want %+v", tt.in, ex.Document, tt.want)
		}
		for _, r := range ex.References {
			if r.Number == tt.want.Number {
				t.Errorf("own number %s listed as a reference", r.Number)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Nghị quyết số 25-NQ/TW ngày 3/6/2013 của Bộ Chính trị (khóa XI) về x;", "Số: 307-CV/HU\nV/v x", "12a/2019/NQ-HĐND", "Chỉ thị 05 của Ban Bí thư", "Luật Đất đai"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ex, err := Extract(b)
		if err != nil {
			return
		}
		check := func(what string, s, e int) {
			if s < 0 || e > len(ex.Text) || s > e {
				t.Fatalf("%s span [%d:%d] out of text of %d bytes", what, s, e, len(ex.Text))
			}
		}
		for _, r := range append(ex.References, ex.ShortForms...) {
			check("reference", r.Start, r.End)
			check("sentence", r.SentenceStart, r.SentenceEnd)
			if ex.Text[r.Start:r.End] != r.AsWritten {
				t.Fatalf("as_written %q != text %q", r.AsWritten, ex.Text[r.Start:r.End])
			}
		}
		for _, s := range ex.Statements {
			check("statement", s.Start, s.End)
		}
		for _, n := range ex.Named {
			check("named", n.Start, n.End)
		}
	})
}

// regexpNumbers is the straightforward extractor the benchmark compares
// with: one regexp over the whole text for the same number forms.
var numberRE = regexp.MustCompile(`\b\d{1,5}[a-z]?\s?[-–]\s?(?:NQ|KL|CT|QĐ|QĐi|QC|HD|KH|CTr|TB|BC|TTr|ĐA|CV|BB)\s?/\s?[A-ZĐ]{1,10}\b|\b\d{1,5}[a-z]?/(?:\d{4}/)?(?:[A-ZĐ][A-Za-zĐ]{0,6}[-/])?[A-ZĐ][A-Za-zĐ]{0,9}(?:-[A-ZĐ][A-Za-zĐ]{0,9})*\d{0,2}\b`)

// nfcByRunes is the fast NFC check rune by rune.
func nfcByRunes(b []byte) bool {
	for i := 0; i < len(b); {
		size, ok := nfcRune(b, i)
		if !ok {
			return false
		}
		i += size
	}
	return true
}

func regexpNumbers(b []byte) int {
	return len(numberRE.FindAllIndex(b, -1))
}

func TestRegexpBaselineFinds(t *testing.T) {
	b := readSeed(t, "000_a3cc9d4168839405.txt")
	if n := regexpNumbers(b); n < 7 {
		t.Errorf("regexp baseline found %d numbers in seed 000, want ≥ 7", n)
	}
	_ = unicode.IsUpper
}

// FuzzScanNumbers checks the scanner alone: spans inside the text, in
// order, and each span read back by Canonical gives the same number.
func FuzzScanNumbers(f *testing.F) {
	for _, s := range []string{"Nghị quyết số 25- NQ/TW và 218QĐ/TW", "03/2015/TTLT/BTNMT-BNV, 12a/2019/NQ-HĐND", "Công văn số 1234/UBND-VX", "14/7/2015 1/3 Quý II/2024", "25-NQ/\nTW"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		last := 0
		for _, m := range scanNumbers(b, nil) {
			if m.start < last || m.start >= m.end || m.end > len(b) {
				t.Fatalf("span [%d:%d] after %d in %d bytes", m.start, m.end, last, len(b))
			}
			last = m.end
			got, err := Canonical(string(b[m.start:m.end]))
			if err != nil || got != m.num.Canonical {
				t.Fatalf("Canonical(%q) = %q, %v; scanner said %q", b[m.start:m.end], got, err, m.num.Canonical)
			}
		}
	})
}

// FuzzTriggers checks the one-pass trigger scan against the searches it
// replaces: every '/'; digit runs after a space, a no-break space byte or
// ':'; every "trên" and "tren"; every occurrence of each named literal.
// And the eight-bytes-at-a-time NFC check against its rune-by-rune
// definition, and that what it accepts is valid NFC without an Eth.
func FuzzTriggers(f *testing.F) {
	for _, s := range []string{"Chỉ thị nêu trên, Luật Đất đai 25/NQ-TW", "\xe2\x80\x93 \xe1\xbb\x87/\xc3\x90 Điều lệ Đảng", "\xe1\xbb/\xc4\x90iều lệ", "tren trên 1 :2 \xc2\xa03", "NGHỊ QUYẾT ĐẠI HỘI Quy chế làm việc",
		"Các cấp ủy “tiếp tục” thực hiện – …", "Nghi\u0323 quyê\u0301t 25", "ab\xe1\xbb\x87cdefgh\xe1\xbbxyzuvwxyz", "abcdefg\xe1\xbb\x87\xc3\xa0\xc3"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var tr triggers
		nfc := scanTriggers(b, true, &tr)
		if want := nfcByRunes(b); nfc != want {
			t.Fatalf("NFC check %v, rune by rune %v", nfc, want)
		}
		if nfc && (!utf8.Valid(b) || !norm.NFC.IsNormal(b) || bytes.ContainsAny(b, "Ðð")) {
			t.Fatalf("NFC check accepts %q: not valid NFC without Eth", b)
		}
		if !nfc {
			tr = triggers{}
			scanTriggers(b, false, &tr)
		}
		all := func(lit string) []int {
			var out []int
			for i := 0; i+len(lit) <= len(b); i++ {
				if string(b[i:i+len(lit)]) == lit {
					out = append(out, i)
				}
			}
			return out
		}
		same := func(what string, got, want []int) {
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%s at %v, want %v", what, got, want)
			}
		}
		same("slashes", tr.slashes, all("/"))
		var digits []int
		for i := 1; i < len(b); i++ {
			if b[i] >= '0' && b[i] <= '9' && strings.IndexByte(" \t\n\r\xa0:", b[i-1]) >= 0 {
				digits = append(digits, i)
			}
		}
		same("digit runs", tr.digits, digits)
		tren := append(all("trên"), all("tren")...)
		sort.Ints(tren)
		same("trên", tr.tren, tren)
		for k, lit := range namedLits {
			same(lit, tr.namedAt(k, nil), all(lit))
		}
	})
}

// TestMergeByStart checks the merge against a stable sort of full then
// short, with equal starts, with and without spare capacity in full.
func TestMergeByStart(t *testing.T) {
	mk := func(kind int, starts ...int) []mention {
		var ms []mention
		for k, s := range starts {
			ms = append(ms, mention{kind: kind, start: s, end: s + k + 1})
		}
		return ms
	}
	for _, tc := range []struct{ full, short []int }{
		{[]int{1, 5, 9}, []int{0, 5, 12, 3}}, {nil, []int{4, 2}}, {[]int{1, 2}, nil}, {[]int{7}, []int{7, 7, 1}},
	} {
		for _, spare := range []int{0, 8} {
			full := append(make([]mention, 0, len(tc.full)+spare), mk(mFull, tc.full...)...)
			short := mk(mShort, tc.short...)
			want := append(append([]mention(nil), full...), short...)
			sort.SliceStable(want, func(i, j int) bool { return want[i].start < want[j].start })
			got := mergeByStart(full, append([]mention(nil), short...))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("full %v short %v spare %d:\n got  %v\n want %v", tc.full, tc.short, spare, got, want)
			}
		}
	}
}

// TestWordRuneAt checks the byte fast paths of wordRuneAt and
// wordRuneBefore against decodeRune and isWordRune, for every rune up to
// U+FFFF and for broken sequences.
func TestWordRuneAt(t *testing.T) {
	check := func(p []byte) {
		want := 0
		if r, size := utf8.DecodeRune(p); isWordRune(r) && r != utf8.RuneError {
			want = size
		}
		if got := wordRuneAt(p, 0); got != want {
			t.Fatalf("wordRuneAt(% x) = %d, want %d", p, got, want)
		}
		want = 0
		if r, size := utf8.DecodeLastRune(p); isWordRune(r) && r != utf8.RuneError {
			want = size
		}
		if got := wordRuneBefore(p, len(p)); got != want {
			t.Fatalf("wordRuneBefore(% x) = %d, want %d", p, got, want)
		}
	}
	for r := rune(0x80); r < 0x10000; r++ {
		p := utf8.AppendRune(nil, r)
		check(p)
		check(p[:len(p)-1])
		check(append(p, 'a'))
		check(append([]byte{'a'}, p...))
	}
}

// TestEndMarks checks the eight-byte searches for sentence end marks
// against a byte loop, at every start and bound of a text with marks.
func TestEndMarks(t *testing.T) {
	b := []byte("Một. Hai ba bốn năm sáu bảy tám chín mười!\nMười một? mười hai\r\n.x")
	for i := 0; i <= len(b); i++ {
		for hi := i; hi <= len(b); hi++ {
			want := hi
			for k := i; k < hi; k++ {
				if endMark[b[k]] {
					want = k
					break
				}
			}
			if got := nextEndMark(b, i, hi); got != want {
				t.Fatalf("nextEndMark(%d, %d) = %d, want %d", i, hi, got, want)
			}
		}
	}
	for s := 0; s < len(b); s++ {
		for lo := 0; lo <= s; lo++ {
			want := lo
			for k := s; k > lo; k-- {
				if endMark[b[k]] {
					want = k
					break
				}
			}
			if got := prevEndMark(b, s, lo); got != want {
				t.Fatalf("prevEndMark(%d, %d) = %d, want %d", s, lo, got, want)
			}
		}
	}
}

// TestFoldFastPaths checks wspan.fold's byte fast paths against
// decodeRune and foldRune for every rune to U+FFFF, alone and in a word.
func TestFoldFastPaths(t *testing.T) {
	ref := func(b []byte) string {
		var out []byte
		for i := 0; i < len(b); {
			r, size := decodeRune(b[i:])
			i += size
			if r >= utf8.RuneSelf && isMn(r) {
				continue
			}
			if r >= 'A' && r <= 'Z' {
				r += 32
			} else if r >= utf8.RuneSelf {
				r = foldRune(r)
			}
			if r >= utf8.RuneSelf || len(out) >= 16 {
				return "\x00"
			}
			out = append(out, byte(r))
		}
		return string(out)
	}
	for r := rune(0x80); r < 0x10000; r++ {
		for _, p := range [][]byte{utf8.AppendRune(nil, r), append([]byte("ng"), utf8.AppendRune([]byte(nil), r)...), utf8.AppendRune(nil, r)[:1]} {
			var w wspan
			w.fold(p)
			got := string(w.key[:w.klen])
			if w.klen == len(w.key) && w.key[0] == 0 {
				got = "\x00"
			}
			if want := ref(p); got != want {
				t.Fatalf("fold(% x) = %q, want %q", p, got, want)
			}
		}
	}
}

// TestCountWordsUpTo checks the eight-bytes-at-a-time count against
// countWords: exact up to max, above max when the line has more.
func TestCountWordsUpTo(t *testing.T) {
	line := "  Các cấp ủy,\tchính quyền  tiếp tục đổi mới nội dung, phương thức công tác dân vận; nâng cao chất lượng "
	for i := 0; i <= len(line); i++ {
		for j := i; j <= len(line); j++ {
			s := line[i:j]
			want := countWords(s)
			for _, max := range []int{0, 3, 8, 100} {
				got := countWordsUpTo(s, max)
				if want <= max && got != want || want > max && got <= max {
					t.Fatalf("countWordsUpTo(%q, %d) = %d, countWords %d", s, max, got, want)
				}
			}
		}
	}
}

// TestSingleSpaced checks the eight-bytes-at-a-time test against its
// definition at every cut of lines with double spaces, tabs and breaks.
func TestSingleSpaced(t *testing.T) {
	for _, line := range []string{"về tăng cường công tác dân vận trong tình hình mới của hệ thống", "về  tăng cường công tác dân vận\ttrong tình hình mới\r\n của hệ thống  "} {
		for i := 0; i <= len(line); i++ {
			for j := i; j <= len(line); j++ {
				s := line[i:j]
				want := !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\n\t\r")
				if got := singleSpaced(s); got != want {
					t.Fatalf("singleSpaced(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

// TestIsAllUpper checks isAllUpper and isAllUpperStr against their
// definition (letters, none lower case) for every rune to U+FFFF, alone
// and beside an upper-case word, a digit and a lower-case letter.
func TestIsAllUpper(t *testing.T) {
	def := func(s string) bool {
		letters := false
		for _, r := range s {
			if unicode.IsLower(r) {
				return false
			}
			letters = letters || unicode.IsLetter(r)
		}
		return letters
	}
	for r := rune(0); r < 0x10000; r++ {
		for _, s := range []string{string(r), "ĐẢNG " + string(r), "12" + string(r), string(r) + "a"} {
			if got, want := isAllUpper([]byte(s)), def(s); got != want {
				t.Fatalf("isAllUpper(%q) = %v, want %v", s, got, want)
			}
			if got, want := isAllUpperStr(s), def(s); got != want {
				t.Fatalf("isAllUpperStr(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// TestLineBreakEnds checks lineBreakEnds, which looks for the line before
// a break only when it needs it, against that line read every time, at
// every line break of the seeds and of lines of separators.
func TestLineBreakEnds(t *testing.T) {
	ref := func(b []byte, k int) bool {
		n, breaks := k, 0
		for ; n < len(b); n++ {
			if b[n] == '\n' {
				breaks++
			} else if !isSpaceByte(b[n]) {
				break
			}
		}
		if n >= len(b) {
			return true
		}
		p := k
		for p > 0 && isSpaceByte(b[p-1]) {
			p--
		}
		if p == 0 {
			return true
		}
		if r, _ := decodeRune(b[n:]); isLowerRune(r) {
			return false
		}
		ls := bytes.LastIndexByte(b[:p], '\n') + 1
		line := b[ls:p]
		if isSeparatorBytes(line) {
			return true
		}
		prev, _ := decodeLastRune(b[:p])
		switch prev {
		case '.', '!', '?', ';', ':', '”', '"', ')', '|':
			return true
		case '-', '/', ',', '–', '(':
			return false
		}
		if listMarkerAt(b, n) || breaks >= 2 {
			return true
		}
		return isAllUpper(line) && p-ls > 3 || utf8.RuneCount(line) < 40 || bytes.IndexByte(line, ' ') < 0
	}
	texts := [][]byte{[]byte("BAN CHẤP HÀNH\n-----\u00a0\nSố 12\n***\nKẾ HOẠCH\n=== o ===\nvề việc\n——\u00a0 \nTriển khai\n0\n")}
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, b)
		}
	}
	for _, b := range texts {
		for k := range b {
			if b[k] == '\n' || b[k] == '\r' {
				if got, want := lineBreakEnds(b, k), ref(b, k); got != want {
					t.Fatalf("lineBreakEnds at %d (%q) = %v, want %v", k, b[max(0, k-20):k], got, want)
				}
			}
		}
	}
}

// TestTrimWordPunct checks trimWordPunct against strings.Trim.
func TestTrimWordPunct(t *testing.T) {
	for _, w := range []string{"", "“", "”", "\"", "“Đảng”", "(tỉnh),", "..;:", "“a”b”", "x“", "ĐẢNG”.", "(“Bộ”)", "“”", "a", "\xe2\x80", "\xe2\x80\x9c\xe2"} {
		if got, want := trimWordPunct(w), strings.Trim(w, "“”\",.;:()"); got != want {
			t.Errorf("trimWordPunct(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestTypeWordAt checks typeWordAt, which folds the first word once,
// against trying every type word in table order, at every line start of
// the seeds and at each type word written in several ways.
func TestTypeWordAt(t *testing.T) {
	ref := func(b []byte, i int) (*typeWord, int, bool) {
		for k := range typeWords {
			tw := &typeWords[k]
			pos, ok := i, true
			for _, fw := range tw.folded {
				s, e := wordAfter(b, pos)
				if e == s || !foldEq(b[s:e], fw) {
					ok = false
					break
				}
				pos = e
			}
			if ok {
				return tw, pos, true
			}
		}
		return nil, i, false
	}
	var texts [][]byte
	for _, tw := range typeWords {
		for _, s := range []string{tw.name, strings.ToUpper(tw.name), foldString(tw.name), tw.name + " số 12", "  " + tw.name + ":"} {
			texts = append(texts, []byte(s))
		}
	}
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, bytes.Split(b, []byte("\n"))...)
		}
	}
	for _, b := range texts {
		for i := 0; i < len(b); i++ {
			if i > 0 && b[i-1] != ' ' {
				continue
			}
			gt, ge, gok := typeWordAt(b, i)
			wt, we, wok := ref(b, i)
			if gt != wt || ge != we || gok != wok {
				t.Fatalf("typeWordAt(%q, %d) = %v %d %v, want %v %d %v", b, i, gt, ge, gok, wt, we, wok)
			}
		}
	}
}

// TestIsParagraphEnd checks the closing marks isParagraph looks for after
// quotes and spaces.
func TestIsParagraphEnd(t *testing.T) {
	long := "Các cấp ủy, chính quyền tiếp tục đổi mới nội dung, phương thức công tác dân vận trong tình hình mới"
	for _, tc := range []struct {
		end  string
		want bool
	}{{".", true}, {".” ", true}, {".\" ”", true}, {":", true}, {";\"", true}, {"", false}, {"”", false}, {". x", false}} {
		text := long + tc.end
		if got := isParagraph(line{text: text, words: countWords(text)}); got != tc.want {
			t.Errorf("isParagraph(…%q) = %v, want %v", tc.end, got, tc.want)
		}
	}
}

// TestNextTitleStop checks the eight-byte search for the bytes that may
// end a title against a byte loop, at every start and bound.
func TestNextTitleStop(t *testing.T) {
	b := []byte("về tăng cường công tác dân vận, nâng cao; chất lượng\r\nhiệu quả hoạt động của hệ thống chính trị,x")
	for i := 0; i <= len(b); i++ {
		for hi := i; hi <= len(b); hi++ {
			want := hi
			for k := i; k < hi; k++ {
				if strings.IndexByte(";,\n\r", b[k]) >= 0 {
					want = k
					break
				}
			}
			if got := nextTitleStop(b, i, hi); got != want {
				t.Fatalf("nextTitleStop(%d, %d) = %d, want %d", i, hi, got, want)
			}
		}
	}
}

// TestLatest checks the slots and the map of latest behave as one map,
// for table kinds and for others.
func TestLatest(t *testing.T) {
	var l latest
	keys := []rkey{{"type", "NQ"}, {"name", "Nghị quyết"}, {"type", "Nghị quyết"}, {"type", "XYZ"}, {"name", "Thư"}, {"type", ""}}
	want := map[rkey]int{}
	for step, k := range append(keys, keys...) {
		if got, ok := l.get(k); ok != (want[k] > 0) || ok && got != want[k]-1 {
			t.Fatalf("step %d: get(%v) = %d, %v; want %d", step, k, got, ok, want[k]-1)
		}
		if step%3 == 2 {
			l.delete(k)
			delete(want, k)
		} else {
			l.set(k, step)
			want[k] = step + 1
		}
	}
}

package textin

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// goldKeys reads the reference keys of each seed from gold.jsonl.
func goldKeys(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/seeds/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var g struct {
			File       string `json:"file"`
			References []struct {
				Key string `json:"key"`
			} `json:"references"`
		}
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatal(err)
		}
		for _, r := range g.References {
			out[g.File] = append(out[g.File], r.Key)
		}
	}
	return out
}

func TestStripWebBoilerplateSeeds(t *testing.T) {
	gold := goldKeys(t)
	for name, text := range seeds(t) {
		got, err := Decode(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		// Every line that mentions a gold reference survives whole.
		for _, line := range strings.Split(text, "\n") {
			for _, key := range gold[name] {
				seq := key[:strings.IndexAny(key, "-/")]
				if strings.Contains(line, seq) && !strings.Contains(got.Body, strings.TrimRight(line, " \u00a0")) {
					t.Errorf("%s: line with %s removed: %.80q", name, key, line)
				}
			}
		}
		// Nothing is removed but whole lines.
		for _, line := range strings.Split(got.Body, "\n") {
			if line != "" && !strings.Contains(text, line) {
				t.Errorf("%s: line changed: %q", name, line)
			}
		}
		t.Logf("%s: %d lines removed", name, got.BoilerplateLines)
	}

	s := seeds(t)
	for _, tc := range []struct {
		name          string
		removed, kept []string
	}{
		{"002_a1580c3b9566fcc1.txt",
			[]string{"Bình luận của bạn", "Ảnh CAPTCHA", "Nhập mã bảo mật", "Bình luận bạn đọc", "CÁC TIN KHÁC",
				"Góp phần đưa nghị quyết của Đảng vào cuộc sống", "Trực tuyến", "127621928", "Copyright", "Quay lại"},
			[]string{"17/09/2021 06:32:30", "Ngọc Trang", "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW của Bộ Chính trị."}},
		{"004_9483022ebc446430.txt",
			[]string{"Tìm kiếm", "/UploadFiles/", "Các tin khác", "Thống kê truy cập", "15.318.447", "6.172 khách"},
			[]string{"Triển khai thực hiện Chỉ thị 52-CT/TU", "5/7/2024 10:13:31 AM", "định kỳ hằng năm báo cáo"}},
	} {
		got, err := Decode(tc.name, []byte(s[tc.name]))
		if err != nil {
			t.Fatal(err)
		}
		assertAbsent(t, got.Body, tc.removed)
		for _, k := range tc.kept {
			if !strings.Contains(got.Body, k) {
				t.Errorf("%s: lost %q", tc.name, k)
			}
		}
	}
}

func TestStripWebBoilerplateKeepsCitingTail(t *testing.T) {
	text := strings.Repeat("Nội dung bài viết về công tác dân vận của huyện.\n", 6) +
		"CÁC TIN KHÁC\nHội nghị quán triệt Nghị quyết 04-NQ/TU (30/11/2021)\nTập huấn nghiệp vụ (29/11/2021)\n" +
		"Trực tuyến\n127621928\nCopyright 2021 by BÁO QUẢNG TRỊ\n"
	got, n := stripWebBoilerplate(text)
	// The headline list names a document: the tail stays; only the
	// furniture lines that cannot cite go.
	for _, k := range []string{"CÁC TIN KHÁC", "04-NQ/TU", "Tập huấn nghiệp vụ"} {
		if !strings.Contains(got, k) {
			t.Errorf("lost %q", k)
		}
	}
	assertAbsent(t, got, []string{"Trực tuyến", "127621928", "Copyright"})
	if n != 3 {
		t.Errorf("removed %d lines, want 3", n)
	}
	// A tail whose headlines hold a number in another spelling (en dash,
	// "Ð" U+00D0, broken across lines) also stays whole.
	for _, headline := range []string{"Triển khai 114–KL/TW", "Thực hiện 12-ÐA/TU", "Tổng kết 10 năm 25-\nNQ/TW"} {
		text := strings.Repeat("Nội dung bài viết về công tác dân vận của huyện.\n", 6) +
			"CÁC TIN KHÁC\n" + headline + " (30/11/2021)\nTập huấn nghiệp vụ (29/11/2021)\n"
		got, _ := stripWebBoilerplate(text)
		for _, k := range append(strings.Split(headline, "\n"), "CÁC TIN KHÁC", "Tập huấn nghiệp vụ") {
			if !strings.Contains(got, k) {
				t.Errorf("tail with %q: lost %q", headline, k)
			}
		}
	}
	// Common portal furniture, one per line, around an article.
	portal := "Trang chủ\nĐăng nhập\nNội dung bài viết về Nghị quyết 25-NQ/TW của Ban Chấp hành Trung ương.\n" +
		strings.Repeat("Nội dung tiếp theo của bài viết về công tác dân vận.\n", 4) +
		"Bản in\nGửi email\nLên đầu trang\nTin mới nhất\nHội nghị cán bộ chủ chốt (12/3/2024)\nFacebook\nZalo\n"
	got, n = stripWebBoilerplate(portal)
	assertAbsent(t, got, []string{"Trang chủ", "Đăng nhập", "Bản in", "Gửi email", "Lên đầu trang", "Tin mới nhất", "Hội nghị cán bộ", "Facebook", "Zalo"})
	if !strings.Contains(got, "25-NQ/TW") || strings.Count(got, "Nội dung tiếp theo") != 4 || n != 9 {
		t.Errorf("portal: %d removed:\n%s", n, got)
	}
	// Furniture words inside a sentence are text, not furniture.
	for _, s := range []string{"Bình luận của bạn đọc về Nghị quyết", "Trực tuyến hóa thủ tục", "Tìm kiếm giải pháp mới"} {
		if got, _ := stripWebBoilerplate(s + "\n"); got != s+"\n" {
			t.Errorf("%q removed", s)
		}
	}
	// Opting out keeps everything.
	got2, err := Options{KeepBoilerplate: true}.Decode("x.txt", []byte(text))
	if err != nil || got2.Body != text || got2.BoilerplateLines != 0 {
		t.Errorf("KeepBoilerplate: %v %d", err, got2.BoilerplateLines)
	}
}

func TestOnlyFurnitureIsEmpty(t *testing.T) {
	_, err := Decode("x.txt", []byte("Tìm kiếm\n127621928\nCopyright 2021\n"))
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("got %v", err)
	}
}

package textin

import (
	"regexp"
	"strings"
)

// Web pages saved or scraped as plain text keep the page's furniture: a
// search box and banner path above the article, and below it the comment
// form, "CÁC TIN KHÁC" with other headlines, visit counters and the
// copyright line. stripWebBoilerplate removes that furniture, and nothing
// that could be a reference: a line naming a document type with a number,
// or holding a document number, is never removed.

// tailStarts are lines that open the furniture below an article.
var tailStarts = regexp.MustCompile(`(?i)^(các |những )?(tin|bài|bài viết|tin bài|tin tức)( khác| liên quan| cùng chuyên mục| cùng loại| mới hơn| cũ hơn| đã đưa| đọc nhiều| xem nhiều| mới nhất| nổi bật)\s*:?$|^(bình luận|ý kiến)( của bạn| bạn đọc)?\s*(\(\d+\))?\s*:?$|^gửi (bình luận|ý kiến)|^thống kê truy c[aậâ]p$|^liên kết website$`)

// uiLine matches lines that are page furniture wherever they stand.
var uiLine = regexp.MustCompile(`(?i)^(tìm kiếm|in bài|bản in|in trang|gửi bài|gửi email|quay lại!?|trở về|về trang trước|đầu trang|lên đầu trang|xem tiếp|chia sẻ( bài viết)?|đánh giá bài viết|facebook|zalo|twitter|rss|đăng nhập|đăng ký|trang chủ|sơ đồ site|ảnh captcha|nhập mã bảo mật( trên)?|liên hệ\s*-\s*góp ý\s*(quay lại!?)?|bình luận bạn đọc \(\d+\)|trực tuyến|đang truy cập.*|lượt xem:? ?[\d.,]+|tổng lượt truy c[aậâ]p:? ?[\d.,]+|truy cập hiện tại:? ?[\d.,]+( khách)?|copyright .*|bản quyền (thuộc|©).*|© .*|/[\w./-]+\.(png|jpe?g|gif|webp|svg))$`)

// counterLine is a bare visit counter: six or more digits alone.
var counterLine = regexp.MustCompile(`^\d{6,}$`)

// mayCite matches anything that could be, or carry, a reference: a document
// number ("25-NQ/TW", "109/KH-UBND", "18/2000/CT-TTg", "218- QĐ/TW", with
// an en or em dash, "Ð" U+00D0 for "Đ"), either half of a number broken
// across lines ("25-" at a line's end, "NQ/TW" at the next one's start), or
// a document type word followed by a number.
var mayCite = regexp.MustCompile(`\d+[a-z]?\s*[-/–—]\s*[A-ZĐÐ]|\d+\s*[-–—]\s*$|^\s*[A-ZĐÐ]{2,}\s*[-/]\s*[A-ZĐÐ]|(?i)(nghị quyết|chỉ thị|quyết định|kết luận|kế hoạch|thông báo|hướng dẫn|quy định|quy chế|công văn|văn bản|luật|nghị định|thông tư|pháp lệnh|chương trình|đề án|báo cáo|tờ trình|NQ|CT|QĐ|KL|KH)\s*(số\s*)?\d`)

// The first words furniture lines start with: a cheap filter before the
// patterns, so ordinary text costs a map lookup per line.
var (
	uiFirstWords   = wordSet("tìm in bản gửi quay trở về đầu lên xem chia đánh facebook zalo twitter rss đăng trang sơ ảnh nhập liên bình trực đang lượt tổng truy copyright ©")
	tailFirstWords = wordSet("các những tin bài bình ý gửi thống liên")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// furnitureStart reports whether line starts with a word of set (any
// case) or, for paths, a slash.
func furnitureStart(line string, set map[string]bool) bool {
	if strings.HasPrefix(line, "/") {
		return true
	}
	end := strings.IndexAny(line, " \t:(!-")
	if end < 0 {
		end = len(line)
	}
	if end > 16 {
		return false
	}
	return set[strings.ToLower(line[:end])]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// maxFurnitureLine is the longest line (in bytes) taken for furniture
// (search boxes, counters, copyright, tail headings); longer lines are
// text and are never run through the patterns. maxTailLine is the longest
// line a dropped tail may hold (a headline); a longer one is article text
// and keeps the tail.
const (
	maxFurnitureLine = 120
	maxTailLine      = 300
)

// stripWebBoilerplate removes web furniture from plain text and returns the
// text and the number of lines removed.
func stripWebBoilerplate(text string) (string, int) {
	lines := strings.Split(text, "\n")
	keep := make([]bool, len(lines))
	for i := range keep {
		keep[i] = true
	}
	removed := 0
	drop := func(i int) {
		if keep[i] {
			keep[i] = false
			if strings.TrimSpace(lines[i]) != "" {
				removed++
			}
		}
	}
	// The furniture below the article: from a tail heading in the last
	// half of the text to the end, when none of it may cite.
	tail := -1
	for i := len(lines) - 1; i >= len(lines)/2; i-- {
		t := strings.TrimSpace(lines[i])
		if len(t) <= maxFurnitureLine && furnitureStart(t, tailFirstWords) && tailStarts.MatchString(t) {
			tail = i
		}
	}
	if tail >= 0 {
		citing := false
		for _, l := range lines[tail:] {
			// A long line is article text, not a headline or a counter.
			if len(l) > maxTailLine || mayCite.MatchString(l) {
				citing = true
				break
			}
		}
		if !citing {
			for i := tail; i < len(lines); i++ {
				drop(i)
			}
		}
	}
	// Single furniture lines anywhere.
	for i, l := range lines {
		if len(l) > maxFurnitureLine {
			continue
		}
		t := strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
		if t == "" || !furnitureStart(t, uiFirstWords) && !allDigits(t) {
			continue
		}
		if (uiLine.MatchString(t) || counterLine.MatchString(t)) && !mayCite.MatchString(t) {
			drop(i)
		}
	}
	if removed == 0 {
		return text, 0
	}
	var sb strings.Builder
	sb.Grow(len(text))
	for i, l := range lines {
		if keep[i] {
			sb.WriteString(l)
			sb.WriteByte('\n')
		}
	}
	out := strings.TrimRight(sb.String(), " \n\u00a0") + "\n"
	return strings.TrimLeft(out, "\n"), removed
}

package textin

import (
	"errors"
	"fmt"
	"html"
	"strings"
	"testing"
)

// seedArticle splits seed 002 (a web-scraped news page) into its parts.
type seedArticle struct {
	title, date, lead, caption, author string
	paragraphs                         []string
	boilerplate                        []string // lines after the author
}

func splitSeed002(t testing.TB) seedArticle {
	t.Helper()
	text := seeds(t)["002_a1580c3b9566fcc1.txt"]
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			lines = append(lines, l)
		}
	}
	var a seedArticle
	a.title, a.date, a.lead, a.caption = lines[0], lines[1], lines[2], lines[3]
	i := 4
	for ; i < len(lines) && lines[i] != "Ngọc Trang"; i++ {
		a.paragraphs = append(a.paragraphs, lines[i])
	}
	if i == len(lines) {
		t.Fatal("seed 002 changed: no author line")
	}
	a.author = lines[i]
	a.boilerplate = lines[i+1:]
	if !strings.HasPrefix(a.date, "Ngày cập nhật") || len(a.paragraphs) < 5 {
		t.Fatalf("seed 002 changed: %q, %d paragraphs", a.date, len(a.paragraphs))
	}
	return a
}

// newsPage wraps the article in the furniture of a Vietnamese news site:
// header, menu, breadcrumb, share tools, comment form, "CÁC TIN KHÁC",
// sidebar with counters, footer, scripts and styles.
func newsPage(a seedArticle) string {
	esc := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>%s - Báo Quảng Trị điện tử</title>
<script type="text/javascript">var _gaq = _gaq || []; document.write("Nghị quyết 99-NQ/TW");</script>
<style>.menu li { float: left } /* Chỉ thị 88-CT/TW */</style>
</head><body>
<!-- Quyết định 77-QĐ/TW trong chú thích -->
<div id="header"><div class="logo"><a href="/"><img src="/logo.png" alt="Báo Quảng Trị"></a></div>
<div class="top-date">Thứ Ba, 23/11/2021</div>
<form class="search" action="/tim-kiem"><input name="q" value="Tìm kiếm"><button>Tìm</button></form></div>
<div id="menu"><ul class="nav">`, esc(a.title))
	for _, m := range []string{"Trang chủ", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Quốc phòng - An ninh", "Bạn đọc"} {
		fmt.Fprintf(&b, `<li><a href="/%s">%s</a></li>`, esc(m), esc(m))
	}
	fmt.Fprintf(&b, `</ul></div>
<div class="container"><div class="col-left">
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/chinh-tri">Chính trị</a></div>
<div class="news-detail">
<h1 class="title">%s</h1>
<div class="date">%s</div>
<div class="sapo"><b>%s</b></div>
<div class="content">
<figure><img src="/anh.jpg"><figcaption>%s</figcaption></figure>
`, esc(a.title), esc(a.date), esc(a.lead), esc(a.caption))
	for _, p := range a.paragraphs {
		fmt.Fprintf(&b, "<p style=\"text-align: justify\">%s</p>\n<p>&nbsp;</p>\n", esc(p))
	}
	fmt.Fprintf(&b, `<p style="text-align: right"><strong>%s</strong></p>
</div>
<div class="tools"><a href="/lien-he">Liên hệ - Góp ý</a> <a href="javascript:history.back()">Quay lại!</a>
<a class="share-fb" href="#">Chia sẻ</a></div>
<div class="box-comment"><h3>Bình luận của bạn:</h3>
<form method="post"><textarea name="c"></textarea><img src="/captcha" alt="Ảnh CAPTCHA"> Nhập mã bảo mật trên <input name="code"><button>Gửi</button></form>
<div class="comment-count">Bình luận bạn đọc (0)</div></div>
<div class="other-news"><h3>CÁC TIN KHÁC</h3><ul>
`, esc(a.author))
	for _, l := range a.boilerplate {
		if i := strings.LastIndex(l, " ("); i > 0 && strings.HasSuffix(l, ")") {
			fmt.Fprintf(&b, "<li><a href=\"/tin\">%s</a> <span>%s</span></li>\n", esc(l[:i]), esc(l[i+1:]))
		}
	}
	b.WriteString(`</ul></div>
</div></div>
<div class="col-right sidebar"><div class="box"><h3>Đọc nhiều nhất</h3><ul>
<li><a href="/a">Hội nghị quán triệt Nghị quyết 11-NQ/TU của Tỉnh ủy</a></li>
<li><a href="/b">Triển khai Kế hoạch 45-KH/TU năm 2021</a></li></ul></div>
<div class="counter">Trực tuyến<br>127621928</div></div>
</div>
<div id="footer"><p>Copyright 2021 by BÁO QUẢNG TRỊ</p>
<p>Giấy phép số 12/GP-BTTTT ngày 12/1/2018. Tổng biên tập: ...</p></div>
<script>(function(){ var x = "Kết luận 66-KL/TW"; })();</script>
</body></html>`)
	return b.String()
}

// assertInOrder checks that every part occurs in text, in order.
func assertInOrder(t *testing.T, text string, parts []string) {
	t.Helper()
	pos := 0
	for _, p := range parts {
		i := strings.Index(text[pos:], p)
		if i < 0 {
			if strings.Contains(text, p) {
				t.Errorf("out of order: %.60q", p)
			} else {
				t.Errorf("missing: %.60q", p)
			}
			continue
		}
		pos += i + len(p)
	}
}

func assertAbsent(t *testing.T, text string, parts []string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(text, p) {
			t.Errorf("boilerplate kept: %q", p)
		}
	}
}

func TestHTMLNewsPage(t *testing.T) {
	a := splitSeed002(t)
	got, err := Decode("page.html", []byte(newsPage(a)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != FormatHTML || got.Encoding != EncUTF8 {
		t.Errorf("format %s, encoding %s", got.Format, got.Encoding)
	}
	want := append([]string{a.title, a.date, a.lead, a.caption}, a.paragraphs...)
	want = append(want, a.author)
	assertInOrder(t, got.Body, want)
	// Paragraphs are separated by blank lines.
	for _, p := range a.paragraphs {
		if !strings.Contains(got.Body, "\n\n"+p+"\n\n") {
			t.Errorf("paragraph not on its own: %.40q", p)
		}
	}
	absent := []string{"CÁC TIN KHÁC", "Bình luận", "CAPTCHA", "mã bảo mật", "Copyright", "127621928", "Trực tuyến",
		"Trang chủ", "Thể thao", "Liên hệ - Góp ý", "Quay lại", "Chia sẻ", "Đọc nhiều", "12/GP-BTTTT", "11-NQ/TU",
		"99-NQ/TW", "88-CT/TW", "77-QĐ/TW", "66-KL/TW", "Tìm kiếm", "Thứ Ba", "Báo Quảng Trị điện tử", "float"}
	for _, l := range a.boilerplate {
		if strings.HasSuffix(l, ")") && strings.Contains(l, " (") {
			absent = append(absent, l[:strings.LastIndex(l, " (")])
		}
	}
	assertAbsent(t, got.Body, absent)
	if t.Failed() {
		t.Logf("body:\n%s", got.Body)
	}
}

// TestHTMLTableLayout is an old government site: a layout table with a
// menu column, <br> paragraphs, no class names, windows-1258 declared.
func TestHTMLTableLayout(t *testing.T) {
	text := seeds(t)["004_9483022ebc446430.txt"]
	lines := strings.Split(text, "\n")
	// The article: from the title line to the last numbered paragraph.
	start, end := 2, 0
	for i, l := range lines {
		if strings.HasPrefix(l, "2. Giao Phòng Nội vụ") {
			end = i + 1
		}
	}
	article := lines[start:end]
	var body strings.Builder
	for _, l := range article {
		body.WriteString(html.EscapeString(strings.TrimSpace(l)))
		body.WriteString("<br>\n")
	}
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>UBND thị xã Hương Thủy</title></head>
<body><table width="100%"><tr><td colspan="2"><a href="/">Trang chủ</a> | <a href="/gt">Giới thiệu</a> | <a href="/vb">Văn bản</a> | <a href="/lh">Liên hệ</a></td></tr>
<tr><td width="200" valign="top"><a href="/tt">Tin tức - Sự kiện</a><br><a href="/cd">Văn bản chỉ đạo điều hành</a><br><a href="/cc">Cải cách hành chính</a><br><a href="/dv">Dân vận khéo</a><br>
Thống kê truy cập<br>Tổng lượt truy cập 15.318.447</td>
<td valign="top">` + body.String() + `</td></tr>
<tr><td colspan="2"><font size="1">Bản quyền thuộc UBND thị xã Hương Thủy. Giấy phép số 05/GP-STTTT.</font></td></tr></table></body></html>`
	b, err := Encode(page, EncCP1258)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode("trang.htm", b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Encoding != EncCP1258 {
		t.Errorf("encoding %s", got.Encoding)
	}
	var want []string
	for _, l := range article {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" { // HTML layout spaces become spaces
			want = append(want, l)
		}
	}
	assertInOrder(t, got.Body, want)
	assertAbsent(t, got.Body, []string{"Trang chủ", "Giới thiệu", "Văn bản chỉ đạo điều hành", "Cải cách hành chính",
		"15.318.447", "Bản quyền", "05/GP-STTTT"})
	if t.Failed() {
		t.Logf("body:\n%s", got.Body)
	}
}

// TestHTMLSemantic is HTML5 with article/header/nav/aside/footer and a
// table inside the article.
func TestHTMLSemantic(t *testing.T) {
	page := `<!doctype html><html><head><title>Kế hoạch 109/KH-UBND</title></head><body>
<header><a href="/">Cổng thông tin</a><nav><a href="/a">Giới thiệu</a><a href="/b">Tin tức</a></nav></header>
<main><article>
<header><h1>Kế hoạch số 109/KH-UBND</h1><time>04/05/2024</time></header>
<p>Ngày 04 tháng 5 năm 2024, UBND thị xã ban hành Kế hoạch số 109/KH-UBND về việc triển khai thực hiện Chỉ thị 52-CT/TU của Ban Thường vụ Tỉnh ủy.</p>
<p>Căn cứ Nghị quyết 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI),<br>tiếp tục thực hiện Chỉ thị số 05-CT/TW.</p>
<table><tr><th>Số</th><th>Văn bản</th></tr><tr><td>1</td><td>Quy chế số 179-QC/TU</td></tr></table>
<p>Thực hiện <a href="/vb/01">Kết luận số 01-KL/TW</a>, ngày 18/5/2021 của Bộ Chính trị.</p>
<div><a href="/files/qd.pdf">Quyết định số 1234/QĐ-UBND</a></div>
<div class="tags"><a href="/t/1">dân vận</a> <a href="/t/2">Nghị quyết 11-NQ/TU</a> <a href="/t/3">chính quyền</a></div>
</article>
<aside><h2>Tin liên quan</h2><a href="/x">Nghị quyết 11-NQ/TU</a></aside></main>
<footer>Địa chỉ: 01 Lê Lợi. Điện thoại 0234.</footer></body></html>`
	got, err := Decode("p.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "Kế hoạch số 109/KH-UBND\n\n04/05/2024\n\n" +
		"Ngày 04 tháng 5 năm 2024, UBND thị xã ban hành Kế hoạch số 109/KH-UBND về việc triển khai thực hiện Chỉ thị 52-CT/TU của Ban Thường vụ Tỉnh ủy.\n\n" +
		"Căn cứ Nghị quyết 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI),\ntiếp tục thực hiện Chỉ thị số 05-CT/TW.\n\n" +
		"Số | Văn bản\n1 | Quy chế số 179-QC/TU\n\n" +
		"Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị.\n\n" +
		"Quyết định số 1234/QĐ-UBND\n"
	if got.Body != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Body, want)
	}
}

func TestHTMLRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       error
	}{
		{"no text", `<html><head><title></title><script>var a = "Nghị quyết";</script></head><body><nav><a>Menu</a></nav></body></html>`, ErrEmpty},
		{"blank", "   ", ErrEmpty},
		{"nul", "<html>\x00</html>", ErrBinary},
	} {
		_, err := Decode("x.html", []byte(tc.page))
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

// TestHTMLASPNetDivs is a portal page: paragraphs as <div>s with spans,
// no class hints on the article, "Các tin khác" as a table of links inside
// the same container, a visit counter, and the banner path seed 004 shows.
func TestHTMLASPNetDivs(t *testing.T) {
	text := seeds(t)["004_9483022ebc446430.txt"]
	lines := strings.Split(text, "\n")
	var article []string
	for _, l := range lines[2:] {
		if strings.TrimSpace(l) == "Các tin khác" {
			break
		}
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			article = append(article, l)
		}
	}
	var b strings.Builder
	b.WriteString(`<html><head><title>Cổng thông tin điện tử thị xã</title></head><body><form id="aspnetForm" method="post">
<div id="ctl00_top"><img src="/UploadFiles/TuyChonLk/tailieuhdnd_230x61.png"><input type="text" value="Tìm kiếm"></div>
<div id="ctl00_ContentPlaceHolder1_pnl">`)
	for _, l := range article {
		fmt.Fprintf(&b, "<div><span style=\"font-size:14px\">%s</span></div>\n", html.EscapeString(l))
	}
	b.WriteString(`<div><b>Các tin khác</b></div><table>`)
	for _, l := range []string{"Hội nghị triển khai Nghị quyết 04-NQ/TU", "Thị xã tổ chức Hội thi Dân vận khéo", "Tập huấn công tác dân vận năm 2024"} {
		fmt.Fprintf(&b, `<tr><td><a href="/tin/1">%s</a></td></tr>`, l)
	}
	b.WriteString(`</table></div>
<div id="ctl00_thongke">Thống kê truy cập<br>Tổng lượt truy câp 15.318.447<br>Truy cập hiện tại 6.172 khách</div>
</form></body></html>`)
	got, err := Decode("x.aspx", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	assertInOrder(t, got.Body, article)
	assertAbsent(t, got.Body, []string{"Các tin khác", "04-NQ/TU", "Hội thi Dân vận khéo", "Tập huấn", "15.318.447", "6.172", "UploadFiles", "Tìm kiếm"})
	if t.Failed() || testing.Verbose() {
		t.Logf("body:\n%s", got.Body)
	}
}

// TestHTMLLegacyFonts: old sites declared Latin-1 (or UTF-8) and set the
// text in .VnTime (TCVN3) or VNI-Times fonts.
func TestHTMLLegacyFonts(t *testing.T) {
	a := splitSeed002(t)
	page := strings.Replace(newsPage(a), `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, 1)
	page = strings.ReplaceAll(page, "»", "&raquo;") // no byte for it in TCVN3
	want, err := Decode("p.html", []byte(newsPage(a)))
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []string{EncTCVN3, EncVNI} {
		b := mustEncode(t, page, enc)
		got, err := Decode("p.html", b)
		if err != nil {
			t.Errorf("%s: %v", enc, err)
			continue
		}
		g, w := got.Body, want.Body
		if enc == EncTCVN3 {
			g, w = foldVN3Capitals(g), foldVN3Capitals(w)
		}
		if got.Encoding != enc || g != w {
			t.Errorf("%s: encoding %s, differs at %d", enc, got.Encoding, firstDiff(g, w))
		}
		// The same bytes shown as Windows-1252 in a UTF-8 page.
		shown, _ := decodeCP1252(b)
		got, err = Decode("p.html", []byte(shown))
		if err != nil {
			t.Errorf("%s in UTF-8: %v", enc, err)
			continue
		}
		g = got.Body
		if enc == EncTCVN3 {
			g = foldVN3Capitals(g)
		}
		if got.Encoding != "utf-8+"+enc || g != w {
			t.Errorf("%s in UTF-8: encoding %s, differs at %d", enc, got.Encoding, firstDiff(g, w))
		}
	}
}

// TestHTMLCommentsWithoutClasses: readers' comments after an "Ý kiến bạn
// đọc" heading, in plain divs with no class to go by, are not article.
func TestHTMLCommentsWithoutClasses(t *testing.T) {
	article := []string{
		"Ngày 12/3/2024, Huyện ủy ban hành Kế hoạch số 45-KH/HU về triển khai thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương.",
		"Kế hoạch yêu cầu các chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng chương trình hành động cụ thể, phù hợp với tình hình địa phương.",
		"Ban Dân vận Huyện ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc, kiểm tra và định kỳ báo cáo kết quả thực hiện.",
	}
	var b strings.Builder
	b.WriteString("<html><body><div><h1>Triển khai Nghị quyết 25-NQ/TW</h1>")
	article = append(article[:2], append([]string{"Ý kiến chỉ đạo của Thường trực Huyện ủy"}, article[2:]...)...)
	for _, p := range article {
		if strings.HasPrefix(p, "Ý kiến chỉ đạo") {
			fmt.Fprintf(&b, "<div><b>%s</b></div>\n", html.EscapeString(p))
			continue
		}
		fmt.Fprintf(&b, "<div>%s</div>\n", html.EscapeString(p))
	}
	b.WriteString("<div><b>Ý kiến bạn đọc</b></div>")
	for _, c := range []string{
		"Tôi rất đồng tình với chủ trương này, mong rằng các cấp sẽ thực hiện nghiêm túc và hiệu quả hơn, nhất là theo Chỉ thị 99-CT/TW.",
		"Cần có cơ chế giám sát chặt chẽ việc thực hiện ở cơ sở, tránh hình thức, chạy theo thành tích, làm cho có, báo cáo cho xong.",
	} {
		fmt.Fprintf(&b, "<div>%s</div>\n", html.EscapeString(c))
	}
	b.WriteString("</div></body></html>")
	got, err := Decode("c.html", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	assertInOrder(t, got.Body, append([]string{"Triển khai Nghị quyết 25-NQ/TW"}, article...))
	assertAbsent(t, got.Body, []string{"Ý kiến bạn đọc", "đồng tình", "99-CT/TW", "giám sát chặt chẽ"})
	if t.Failed() {
		t.Logf("body:\n%s", got.Body)
	}
}

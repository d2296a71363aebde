package corpusgen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// The document templates: one per family of kinds. Each writes into r.buf
// and records its truth through the renderer's helpers.

// render writes document i and returns its truth and text.
func (r *renderer) render(i int32) (DocTruth, []byte) {
	n := &r.p.nodes[i]
	r.buf = r.buf[:0]
	r.full = r.full[:0]
	clear(r.lastOfWord)
	r.self = i
	t := r.meta(i)
	r.t = &t
	switch {
	case n.kind == kArticle:
		t.Form = "article"
		r.article()
	case n.kind.isCentral() && n.kind.isParty():
		r.centralParty()
	case n.kind.isCentral():
		r.centralState()
	case r.rng.Float64() < r.rates.News:
		t.Form = "news"
		r.newsPage()
	default:
		// Commune UBND plans implement and are cited by nothing below
		// them: some are given as drafts, their number left blank.
		if n.kind == kCommUB && r.rng.IntN(12) == 0 {
			t.Form = "draft"
			t.Number = ""
		}
		r.local()
	}
	text := r.buf
	if r.rng.Float64() < r.rates.CRLF {
		text = r.toCRLF(text)
		t.CRLF = true
	}
	switch x := r.rng.Float64(); {
	case x < r.rates.Unaccented:
		text = r.toUnaccented(text)
		t.Unaccented = true
	case x < r.rates.Unaccented+r.rates.NFD:
		text = r.toNFD(text)
		t.NFD = true
	}
	r.finish(text)
	return t, text
}

// meta fills the truth fields that come from the plan.
func (r *renderer) meta(i int32) DocTruth {
	p := r.p
	n := &p.nodes[i]
	t := DocTruth{
		ID: docID(i), Form: "document", Date: n.date.String(), Level: p.level(i), Year: n.date.year(),
	}
	if n.kind != kArticle {
		t.Number = p.canonical(i)
		t.Type = docKinds[n.kind].abbr
		if n.kind == kLaw {
			t.Type = "Luật"
		}
		t.TypeName = docKinds[n.kind].word
		t.Issuer = p.issuer(i)
	}
	if n.kind.isParty() {
		t.Term = p.termName(i)
	}
	t.Body = p.bodyFull(i, 0)
	if !n.kind.isCentral() {
		pr := p.province(i)
		t.Province = pr.name
		t.Province2025 = province2025(int(n.prov), n.date)
		t.Scope = p.scope(i)
		if n.dist >= 0 {
			d := p.district(i)
			t.District, t.DistrictKind = d.name, d.kind.unit()
		}
		if n.comm >= 0 {
			c, ward := p.communeOf(i)
			t.Commune, t.CommuneKind = c, "xã"
			if ward {
				t.CommuneKind = "phường"
			}
		}
		if n.kind == kArticle {
			t.Body = "Ban Biên tập Trang thông tin điện tử " + p.committee(i) + " " + p.placeName(i)
		}
	}
	if n.parent >= 0 {
		t.Source = docID(n.parent)
		t.LagDays = int(n.date - p.nodes[n.parent].date)
	}
	return t
}

// ownNumber writes "Số: 135-KH/TU" (or the document's own number in the
// running text of a news page) and records its span.
func (r *renderer) ownNumber(prefix string) {
	np, ok := r.p.parts(r.self)
	if !ok {
		return
	}
	r.str(prefix)
	if r.t.Form == "draft" {
		r.str("      ")
		r.noise(NoiseDraft, "/"+np.abbr+"-"+np.issuer)
		return
	}
	form := FormCanonical
	if r.rng.Float64() < r.rates.Variant/3 {
		form = [...]string{FormSpaces, FormEnDash, FormCanonical}[r.rng.IntN(3)]
	}
	start := len(r.buf)
	r.spell(np, form)
	r.t.NumberSpan = &Span{Start: start, End: len(r.buf)}
}

// headerDate writes "Lâm Đồng, ngày 04 tháng 5 năm 2024".
func (r *renderer) headerDate(place string) {
	y, m, d := r.p.nodes[r.self].date.civil()
	r.str(place)
	r.str(", ngày ")
	r.buf = appendHeaderDay(r.buf, d, m)
	r.str(" năm ")
	r.buf = appendInt(r.buf, y)
}

// header writes a letterhead: the issuer lines on the left, the motto on
// the right, then the number and the place and date, either side by side
// (as a layout-preserving converter gives it) or one after another.
func (r *renderer) header(left []string, right []string, numPrefix, place string) {
	side := r.rng.IntN(2) == 0
	rows := max(len(left), len(right))
	if side {
		for k := range rows {
			l, rt := "", ""
			if k < len(left) {
				l = left[k]
			}
			if k < len(right) {
				rt = right[k]
			}
			r.str(l)
			if rt != "" {
				r.buf = append(r.buf, strings.Repeat(" ", max(4, 40-utf8.RuneCountInString(l)))...)
				r.str(rt)
			}
			r.str("\n")
		}
		r.ownNumber(numPrefix)
		r.str("                    ")
		r.headerDate(place)
		r.str("\n\n")
		return
	}
	for _, l := range left {
		r.str(l)
		r.str("\n")
	}
	r.ownNumber(numPrefix)
	r.str("\n")
	for _, l := range right {
		r.str(l)
		r.str("\n")
	}
	r.headerDate(place)
	r.str("\n\n")
}

var partyMotto = []string{"ĐẢNG CỘNG SẢN VIỆT NAM"}
var stateMotto = []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"}

// numberPrefix is how the number line begins.
func (r *renderer) numberPrefix(party bool) string {
	if r.rng.IntN(25) == 0 {
		return "Số:\n" // the number on the line after "Số:" (layout lost)
	}
	if party {
		return [...]string{"Số ", "Số ", "Số: ", "Số "}[r.rng.IntN(4)]
	}
	return [...]string{"Số: ", "Số: ", "Số:", "Số "}[r.rng.IntN(4)]
}

// titleLine writes a title line, sometimes upper-cased as a heading.
func (r *renderer) titleLine(write func()) {
	start := len(r.buf)
	nc := len(r.t.Citations)
	write()
	title := strings.Join(strings.Fields(string(r.buf[start:])), " ")
	r.t.Title = title
	if r.rng.IntN(4) == 0 {
		r.upper(start, nc)
	}
	r.str("\n")
}

// upper upper-cases buf[start:] in place where that keeps every byte
// offset (true of all Vietnamese letters), marking the citations written
// since index nc whose numbers changed.
func (r *renderer) upper(start, nc int) {
	seg := r.buf[start:]
	for k := 0; k < len(seg); {
		c, w := utf8.DecodeRune(seg[k:])
		if u := unicode.ToUpper(c); u != c && utf8.RuneLen(u) == w {
			utf8.EncodeRune(seg[k:], u)
		}
		k += w
	}
	for k := nc; k < len(r.t.Citations); k++ {
		c := &r.t.Citations[k]
		if c.Form == FormCanonical && string(r.buf[c.Start:c.End]) != c.Number {
			c.Form = FormUpper
		}
	}
}

// items writes numbered paragraphs from a sentence table, with the
// extras the callback adds to some of them.
func (r *renderer) items(n int, table []string, extra func(k int)) {
	// Distinct sentences: a random start and a stride coprime with the
	// table's length.
	first, stride := r.rng.IntN(len(table)), 1+2*r.rng.IntN(3)
	for len(table)%stride == 0 {
		stride++
	}
	for k := range n {
		r.buf = appendInt(r.buf, k+1)
		r.str(". ")
		r.sentence(table[(first+k*stride)%len(table)])
		if extra != nil {
			extra(k)
		}
		r.str("\n\n")
		if r.rng.Float64() < r.rates.Noise/6 {
			r.pageBreak()
		}
	}
}

// pageBreak writes page furniture between paragraphs.
func (r *renderer) pageBreak() {
	page := strconv.Itoa(2 + r.rng.IntN(6))
	switch r.rng.IntN(3) {
	case 0:
		r.str("- ")
		r.noise(NoisePage, page)
		r.str(" -\n\n")
	case 1:
		r.noise(NoisePage, "Trang "+page+"/"+strconv.Itoa(8+r.rng.IntN(4)))
		r.str("\n\n")
	default:
		r.noise(NoisePage, page)
		r.str("\n\n")
	}
}

// extraCitation writes one more sentence citing some other document: the
// material that makes every plan cite more than its source.
func (r *renderer) extraCitation() {
	d := r.p.nodes[r.self].date
	src := r.p.nodes[r.self].parent
	x := r.rng.IntN(10)
	switch {
	case x < 3:
		c := r.earlierCentral(d, src)
		if c < 0 {
			return
		}
		if r.canShort(c) {
			r.str(" Tiếp tục thực hiện nghiêm ")
			r.short(c, vncite.Implements, true)
			r.str(".")
			return
		}
		r.str(" ")
		r.str(pick(r.rng, implementCues[:]))
		r.str(" ")
		r.mention(c, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true, term: r.rng.IntN(3) == 0, title: r.rng.IntN(2) == 0})
		r.str(".")
	case x < 4:
		run := r.sameWordRun(d, 2+r.rng.IntN(2))
		if src >= 0 && r.p.nodes[src].kind == kProvCT {
			// "các Chỉ thị số 05-CT/TW, 24-CT/TU": the centre's and the
			// province's directives in one list.
			if c := r.earlierCentral(d, src); c >= 0 && r.p.nodes[c].kind == kTWCT {
				run = []int32{c, src}
			}
		}
		if run == nil {
			return
		}
		r.str(" Triển khai thực hiện có hiệu quả ")
		r.list(run, vncite.Implements)
		r.str(".")
	case x < 5:
		c := r.earlierCentral(d, src)
		if c < 0 {
			return
		}
		r.str(" Việc thực hiện phải bảo đảm theo tinh thần ")
		r.mention(c, mentionOpt{rel: vncite.BasedOn, body: r.rng.IntN(2) == 0, date: r.rng.IntN(3) == 0, term: r.rng.IntN(3) == 0})
		r.str(".")
	case x < 6:
		c := r.earlierCentral(d, src)
		if c < 0 {
			return
		}
		if k := r.p.nodes[c].kind; k > kTWHD || k == kTWQDDec || r.canShort(c) || r.p.reusedBefore(c, d) {
			return
		}
		r.str(" Thực hiện nghiêm ")
		r.bare(c, vncite.Implements)
		r.str(".")
	case x < 7:
		if c := r.earlierCentral(d, src); c >= 0 && r.p.nodes[c].kind == kTWNQ && r.p.nodes[c].body == bodyBCH && r.rng.IntN(2) == 0 {
			// "Nghị quyết Trung ương 7 khóa XI (Nghị quyết số 27-NQ/TW)"
			r.str(" Tiếp tục quán triệt ")
			r.plenum(c)
			r.str(" (")
			r.mention(c, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0})
			r.str(").")
			return
		}
		r.str(" Thực hiện tốt ")
		r.named(r.rng.IntN(len(namedDocs)))
		r.str(".")
	case x < 8:
		c := r.earlierCentral(d, src)
		if c < 0 {
			return
		}
		r.str(" ")
		r.str(pick(r.rng, citeLeads[:]))
		r.str(" ")
		r.mention(c, mentionOpt{rel: vncite.Cites, body: r.rng.IntN(2) == 0})
		r.str(".")
	case x < 9:
		c := r.earlierCentral(d-3*365, src)
		if c < 0 {
			return
		}
		r.str(" Tổ chức ")
		r.str(reviewCue(d - r.p.nodes[c].date))
		r.mention(c, mentionOpt{rel: vncite.Reviews, body: true, date: r.rng.IntN(2) == 0})
		r.str(" theo hướng dẫn của cấp trên.")
	default:
		if src >= 0 && r.canShort(src) {
			r.str(" Gắn việc thực hiện ")
			r.short(src, vncite.Implements, true)
			r.str(" với nhiệm vụ chính trị của địa phương, đơn vị.")
		}
	}
}

// noiseSentence writes a sentence carrying something that looks like a
// reference and is none.
func (r *renderer) noiseSentence() {
	y := r.p.nodes[r.self].date.year()
	switch r.rng.IntN(13) {
	case 0:
		r.str(" Qua đó, góp phần phát triển ")
		ni := noiseInline[r.rng.IntN(3)]
		r.noise(ni.kind, ni.text)
		r.str(", giữ vững ")
		r.noise(NoiseAbbrev, "QP - AN")
		r.str(" trên địa bàn.")
	case 1:
		r.str(" Duy trì áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ")
		ni := noiseInline[4+r.rng.IntN(3)]
		r.noise(ni.kind, ni.text)
		r.str(" tại các cơ quan hành chính.")
	case 2:
		r.str(" Thời gian thực hiện: từ ")
		r.noise(NoiseQuarter, "Quý "+[...]string{"I", "II", "III", "IV"}[r.rng.IntN(4)]+"/"+strconv.Itoa(y))
		r.str(".")
	case 3:
		r.str(" Thông tin chi tiết liên hệ Văn phòng ")
		r.str(r.p.committee(r.self))
		r.str(", điện thoại: ")
		r.noise(NoisePhone, r.phone())
		r.str(".")
	case 4:
		r.str(" Địa chỉ tiếp nhận: ")
		num := strconv.Itoa(1 + r.rng.IntN(200))
		if r.rng.IntN(3) == 0 {
			num += "/" + strconv.Itoa(1+r.rng.IntN(20)) // "Số 12/3": a lane off the street
		}
		r.noise(NoiseAddress, "Số "+num+" đường "+pick(r.rng, communeNames[:]))
		r.str(", phường ")
		r.str(pick(r.rng, communeNames[:]))
		r.str(".")
	case 5:
		r.str(" Nội dung cụ thể thực hiện theo ")
		r.noise(NoiseArticle, "khoản "+strconv.Itoa(1+r.rng.IntN(5))+" Điều "+strconv.Itoa(1+r.rng.IntN(30)))
		r.str(" của Quy chế làm việc.")
	case 6:
		r.str(" Dự thảo kế hoạch (")
		r.noise(NoiseDraft, "số      /KH-UBND")
		r.str(") đã được gửi xin ý kiến các cơ quan, đơn vị.")
	case 7:
		r.str(" Kết quả được đăng tải trên ")
		r.noise(NoiseSerial, "Bản tin số "+strconv.Itoa(1+r.rng.IntN(12))+"/"+strconv.Itoa(y))
		r.str(" của Ban Tuyên giáo.")
	case 8:
		r.str(" Hội nghị được tổ chức vào ngày ")
		d := r.p.nodes[r.self].date - day(r.rng.IntN(60))
		r.noise(NoiseDate, string(d.appendVN(nil, r.rng.IntN(2))))
		r.str(" với sự tham gia của ")
		r.buf = appendInt(r.buf, 50+r.rng.IntN(400))
		r.str(" đại biểu.")
	case 10:
		r.str(" Bám sát tinh thần ")
		if t := termOf(r.p.nodes[r.self].date); t >= 0 {
			r.noise(NoisePlenum, fmt.Sprintf(plenums[r.rng.IntN(len(plenums))], 2+r.rng.IntN(12), terms[t].name))
		}
		r.str(" và các văn bản hướng dẫn.")
	case 12:
		start := y - y%5 + 1
		if r.rng.IntN(2) == 0 {
			r.str(" Lồng ghép với ")
			r.noise(NoisePhrase, [...]string{"kế hoạch 5 năm ", "Kế hoạch 5 năm ", "chương trình 5 năm "}[r.rng.IntN(3)]+strconv.Itoa(start)+" - "+strconv.Itoa(start+4))
			r.str(" của địa phương.")
		} else {
			r.str(" Phấn đấu hoàn thành các chỉ tiêu ")
			r.noise(NoisePhrase, "nhiệm kỳ "+strconv.Itoa(start-1)+" - "+strconv.Itoa(start+4))
			r.str(".")
		}
	case 11:
		r.str(" Số liệu chi tiết tại ")
		r.noise(NoiseAnnex, [...]string{"Phụ lục số ", "Mẫu số ", "Biểu số "}[r.rng.IntN(3)]+"0"+strconv.Itoa(1+r.rng.IntN(9)))
		r.str(" kèm theo.")
	default:
		r.str(" Phấn đấu đến cuối năm ")
		r.buf = appendInt(r.buf, y)
		r.str(" đạt ")
		r.buf = appendInt(r.buf, 90+r.rng.IntN(10))
		r.str(",")
		r.buf = appendInt(r.buf, r.rng.IntN(10))
		r.str("% chỉ tiêu đề ra.")
	}
}

// phone returns a phone number in one of the common layouts.
func (r *renderer) phone() string {
	a := strconv.Itoa(200 + r.rng.IntN(99))
	b := strconv.Itoa(3800000 + r.rng.IntN(99999))
	switch r.rng.IntN(4) {
	case 0:
		return "0" + a + "." + b[:4] + "." + b[4:]
	case 1:
		return "(0" + a + ") " + b[:1] + " " + b[1:4] + " " + b[4:]
	case 2:
		return "09" + strconv.Itoa(10+r.rng.IntN(89)) + " " + b[1:4] + " " + b[4:]
	}
	return "1900." + b[3:]
}

// body writes the sections of a plan: purpose, tasks, organisation.
func (r *renderer) planBody(src int32) {
	r.str("I. MỤC ĐÍCH, YÊU CẦU\n\n")
	r.items(1+r.rng.IntN(2), purposeSentences[:], func(k int) {
		if k == 0 && src >= 0 && r.canShort(src) && r.rng.IntN(2) == 0 {
			r.str(" Quán triệt sâu sắc nội dung ")
			r.short(src, vncite.Implements, true)
			r.str(" đến toàn thể cán bộ, đảng viên.")
		}
	})
	r.str("II. NHIỆM VỤ, GIẢI PHÁP\n\n")
	r.items(3+r.rng.IntN(3), taskSentences[:], func(int) {
		if r.rng.Float64() < r.rates.Citations {
			r.extraCitation()
		}
		if r.rng.Float64() < r.rates.Noise {
			r.noiseSentence()
		}
	})
	r.str("III. TỔ CHỨC THỰC HIỆN\n\n")
	r.items(2+r.rng.IntN(2), organizeSentences[:], nil)
	if src >= 0 && r.canShort(src) && r.rng.IntN(2) == 0 {
		r.str("Định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện ")
		r.short(src, vncite.Implements, true)
		r.str(" về Ban Thường vụ ")
		r.str(r.p.committee(r.self))
		r.str(".\n\n")
	}
}

// signature writes "Nơi nhận" and the signature block.
func (r *renderer) signature(recipients []string, role []string) {
	r.str("Nơi nhận:\n")
	for _, s := range recipients {
		r.str("- ")
		r.str(s)
		r.str("\n")
	}
	r.str("\n")
	for _, s := range role {
		r.str(s)
		r.str("\n")
	}
	if r.rng.IntN(3) == 0 {
		r.str("(Đã ký)\n")
	}
	r.str("\n")
	r.str(r.signer())
	r.str("\n")
}

// centralParty writes a document of the Central Committee or a central
// board.
func (r *renderer) centralParty() {
	p, i := r.p, r.self
	n := &p.nodes[i]
	left := []string{"BAN CHẤP HÀNH TRUNG ƯƠNG", "*"}
	if n.kind == kCentralHD {
		left = []string{"BAN CHẤP HÀNH TRUNG ƯƠNG", strings.ToUpper(strings.TrimSuffix(centralBoards[n.body].name, " Trung ương")), "*"}
	}
	r.header(left, partyMotto, r.numberPrefix(true), "Hà Nội")
	r.str(docKinds[n.kind].heading)
	r.str("\n")
	switch {
	case n.kind == kTWNQ && n.body == bodyBCH:
		r.str("HỘI NGHỊ LẦN THỨ ")
		r.str(strings.ToUpper(ordinals[r.rng.IntN(len(ordinals))]))
		r.str(" BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA ")
		r.str(p.termName(i))
		r.str("\n")
	case n.kind != kCentralHD && n.body == bodyBCT:
		r.str("CỦA BỘ CHÍNH TRỊ\n")
	case n.kind != kCentralHD && n.body == bodyBBT:
		r.str("CỦA BAN BÍ THƯ\n")
	}
	r.titleLine(func() {
		r.str("về ")
		r.str(p.title(i))
	})
	r.str("-----\n\n")
	src := n.parent
	if src >= 0 {
		switch n.rel {
		case relImplements:
			r.str(pick(r.rng, []string{"Tiếp tục thực hiện ", "Thực hiện ", "Để tiếp tục thực hiện "}))
			r.mention(src, mentionOpt{rel: vncite.Implements, date: true, body: true, term: r.rng.IntN(2) == 0, title: true})
			r.str(", ")
		case relReviews:
			r.str("Qua ")
			r.str([...]string{"sơ kết 5 năm thực hiện ", "tổng kết 10 năm thực hiện "}[r.rng.IntN(2)])
			r.mention(src, mentionOpt{rel: vncite.Reviews, date: true, body: true, term: r.rng.IntN(2) == 0, title: true})
			r.str(", ")
		case relGuides:
			r.str(p.bodyShort(i, 0))
			r.str(" hướng dẫn thực hiện ")
			r.mention(src, mentionOpt{rel: vncite.Guides, date: true, body: true, term: r.rng.IntN(2) == 0})
			r.str(" như sau:\n\n")
		}
	}
	if src < 0 || n.rel != relGuides {
		r.sentence("Thời gian qua, công tác lãnh đạo, chỉ đạo thực hiện {A} đã đạt được nhiều kết quả quan trọng, góp phần vào thành tựu chung của đất nước. ")
		r.str(p.bodyShort(i, 0))
		r.str(" ")
		r.str([...]string{"yêu cầu", "kết luận", "quyết định"}[r.rng.IntN(3)])
		r.str(":\n\n")
	}
	r.str("I. QUAN ĐIỂM, MỤC TIÊU\n\n")
	r.items(2, purposeSentences[:], nil)
	r.str("II. NHIỆM VỤ, GIẢI PHÁP\n\n")
	r.items(3+r.rng.IntN(3), taskSentences[:], func(int) {
		if r.rng.Float64() < r.rates.Citations/2 {
			r.extraCitation()
		}
	})
	r.str("III. TỔ CHỨC THỰC HIỆN\n\n")
	r.str("1. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương, các ban đảng, ban cán sự đảng, đảng đoàn tổ chức học tập, quán triệt và xây dựng chương trình, kế hoạch thực hiện.\n\n")
	if src >= 0 && n.rel == relReplaces {
		r.str("2. ")
		r.str(docKinds[n.kind].word)
		r.str(" này có hiệu lực kể từ ngày ký, thay thế ")
		r.mention(src, mentionOpt{rel: vncite.Replaces, date: true, body: r.rng.IntN(2) == 0, term: true})
		r.str(".\n\n")
	}
	r.signature([]string{"Các tỉnh ủy, thành ủy,", "Các ban đảng, ban cán sự đảng, đảng đoàn,", "Lưu Văn phòng Trung ương Đảng."},
		[]string{"T/M " + strings.ToUpper(p.bodyShort(i, 1))})
}

// ordinals for plenum numbers.
var ordinals = [...]string{"hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai", "mười ba"}

// centralState writes a document of the Government, the Prime Minister,
// the National Assembly or a ministry.
func (r *renderer) centralState() {
	p, i := r.p, r.self
	n := &p.nodes[i]
	var left []string
	numPrefix := r.numberPrefix(false)
	switch n.kind {
	case kCTTTg:
		left = []string{"THỦ TƯỚNG CHÍNH PHỦ", "-------"}
	case kLaw:
		left = []string{"QUỐC HỘI", "-------"}
		numPrefix = "Luật số: "
	case kTT:
		left = []string{strings.ToUpper(ministries[n.body].name), "-------"}
	case kTTLT:
		left = []string{"LIÊN BỘ", "-------"}
	case kNQUBTV:
		left = []string{"ỦY BAN THƯỜNG VỤ", "QUỐC HỘI", "-------"}
	default:
		left = []string{"CHÍNH PHỦ", "-------"}
	}
	r.header(left, stateMotto, numPrefix, "Hà Nội")
	r.str(docKinds[n.kind].heading)
	r.str("\n")
	title := p.title(i)
	r.titleLine(func() {
		switch {
		case n.kind == kLaw:
			r.str(strings.ToUpper(strings.TrimPrefix(title, "Luật ")))
		case p.titleHasVe(i):
			r.str("Về ")
			r.str(title)
		default:
			r.buf = appendCapitalized(r.buf, title)
		}
	})
	r.t.Title = title
	r.str("-----------\n\n")
	switch {
	case n.kind == kLaw || n.kind == kNQUBTV:
		r.str("Căn cứ ")
		r.named(namedConstitution)
		r.str(";\n\n")
	case n.kind == kCTTTg:
	case n.date < mustDay("2001-12-25"):
		r.str("Căn cứ Luật Tổ chức Chính phủ ngày 30 tháng 9 năm 1992;\n\n")
	case n.date < mustDay("2015-06-19"):
		r.str("Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n\n")
	default:
		r.str("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n")
	}
	src := n.parent
	if src >= 0 {
		switch n.rel {
		case relBasedOn, relGuides:
			r.str("Căn cứ ")
			r.mention(src, mentionOpt{rel: vncite.BasedOn, date: r.rng.IntN(2) == 0})
			r.str(";\n\n")
		case relImplements:
			r.str("Thực hiện ")
			r.mention(src, mentionOpt{rel: vncite.Implements, date: true, body: true, term: r.rng.IntN(2) == 0, title: true})
			r.str(";\n\n")
		case relAmends:
			r.str(p.bodyShort(i, 0))
			r.str(" ban hành ")
			r.str(docKinds[n.kind].word)
			r.str(" sửa đổi, bổ sung một số điều của ")
			r.mention(src, mentionOpt{rel: vncite.Amends, date: r.rng.IntN(2) == 0})
			r.str(".\n\n")
		}
	}
	switch n.kind {
	case kCTTTg:
		r.sentence("Thời gian qua, các bộ, ngành, địa phương đã tích cực triển khai {A} và đạt được nhiều kết quả. Thủ tướng Chính phủ yêu cầu:\n\n")
		r.items(3+r.rng.IntN(3), taskSentences[:], func(int) {
			if r.rng.Float64() < r.rates.Citations/2 {
				r.extraCitation()
			}
		})
	default:
		r.str("Chương I\nQUY ĐỊNH CHUNG\n\n")
		for k := 1; k <= 3+r.rng.IntN(4); k++ {
			r.str("Điều ")
			r.buf = appendInt(r.buf, k)
			r.str(". ")
			r.sentence(taskSentences[r.rng.IntN(len(taskSentences))])
			if r.rng.Float64() < r.rates.Citations/3 {
				r.extraCitation()
			}
			r.str("\n\n")
		}
	}
	role := []string{"TM. CHÍNH PHỦ", "THỦ TƯỚNG"}
	switch n.kind {
	case kCTTTg:
		role = []string{"THỦ TƯỚNG"}
	case kLaw:
		role = []string{"CHỦ TỊCH QUỐC HỘI"}
	case kTT, kTTLT:
		role = []string{"KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"}
	case kNQUBTV:
		role = []string{"TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH"}
	}
	r.signature([]string{"Ban Bí thư Trung ương Đảng;", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;", "Lưu: VT."}, role)
}

// letterhead returns the issuer lines of a local document.
func (r *renderer) letterhead() []string {
	p, i := r.p, r.self
	n := &p.nodes[i]
	pr := p.province(i)
	provUnit := strings.ToUpper(p.provinceWord(i) + " " + pr.name)
	switch n.kind {
	case kProvUB, kDistUB, kCommUB, kProvQD:
		return []string{"ỦY BAN NHÂN DÂN", strings.ToUpper(p.unitNoun(i) + " " + p.placeName(i)), "-------"}
	case kProvHDND:
		return []string{"HỘI ĐỒNG NHÂN DÂN", strings.ToUpper(p.unitNoun(i) + " " + p.placeName(i)), "-------"}
	case kProvHD:
		return []string{strings.ToUpper(p.provinceCommittee(i) + " " + pr.name), strings.ToUpper(provBoards[n.body].name), "*"}
	}
	switch p.level(i) {
	case vncite.LevelProvince:
		return []string{"ĐẢNG BỘ " + provUnit, strings.ToUpper(p.provinceCommittee(i)), "*"}
	case vncite.LevelDistrict:
		return []string{"ĐẢNG BỘ " + provUnit, strings.ToUpper(p.committee(i) + " " + p.placeName(i)), "*"}
	}
	parent := "ĐẢNG BỘ " + provUnit
	if n.dist >= 0 {
		d := p.district(i)
		parent = "ĐẢNG BỘ " + strings.ToUpper(d.kind.unit()+" "+d.name)
	}
	return []string{parent, strings.ToUpper(p.committee(i) + " " + p.placeName(i)), "*"}
}

// local writes a plan, programme, directive, guidance or letter of a
// province, district or commune.
func (r *renderer) local() {
	p, i := r.p, r.self
	n := &p.nodes[i]
	state := n.kind == kProvUB || n.kind == kDistUB || n.kind == kCommUB || n.kind == kProvHDND || n.kind == kProvQD
	motto := partyMotto
	if state {
		motto = stateMotto
	}
	r.header(r.letterhead(), motto, r.numberPrefix(!state), p.placeName(i))
	src := n.parent
	switch n.kind {
	case kDistCV:
		r.titleLine(func() {
			r.str("V/v triển khai thực hiện ")
			r.mention(src, mentionOpt{rel: vncite.Implements, plain: r.rng.IntN(2) == 0})
		})
		r.str("\nKính gửi: - Các chi bộ, đảng bộ cơ sở trực thuộc;\n- Các cơ quan tham mưu, giúp việc ")
		r.str(p.committee(i))
		r.str(".\n\n")
	default:
		r.str(docKinds[n.kind].heading)
		r.str("\n")
		r.titleLine(func() {
			switch n.kind {
			case kProvHDND:
				r.buf = appendCapitalized(r.buf, p.title(i))
			case kProvQD:
				r.str("Về việc ban hành Kế hoạch triển khai thực hiện ")
				r.mention(src, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true})
			case kProvCT:
				r.str("về ")
				r.str(p.title(int32(p.cascadeRoot(i))))
			case kProvHD:
				r.str("nghiên cứu, học tập, quán triệt ")
				r.mention(src, mentionOpt{rel: vncite.Implements, body: true, term: r.rng.IntN(2) == 0})
			case kProvCTr, kDistCTr:
				r.str("thực hiện ")
				r.mention(src, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true, title: r.rng.IntN(2) == 0})
			default:
				r.str([...]string{"triển khai thực hiện ", "thực hiện ", "tổ chức thực hiện "}[r.rng.IntN(3)])
				r.mention(src, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true, title: r.rng.IntN(2) == 0})
			}
		})
		r.str("-----\n\n")
	}
	if state {
		r.str("Căn cứ ")
		switch {
		case n.date < mustDay("2004-01-01"):
			r.named(namedLocalGovOld)
			r.str(" ngày 21 tháng 6 năm 1994;\n\n")
		case n.date < mustDay("2015-06-19"):
			r.named(namedLocalGovOld)
			r.str(" ngày 26 tháng 11 năm 2003;\n\n")
		default:
			r.named(namedLocalGov)
			r.str(" ngày 19 tháng 6 năm 2015;\n\n")
		}
	}
	r.intro(src)
	if n.kind == kProvQD {
		r.str("QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện trên địa bàn ")
		r.str(p.unitNoun(i))
		r.str(".\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nKẾ HOẠCH\n\n")
	}
	if n.kind == kDistCV {
		r.items(3+r.rng.IntN(3), taskSentences[:], func(int) {
			if r.rng.Float64() < r.rates.Citations {
				r.extraCitation()
			}
			if r.rng.Float64() < r.rates.Noise {
				r.noiseSentence()
			}
		})
	} else {
		r.planBody(src)
	}
	recipients := []string{"Ban Thường vụ " + p.committee(i) + " cấp trên (b/c),", "Các cơ quan, đơn vị liên quan,", "Lưu Văn phòng."}
	role := []string{"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"}
	switch {
	case n.kind == kProvHDND:
		role = []string{"CHỦ TỊCH"}
	case state:
		role = []string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}
	case n.kind == kProvHD:
		role = []string{"K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"}
	case n.kind == kCommKH:
		role = []string{"T/M ĐẢNG ỦY", "BÍ THƯ"}
	}
	r.signature(recipients, role)
	if r.rng.IntN(15) == 0 {
		r.annexTable()
	}
}

// annexTable writes an annex listing the documents the text rests on, as a
// table converted to text: one row per line, cells between bars, numbers
// with no type word and no "số".
func (r *renderer) annexTable() {
	p, i := r.p, r.self
	var rows []int32
	for t := p.nodes[i].parent; t >= 0 && len(rows) < 4; t = p.nodes[t].parent {
		if p.nodes[t].seq > 0 {
			rows = append(rows, t)
		}
		if p.nodes[t].kind.isCentral() {
			break
		}
	}
	if len(rows) == 0 {
		return
	}
	r.str("\nPHỤ LỤC\nDANH MỤC VĂN BẢN LIÊN QUAN\n\n| TT | Số, ký hiệu | Ngày ban hành | Cơ quan ban hành | Trích yếu |\n")
	for k := len(rows) - 1; k >= 0; k-- {
		t := rows[k]
		np, _ := p.parts(t)
		r.str("| ")
		r.buf = appendInt(r.buf, len(rows)-k)
		r.str(" | ")
		start := len(r.buf)
		r.spell(np, FormCanonical)
		r.t.Citations = append(r.t.Citations, Citation{
			Number: np.canonical(), Target: docID(t), Relation: vncite.Cites, Mention: "full", Form: FormTable,
			Span: Span{Start: start, End: len(r.buf)}, ScopeFrom: r.scopeFrom(t),
			Date: p.nodes[t].date.String(), Body: p.bodyShort(t, 0),
		})
		r.str(" | ")
		r.buf = p.nodes[t].date.appendVN(r.buf, 1)
		r.str(" | ")
		r.str(p.bodyShort(t, 0))
		r.str(" | ")
		if p.nodes[t].kind.isCentral() {
			r.buf = appendCapitalized(r.buf, p.title(t))
		} else {
			r.str(docKinds[p.nodes[t].kind].word)
			r.str(" triển khai thực hiện")
		}
		r.str(" |\n")
	}
}

// cascadeRoot returns the index of the central document at the root of
// node i's cascade.
func (p *plan) cascadeRoot(i int32) int32 {
	for p.nodes[i].parent >= 0 && !p.nodes[i].kind.isCentral() {
		i = p.nodes[i].parent
	}
	return i
}

// intro writes the paragraph that says what the document implements: the
// central document and the plans of the levels above, with what those
// plans implement stated as statements.
func (r *renderer) intro(src int32) {
	p, i := r.p, r.self
	root := p.cascadeRoot(i)
	srcNode := &p.nodes[src]
	hdnd := p.nodes[i].kind == kProvHDND
	if hdnd {
		r.str(pick(r.rng, basedOnCues[:]))
	} else {
		r.str(pick(r.rng, implementCues[:]))
	}
	r.str(" ")
	switch {
	case hdnd:
		r.mention(src, mentionOpt{rel: vncite.BasedOn, date: true, body: r.rng.IntN(2) == 0, title: true})
		r.str(";\n\nXét Tờ trình của Ủy ban nhân dân ")
		r.str(p.unitNoun(i))
		r.str("; ")
		r.str(p.bodyShort(i, 0))
		r.str(" QUYẾT NGHỊ:\n\n")
		return
	case srcNode.kind.isCentral():
		r.mention(src, mentionOpt{rel: vncite.Implements, date: true, body: true, term: r.rng.IntN(2) == 0, title: true})
		if r.rng.IntN(6) == 0 && r.canShort(src) {
			r.str(" (sau đây gọi tắt là ")
			r.short(src, vncite.Implements, false)
			r.str(")")
		}
	case r.rng.IntN(3) == 0 && srcNode.parent >= 0 && !p.nodes[srcNode.parent].kind.isCentral() && p.nodes[srcNode.parent].parent == root && p.nodes[srcNode.parent].rel == relImplements:
		// Seed 000: "Kế hoạch số 135-KH/TU ... và Kế hoạch số 03-KH/HU ...
		// về triển khai, thực hiện Kết luận số 114-KL/TW".
		up := srcNode.parent
		a := r.mention(up, mentionOpt{rel: vncite.Implements, date: true, body: true, scopeName: r.rng.IntN(3) == 0})
		aStart := r.t.Citations[a].Start
		r.str(" và ")
		b := r.mention(src, mentionOpt{rel: vncite.Implements, date: true, body: true, scopeName: r.rng.IntN(3) == 0})
		bStart := r.t.Citations[b].Start
		r.str(" về ")
		cue, rel := r.statementCue(up)
		r.str(cue)
		o := r.mention(root, mentionOpt{rel: rel, inStatement: true, date: r.rng.IntN(2) == 0, body: true, term: r.rng.IntN(2) == 0})
		obj := r.t.Citations[o]
		for _, s := range []struct {
			subj  int32
			start int
		}{{up, aStart}, {src, bStart}} {
			r.t.Statements = append(r.t.Statements, StatementTruth{
				Subject: p.canonical(s.subj), SubjectID: docID(s.subj), Relation: rel,
				Object: obj.Number, ObjectID: obj.Target, Span: Span{Start: s.start, End: obj.End},
			})
		}
	default:
		if r.rng.IntN(2) == 0 && p.nodes[root].seq > 0 && root != src {
			r.mention(root, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true, term: r.rng.IntN(2) == 0})
			r.str(" và ")
		}
		r.mention(src, mentionOpt{rel: vncite.Implements, date: true, body: true, scopeName: r.rng.IntN(3) == 0, title: true})
	}
	r.str(", ")
	r.str(p.bodyShort(i, 0))
	r.str(" ")
	r.str(pick(r.rng, planTails[:]))
	r.str("\n\n")
}

// newsPage writes a web page reporting that a local document was issued:
// its own number stands in the running text, among site furniture.
func (r *renderer) newsPage() {
	p, i := r.p, r.self
	n := &p.nodes[i]
	r.str("Trang chủ | Tin tức - Sự kiện | Văn bản chỉ đạo\n")
	if r.rng.IntN(2) == 0 {
		r.noise(NoiseWeb, "/UploadFiles/TuyChonLk/tailieu"+strconv.Itoa(r.rng.IntN(90))+"_230x61.png")
		r.str("\n")
	}
	r.titleLine(func() {
		r.str("Triển khai thực hiện ")
		r.mention(n.parent, mentionOpt{rel: vncite.Implements, body: r.rng.IntN(2) == 0, plain: true})
	})
	y, m, d := n.date.civil()
	r.noise(NoiseWeb, strconv.Itoa(m)+"/"+strconv.Itoa(d)+"/"+strconv.Itoa(y)+" "+strconv.Itoa(7+r.rng.IntN(5))+":"+strconv.Itoa(10+r.rng.IntN(49))+":"+strconv.Itoa(10+r.rng.IntN(49))+" AM")
	r.str("\n\nNgày ")
	r.buf = appendHeaderDay(r.buf, d, m)
	r.str(" năm ")
	r.buf = appendInt(r.buf, y)
	r.str(", ")
	r.str(p.bodyFull(i, r.rng.IntN(2)))
	r.str(" ban hành ")
	r.str(p.typeWord(i))
	r.ownNumber(" số ")
	r.str(" về việc ")
	r.str([...]string{"triển khai thực hiện ", "thực hiện "}[r.rng.IntN(2)])
	r.mention(n.parent, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true, title: true})
	r.str(".\n\n")
	r.newsParagraphs()
	r.str("Các tin khác\n\nThống kê truy cập\n")
	r.noise(NoiseWeb, "Tổng lượt truy cập "+strconv.Itoa(1+r.rng.IntN(20))+"."+strconv.Itoa(100+r.rng.IntN(900))+"."+strconv.Itoa(100+r.rng.IntN(900)))
	r.str("\n")
}

// newsParagraphs writes two to four paragraphs of news prose, each maybe
// with one more citation and a sentence of noise.
func (r *renderer) newsParagraphs() {
	for range 2 + r.rng.IntN(3) {
		r.sentence(newsSentences[r.rng.IntN(len(newsSentences))])
		if r.rng.Float64() < r.rates.Citations {
			r.extraCitation()
		}
		if r.rng.Float64() < r.rates.Noise {
			r.noiseSentence()
		}
		r.str("\n\n")
	}
}

// article writes a news article about implementation (seeds 001-003): no
// number of its own, citations in the running text.
func (r *renderer) article() {
	p, i := r.p, r.self
	n := &p.nodes[i]
	r.buf = appendCapitalized(r.buf, topicArea(n.topic))
	r.str("\n\n")
	r.t.Title = string(r.buf[:len(r.buf)-2])
	r.str("Ngày cập nhật: ")
	r.noise(NoiseWeb, string(n.date.appendVN(nil, 1))+" 0"+strconv.Itoa(6+r.rng.IntN(3))+":32:30")
	r.str("\n\n(")
	r.str(p.placeName(i))
	r.str(") - ")
	r.sentence(newsSentences[0])
	r.str(" ")
	r.str(pick(r.rng, implementCues[:]))
	r.str(" ")
	r.mention(n.parent, mentionOpt{rel: vncite.Implements, date: r.rng.IntN(2) == 0, body: true, title: true})
	r.str(", các cơ quan, đơn vị đã tích cực triển khai, đạt nhiều kết quả.")
	if r.rng.Float64() < r.rates.Noise {
		r.noiseSentence()
	}
	r.str("\n\n")
	r.newsParagraphs()
	r.str(r.signer())
	r.str(" - ")
	r.str(p.committee(i))
	r.str("\nLiên kết website\n")
}

// plenum writes the plenum that issued Nghị quyết c of the Central
// Committee: "Nghị quyết Trung ương 7 khóa XI", a name that carries a
// number and is no document number.
func (r *renderer) plenum(c int32) {
	k := 2 + int(r.p.nodes[c].topic)%12
	r.noise(NoisePlenum, fmt.Sprintf(plenums[r.rng.IntN(len(plenums))], k, r.p.termName(c)))
}

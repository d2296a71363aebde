package extract

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// header is the document's own description, read from its first and last
// lines.
type header struct {
	doc     vncite.Document
	mention int // index of the mention that is the document's own number, or -1
	// leadEnd is the end of the first paragraph: where a news page names
	// the document it reports on.
	leadEnd int
}

// line is one line of the text.
type line struct {
	s, e  int
	text  string // trimmed
	words int    // exact up to maxLineWords, else some count above it
}

// headLines returns the first lines of b, up to max bytes, and the index
// of the first paragraph among them (len(lines) when there is none). The
// header is read above the first paragraph and at most five lines below
// it, so lines after those are not read.
func headLines(b []byte, text string, from, max int) ([]line, int) {
	out := make([]line, 0, 16)
	firstPara := -1
	end := from + max
	if end > len(b) {
		end = len(b)
	}
	for i := from; i < end; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			j = len(b) - i
		}
		t := trimLine(text[i : i+j])
		out = append(out, line{s: i, e: i + j, text: t, words: countWordsUpTo(t, maxLineWords)})
		if firstPara < 0 && isParagraph(out[len(out)-1]) {
			firstPara = len(out) - 1
		}
		if firstPara >= 0 && len(out) > firstPara+5 {
			break
		}
		i += j + 1
	}
	if firstPara < 0 {
		firstPara = len(out)
	}
	return out, firstPara
}

// trimLine is strings.TrimSpace(strings.Trim(t, "\u00a0\ufeff")), with
// the common case (ASCII at both ends) first.
func trimLine(t string) string {
	if t == "" || t[0] < 0x80 && t[len(t)-1] < 0x80 && t[0] > ' ' && t[len(t)-1] > ' ' {
		return t
	}
	return strings.TrimSpace(strings.Trim(t, "\u00a0\ufeff"))
}

// maxLineWords bounds the count of a header line's words: every test of
// line.words compares with a smaller number (at most 60).
const maxLineWords = 61

// countWordsUpTo is countWords, stopping once past max.
func countWordsUpTo(t string, max int) int {
	// A word starts at a byte that is no space after one that is (or at
	// the start): eight bytes at a time, checking max after each eight.
	n := 0
	var prevSp uint64 = 1 << 63 // before the text: a space
	i := 0
	for ; i+8 <= len(t); i += 8 {
		w := load64String(t, i)
		sp := eqMask(w, ' ') | eqMask(w, '\t')
		n += bits.OnesCount64(^sp & (sp<<8 | prevSp>>56) & swarHighs)
		prevSp = sp
		if n > max {
			return n
		}
	}
	prev := prevSp>>63 == 1
	for ; i < len(t); i++ {
		sp := t[i] == ' ' || t[i] == '\t'
		if !sp && prev {
			n++
		}
		prev = sp
	}
	return n
}

// load64String is load64 of s[i:i+8].
func load64String(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// countWords counts space-separated words.
func countWords(t string) int {
	n, in := 0, false
	for i := 0; i < len(t); i++ {
		sp := t[i] == ' ' || t[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// isParagraph reports whether a line is running text rather than a
// heading: long, or a full sentence.
func isParagraph(l line) bool {
	if startsHeaderLine(l.text) || isAllUpperStr(l.text) {
		return false
	}
	end := l.text // strings.TrimRight(l.text, "”\" "), without its rune path
	for {
		if n := len(end); n > 0 && (end[n-1] == '"' || end[n-1] == ' ') {
			end = end[:n-1]
		} else if strings.HasSuffix(end, "”") {
			end = end[:len(end)-len("”")]
		} else {
			break
		}
	}
	closed := strings.HasSuffix(end, ".") || strings.HasSuffix(end, ":") || strings.HasSuffix(end, ";")
	return l.words >= 12 && closed || l.words >= 30 && strings.Contains(l.text, ". ")
}

// readHeader reads the document's own number, type, date, place, title,
// body and signer.
// text is b as a string (the Extraction's Text): lines are slices of it.
func readHeader(b []byte, text string, ms []mention, cs *caser) header {
	h := header{mention: -1}
	lines, firstPara := headLines(b, text, 0, 2500)
	if firstPara < len(lines) {
		h.leadEnd = lines[firstPara].e
	}
	formal := false
	numberLine := -1
	// "Số: 307-CV/HU", "SỐ 08/CT-TTG", the number on the next line, or a
	// draft's blank "Số:      /KH-UBND".
	for k := 0; k < firstPara && k < 40; k++ {
		l := lines[k]
		at := soAtLineStart(b, l)
		if at < 0 {
			at = soInHeaderLine(b, l, ms)
		}
		if at < 0 {
			continue
		}
		numberLine = k
		formal = true
		pos := skipSpaces(b, at)
		for idx := range ms {
			m := &ms[idx]
			if m.kind == mFull && m.start >= at && m.start <= pos+2 {
				h.mention = idx
				n := m.num.Number
				h.doc.Number, h.doc.Type, h.doc.Issuer = n.Canonical, n.Type, n.Issuer
				break
			}
		}
		if h.mention < 0 {
			// A blank draft number: the type and issuer may still be read.
			if pos < len(b) && b[pos] == '/' {
				if t, is, ok := blankNumber(b, pos); ok {
					h.doc.Type, h.doc.Issuer = t, is
				}
			}
		}
		break
	}
	// Type heading ("KẾ HOẠCH") and the title lines under it; "V/v" lines.
	for k := 0; k < firstPara && k < 60; k++ {
		l := lines[k]
		if l.text == "" {
			continue
		}
		if h.doc.Title == "" && (hasPrefixFold(l.text, "v/v") || hasPrefixFold(l.text, "về việc")) {
			t := l.text[strings.IndexAny(l.text, "vV")+3:]
			if hasPrefixFold(l.text, "về việc") {
				t = l.text[len("về việc"):]
			}
			for k2 := k + 1; k2 < firstPara && k2 < k+3 && lines[k2].text != "" && !startsHeaderLine(lines[k2].text); k2++ {
				t += " " + lines[k2].text
			}
			h.doc.Title = cleanTitle(t)
			formal = true
			continue
		}
		if l.words > 4 || !isAllUpperStr(l.text) {
			continue
		}
		if tw, end, ok := typeWordAt([]byte(l.text), 0); ok && end == len(l.text) {
			h.doc.TypeName = tw.name
			if h.doc.Type == "" {
				h.doc.Type = tw.abbr
			}
			formal = true
			if h.doc.Title == "" {
				var parts []string
				for k2 := k + 1; k2 < len(lines) && k2 < k+5; k2++ {
					t := lines[k2].text
					if t == "" {
						if len(parts) > 0 {
							break
						}
						continue
					}
					if isSeparatorLine(t) || startsHeaderLine(t) || isParagraph(lines[k2]) {
						break
					}
					parts = append(parts, t)
				}
				h.doc.Title = cleanTitle(strings.Join(parts, " "))
			}
		}
	}
	// Place and date: "Hương Thủy, ngày 04 tháng 5 năm 2024".
	for k := 0; k < firstPara && k < 40; k++ {
		l := lines[k]
		idx, size := -1, 0
		for _, lit := range []string{", ngày", ", Ngày", ", ngay", ", NGÀY"} {
			if k := strings.Index(l.text, lit); k >= 0 {
				idx, size = k, len(lit)
				break
			}
		}
		if idx < 0 {
			continue
		}
		rest := []byte(l.text[idx+size:])
		d, _, ok := dateAt(rest, skipSpaces(rest, 0))
		if !ok {
			continue
		}
		h.doc.Date = d
		place := strings.TrimSpace(l.text[:idx])
		// The number may share the line: keep what follows it.
		if h.mention >= 0 {
			num := string(b[ms[h.mention].start:ms[h.mention].end])
			if p := strings.LastIndex(place, num); p >= 0 {
				place = strings.TrimSpace(place[p+len(num):])
			}
		}
		if f := strings.Fields(place); len(f) > 0 && len(f) <= 6 && isUpperStart([]byte(f[0])) {
			h.doc.Place = place
		}
		formal = true
		break
	}
	// News pages: a date line near the top.
	if h.doc.Date == "" {
		h.doc.Date = newsDate(lines, firstPara)
	}
	// Title of a page without a formal header: its heading.
	if h.doc.Title == "" && !formal {
		best := ""
		for k := 0; k < firstPara && k < 15; k++ {
			t := lines[k].text
			if lines[k].words < 4 || lines[k].words > 60 || isDateLine(t) || startsHeaderLine(t) || !strings.Contains(t, " ") {
				continue
			}
			if len(t) > len(best) {
				best = t
			}
		}
		if best != "" {
			if isAllUpperStr(best) {
				best = cs.recase(best)
			}
			h.doc.Title = cleanTitle(best)
		}
	}
	if isAllUpperStr(h.doc.Title) {
		h.doc.Title = cs.recase(h.doc.Title)
	}
	if h.doc.TypeName == "" && h.doc.Type != "" {
		h.doc.TypeName = typeNames[h.doc.Type]
	}
	if formal {
		h.doc.Body = ownBody(b, lines, numberLine, h.doc.Issuer)
		h.doc.Signer = signer(b)
	}
	if h.doc.Date != "" && partyIssuer(h.doc.Issuer) && strings.HasSuffix(h.doc.Issuer, "TW") {
		h.doc.Term = TermOf(h.doc.Date)
	}
	return h
}

// soAtLineStart returns the offset after "Số"/"SỐ" (and ':' or '.') when
// the line begins with it, else -1.
func soAtLineStart(b []byte, l line) int {
	i := skipSpaces(b, l.s)
	typed := false
	if _, end, ok := typeWordAt(b, i); ok && end < l.e {
		// "Luật số: 01/2008/QH12" (the colon is required then).
		i, typed = skipSpaces(b, end), true
	}
	for _, w := range []string{"Số", "SỐ", "Sô", "So", "số"} {
		if w == "số" && !typed {
			continue
		}
		if hasPrefixAt(b, i, w) {
			j := i + len(w)
			if j < len(b) {
				r, _ := decodeRune(b[j:])
				if isWordRune(r) {
					return -1
				}
			}
			k := j
			for k < len(b) && (b[k] == ' ' || b[k] == '\t' || b[k] == 0xC2 || b[k] == 0xA0) {
				k++
			}
			if k < len(b) && (b[k] == ':' || b[k] == '.') {
				k++
			} else if typed {
				return -1
			}
			return k
		}
	}
	return -1
}

// soInHeaderLine finds "Số:" inside a header line whose table cells were
// flattened onto one line ("HUYỆN ỦY ĐỨC TRỌNG    Số: 12-KH/HU    ĐẢNG
// CỘNG SẢN VIỆT NAM"): after a tab or two spaces, with a number right
// after it. It returns the offset after "Số:" or -1.
func soInHeaderLine(b []byte, l line, ms []mention) int {
	if l.words > 24 {
		return -1
	}
	seg := b[l.s:l.e]
	for _, lit := range []string{"Số:", "SỐ:", "Số "} {
		k := bytes.Index(seg, []byte(lit))
		if k <= 0 || !(seg[k-1] == '\t' || k >= 2 && seg[k-1] == ' ' && seg[k-2] == ' ') {
			continue
		}
		at := l.s + k + len(lit)
		pos := skipSpaces(b, at)
		for i := range ms {
			if ms[i].kind == mFull && ms[i].start == pos {
				return at
			}
		}
	}
	return -1
}

// blankNumber reads "/KH-UBND" after a draft's blank number.
func blankNumber(b []byte, pos int) (string, string, bool) {
	var toks [8]numTok
	n := lexNumber(b, pos, toks[:])
	if n < 2 || toks[0].kind != cSlash || toks[1].kind != cLetter {
		return "", "", false
	}
	t, ok := typeCanon[toks[1].str()]
	if !ok {
		return "", "", false
	}
	if n >= 4 && toks[2].kind == cDash && toks[3].kind == cLetter {
		is, _ := canonIssuer(&toks[3])
		return t, is, true
	}
	if n >= 4 && toks[2].kind == cSlash && toks[3].kind == cLetter {
		is, _ := canonIssuer(&toks[3])
		return t, is, true
	}
	return t, "", true
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	return strings.EqualFold(s[:len(p)], p)
}

func isSeparatorLine(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" {
		return false
	}
	for _, r := range t {
		if r != '-' && r != '*' && r != '_' && r != '=' && r != '~' && r != 'o' && r != 'O' && r != '0' && r != ' ' && r != '–' && r != '—' {
			return false
		}
	}
	return true
}

// startsHeaderLine reports lines that belong to the header's furniture.
func startsHeaderLine(t string) bool {
	for _, p := range []string{"Kính gửi", "Căn cứ", "Số:", "Số ", "SỐ", "Nơi nhận", "V/v", "Độc lập", "CỘNG HÒA", "CỘNG HOÀ", "ĐẢNG CỘNG SẢN", "Tìm kiếm", "Trang chủ", "Ngày cập nhật", "Cập nhật", "Ngày đăng", "Đăng ngày", "Thứ ", "Chia sẻ", "In bài", "Liên kết", "/", "http"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// isDateLine reports a line that is a date (with a time, maybe).
func isDateLine(t string) bool {
	b := []byte(strings.TrimSpace(t))
	for _, p := range []string{"Ngày cập nhật:", "Cập nhật:", "Ngày đăng:", "Đăng ngày:", "Ngày:", "Ngày", "Cập nhật lúc"} {
		if bytes.HasPrefix(b, []byte(p)) {
			b = bytes.TrimSpace(b[len(p):])
			break
		}
	}
	// "Thứ Hai, 17/09/2021"
	if i := bytes.IndexByte(b, ','); i > 0 && i < 20 && bytes.HasPrefix(b, []byte("Thứ")) {
		b = bytes.TrimSpace(b[i+1:])
	}
	// A date, maybe after a time: "10:30 17/09/2021".
	for i := 0; i < len(b) && i < 40; i++ {
		if b[i] >= '0' && b[i] <= '9' && (i == 0 || !digitClass[b[i-1]] && b[i-1] != '/' && b[i-1] != '.' && b[i-1] != '-') {
			if _, _, ok := dateAt(b, i); ok {
				return true
			}
			if _, _, ok := usDateAt(b, i); ok {
				return true
			}
		}
	}
	return false
}

// newsDate finds the date of a web page: "Ngày cập nhật: 17/09/2021
// 06:32:30", a date alone on a line ("15/07/2020", "5/7/2024 10:13:31 AM"),
// or the first sentence ("Sáng ngày 26/02/2019, ...").
func newsDate(lines []line, firstPara int) string {
	for k := 0; k < firstPara && k < 20; k++ {
		t := lines[k].text
		if t == "" || lines[k].words > 8 || !isDateLine(t) {
			continue
		}
		b := []byte(t)
		for i := 0; i < len(b); i++ {
			if b[i] >= '0' && b[i] <= '9' && (i == 0 || !digitClass[b[i-1]] && b[i-1] != '/' && b[i-1] != '.' && b[i-1] != '-') {
				if d, ok := pageDate(b, i); ok {
					return d
				}
			}
		}
	}
	if firstPara < len(lines) {
		b := []byte(lines[firstPara].text)
		i := 0
		if s, e := wordAfter(b, i); e > s && (lowerEq(b[s:e], "sáng") || lowerEq(b[s:e], "chiều") || lowerEq(b[s:e], "tối") || lowerEq(b[s:e], "trưa")) {
			i = e
		}
		if s, e := wordAfter(b, i); e > s && lowerEq(b[s:e], "ngày") {
			if d, _, ok := dateAt(b, skipSpaces(b, e)); ok {
				return d
			}
		}
	}
	return ""
}

// pageDate reads a page's date at b[i]: day first, except a US-style
// "5/7/2024 10:13:31 AM" (month first, as its AM/PM gives away).
func pageDate(b []byte, i int) (string, bool) {
	rest := string(b[i:])
	if strings.HasSuffix(rest, "AM") || strings.HasSuffix(rest, "PM") {
		if d, _, ok := usDateAt(b, i); ok {
			return d, true
		}
	}
	d, _, ok := dateAt(b, i)
	return d, ok
}

// usDateAt reads month/day/year.
func usDateAt(b []byte, i int) (string, int, bool) {
	m, j, ok := digitsAt(b, i, 2)
	if !ok || j >= len(b) || b[j] != '/' {
		return "", i, false
	}
	d, j, ok := digitsAt(b, j+1, 2)
	if !ok || j >= len(b) || b[j] != '/' {
		return "", i, false
	}
	y, k, ok := digitsAt(b, j+1, 4)
	if !ok || k-j-1 != 4 || !validDate(y, m, d) {
		return "", i, false
	}
	if k < len(b) && b[k] != ' ' {
		return "", i, false
	}
	return isoDate(y, m, d), k, true
}

// ownBody names the issuing body: the organisation line of the header,
// else the subject of the text's directive verb when it matches the
// document's issuer ("Ban Thường vụ Huyện ủy yêu cầu").
func ownBody(b []byte, lines []line, numberLine int, issuer string) string {
	for k := numberLine; k >= 0 && k >= numberLine-4; k-- {
		// The left cell of a header flattened from a table.
		t := firstCell(lines[k].text)
		t = strings.Trim(t, "*-– ")
		if t == "" || !isAllUpperStr(t) || strings.Contains(t, "CỘNG") || strings.Contains(t, "ĐỘC LẬP") {
			continue
		}
		// "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG NAM" is one name.
		if k > 0 && startsWithPlace(t) {
			if p := firstCell(lines[k-1].text); p != "" && isAllUpperStr(p) && bodyIssuer(p) != "" {
				return p + " " + t
			}
		}
		if bodyIssuer(t) != "" || startsWithOrgWord(t) {
			return t
		}
		break
	}
	if issuer != "" {
		// The directive sentence stands near the top.
		if len(b) > 5000 {
			b = b[:5000]
		}
		for _, verb := range []string{" yêu cầu", " đề nghị", " chỉ đạo", " quyết định", " thông báo", " ban hành", " hướng dẫn"} {
			from := 0
			for n := 0; n < 4; n++ {
				k := bytes.Index(b[from:], []byte(verb))
				if k < 0 {
					break
				}
				at := from + k
				from = at + len(verb)
				body := subjectBefore(b, at)
				if body != "" && bodyIssuer(body) == issuer {
					return body
				}
			}
		}
	}
	return ""
}

// firstCell returns the text before a tab or a run of two spaces.
func firstCell(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.IndexByte(t, '\t'); i >= 0 {
		t = t[:i]
	}
	if i := strings.Index(t, "  "); i >= 0 {
		t = t[:i]
	}
	if strings.HasPrefix(t, "Số") || strings.HasPrefix(t, "SỐ") {
		return ""
	}
	return strings.TrimSpace(t)
}

func startsWithPlace(t string) bool {
	for _, p := range []string{"TỈNH ", "HUYỆN ", "XÃ ", "THÀNH PHỐ ", "QUẬN ", "PHƯỜNG ", "THỊ XÃ ", "THỊ TRẤN ", "TP. ", "TP "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

func startsWithOrgWord(t string) bool {
	for _, p := range []string{"BAN ", "BỘ ", "SỞ ", "ĐẢNG ỦY", "ĐẢNG UỶ", "CHI BỘ", "VĂN PHÒNG", "ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "THỦ TƯỚNG", "CHÍNH PHỦ", "QUỐC HỘI", "TỔNG CỤC", "CỤC ", "PHÒNG "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// subjectBefore reads the capitalized body name ending at i.
func subjectBefore(b []byte, i int) string {
	start := i
	for n := 0; n < 8; n++ {
		s, e := wordBefore(b, start)
		if e == s || skipSpacesBack(b, start) != e {
			break
		}
		start = s
	}
	for start < i {
		s, e := wordAfter(b, start)
		if e == s {
			break
		}
		if isUpperStart(b[s:e]) && (lowerEq(b[s:e], "ban") || lowerEq(b[s:e], "ubnd") || lowerEq(b[s:e], "ủy") || lowerEq(b[s:e], "thường") || lowerEq(b[s:e], "hội") || lowerEq(b[s:e], "huyện") || lowerEq(b[s:e], "tỉnh") || lowerEq(b[s:e], "thành") || lowerEq(b[s:e], "đảng") || lowerEq(b[s:e], "bộ") || lowerEq(b[s:e], "thị") || lowerEq(b[s:e], "quận")) {
			body, be := readBody(b, s, i)
			if body != "" && skipSpaces(b, be) >= i {
				return body
			}
		}
		start = e
	}
	return ""
}

// surnames are the common Vietnamese family names, to tell a signer's name
// from other short lines of a signature block.
var surnames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Đoàn Lâm Mai Trịnh Đào Cao Lương Hà Tạ Châu Thái Quách Tô Kiều Triệu La Lưu Tăng Lại Hứa Mạc Khổng Từ Chu Nông Lò Vương Văn Thân Diệp Giang Âu Tôn Khúc Kim Hoàng Đàm Đồng Lục Ninh Phùng Quan Sơn Tiêu Tống Trình Ông Bạch Hầu Y Ksor Nay Rơ H'") {
		m[s] = true
	}
	return m
}()

// signer returns the last name-like line of the signature block.
func signer(b []byte) string {
	tail := b
	if len(tail) > 1500 {
		tail = tail[len(tail)-1500:]
	}
	// The last 25 lines of the tail, last first; only lines opening with
	// a surname are split into words.
	end := len(tail)
	for k := 0; k < 25 && end >= 0; k++ {
		ls := bytes.LastIndexByte(tail[:end], '\n') + 1
		line := tail[ls:end]
		end = ls - 1
		line = bytes.TrimSpace(line)
		first := line
		if sp := bytes.IndexFunc(line, unicode.IsSpace); sp >= 0 {
			first = line[:sp]
		}
		if !surnames[string(first)] {
			continue
		}
		t := string(line)
		f := strings.Fields(t)
		if len(f) < 2 || len(f) > 5 || !surnames[f[0]] {
			continue
		}
		ok := true
		for _, w := range f {
			r, _ := utf8.DecodeRuneInString(w)
			if !isUpperRune(r) || strings.ContainsAny(w, "0123456789.,:;()/-") || isAllUpperStr(w) && utf8.RuneCountInString(w) > 1 {
				ok = false
				break
			}
		}
		if ok {
			return t
		}
	}
	return ""
}

// caser gives all-caps text the casing its words have elsewhere in the
// document ("BAN DÂN VẬN TỈNH ỦY" → "Ban Dân vận Tỉnh ủy"): the longest
// runs of words found in lines not written in capitals win. The word list
// is built on first use: spans into b and a hash of each word's lower
// case, chained by hash, so that building it makes no string per word.
type caser struct {
	b      []byte
	built  bool
	toks   [][2]int32 // the words of the lines not in capitals, in text order (MaxInput fits)
	hashes []uint64   // hash of each word's lower case
	next   []int32    // the next word with the same hash, or -1
	slots  []caserSlot
}

// caserSlot heads the chain of the words with one hash.
type caserSlot struct {
	hash       uint64
	head, tail int32 // first and last word of the chain plus one; 0 when empty
}

func (c *caser) build() {
	c.built = true
	// About one word per six bytes of Vietnamese text: room for most
	// texts without growing.
	c.toks = make([][2]int32, 0, len(c.b)/5+16)
	c.hashes = make([]uint64, 0, len(c.b)/5+16)
	for start := 0; start < len(c.b); {
		end := bytes.IndexByte(c.b[start:], '\n')
		if end < 0 {
			end = len(c.b)
		} else {
			end += start
		}
		line := c.b[start:end]
		if !isAllUpper(line) {
			// The words as bytes.FieldsFunc(line, not isWordRune) has
			// them, each hashed as lowerHash does, in the same pass.
			for i := 0; i < len(line); {
				if ch := line[i]; ch < utf8.RuneSelf {
					if !asciiWord[ch] {
						i++
						continue
					}
				} else if r, size := decodeRune(line[i:]); !isWordRune(r) {
					i += size
					continue
				}
				s := i
				h := uint64(0)
				for i < len(line) {
					ch := line[i]
					if ch < utf8.RuneSelf {
						if !asciiWord[ch] {
							break
						}
						if ch >= 'A' && ch <= 'Z' {
							ch += 'a' - 'A'
						}
						h = wordHashStep(h, uint64(ch))
						i++
						continue
					}
					if ch == 0xE1 && i+2 < len(line) && line[i+1] >= 0xB8 && line[i+1] <= 0xBB && line[i+2]&0xC0 == 0x80 {
						// A precomposed vowel (U+1E00–U+1EFF, all word
						// runes) whose lower case is in the same block.
						r := rune(line[i+1]&0x3F)<<6 | rune(line[i+2]&0x3F) | 0x1000
						if l := lowerExt[r-0x1E00]; l >= 0x1E00 && l <= 0x1EFF {
							h = wordHashStep(h, 0xE1)
							h = wordHashStep(h, uint64(0x80|(l>>6)&0x3F))
							h = wordHashStep(h, uint64(0x80|l&0x3F))
							i += 3
							continue
						}
					}
					if ch >= 0xC2 && ch < 0xCA && i+1 < len(line) && line[i+1]&0xC0 == 0x80 {
						// A two-byte rune below U+0250 (Latin-1 and the
						// Latin Extended letters): lower-cased by table.
						r := rune(ch&0x1F)<<6 | rune(line[i+1]&0x3F)
						if !isWordRune(r) {
							break
						}
						switch l := lowerLatin[r]; {
						case l < utf8.RuneSelf:
							h = wordHashStep(h, uint64(l))
						case l < 0x800:
							h = wordHashStep(h, uint64(0xC0|l>>6))
							h = wordHashStep(h, uint64(0x80|l&0x3F))
						default:
							var enc [utf8.UTFMax]byte
							for _, e := range enc[:utf8.EncodeRune(enc[:], l)] {
								h = wordHashStep(h, uint64(e))
							}
						}
						i += 2
						continue
					}
					r, size := decodeRune(line[i:])
					if !isWordRune(r) {
						break
					}
					var enc [utf8.UTFMax]byte
					for _, e := range enc[:utf8.EncodeRune(enc[:], lowerRune(r))] {
						h = wordHashStep(h, uint64(e))
					}
					i += size
				}
				c.toks = append(c.toks, [2]int32{int32(start + s), int32(start + i)})
				c.hashes = append(c.hashes, wordHashEnd(h))
			}
		}
		start = end + 1
	}
	// Fewer distinct words than words: a load of at most two thirds, and
	// always an empty slot to end a probe.
	size := 16
	for size < len(c.toks)+len(c.toks)/2+1 {
		size *= 2
	}
	c.slots = make([]caserSlot, size) // zeroed: every slot empty
	c.next = make([]int32, len(c.toks))
	for k, h := range c.hashes {
		c.next[k] = -1
		sl := c.slot(h)
		if sl.head == 0 {
			sl.hash, sl.head, sl.tail = h, int32(k)+1, int32(k)+1
			continue
		}
		c.next[sl.tail-1] = int32(k)
		sl.tail = int32(k) + 1
	}
}

// slot returns the slot of hash h: its chain, or the empty slot for it.
func (c *caser) slot(h uint64) *caserSlot {
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if sl := &c.slots[i]; sl.head == 0 || sl.hash == h {
			return sl
		}
	}
}

// first returns the first word whose lower case is l (of hash h), or -1;
// then is the word after k with the same lower case.
func (c *caser) first(l string, h uint64) int {
	sl := c.slot(h)
	if sl.head == 0 {
		return -1
	}
	return c.from(int(sl.head)-1, l, h)
}

func (c *caser) then(k int, l string, h uint64) int {
	return c.from(int(c.next[k]), l, h)
}

func (c *caser) from(k int, l string, h uint64) int {
	for ; k >= 0; k = int(c.next[k]) {
		if c.hashes[k] == h && c.lowerIs(k, l) {
			return k
		}
	}
	return -1
}

// lowerIs reports whether word k lower-cased is l.
func (c *caser) lowerIs(k int, l string) bool {
	w := c.b[c.toks[k][0]:c.toks[k][1]]
	if string(w) == l {
		return true // written in lower case
	}
	var buf [64]byte
	return string(appendLower(buf[:0], w)) == l
}

// word returns word k as written.
func (c *caser) word(k int) string { return string(c.b[c.toks[k][0]:c.toks[k][1]]) }

// stringHash hashes a word in lower case, as build hashes each word of
// the text lower-cased.
func stringHash(s string) uint64 {
	h := uint64(0)
	for i := 0; i < len(s); i++ {
		h = wordHashStep(h, uint64(s[i]))
	}
	return wordHashEnd(h)
}

// wordHashStep adds one byte to a word's hash: a rotation and an xor, one
// cycle each (the hash of every word of a text is on the header's path);
// wordHashEnd mixes the bits once per word. Equal hashes are only
// candidates: the words are compared.
func wordHashStep(h, c uint64) uint64 { return bits.RotateLeft64(h, 8) ^ c }

func wordHashEnd(h uint64) uint64 {
	h ^= h >> 31
	h *= 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// recase returns s with the document's casing, first letter capitalized;
// words never seen in mixed case are lower-cased.
func (c *caser) recase(s string) string {
	if !c.built {
		c.build()
	}
	hw := strings.Fields(s)
	lower := make([]string, len(hw))
	hashes := make([]uint64, len(hw))
	for i, w := range hw {
		lower[i] = strings.ToLower(trimWordPunct(w))
		hashes[i] = stringHash(lower[i])
	}
	out := make([]string, len(hw))
	for i := 0; i < len(hw); {
		bestLen, bestAt := 0, -1
		// The first 64 places of the word: enough to find the usual
		// casing, bounded.
		for k, seen := c.first(lower[i], hashes[i]), 0; k >= 0 && seen < 64; k, seen = c.then(k, lower[i], hashes[i]), seen+1 {
			n := 1 // word k is lower[i]: first and then check it
			for i+n < len(hw) && k+n < len(c.toks) && c.hashes[k+n] == hashes[i+n] && c.lowerIs(k+n, lower[i+n]) {
				n++
			}
			if n > bestLen {
				bestLen, bestAt = n, k
			}
		}
		if bestAt < 0 {
			out[i] = strings.ToLower(hw[i])
			i++
			continue
		}
		for n := 0; n < bestLen; n++ {
			core := trimWordPunct(hw[i+n])
			out[i+n] = strings.Replace(hw[i+n], core, c.word(bestAt+n), 1)
		}
		i += bestLen
	}
	r := strings.Join(out, " ")
	first, size := utf8.DecodeRuneInString(r)
	return string(unicode.ToUpper(first)) + r[size:]
}

// trimWordPunct is strings.Trim(w, "“”\",.;:()") without the rune-by-rune
// path a non-ASCII cutset takes.
func trimWordPunct(w string) string {
	for len(w) > 0 {
		if strings.IndexByte("\",.;:()", w[0]) >= 0 {
			w = w[1:]
		} else if strings.HasPrefix(w, "“") || strings.HasPrefix(w, "”") {
			w = w[len("“"):]
		} else {
			break
		}
	}
	for len(w) > 0 {
		if strings.IndexByte("\",.;:()", w[len(w)-1]) >= 0 {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "“") || strings.HasSuffix(w, "”") {
			w = w[:len(w)-len("”")]
		} else {
			break
		}
	}
	return w
}

// recaseBody gives an all-caps body the usual casing of its parts
// ("BAN THƯỜNG VỤ TỈNH ỦY LÂM ĐỒNG" → "Ban Thường vụ Tỉnh ủy Lâm Đồng"):
// known organ names from a table, other words as the document writes them
// in mixed case, else capitalized (place names).
func (c *caser) recaseBody(body string) string {
	if !isAllUpperStr(body) || len(body) < 4 {
		return body
	}
	words := strings.Fields(body)
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		done := false
		for n := 4; n >= 1; n-- {
			if i+n > len(words) {
				continue
			}
			if v, ok := organCase[strings.Join(words[i:i+n], " ")]; ok {
				out = append(out, v)
				i += n
				done = true
				break
			}
		}
		if done {
			continue
		}
		w := words[i]
		core := strings.Trim(w, ",")
		switch {
		case isAcronym(core):
			out = append(out, w)
		case core == "VÀ":
			out = append(out, strings.Replace(w, core, "và", 1))
		default:
			if !c.built {
				c.build()
			}
			cased := ""
			l := strings.ToLower(core)
			h := stringHash(l)
			for k := c.first(l, h); k >= 0; k = c.then(k, l, h) {
				if w := c.b[c.toks[k][0]:c.toks[k][1]]; isUpperStart(w) && !isAllUpper(w) {
					cased = string(w)
					break
				} else if cased == "" {
					cased = string(w)
				}
			}
			if cased == "" || !isUpperStart([]byte(cased)) && i > 0 && isUpperStart([]byte(out[len(out)-1])) && placeHead(out[len(out)-1]) {
				r := []rune(strings.ToLower(core))
				r[0] = unicode.ToUpper(r[0])
				cased = string(r)
			}
			out = append(out, strings.Replace(w, core, cased, 1))
		}
		i++
	}
	r := strings.Join(out, " ")
	first, size := utf8.DecodeRuneInString(r)
	return string(unicode.ToUpper(first)) + r[size:]
}

// placeHead reports the words after which a place name follows.
func placeHead(w string) bool {
	switch w {
	case "tỉnh", "huyện", "xã", "phường", "quận", "thành phố", "thị xã", "thị trấn":
		return true
	}
	return false
}

// organCase is the usual casing of organ names met in capitals.
var organCase = map[string]string{
	"BAN CHẤP HÀNH TRUNG ƯƠNG": "Ban Chấp hành Trung ương", "BAN CHẤP HÀNH": "Ban Chấp hành", "BAN BÍ THƯ": "Ban Bí thư",
	"BỘ CHÍNH TRỊ": "Bộ Chính trị", "TRUNG ƯƠNG": "Trung ương", "ĐẢNG": "Đảng", "THỦ TƯỚNG": "Thủ tướng",
	"CHÍNH PHỦ": "Chính phủ", "QUỐC HỘI": "Quốc hội", "ỦY BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội",
	"ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "UỶ BAN NHÂN DÂN": "Uỷ ban nhân dân", "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân",
	"BAN THƯỜNG VỤ": "Ban Thường vụ", "TỈNH ỦY": "Tỉnh ủy", "THÀNH ỦY": "Thành ủy", "HUYỆN ỦY": "Huyện ủy",
	"QUẬN ỦY": "Quận ủy", "THỊ ỦY": "Thị ủy", "ĐẢNG ỦY": "Đảng ủy", "TỈNH UỶ": "Tỉnh uỷ", "THÀNH UỶ": "Thành uỷ",
	"HUYỆN UỶ": "Huyện uỷ", "ĐẢNG UỶ": "Đảng uỷ", "BAN TUYÊN GIÁO": "Ban Tuyên giáo", "BAN DÂN VẬN": "Ban Dân vận",
	"BAN TỔ CHỨC": "Ban Tổ chức", "BAN NỘI CHÍNH": "Ban Nội chính", "ỦY BAN KIỂM TRA": "Ủy ban Kiểm tra",
	"VĂN PHÒNG": "Văn phòng", "BAN TUYÊN GIÁO VÀ DÂN VẬN": "Ban Tuyên giáo và Dân vận", "TỈNH": "tỉnh", "HUYỆN": "huyện",
	"XÃ": "xã", "PHƯỜNG": "phường", "QUẬN": "quận", "THÀNH PHỐ": "thành phố", "THỊ XÃ": "thị xã", "THỊ TRẤN": "thị trấn",
	"MẶT TRẬN TỔ QUỐC": "Mặt trận Tổ quốc", "VIỆT NAM": "Việt Nam", "BỘ": "Bộ", "SỞ": "Sở", "BAN": "Ban",
	"CHỦ TỊCH": "Chủ tịch", "BỘ TRƯỞNG": "Bộ trưởng",
}

func isAcronym(w string) bool {
	if !isAllUpperStr(w) || utf8.RuneCountInString(w) > 8 {
		return false
	}
	if orgAcronym([]byte(w)) {
		return true
	}
	vowels := 0
	for _, r := range w {
		if strings.ContainsRune("AEIOUYĂÂÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ", r) {
			vowels++
		}
	}
	return vowels <= 1 && utf8.RuneCountInString(w) >= 3
}

// newsOwn finds the document a news page reports on: "UBND thị xã ban
// hành Kế hoạch số 109/KH-UBND về việc ..." near the top makes 109/KH-UBND
// the document, dated by its sentence.
func newsOwn(b []byte, ms []mention, cs []mctx, h *header) int {
	if h.doc.Number != "" {
		return -1
	}
	for i := range ms {
		m := &ms[i]
		if lead := h.leadEnd; m.start > lead && (lead > 0 || m.start > 3000) {
			break
		}
		if m.kind != mFull || m.tw == nil {
			continue
		}
		s, e := wordBefore(b, m.twStart)
		if e == s || !lowerEq(b[s:e], "hành") {
			continue
		}
		ps, pe := wordBefore(b, s)
		if pe == ps || !lowerEq(b[ps:pe], "ban") {
			continue
		}
		c := &cs[i]
		n := m.num.Number
		h.doc.Number, h.doc.Type, h.doc.Issuer = n.Canonical, n.Type, n.Issuer
		h.doc.TypeName = m.tw.name
		if body := bodyBefore(b, c.sentStart, m.twStart); body != "" {
			h.doc.Body = body
		}
		// The sentence's own date: "Ngày 04 tháng 5 năm 2024, ...".
		sb := b[c.sentStart:m.twStart]
		d := c.date
		if ws, we := wordAfter(sb, 0); we > ws && lowerEq(sb[ws:we], "ngày") {
			if dd, _, ok := dateAt(sb, skipSpaces(sb, we)); ok {
				d = dd
			}
		}
		if d != "" {
			h.doc.Date = d
		}
		return i
	}
	return -1
}

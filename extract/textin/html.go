package textin

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// decodeHTML extracts the article text of an HTML page.
func (o Options) decodeHTML(data []byte) (Text, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Text{}, fmt.Errorf("textin: %w", ErrEmpty)
	}
	if what := binaryKind(data); what != "" {
		return Text{}, fmt.Errorf("textin: %w (%s)", ErrBinary, what)
	}
	src, enc, err := htmlToUTF8(data)
	if err != nil {
		return Text{}, err
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return Text{}, fmt.Errorf("textin: %w: HTML: %v", ErrCorrupt, err)
	}
	body := extractArticle(doc)
	body = cleanText(body)
	if enc == EncUTF8 {
		if fixed, legacy := repairMojibake(body); legacy != "" {
			body, enc = fixed, encRepairedPrefix+legacy
		}
	}
	return documentText(body, FormatHTML, enc, "HTML page without article text")
}

// htmlToUTF8 decodes an HTML page. Valid UTF-8 is taken as UTF-8 whatever
// the page declares (a page in another encoding is almost never valid UTF-8
// by chance). Otherwise a declared windows-1258 or other specific charset
// is honoured; a page declaring Latin-1 or nothing goes through the same
// detection as plain text, since old Vietnamese sites declared Latin-1 and
// set TCVN3 or VNI fonts.
func htmlToUTF8(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", invalidUTF8(data)
		}
		return string(data), EncUTF8, nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		be := data[0] == 0xFE
		s, err := decodeUTF16(data[2:], be)
		if be {
			return s, EncUTF16BE, err
		}
		return s, EncUTF16LE, err
	}
	if utf8.Valid(data) {
		return string(data), EncUTF8, nil
	}
	e, name, certain := charset.DetermineEncoding(data, "")
	switch {
	case certain && name == "windows-1258":
		s, _ := decodeCP1258(data)
		return s, EncCP1258, nil
	case certain && name != "windows-1252" && name != "utf-8" && e != nil:
		out, err := e.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", fmt.Errorf("textin: %w: declared %s: %v", ErrUnknownEncoding, name, err)
		}
		return string(out), name, nil
	}
	c, ok := detectLegacy(data)
	if !ok {
		return "", "", unknownEncoding(data)
	}
	return c.text, c.enc, nil
}

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Canvas: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Option: true, atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Menu: true, atom.Dialog: true, atom.Object: true, atom.Embed: true,
	atom.Video: true, atom.Audio: true, atom.Map: true, atom.Head: true,
	atom.Label: true, atom.Img: true, atom.Picture: true, atom.Math: true,
}

// blockTags break paragraphs.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Dl: true, atom.Figure: true, atom.Figcaption: true, atom.Header: true,
	atom.Address: true, atom.Center: true, atom.Hr: true, atom.Fieldset: true,
	atom.Details: true, atom.Summary: true, atom.Caption: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true,
}

// lineTags end a line but not a paragraph.
var lineTags = map[atom.Atom]bool{
	atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true,
}

// Class and id hints, as in Readability, with the words Vietnamese news and
// government sites use: tinkhac/tin-lien-quan (other news), binhluan
// (comments), chiase (share), quangcao (ads), chitiet (detail), noidung
// (content), baiviet (article), sapo (lead).
var (
	unlikelyHint = regexp.MustCompile(`(?i)-ad-|^ads?$|advert|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|navbar|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|pagination|pager|popup|share|sharing|tags?$|widget|login|search|subscribe|print|tinkhac|tin-khac|tinlienquan|tin-lien-quan|lienquan|lien-quan|binhluan|binh-luan|chiase|chia-se|quangcao|quang-cao|xemthem|xem-them|tinmoi|tin-moi|tieudiem|thongke|thong-ke|truycap|truy-cap|lienket|lien-ket|danhmuc|danh-muc|copyright|counter|hotline|weather|thoitiet`)
	maybeHint    = regexp.MustCompile(`(?i)and|article|body|column|content|main|shadow|detail|chitiet|chi-tiet|noidung|noi-dung|baiviet|bai-viet|post|entry|story|text`)
	positiveHint = regexp.MustCompile(`(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|detail|chitiet|chi-tiet|noidung|noi-dung|baiviet|bai-viet|sapo|fulltext|news-?detail|articlebody`)
	negativeHint = regexp.MustCompile(`(?i)-ad-|hidden|^hid$|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags?$|tool|widget|menu|nav|tinkhac|tin-khac|lienquan|lien-quan|binhluan|binh-luan|chiase|chia-se|quangcao|quang-cao|xemthem|xem-them|tinmoi|tin-moi|thongke|thong-ke`)
	headHint     = regexp.MustCompile(`(?i)title|tieude|tieu-de|date|time|ngay|sapo|lead|summary|desc|tomtat|tom-tat|author|tacgia|tac-gia|subtitle`)
)

// nodeInfo is what the scorer knows about an element.
type nodeInfo struct {
	text     int // letters and digits of visible text
	linkText int // of those, inside <a>
	links    int // <a> elements
	commas   int
	score    float64
	scored   bool
}

// article is the state of one extraction.
type article struct {
	info    map[*html.Node]*nodeInfo
	removed map[*html.Node]bool
}

// extractArticle returns the main text of a parsed page.
func extractArticle(doc *html.Node) string {
	a := &article{info: map[*html.Node]*nodeInfo{}, removed: map[*html.Node]bool{}}
	body := findFirst(doc, atom.Body)
	if body == nil {
		body = doc
	}
	a.markRemoved(body, false)
	a.measure(body, false)
	// Forms are search boxes and comment forms, except in ASP.NET pages,
	// where one form wraps the whole page: drop only forms with little text.
	if a.removeSmallForms(body) {
		a.info = map[*html.Node]*nodeInfo{}
		a.measure(body, false)
	}
	top := a.topCandidate(body)

	var w textWriter
	if top == nil {
		a.render(&w, body)
	} else {
		a.renderWithSiblings(&w, top)
	}
	text := w.String()
	if title := a.title(doc, top); title != "" && !containsTitle(text, title) {
		text = title + "\n\n" + text
	}
	return text
}

// attr returns an attribute value.
func attr(n *html.Node, key string) string {
	for _, at := range n.Attr {
		if at.Key == key {
			return at.Val
		}
	}
	return ""
}

func classID(n *html.Node) string {
	return strings.TrimSpace(attr(n, "class") + " " + attr(n, "id"))
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

// hidden reports elements the page does not show.
func hidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok || attr(n, "aria-hidden") == "true" {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, at := range n.Attr {
		if at.Key == key {
			return at.Val, true
		}
	}
	return "", false
}

// markRemoved marks boilerplate subtrees: non-content tags, hidden
// elements, site headers outside the article, and elements whose class or
// id says menu, footer, comment, related and the like.
func (a *article) markRemoved(n *html.Node, inArticle bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		ci := classID(c)
		switch {
		case skipTags[c.DataAtom], hidden(c),
			c.DataAtom == atom.Header && !inArticle,
			ci != "" && c.DataAtom != atom.Body && c.DataAtom != atom.Article && c.DataAtom != atom.Main &&
				unlikelyHint.MatchString(ci) && !maybeHint.MatchString(ci):
			a.removed[c] = true
			continue
		}
		a.markRemoved(c, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
	}
}

// removeSmallForms marks forms with under 300 letters of text removed.
func (a *article) removeSmallForms(n *html.Node) bool {
	removed := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || a.removed[c] {
			continue
		}
		if c.DataAtom == atom.Form && a.info[c] != nil && a.info[c].text < 300 {
			a.removed[c] = true
			removed = true
			continue
		}
		if a.removeSmallForms(c) {
			removed = true
		}
	}
	return removed
}

// measure fills info for every kept element and returns it for n.
func (a *article) measure(n *html.Node, inLink bool) *nodeInfo {
	in := &nodeInfo{}
	a.info[n] = in
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t, commas := countText(c.Data)
			in.text += t
			in.commas += commas
			if inLink {
				in.linkText += t
			}
		case html.ElementNode:
			if a.removed[c] {
				continue
			}
			ci := a.measure(c, inLink || c.DataAtom == atom.A)
			in.text += ci.text
			in.linkText += ci.linkText
			in.commas += ci.commas
			in.links += ci.links
			if c.DataAtom == atom.A {
				in.links++
			}
		}
	}
	return in
}

func countText(s string) (letters, commas int) {
	for _, r := range s {
		switch {
		case r == ',':
			commas++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letters++
		}
	}
	return letters, commas
}

func (in *nodeInfo) linkDensity() float64 {
	if in.text == 0 {
		return 0
	}
	return float64(in.linkText) / float64(in.text)
}

// classWeight is Readability's ±25 per hint on class and id.
func classWeight(n *html.Node) float64 {
	w := 0.0
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		if negativeHint.MatchString(v) {
			w -= 25
		}
		if positiveHint.MatchString(v) {
			w += 25
		}
	}
	return w
}

func baseScore(n *html.Node) float64 {
	s := classWeight(n)
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main, atom.Section:
		s += 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s += 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s -= 3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s -= 5
	}
	return s
}

// isParagraph reports the elements whose text is scored: p, pre, td and
// elements (div, span, font...) holding text directly with no block child.
func (a *article) isParagraph(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre:
		return true
	case atom.A, atom.Li, atom.Ul, atom.Ol, atom.Table, atom.Tbody, atom.Tr, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	}
	hasText := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			hasText = true
		case c.Type == html.ElementNode && !a.removed[c] && (blockTags[c.DataAtom] || lineTags[c.DataAtom]):
			return false
		}
	}
	return hasText
}

// topCandidate scores paragraphs into their ancestors and returns the best
// ancestor, or nil when the page has no paragraph worth scoring.
func (a *article) topCandidate(body *html.Node) *html.Node {
	var paragraphs []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || a.removed[c] {
				continue
			}
			if a.isParagraph(c) {
				paragraphs = append(paragraphs, c)
			}
			walk(c)
		}
	}
	walk(body)
	var candidates []*html.Node
	for _, p := range paragraphs {
		in := a.info[p]
		if in.text < 25 {
			continue
		}
		s := 1 + float64(in.commas) + min(float64(in.text)/100, 3)
		anc := p.Parent
		for level := 0; level < 3 && anc != nil && anc.Type == html.ElementNode; level++ {
			ai := a.info[anc]
			if ai == nil {
				break
			}
			if !ai.scored {
				ai.scored = true
				ai.score = baseScore(anc)
				candidates = append(candidates, anc)
			}
			div := []float64{1, 2, 6}[level]
			ai.score += s / div
			anc = anc.Parent
		}
	}
	var top *html.Node
	best := 0.0
	for _, c := range candidates {
		ai := a.info[c]
		ai.score *= 1 - ai.linkDensity()
		if top == nil || ai.score > best {
			top, best = c, ai.score
		}
	}
	if top == nil || best <= 0 {
		return nil
	}
	// In a layout table the row holds the menu column too: the article is
	// the row's cell with the most text; the other cells are judged as
	// siblings.
	if top.DataAtom == atom.Tr {
		var cell *html.Node
		for c := top.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !a.removed[c] && a.info[c] != nil &&
				(cell == nil || a.info[c].text > a.info[cell].text) {
				cell = c
			}
		}
		if cell != nil {
			a.info[cell].score = max(a.info[cell].score, best)
			a.info[cell].scored = true
			top = cell
		}
	}
	return top
}

// renderWithSiblings writes the top candidate and the siblings that belong
// to the article: scored ones, text-rich ones with few links, and the title,
// date and lead blocks around it.
func (a *article) renderWithSiblings(w *textWriter, top *html.Node) {
	parent := top.Parent
	if parent == nil {
		a.render(w, top)
		return
	}
	ti := a.info[top]
	threshold := max(10, ti.score*0.2)
	seenTop := false
	for s := parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top {
			a.render(w, s)
			seenTop = true
			continue
		}
		if seenTop && a.endsArticle(s) {
			break
		}
		if a.removed[s] {
			continue
		}
		if s.Type == html.TextNode {
			if t := strings.TrimSpace(s.Data); len(t) > 80 {
				w.block()
				w.text(s.Data)
			}
			continue
		}
		if s.Type != html.ElementNode {
			continue
		}
		si := a.info[s]
		if si == nil || si.text == 0 {
			continue
		}
		keep := false
		switch {
		case si.scored && si.score >= threshold:
			keep = true
		case si.linkDensity() > 0.25:
		case isHeading(s), headHint.MatchString(classID(s)) && si.text < 600:
			keep = true
		case a.isParagraph(s) && si.text > 80:
			keep = true
		case a.isParagraph(s) && si.linkText == 0 && endsSentence(textOf(s)):
			keep = true
		}
		if keep {
			a.render(w, s)
		}
	}
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":")
}

// textOf is the raw visible text of a subtree.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && skipTags[c.DataAtom] {
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// boilerplateBlock reports containers inside the article that are lists of
// links ("CÁC TIN KHÁC", tags, share bars) rather than text. A paragraph
// made of one linked reference is kept: only containers are judged.
func (a *article) boilerplateBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Div, atom.Table, atom.Section, atom.Dl:
	default:
		return false
	}
	in := a.info[n]
	if in == nil || in.text == 0 {
		return false
	}
	if !(in.linkDensity() > 0.5 || classWeight(n) < 0 && in.linkDensity() > 0.2) {
		return false
	}
	// One or two links that name a document are the article's own
	// references (or attachments), not a list of other news.
	if in.links <= 2 && mayCite.MatchString(textOf(n)) {
		return false
	}
	return true
}

// render writes the visible text of n.
func (a *article) render(w *textWriter, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode {
		if a.removed[n] || skipTags[n.DataAtom] {
			return
		}
		if a.boilerplateBlock(n) {
			w.dropHeading()
			return
		}
		switch {
		case n.DataAtom == atom.Br:
			w.newline()
			return
		case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
			w.cell()
		case n.DataAtom == atom.Pre:
			w.block()
			w.pre++
			defer func() { w.pre--; w.block() }()
		case blockTags[n.DataAtom]:
			w.block()
			if isHeading(n) {
				w.headingStart()
				defer w.headingEnd()
			}
			defer w.block()
		case lineTags[n.DataAtom]:
			w.line()
			defer w.line()
		}
		if n.DataAtom == atom.Tr {
			w.rowStart()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if a.endsArticle(c) {
			break
		}
		a.render(w, c)
	}
}

// title is the page's title when the article text lacks it: the first kept
// <h1>, else <title>.
func (a *article) title(doc, top *html.Node) string {
	var h1 *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && h1 == nil; c = c.NextSibling {
			if c.Type != html.ElementNode || a.removed[c] {
				continue
			}
			if c.DataAtom == atom.H1 {
				h1 = c
				return
			}
			walk(c)
		}
	}
	if body := findFirst(doc, atom.Body); body != nil {
		walk(body)
	}
	if h1 != nil {
		if t := collapseSpace(textOf(h1)); t != "" {
			return t
		}
	}
	// A <title> of a few words is usually the site's name, not a headline.
	if t := findFirst(doc, atom.Title); t != nil {
		if title := collapseSpace(textOf(t)); len(strings.Fields(title)) >= 6 {
			return title
		}
	}
	return ""
}

// endsArticle reports a heading that opens what follows an article:
// "Ý kiến bạn đọc", "Bình luận", "Tin liên quan" as an <hN> or a short
// line of bold text. Nothing after it in the same container is article.
func (a *article) endsArticle(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if in := a.info[n]; in == nil || in.text > 60 {
		return false // removed, or too long for a heading: skip the text walk
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.B, atom.Strong, atom.Div, atom.P, atom.Span:
	default:
		return false
	}
	t := collapseSpace(textOf(n))
	if t == "" || len(t) > 60 {
		return false
	}
	if !isHeading(n) && !allBold(n) {
		return false
	}
	// Whole-line match only: "Ý kiến chỉ đạo" in bold is article text.
	return tailStarts.MatchString(t)
}

// allBold reports an element whose text is all inside <b>/<strong> (or
// which is one).
func allBold(n *html.Node) bool {
	if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type == html.ElementNode && !allBold(c):
			return false
		}
	}
	return true
}

// listHeading matches the headings of link lists on news sites.
var listHeading = regexp.MustCompile(`(?i)^(các |những )?(tin|bài|bài viết|văn bản|tin bài)( khác| liên quan| cùng chuyên mục| mới| đã đưa| đọc nhiều)|^xem thêm|^đọc thêm|^related|^bình luận|^ý kiến`)

// titleSep splits "Headline - Site name" titles.
var titleSep = regexp.MustCompile(` [-|–—»:] `)

// containsTitle reports whether the top of text already holds the title, or the
// longest part of a title such as "Headline - Site name".
func containsTitle(text, title string) bool {
	// A title that is there stands near the top.
	if len(text) > 8192 {
		text = text[:8192]
	}
	text = strings.ToLower(collapseSpace(text))
	longest := ""
	for _, part := range titleSep.Split(title, -1) {
		if len(part) > len(longest) {
			longest = part
		}
	}
	return strings.Contains(text, strings.ToLower(collapseSpace(longest)))
}

func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }), " ")
}

// textWriter lays out text: runs of white space become one space, blocks
// are separated by a blank line, lines by a newline, table cells by " | ".
// It writes to a byte slice so trimming the end is cheap.
type textWriter struct {
	buf         []byte
	pendingSep  int // 0 none, 1 space, 2 newline, 3 blank line
	pre         int
	rowCells    int
	lastHeading int // buf length where the last heading block started
	inHeading   bool
	headingSet  bool
}

func (w *textWriter) String() string {
	return strings.TrimSpace(string(w.buf)) + "\n"
}

func (w *textWriter) want(sep int) {
	if sep == 1 && w.atLineStart() {
		return
	}
	if len(w.buf) > 0 && sep > w.pendingSep {
		w.pendingSep = sep
	}
}

func (w *textWriter) block()   { w.want(3) }
func (w *textWriter) line()    { w.want(2) }
func (w *textWriter) newline() { w.flushSep(); w.buf = append(w.buf, '\n') }

func (w *textWriter) rowStart() { w.rowCells = 0 }

func (w *textWriter) cell() {
	if w.rowCells > 0 {
		w.flushSep()
		w.buf = append(w.buf, " | "...)
	}
	w.rowCells++
}

func (w *textWriter) headingStart() {
	w.flushSep()
	w.lastHeading = len(w.buf)
	w.headingSet = true
	w.inHeading = true
}

func (w *textWriter) headingEnd() { w.inHeading = false }

// dropHeading removes the heading written just before a dropped link list
// ("CÁC TIN KHÁC" above the list of other news).
func (w *textWriter) dropHeading() {
	if !w.headingSet {
		// Not an <hN>: drop the last paragraph only if it names a list
		// of other news ("Các tin khác" in bold).
		w.trimEnd()
		i := bytes.LastIndex(w.buf, []byte("\n\n")) + 1
		if last := bytes.TrimSpace(w.buf[i:]); len(last) < 80 && listHeading.Match(last) {
			w.buf = w.buf[:i]
			w.trimEnd()
		}
		return
	}
	w.buf = w.buf[:w.lastHeading]
	w.trimEnd()
	w.headingSet = false
}

// atLineStart reports whether nothing is written since the last newline.
func (w *textWriter) atLineStart() bool {
	return w.pendingSep < 2 && len(w.buf) > 0 && w.buf[len(w.buf)-1] == '\n'
}

func (w *textWriter) flushSep() {
	if len(w.buf) == 0 {
		w.pendingSep = 0
		return
	}
	switch w.pendingSep {
	case 1:
		w.buf = append(w.buf, ' ')
	case 2:
		w.trimEnd()
		w.buf = append(w.buf, '\n')
	case 3:
		w.trimEnd()
		w.buf = append(w.buf, "\n\n"...)
	}
	w.pendingSep = 0
}

// trimEnd drops trailing spaces and newlines.
func (w *textWriter) trimEnd() {
	n := len(w.buf)
	for n > 0 && (w.buf[n-1] == ' ' || w.buf[n-1] == '\t' || w.buf[n-1] == '\n') {
		n--
	}
	w.buf = w.buf[:n]
}

func (w *textWriter) text(s string) {
	if !w.inHeading && strings.TrimSpace(s) != "" {
		w.headingSet = false
	}
	if w.pre > 0 {
		w.flushSep()
		w.buf = append(w.buf, s...)
		return
	}
	s = strings.ReplaceAll(s, "\u00A0", " ")
	for i, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		if i > 0 || startsWithSpace(s) {
			w.want(1)
		}
		w.flushSep()
		w.buf = append(w.buf, f...)
	}
	if endsWithSpace(s) && strings.TrimSpace(s) != "" {
		w.want(1)
	} else if strings.TrimSpace(s) == "" && s != "" {
		w.want(1)
	}
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

package textin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// decodeDOCX reads the text of word/document.xml (then footnotes and
// endnotes): one line per paragraph, tabs and breaks kept, table rows as
// lines with cells joined by " | ". Runs set in legacy Vietnamese fonts
// (.VnTime and the other ABC fonts: TCVN3; VNI-Times and the other VNI
// fonts: VNI) hold their 8-bit codes as Latin-1 characters; they are
// decoded by font, with the ABC "H" fonts (.VnTimeH) giving capitals.
func (o Options) decodeDOCX(data []byte) (Text, error) {
	if bytes.HasPrefix(data, []byte(oleMagic)) { // a .doc named .docx, or an encrypted DOCX
		return o.decodeDOC(data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Text{}, fmt.Errorf("textin: %w: not a readable DOCX/ZIP archive: %v", ErrCorrupt, err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(f.Name)] = f
	}
	doc := files["word/document.xml"]
	if doc == nil {
		if odt := files["content.xml"]; odt != nil && odtText(files) {
			return o.decodeODT(odt)
		}
		for name, what := range map[string]string{
			"xl/workbook.xml":      "an Excel workbook (.xlsx)",
			"ppt/presentation.xml": "a PowerPoint file (.pptx)",
			"content.xml":          "an OpenDocument spreadsheet or presentation",
		} {
			if files[name] != nil {
				return Text{}, fmt.Errorf("textin: %w: %s", ErrUnsupported, what)
			}
		}
		return Text{}, fmt.Errorf("textin: %w (ZIP archive, not a DOCX: no word/document.xml)", ErrBinary)
	}
	budget := o.MaxExpanded
	read := func(f *zip.File) ([]byte, error) {
		return readZipEntry(f, &budget, o.MaxExpanded)
	}
	fonts := docxFonts{styles: map[string]docxStyle{}}
	if f := files["word/styles.xml"]; f != nil {
		b, err := read(f)
		if err != nil {
			return Text{}, err
		}
		fonts = parseDocxStyles(b) // styles are a hint: a bad file only loses fonts
	}
	b, err := read(doc)
	if err != nil {
		return Text{}, err
	}
	p := docxParser{fonts: fonts}
	if err := p.parse(b); err != nil {
		return Text{}, err
	}
	for _, name := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		f := files[name]
		if f == nil {
			continue
		}
		b, err := read(f)
		if err != nil {
			return Text{}, err
		}
		p.out = append(p.out, "")
		if err := p.parse(b); err != nil {
			return Text{}, err
		}
	}
	body := cleanText(joinLines(p.out))
	enc := EncUTF8
	if len(p.legacy) > 0 {
		var names []string
		for _, n := range []string{EncTCVN3, EncVNI} {
			if p.legacy[n] {
				names = append(names, n)
			}
		}
		enc += "+" + strings.Join(names, "+")
	} else if fixed, legacy := repairMojibake(body); legacy != "" {
		body, enc = fixed, encRepairedPrefix+legacy
	}
	return documentText(body, FormatDOCX, enc, "DOCX without text")
}

// readZipEntry unpacks one archive entry, charging it to budget: entries
// flagged encrypted are refused, and an entry that declares or turns out
// to unpack past what is left of the budget is a zip bomb.
func readZipEntry(f *zip.File, budget *int64, limit int64) ([]byte, error) {
	if f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("textin: %w: encrypted archive entry %s", ErrUnsupported, f.Name)
	}
	if f.UncompressedSize64 > uint64(*budget) {
		return nil, fmt.Errorf("textin: %w: %s unpacks to %d bytes, over the limit of %d (zip bomb?)", ErrTooLarge, f.Name, f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("textin: %w: %s: %v", ErrCorrupt, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, *budget+1))
	if err != nil {
		return nil, fmt.Errorf("textin: %w: %s: %v", ErrCorrupt, f.Name, err)
	}
	if int64(len(b)) > *budget {
		return nil, fmt.Errorf("textin: %w: %s unpacks past the limit of %d bytes (zip bomb?)", ErrTooLarge, f.Name, limit)
	}
	*budget -= int64(len(b))
	return b, nil
}

// odtText reports an OpenDocument text archive (by its mimetype entry).
func odtText(files map[string]*zip.File) bool {
	f := files["mimetype"]
	if f == nil || f.UncompressedSize64 > 100 {
		return false
	}
	budget := int64(100)
	b, err := readZipEntry(f, &budget, 100)
	return err == nil && strings.HasPrefix(string(b), "application/vnd.oasis.opendocument.text")
}

// decodeODT reads an OpenDocument text file's content.xml.
func (o Options) decodeODT(content *zip.File) (Text, error) {
	budget := o.MaxExpanded
	b, err := readZipEntry(content, &budget, o.MaxExpanded)
	if err != nil {
		return Text{}, err
	}
	s, err := decodeODTContent(b)
	if err != nil {
		return Text{}, err
	}
	body := cleanText(s)
	enc := EncUTF8
	if fixed, legacy := repairMojibake(body); legacy != "" {
		body, enc = fixed, encRepairedPrefix+legacy
	}
	return documentText(body, FormatODT, enc, "ODT without text")
}

// joinLines joins paragraphs with newlines, at most one blank line in a row.
func joinLines(lines []string) string {
	var sb strings.Builder
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 || sb.Len() == 0 {
				continue
			}
			sb.WriteByte('\n')
			continue
		}
		blank = 0
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}

// docxStyle is the font part of a style.
type docxStyle struct {
	basedOn string
	font    string
}

// docxFonts resolves the font of a run from styles.xml.
type docxFonts struct {
	defaultFont      string // docDefaults
	defaultParaStyle string // the style with w:default="1" of type paragraph
	styles           map[string]docxStyle
}

// styleFont follows basedOn links to the first style that names a font.
func (f docxFonts) styleFont(id string) string {
	for i := 0; i < 20 && id != ""; i++ {
		s, ok := f.styles[id]
		if !ok {
			return ""
		}
		if s.font != "" {
			return s.font
		}
		id = s.basedOn
	}
	return ""
}

func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// fontAttr is the font a w:rFonts names for Latin text.
func fontAttr(e xml.StartElement) string {
	if v := xmlAttr(e, "ascii"); v != "" {
		return v
	}
	return xmlAttr(e, "hAnsi")
}

func parseDocxStyles(b []byte) docxFonts {
	f := docxFonts{styles: map[string]docxStyle{}}
	d := xml.NewDecoder(bytes.NewReader(b))
	var (
		cur       string
		curStyle  docxStyle
		inDefault bool
	)
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefault = true
			case "style":
				cur, curStyle = xmlAttr(t, "styleId"), docxStyle{}
				if xmlAttr(t, "default") == "1" && xmlAttr(t, "type") == "paragraph" {
					f.defaultParaStyle = cur
				}
			case "basedOn":
				curStyle.basedOn = xmlAttr(t, "val")
			case "rFonts":
				if inDefault {
					f.defaultFont = fontAttr(t)
				} else if cur != "" {
					curStyle.font = fontAttr(t)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefault = false
			case "style":
				if cur != "" {
					f.styles[cur] = curStyle
				}
				cur = ""
			}
		}
	}
	return f
}

// legacyFont tells the encoding a font name implies: the ABC fonts
// (".VnTime", ".VnArial", ".VnTimeH") are TCVN3, the VNI fonts
// ("VNI-Times") are VNI. upper is set for the ABC capitals fonts.
func legacyFont(name string) (enc string, upper bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case strings.HasPrefix(n, ".vn"):
		return EncTCVN3, strings.HasSuffix(n, "h")
	case strings.HasPrefix(n, "vni-"), strings.HasPrefix(n, "vni "):
		return EncVNI, false
	}
	return "", false
}

// docxSegment is text in one font.
type docxSegment struct {
	font string
	text strings.Builder
}

// docxOuter is a paragraph interrupted by a nested one.
type docxOuter struct {
	segs                []*docxSegment
	paraStyle, runStyle string
	runFont             string
	inRun, inRPr        bool
}

// docxCell is one table cell's paragraphs.
type docxCell []string

type docxTable struct {
	rows [][]docxCell
}

// tableStack holds the tables being read, innermost last. DOCX and ODT
// lay tables out alike: each cell's paragraphs are filed in it, and a
// finished table becomes lines of its enclosing cell or of the output.
type tableStack []*docxTable

// open starts a table.
func (ts *tableStack) open() { *ts = append(*ts, &docxTable{}) }

// addRow starts a row of the innermost table, if any.
func (ts tableStack) addRow() {
	if n := len(ts); n > 0 {
		ts[n-1].rows = append(ts[n-1].rows, nil)
	}
}

// addCell starts a cell of the innermost table's last row, if any.
func (ts tableStack) addCell() {
	if n := len(ts); n > 0 {
		if rows := ts[n-1].rows; len(rows) > 0 {
			rows[len(rows)-1] = append(rows[len(rows)-1], nil)
		}
	}
}

// fileInCell appends lines to the current cell of the innermost table and
// reports whether there was one.
func (ts tableStack) fileInCell(lines ...string) bool {
	n := len(ts)
	if n == 0 || len(ts[n-1].rows) == 0 {
		return false
	}
	row := ts[n-1].rows[len(ts[n-1].rows)-1]
	if len(row) == 0 {
		return false
	}
	row[len(row)-1] = append(row[len(row)-1], lines...)
	return true
}

// closeInto ends the innermost table, if any, and files its lines in the
// enclosing cell or, outside tables, appends them to out.
func (ts *tableStack) closeInto(out *[]string) {
	n := len(*ts)
	if n == 0 {
		return
	}
	lines := tableLines((*ts)[n-1])
	*ts = (*ts)[:n-1]
	if !ts.fileInCell(lines...) {
		*out = append(*out, lines...)
	}
}

// docxParser walks WordprocessingML.
type docxParser struct {
	fonts  docxFonts
	out    []string
	legacy map[string]bool

	tables    tableStack
	segs      []*docxSegment
	paraStyle string
	// outer holds the state of paragraphs that contain a text box whose
	// own paragraphs are being read (w:txbxContent inside a run).
	outer    []docxOuter
	runFont  string
	runStyle string
	inRun    bool
	inRPr    bool
	inText   bool
	inPara   bool
}

func (p *docxParser) parse(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	skipDepth := 0 // inside w:del, w:instrText, footnote separators
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("textin: %w: DOCX XML: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skipDepth > 0 {
				skipDepth++
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom", "instrText", "delText", "Fallback":
				// Deleted revisions, field codes, and the fallback copy
				// of a text box (mc:Fallback repeats mc:Choice).
				skipDepth = 1
			case "footnote", "endnote":
				if ty := xmlAttr(t, "type"); ty == "separator" || ty == "continuationSeparator" || ty == "continuationNotice" {
					skipDepth = 1
				}
			case "p":
				if p.inPara { // a text box's paragraph inside a run
					p.outer = append(p.outer, docxOuter{p.segs, p.paraStyle, p.runStyle, p.runFont, p.inRun, p.inRPr})
					p.inRun, p.inRPr = false, false
				}
				p.inPara, p.segs, p.paraStyle = true, nil, ""
			case "pStyle":
				p.paraStyle = xmlAttr(t, "val")
			case "r":
				p.inRun, p.runFont, p.runStyle = true, "", ""
			case "rPr":
				p.inRPr = true
			case "rFonts":
				if p.inRun && p.inRPr {
					p.runFont = fontAttr(t)
				}
			case "rStyle":
				if p.inRun {
					p.runStyle = xmlAttr(t, "val")
				}
			case "t":
				p.inText = p.inRun
			case "tab":
				if p.inRun {
					p.write("\t")
				}
			case "br", "cr":
				if p.inRun {
					p.write("\n")
				}
			case "noBreakHyphen":
				p.write("-")
			case "softHyphen":
				// Writers store a typed U+00AD this way, and in a .VnTime
				// run that byte is "ư"; finish drops what is left.
				if p.inRun {
					p.write("\u00AD")
				}
			case "tbl":
				p.tables.open()
			case "tr":
				p.tables.addRow()
			case "tc":
				p.tables.addCell()
			}
		case xml.EndElement:
			if skipDepth > 0 {
				skipDepth--
				continue
			}
			switch t.Name.Local {
			case "t":
				p.inText = false
			case "rPr":
				p.inRPr = false
			case "r":
				p.inRun = false
			case "p":
				p.endParagraph()
			case "tbl":
				p.tables.closeInto(&p.out)
			}
		case xml.CharData:
			if p.inText && skipDepth == 0 {
				p.write(string(t))
			}
		}
	}
	return nil
}

// font is the effective font of the current run.
func (p *docxParser) font() string {
	if p.runFont != "" {
		return p.runFont
	}
	if f := p.fonts.styleFont(p.runStyle); f != "" {
		return f
	}
	ps := p.paraStyle
	if ps == "" {
		ps = p.fonts.defaultParaStyle
	}
	if f := p.fonts.styleFont(ps); f != "" {
		return f
	}
	return p.fonts.defaultFont
}

func (p *docxParser) write(s string) {
	f := p.font()
	if n := len(p.segs); n == 0 || p.segs[n-1].font != f {
		p.segs = append(p.segs, &docxSegment{font: f})
	}
	p.segs[len(p.segs)-1].text.WriteString(s)
}

// endParagraph decodes the paragraph's segments and files the line in the
// current table cell or the output.
func (p *docxParser) endParagraph() {
	var sb strings.Builder
	for _, s := range p.segs {
		sb.WriteString(p.decodeSegment(s))
	}
	p.segs, p.inPara = nil, false
	if n := len(p.outer); n > 0 {
		o := p.outer[n-1]
		p.outer = p.outer[:n-1]
		p.segs, p.paraStyle, p.runStyle, p.runFont, p.inRun, p.inRPr = o.segs, o.paraStyle, o.runStyle, o.runFont, o.inRun, o.inRPr
		p.inPara = true
	}
	if line := sb.String(); !p.tables.fileInCell(line) {
		p.out = append(p.out, line)
	}
}

// decodeSegment converts text in a legacy font; other text is kept.
func (p *docxParser) decodeSegment(s *docxSegment) string {
	text := s.text.String()
	enc, upper := legacyFont(s.font)
	if enc == "" {
		return text
	}
	b := make([]byte, 0, len(text))
	for _, r := range text {
		switch {
		case r >= 0xF000 && r <= 0xF0FF: // symbol-font private-use form
			b = append(b, byte(r-0xF000))
		case r < 0x100:
			b = append(b, byte(r))
		default:
			c, ok := cp1252Reverse[r]
			if !ok {
				return text // real Unicode in a legacy font: leave it
			}
			b = append(b, c)
		}
	}
	var out string
	if enc == EncTCVN3 {
		// decodeTCVN3 also restores capitals in words typed in capitals
		// ("HO¹CH" shows "HOạCH" in .VnTime; its author meant "HOẠCH").
		out, _ = decodeTCVN3(b)
	} else {
		out, _ = decodeVNI(b)
	}
	if upper {
		out = strings.ToUpper(out)
	}
	if p.legacy == nil {
		p.legacy = map[string]bool{}
	}
	p.legacy[enc] = true
	return out
}

// tableLines lays a table out: a row of one-paragraph cells is one line
// "a | b | c"; otherwise each cell's paragraphs become lines.
func tableLines(tb *docxTable) []string {
	var lines []string
	for _, row := range tb.rows {
		single := true
		for _, c := range row {
			if nonEmpty(c) > 1 {
				single = false
			}
		}
		if single {
			var cells []string
			for _, c := range row {
				cells = append(cells, strings.TrimSpace(strings.Join(c, " ")))
			}
			lines = append(lines, strings.Join(cells, " | "))
			continue
		}
		for _, c := range row {
			lines = append(lines, c...)
		}
	}
	return lines
}

func nonEmpty(c docxCell) int {
	n := 0
	for _, l := range c {
		if strings.TrimFunc(l, unicode.IsSpace) != "" {
			n++
		}
	}
	return n
}

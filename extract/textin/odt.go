package textin

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// OpenDocument text (.odt), which Vietnamese state bodies were asked to
// publish in: the text of content.xml, laid out like DOCX (one line per
// paragraph or heading, tables as rows, notes and text boxes as their own
// lines). Text set in legacy fonts is left to the mojibake repair.

// decodeODTContent reads content.xml.
func decodeODTContent(content []byte) (string, error) {
	p := odtParser{}
	if err := p.parse(content); err != nil {
		return "", err
	}
	return joinLines(p.out), nil
}

type odtParser struct {
	out    []string
	paras  []*strings.Builder // open paragraphs, innermost last
	tables tableStack
}

func (p *odtParser) parse(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	skip := 0 // inside deleted changes, annotations
	inBody := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("textin: %w: ODT XML: %v", ErrCorrupt, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "text":
				if t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:office:1.0" {
					inBody = true
				}
			case "tracked-changes", "annotation", "note-citation", "sequence-decls", "variable-decls":
				skip = 1
			case "p", "h":
				if inBody {
					p.paras = append(p.paras, &strings.Builder{})
				}
			case "s":
				n := 1
				if c := xmlAttr(t, "c"); c != "" {
					if v, err := strconv.Atoi(c); err == nil && v > 0 && v < 1000 {
						n = v
					}
				}
				p.write(strings.Repeat(" ", n))
			case "tab":
				p.write("\t")
			case "line-break":
				p.write("\n")
			case "table":
				if inBody && t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:table:1.0" {
					p.tables.open()
				}
			case "table-row":
				p.tables.addRow()
			case "table-cell":
				p.tables.addCell()
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p", "h":
				p.endParagraph()
			case "table":
				if t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:table:1.0" {
					p.tables.closeInto(&p.out)
				}
			case "text":
				if t.Name.Space == "urn:oasis:names:tc:opendocument:xmlns:office:1.0" {
					inBody = false
				}
			}
		case xml.CharData:
			if skip == 0 {
				p.write(string(t))
			}
		}
	}
}

func (p *odtParser) write(s string) {
	if n := len(p.paras); n > 0 {
		p.paras[n-1].WriteString(s)
	}
}

// endParagraph files a finished paragraph in the current table cell or the
// output; a paragraph nested in another (a note, a text box) comes out as
// its own line before the one it sits in.
func (p *odtParser) endParagraph() {
	n := len(p.paras)
	if n == 0 {
		return
	}
	line := p.paras[n-1].String()
	p.paras = p.paras[:n-1]
	if n > 1 || !p.tables.fileInCell(line) {
		p.out = append(p.out, line)
	}
}

package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vncite/vncite/extract/textin"
)

// minimalPDF writes a one-page PDF showing text (ASCII) in Helvetica, with
// a correct cross-reference table.
func minimalPDF(text string) []byte {
	content := ""
	if text != "" {
		content = fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func docxBytes(t *testing.T, paragraphs ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paragraphs {
		fmt.Fprintf(&body, "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", p)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	fmt.Fprintf(w, `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`, body.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadDocument(t *testing.T) {
	dir := t.TempDir()
	const sentence = "Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương về công tác dân vận."
	tcvn3, err := textin.Encode(sentence, textin.EncTCVN3)
	if err != nil {
		t.Fatal(err)
	}
	vni, _ := textin.Encode(sentence, textin.EncVNI)
	utf16, _ := textin.Encode(sentence, textin.EncUTF16LE)
	page := "<!DOCTYPE html><html><body><div class=\"menu\"><a href=/>Trang chủ</a></div><div class=\"content\"><p>" + sentence + "</p></div><div id=\"footer\">Bản quyền</div></body></html>"
	for _, tc := range []struct {
		name   string
		data   []byte
		format textin.Format
		enc    string
	}{
		{"a.txt", []byte(sentence + "\r\n"), textin.FormatText, textin.EncUTF8},
		{"nfd.md", []byte("Nghi\u0323 quye\u0302\u0301t so\u0302\u0301 25-NQ/TW cu\u0309a Ban Cha\u0302\u0301p ha\u0300nh Trung u\u031bo\u031bng ve\u0302\u0300 co\u0302ng ta\u0301c da\u0302n va\u0323\u0302n."), textin.FormatText, textin.EncUTF8},
		{"tcvn3.txt", tcvn3, textin.FormatText, textin.EncTCVN3},
		{"vni.TXT", vni, textin.FormatText, textin.EncVNI},
		{"u16.txt", utf16, textin.FormatText, textin.EncUTF16LE},
		{"page.html", []byte(page), textin.FormatHTML, textin.EncUTF8},
		{"page.dat", []byte(page), textin.FormatHTML, textin.EncUTF8},        // sniffed
		{"noext", docxBytes(t, sentence), textin.FormatDOCX, textin.EncUTF8}, // sniffed
		{"a.docx", docxBytes(t, sentence), textin.FormatDOCX, textin.EncUTF8},
	} {
		p := writeFile(t, dir, tc.name, tc.data)
		got, err := readDocumentText(context.Background(), p)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if strings.TrimSpace(got.Body) != sentence {
			t.Errorf("%s: got %q", tc.name, got.Body)
		}
		if got.Format != tc.format || got.Encoding != tc.enc {
			t.Errorf("%s: %s/%s, want %s/%s", tc.name, got.Format, got.Encoding, tc.format, tc.enc)
		}
		b, err := readDocument(context.Background(), p)
		if err != nil || string(b) != got.Body {
			t.Errorf("%s: readDocument differs: %v", tc.name, err)
		}
	}
}

func TestReadDocumentRefusals(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(textin.DefaultMaxBytes + 1); err != nil { // sparse: never read
		t.Fatal(err)
	}
	f.Close()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	fifo := filepath.Join(dir, "fifo")
	fifoSays := "not a regular file"
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		fifo, fifoSays = sub, "is a directory" // no mkfifo: test the directory twice
	}
	for _, tc := range []struct {
		path string
		want error
		says string
	}{
		{writeFile(t, dir, "empty.txt", nil), textin.ErrEmpty, "no text"},
		{writeFile(t, dir, "blank.txt", []byte("\n\n  \n")), textin.ErrEmpty, "no text"},
		{writeFile(t, dir, "img.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), textin.ErrBinary, "PNG image"},
		{writeFile(t, dir, "prog", []byte("\x7FELF\x02\x01\x01\x00")), textin.ErrBinary, "ELF"},
		{writeFile(t, dir, "old.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 100)...)), textin.ErrUnsupported, ".doc"},
		{writeFile(t, dir, "fake.pdf", []byte("hello")), textin.ErrCorrupt, "not a PDF"},
		{writeFile(t, dir, "bad.docx", []byte("PK\x03\x04garbage")), textin.ErrCorrupt, "DOCX"},
		{writeFile(t, dir, "mystery.txt", bytes.Repeat([]byte{0x8f, 0xe9, 0x20, 0xa3, 0xd7, 0x9a, 0x20}, 50)), textin.ErrUnknownEncoding, "convert it to UTF-8"},
		{huge, textin.ErrTooLarge, "over the limit"},
		{sub, nil, "is a directory"},
		{fifo, nil, fifoSays},
		{filepath.Join(dir, "missing.txt"), os.ErrNotExist, "no such file"},
	} {
		_, err := readDocument(context.Background(), tc.path)
		if err == nil {
			t.Errorf("%s: no error", tc.path)
			continue
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.path, err, tc.want)
		}
		if !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: message %q should name the file and say %q", tc.path, err, tc.says)
		}
	}
}

func TestReadDocumentPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	dir := t.TempDir()
	p := writeFile(t, dir, "nq.pdf", minimalPDF("Nghi quyet so 25-NQ/TW ngay 3/6/2013"))
	got, err := readDocumentText(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Body, "Nghi quyet so 25-NQ/TW ngay 3/6/2013") || got.Format != textin.FormatPDF {
		t.Errorf("got %s %q", got.Format, got.Body)
	}
	// Sniffed without the extension.
	p2 := writeFile(t, dir, "download", minimalPDF("Chi thi 05-CT/TW"))
	if got, err := readDocumentText(context.Background(), p2); err != nil || !strings.Contains(got.Body, "05-CT/TW") {
		t.Errorf("sniffed PDF: %v %q", err, got.Body)
	}
	// A PDF without text (a scan) is refused as empty, with advice.
	p3 := writeFile(t, dir, "scan.pdf", minimalPDF(""))
	if _, err := readDocument(context.Background(), p3); !errors.Is(err, textin.ErrEmpty) || !strings.Contains(err.Error(), "OCR") {
		t.Errorf("scan: %v", err)
	}
	// A broken PDF.
	p4 := writeFile(t, dir, "broken.pdf", []byte("%PDF-1.4\nthis is not a pdf"))
	if _, err := readDocument(context.Background(), p4); err == nil {
		t.Errorf("broken PDF read without error")
	} else {
		t.Logf("broken PDF: %v", err)
	}
}

func TestReadDocumentPDFWithoutTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	p := writeFile(t, t.TempDir(), "nq.pdf", minimalPDF("x"))
	_, err := readDocument(context.Background(), p)
	if !errors.Is(err, errNoPDFTool) || !strings.Contains(err.Error(), "poppler-utils") || !strings.Contains(err.Error(), p) {
		t.Errorf("got %v", err)
	}
}

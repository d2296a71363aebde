package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

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
		{writeFile(t, dir, "old.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 100)...)), textin.ErrCorrupt, ".doc"},
		{writeFile(t, dir, "a.rtf", []byte(`{\rtf1\ansi{\fonttbl{\f0 .VnTime;}}}`)), textin.ErrEmpty, "RTF without text"},
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

// printPDF renders HTML to a PDF with headless Chromium (fonts embedded,
// text extractable), or skips the test.
func printPDF(t *testing.T, dir, name, page string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("short: no Chromium")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	src := writeFile(t, dir, name+".html", []byte(page))
	out := filepath.Join(dir, name+".pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "chromium-profile"), "--print-to-pdf="+out, "file://"+src)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("chromium could not print: %v\n%s", err, b)
	}
	if _, err := os.Stat(out); err != nil {
		t.Skipf("chromium wrote no PDF: %v", err)
	}
	return out
}

func htmlPage(lines []string) string {
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"><style>body{font-family:"DejaVu Serif",serif}</style></head><body>`)
	for _, l := range lines {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("</body></html>")
	return b.String()
}

// TestReadDocumentVietnamesePDF reads a real PDF (seed 004 printed by
// Chromium, fonts embedded) through pdftotext: the Vietnamese text comes
// back NFC with every document number of the seed.
func TestReadDocumentVietnamesePDF(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seeds/004_9483022ebc446430.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(seed), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	dir := t.TempDir()
	p := printPDF(t, dir, "kh", htmlPage(lines))
	got, err := readDocumentText(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != textin.FormatPDF || got.Encoding != textin.EncUTF8 {
		t.Errorf("%s/%s", got.Format, got.Encoding)
	}
	flat := strings.Join(strings.Fields(got.Body), " ")
	for _, want := range []string{"Kế hoạch số 109/KH-UBND", "Chỉ thị 52-CT/TU", "Nghị quyết 25-NQ/TW ngày 03/6/2013", "Chỉ thị số 33/CT-TTg",
		"Quy chế số 179-QC/TU", "Kết luận số 01-KL/TW", "Chỉ thị số 05-CT/TW", "III. TỔ CHỨC THỰC HIỆN"} {
		if !strings.Contains(flat, want) {
			t.Errorf("missing %q", want)
		}
	}
}

// TestReadDocumentLegacyFontPDF is a PDF made from a .VnTime document: the
// font maps TCVN3 codes to Latin-1 characters, so pdftotext gives
// "NghÞ quyÕt"; readDocument repairs it.
func TestReadDocumentLegacyFontPDF(t *testing.T) {
	lines := []string{
		"Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.",
		"Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
	}
	var shown []string
	for _, l := range lines {
		b, err := textin.Encode(l, textin.EncTCVN3)
		if err != nil {
			t.Fatal(err)
		}
		s, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		shown = append(shown, string(s))
	}
	dir := t.TempDir()
	p := printPDF(t, dir, "vntime", htmlPage(shown))
	got, err := readDocumentText(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	// Compared without white space: TCVN3's ư is byte 0xAD, a soft hyphen
	// to Chromium, which may drop the space after it when it lays out the
	// page. The letters are what the repair is about.
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	flat := squeeze(got.Body)
	for _, l := range lines {
		if !strings.Contains(flat, squeeze(l)) {
			t.Errorf("missing %q in %q", l, got.Body)
		}
	}
	if got.Encoding != "utf-8+tcvn3" {
		t.Errorf("encoding %s", got.Encoding)
	}
}

func TestReadDocumentDOC(t *testing.T) {
	data, err := os.ReadFile("../../extract/textin/testdata/legacy.doc")
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, t.TempDir(), "kh.doc", data)
	got, err := readDocumentText(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != textin.FormatDOC || !strings.Contains(got.Body, "Nghị quyết số 25-NQ/TW ngày 03/6/2013") {
		t.Errorf("%s %q", got.Format, got.Body)
	}
}

// TestExtractReadsEveryFormat runs `vncite extract` on the same directive
// in each input form readDocument handles (PDF has its own tests) and
// checks the references come out of every one.
func TestExtractReadsEveryFormat(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seeds/004_9483022ebc446430.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for _, enc := range []string{textin.EncTCVN3, textin.EncVNI, textin.EncCP1258, textin.EncUTF16LE} {
		b, err := textin.Encode(string(seed), enc)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, writeFile(t, dir, "kh-"+enc+".txt", b))
	}
	var page strings.Builder
	page.WriteString(`<html><body><div id="menu"><a href="/">Trang chủ</a> <a href="/vb">Văn bản</a></div><div class="content">`)
	for _, l := range strings.Split(string(seed), "\n") {
		if strings.TrimSpace(l) != "" {
			fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(l))
		}
	}
	page.WriteString(`</div><div id="footer">Bản quyền</div></body></html>`)
	files = append(files, writeFile(t, dir, "kh.html", []byte(page.String())))
	for _, fx := range []string{"legacy.doc", "unicode.rtf", "lo-unicode.odt", "lo-legacy.docx"} {
		b, err := os.ReadFile("../../extract/textin/testdata/" + fx)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, writeFile(t, dir, fx, b))
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"extract", "--format", "json"}, files...), &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d output lines for %d files:\n%s", len(lines), len(files), out.String())
	}
	for i, l := range lines {
		if !strings.Contains(l, `"25-NQ/TW"`) {
			t.Errorf("%s: no 25-NQ/TW in %.300s", filepath.Base(files[i]), l)
		}
	}
}

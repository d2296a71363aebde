package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/vncite/vncite/extract/textin"
)

// Limits on input files. Text, HTML and DOCX files are read whole and are
// refused over textin.DefaultMaxBytes (32 MiB); PDFs are handed to
// pdftotext and may be larger (scans with a text layer), but their text is
// held to the same 32 MiB.
const (
	maxPDFBytes = 512 << 20
	pdfTimeout  = 2 * time.Minute
)

// errNoPDFTool is returned for a PDF when pdftotext is not installed.
var errNoPDFTool = errors.New("PDF needs pdftotext, which is not installed (install poppler-utils: apt-get install poppler-utils)")

// readDocument reads one input file as NFC UTF-8 text: plain text in any
// encoding textin detects, HTML (the article text), DOCX, Word 97-2003 .doc,
// RTF, OpenDocument text and PDF (through pdftotext). Errors name the file and the reason; they wrap textin's
// ErrBinary, ErrEmpty, ErrTooLarge, ErrUnknownEncoding, ErrUnsupported and
// ErrCorrupt, or errNoPDFTool.
func readDocument(ctx context.Context, path string) ([]byte, error) {
	t, err := readDocumentText(ctx, path)
	if err != nil {
		return nil, err
	}
	return []byte(t.Body), nil
}

// readDocumentText is readDocument with the format and encoding found, for
// summaries ("12 files: 9 text/utf-8, 2 text/tcvn3, 1 pdf").
func readDocumentText(ctx context.Context, path string) (textin.Text, error) {
	fail := func(err error) (textin.Text, error) {
		return textin.Text{}, fmt.Errorf("read %s: %w", path, err)
	}
	// Stat before opening: opening a FIFO would block.
	fi, err := os.Stat(path)
	if err != nil {
		return fail(pathErr(err))
	}
	if fi.IsDir() {
		return fail(errors.New("is a directory"))
	}
	if !fi.Mode().IsRegular() {
		return fail(fmt.Errorf("not a regular file but a %s", fileKind(fi.Mode())))
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(pathErr(err))
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return fail(err)
	}
	head := make([]byte, 1024)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fail(err)
	}
	head = head[:n]

	if textin.Sniff(path, head) == textin.FormatPDF {
		if fi.Size() > maxPDFBytes {
			return fail(fmt.Errorf("%w: PDF of %d bytes, over the limit of %d", textin.ErrTooLarge, fi.Size(), maxPDFBytes))
		}
		if !bytes.HasPrefix(head, []byte("%PDF-")) {
			return fail(fmt.Errorf("%w: named .pdf but not a PDF", textin.ErrCorrupt))
		}
		t, err := pdfToText(ctx, path)
		if err != nil {
			return fail(err)
		}
		return t, nil
	}

	opts := textin.Options{}
	if fi.Size() > textin.DefaultMaxBytes {
		return fail(fmt.Errorf("%w: %d bytes, over the limit of %d", textin.ErrTooLarge, fi.Size(), textin.DefaultMaxBytes))
	}
	rest, err := io.ReadAll(io.LimitReader(f, textin.DefaultMaxBytes+1-int64(n)))
	if err != nil {
		return fail(err)
	}
	data := append(head, rest...)
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	t, err := opts.Decode(path, data)
	if err != nil {
		return fail(err)
	}
	return t, nil
}

// pathErr drops the operation and path of an *fs.PathError ("stat x:"),
// which the caller's message already names; errors.Is still sees
// fs.ErrNotExist and fs.ErrPermission.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileKind names a non-regular file type.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// pdfToText runs `pdftotext -layout -enc UTF-8 FILE -` and decodes its
// output like a text file (which also repairs PDFs whose fonts carry TCVN3
// or VNI codes).
func pdfToText(ctx context.Context, path string) (textin.Text, error) {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		return textin.Text{}, errNoPDFTool
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	var stdout, stderr limitedBuffer
	stdout.limit = textin.DefaultMaxBytes
	stderr.limit, stderr.drop = 4096, true
	cmd := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", path, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	switch {
	case stdout.over:
		return textin.Text{}, fmt.Errorf("%w: PDF text over the limit of %d bytes", textin.ErrTooLarge, textin.DefaultMaxBytes)
	case ctx.Err() != nil:
		return textin.Text{}, fmt.Errorf("pdftotext: %w", ctx.Err())
	case err != nil:
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		if strings.Contains(strings.ToLower(msg), "password") {
			return textin.Text{}, fmt.Errorf("%w: password-protected PDF: %s", textin.ErrUnsupported, msg)
		}
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 3 {
			return textin.Text{}, fmt.Errorf("%w: PDF is protected against copying text: %s", textin.ErrUnsupported, msg)
		}
		return textin.Text{}, fmt.Errorf("%w: pdftotext: %s", textin.ErrCorrupt, msg)
	}
	if strings.TrimSpace(strings.ReplaceAll(stdout.String(), "\f", "")) == "" {
		return textin.Text{}, fmt.Errorf("%w: the PDF has no text layer (a scanned image?); run OCR on it first, e.g. ocrmypdf -l vie", textin.ErrEmpty)
	}
	// Keep every line: a PDF is a document, not a scraped page, and a
	// line of digits in it is data.
	t, err := textin.Options{KeepBoilerplate: true}.Decode(path+".txt", stdout.Bytes())
	if err != nil {
		return textin.Text{}, fmt.Errorf("pdftotext output: %w", err)
	}
	t.Format = textin.FormatPDF
	return t, nil
}

// limitedBuffer keeps up to limit bytes. Past it, it fails the write (which
// stops pdftotext on a broken pipe instead of filling memory) or, with drop
// set, discards the rest (for stderr, where the first line is enough).
type limitedBuffer struct {
	bytes.Buffer
	limit int
	drop  bool
	over  bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		if b.drop {
			b.Buffer.Write(p[:max(0, b.limit-b.Len())])
			return len(p), nil
		}
		b.over = true
		return 0, errors.New("output over the limit")
	}
	return b.Buffer.Write(p)
}

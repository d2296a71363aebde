package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/extract/textin"
)

// runExtract prints what the extractor finds in each file: JSON Lines (one
// object per file) or a readable table. A file that cannot be read or is no
// text gets a one-line error naming it; the others are still processed and
// the exit status is non-zero.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--format json|text] FILE... | -")
	format := fs.String("format", "", "output format: json (JSON Lines) or text (default: text on a terminal, else json)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no files given (use - for standard input)", errUsage)
	}
	f := *format
	if f == "" {
		f = "json"
		if isTerminal(e.stdout) {
			f = "text"
		}
	}
	if f != "json" && f != "text" {
		return fmt.Errorf("%w: --format %q: want json or text", errUsage, f)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, path := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, err := readInput(ctx, e, path)
		if err == nil {
			var ex vncite.Extraction
			ex, err = extract.Extract(text)
			if err == nil {
				ex.File = path
				if f == "json" {
					err = enc.Encode(extractionJSON{&ex})
				} else {
					err = writeExtractionText(e.stdout, &ex)
				}
				if err != nil {
					return fmt.Errorf("write: %w", err) // stdout is gone: stop
				}
				continue
			}
		}
		failed++
		fmt.Fprintf(e.stderr, "vncite extract: %s: %v\n", path, trimPathPrefix(err, path))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, fs.NArg())
	}
	return nil
}

// extractionJSON writes the fields of one JSON line, in a fixed order.
type extractionJSON struct{ *vncite.Extraction }

func (x extractionJSON) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		File       string             `json:"file"`
		Document   vncite.Document    `json:"document"`
		References []vncite.Reference `json:"references"`
		ShortForms []vncite.Reference `json:"short_forms"`
		Named      []vncite.Named     `json:"named"`
		Statements []vncite.Statement `json:"statements"`
	}{x.File, x.Document, x.References, x.ShortForms, x.Named, x.Statements})
}

// readInput reads one file through readDocument, or standard input for "-".
func readInput(ctx context.Context, e *env, path string) ([]byte, error) {
	if path != "-" {
		return readDocument(ctx, path)
	}
	data, err := io.ReadAll(io.LimitReader(e.stdin, textin.DefaultMaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > textin.DefaultMaxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", textin.ErrTooLarge, textin.DefaultMaxBytes)
	}
	t, err := textin.Decode("-", data)
	if err != nil {
		return nil, err
	}
	return []byte(t.Body), nil
}

// trimPathPrefix drops a leading repetition of the path from an error
// message that already names it, so the line names the file once.
func trimPathPrefix(err error, path string) string {
	msg := err.Error()
	for _, p := range []string{"read " + path + ": ", path + ": "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

// writeExtractionText writes one extraction as a readable table.
func writeExtractionText(w io.Writer, ex *vncite.Extraction) error {
	var sb strings.Builder
	d := ex.Document
	fmt.Fprintf(&sb, "== %s\n", ex.File)
	var head []string
	for _, f := range []struct{ k, v string }{
		{"number", d.Number}, {"type", strings.TrimSpace(d.Type + " " + d.TypeName)}, {"issuer", d.Issuer},
		{"body", d.Body}, {"place", d.Place}, {"date", d.Date}, {"title", d.Title}, {"signer", d.Signer},
	} {
		if f.v != "" {
			head = append(head, fmt.Sprintf("  %-7s %s", f.k+":", f.v))
		}
	}
	if len(head) > 0 {
		sb.WriteString("document\n" + strings.Join(head, "\n") + "\n")
	}
	tw := tabwriter.NewWriter(&sb, 0, 0, 2, ' ', 0)
	if len(ex.References) > 0 {
		fmt.Fprintf(&sb, "references (%d)\n", len(ex.References))
		fmt.Fprintln(tw, "  NUMBER\tTYPE\tDATE\tBODY\tTERM\tRELATION\tTITLE\tAT")
		for _, r := range ex.References {
			kind := r.TypeName
			if kind == "" {
				kind = r.Type
			}
			num := r.Number
			if r.ResolvedFrom != nil {
				num += " (short)"
			} else if r.Completed {
				num += " (completed)"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", num, kind, dash(r.Date), dash(clip(r.Body, 36)),
				dash(r.Term), r.Relation, dash(clip(r.Title, 50)), r.Start)
		}
		tw.Flush()
	} else {
		sb.WriteString("references: none\n")
	}
	if len(ex.ShortForms) > 0 {
		fmt.Fprintf(&sb, "short forms, unresolved (%d)\n", len(ex.ShortForms))
		for _, r := range ex.ShortForms {
			fmt.Fprintf(&sb, "  %q at %d\n", r.AsWritten, r.Start)
		}
	}
	if len(ex.Statements) > 0 {
		fmt.Fprintf(&sb, "statements (%d)\n", len(ex.Statements))
		for _, s := range ex.Statements {
			fmt.Fprintf(&sb, "  %s %s %s\n", s.Subject, s.Relation, s.Object)
		}
	}
	if len(ex.Named) > 0 {
		fmt.Fprintf(&sb, "named (%d)\n", len(ex.Named))
		for _, n := range ex.Named {
			fmt.Fprintf(&sb, "  %s\n", n.Name)
		}
	}
	sb.WriteByte('\n')
	_, err := io.WriteString(w, sb.String())
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

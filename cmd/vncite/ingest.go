package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/graph"
)

// ingestExts are the file extensions a directory walk picks up; a file
// named on the command line is read whatever its extension.
var ingestExts = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true, ".docx": true, ".pdf": true}

// runIngest adds documents to the store.
func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[--data DIR] [--gazetteer DIR] PATH...\n\nPATH is a file or a directory (read recursively: .txt, .md, .html, .docx, .pdf).\nIngesting the same content again changes nothing; changed content replaces\nthat document's references. A file that fails is reported and skipped.")
	sf := addStoreFlags(fs, e)
	format := fs.String("format", "text", "summary format: text or json")
	batch := fs.Int("batch", 256, "documents per transaction and per index batch")
	quiet := fs.Bool("quiet", false, "no progress line")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: give at least one file or directory", errUsage)
	}
	files, missing := collectFiles(fs.Args())
	if len(missing) > 0 && len(files) == 0 {
		return fmt.Errorf("nothing to ingest: %s", strings.Join(missing, "; "))
	}
	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	opts := graph.IngestOptions{BatchSize: *batch}
	if !*quiet && isTerminal(e.stderr) {
		total := len(files)
		opts.Progress = func(s graph.Summary) {
			fmt.Fprintf(e.stderr, "\r%d/%d files  %d stored  %d unchanged  %d skipped  %.0f docs/s ", s.Inputs, total, s.Documents, s.Unchanged, len(s.Skipped), s.DocsPerSecond())
		}
	}
	sum, err := a.store.Ingest(ctx, readInputs(ctx, files), opts)
	if opts.Progress != nil {
		fmt.Fprintln(e.stderr)
	}
	for _, m := range missing {
		sum.Skipped = append(sum.Skipped, graph.Skip{Source: m, Reason: "not found"})
	}
	if *format == "json" {
		if werr := writeJSON(e.stdout, ingestReport{sum, sum.DocsPerSecond()}); werr != nil && err == nil {
			err = werr
		}
	} else {
		writeSummary(e.stdout, sum)
	}
	if err != nil {
		return fmt.Errorf("ingest stopped: %w (what was stored before stays; run the same command again to go on)", err)
	}
	return nil
}

type ingestReport struct {
	graph.Summary
	DocsPerSecond float64 `json:"docs_per_second"`
}

func writeSummary(w io.Writer, s graph.Summary) {
	fmt.Fprintf(w, "ingested %d files in %s (%.0f docs/s): %d documents stored (%d replaced), %d unchanged, %d skipped\n",
		s.Inputs, s.Elapsed.Round(1e6), s.DocsPerSecond(), s.Documents, s.Replaced, s.Unchanged, len(s.Skipped))
	fmt.Fprintf(w, "references: %d, new stubs: %d, edges: %d\n", s.References, s.Stubs, s.Edges)
	for _, sk := range s.Skipped {
		fmt.Fprintf(w, "skipped %s: %s\n", sk.Source, sk.Reason)
	}
}

// collectFiles expands paths: files as given, directories walked for the
// extensions vncite reads, hidden entries skipped. It returns the paths
// that do not exist separately.
func collectFiles(paths []string) (files, missing []string) {
	seen := map[string]bool{}
	add := func(p string) {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			missing = append(missing, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				missing = append(missing, fmt.Sprintf("%s: %v", path, err))
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && ingestExts[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, missing
}

// readInputs reads files lazily, one at a time, as the store asks.
func readInputs(ctx context.Context, files []string) iter.Seq[graph.Input] {
	return func(yield func(graph.Input) bool) {
		for _, f := range files {
			text, err := readDocument(ctx, f)
			if !yield(graph.Input{Source: f, Text: text, Err: err}) {
				return
			}
		}
	}
}

// isTerminal reports whether w is a terminal (for the progress line).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// loadSampleIfEmpty ingests the bundled sample corpus into an empty store,
// so that a first `vncite serve` shows something real.
func loadSampleIfEmpty(ctx context.Context, a *app, log io.Writer) error {
	st, err := a.store.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Documents+st.Stubs > 0 {
		return nil
	}
	sample := vncite.Sample()
	names, err := fs.Glob(sample, "*.txt")
	if err != nil {
		return err
	}
	inputs := func(yield func(graph.Input) bool) {
		for _, n := range names {
			b, err := fs.ReadFile(sample, n)
			if !yield(graph.Input{Source: "sample:" + n, Text: b, Err: err}) {
				return
			}
		}
	}
	sum, err := a.store.Ingest(ctx, inputs, graph.IngestOptions{})
	if err != nil {
		return fmt.Errorf("load sample: %w", err)
	}
	fmt.Fprintf(log, "vncite: empty store: loaded the bundled sample (%d documents, %d edges)\n", sum.Documents, sum.Edges)
	for _, sk := range sum.Skipped {
		fmt.Fprintf(log, "vncite: sample %s skipped: %s\n", sk.Source, sk.Reason)
	}
	return nil
}

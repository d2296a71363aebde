package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/extract/corpusgen"
)

// runGen writes a synthetic corpus and its truth: `vncite gen --docs N
// [--seed S] --out DIR`.
func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "gen", "--docs N [--seed S] --out DIR")
	rates := corpusgen.DefaultRates()
	docs := fs.Int("docs", 1000, "documents to write (withheld central documents come on top, in the truth only)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed and flags give the same bytes")
	out := fs.String("out", "", "directory to write to: the documents in subdirectories of ≤1000 files, and truth.jsonl (required; must be empty or absent)")
	fs.Float64Var(&rates.Variant, "variant-rate", rates.Variant, "share of number mentions in a variant spelling")
	fs.Float64Var(&rates.NFD, "nfd-rate", rates.NFD, "share of documents written in Unicode NFD")
	fs.Float64Var(&rates.CRLF, "crlf-rate", rates.CRLF, "share of documents with CRLF line ends")
	fs.Float64Var(&rates.Unaccented, "unaccented-rate", rates.Unaccented, "share of documents written without diacritics")
	fs.Float64Var(&rates.Noise, "noise-rate", rates.Noise, "chance per paragraph of text that looks like a reference and is none")
	fs.Float64Var(&rates.Citations, "citation-rate", rates.Citations, "chance per paragraph of one more citation")
	fs.Float64Var(&rates.News, "news-rate", rates.News, "share of local documents given as a news page")
	fs.Float64Var(&rates.Withheld, "withheld-rate", rates.Withheld, "share of central documents with no text in the corpus")
	gazetteer := fs.String("gazetteer", e.getenv("VNCITE_GAZETTEER"), "gazetteer directory (format of shared/gazetteer; env VNCITE_GAZETTEER): communes are then real units of their districts; without it they get common names no gazetteer can place")
	quiet := fs.Bool("quiet", false, "print no summary")
	score := fs.String("score", "", "instead of generating: score the extractor on the generated corpus in this directory against its truth.jsonl")
	dump := fs.String("dump", "", "with --score: also score the edges in this file, the output of vncite dump after ingesting the corpus")
	noExtract := fs.Bool("no-extract", false, "with --score: do not run the extractor (edges only)")
	asJSON := fs.Bool("json", false, "with --score: print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, `Usage: vncite gen --docs N [--seed S] --out DIR
       vncite gen --score DIR [--dump FILE] [--no-extract] [--json]

Writes a synthetic national corpus of Party and state documents: central
documents per term, plans of provinces, districts and communes implementing
them, numbers in every spelling, noise; and DIR/truth.jsonl, one JSON object
per document with its identity and every citation's target and offsets (see
the package documentation of extract/corpusgen).

With --score, measures instead: reference recall and precision of the
extractor on the corpus in DIR, and, given a dump of the store after
"vncite ingest DIR", edge recall and precision against the truth.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *score != "" {
		return scoreCorpus(ctx, e, *score, *dump, !*noExtract, *asJSON)
	}
	if *out == "" {
		return fmt.Errorf("%w: --out is required", errUsage)
	}
	if *docs < 0 {
		return fmt.Errorf("%w: --docs must not be negative", errUsage)
	}
	// In flag order, so that the first bad flag is always the one named.
	for _, r := range []struct {
		name string
		v    float64
	}{{"variant-rate", rates.Variant}, {"nfd-rate", rates.NFD}, {"crlf-rate", rates.CRLF}, {"unaccented-rate", rates.Unaccented}, {"noise-rate", rates.Noise}, {"citation-rate", rates.Citations}, {"news-rate", rates.News}, {"withheld-rate", rates.Withheld}} {
		if !(r.v >= 0 && r.v <= 1) {
			return fmt.Errorf("%w: --%s must be within 0..1, got %g", errUsage, r.name, r.v)
		}
	}
	if err := emptyDir(*out); err != nil {
		return err
	}
	cfg := corpusgen.Config{Docs: *docs, Seed: *seed, Rates: rates}
	if *gazetteer != "" {
		cs, err := corpusgen.LoadCommunes(os.DirFS(*gazetteer))
		if err != nil {
			return err
		}
		cfg.Communes = cs
	}
	start := time.Now()
	n, size, err := writeCorpus(ctx, *out, cfg)
	if err != nil {
		return err
	}
	if !*quiet {
		secs := time.Since(start).Seconds()
		fmt.Fprintf(e.stdout, "wrote %d documents (%.1f MB) and %s in %.2fs: %.0f docs/s, %.1f MB/s\n",
			n, float64(size)/1e6, filepath.Join(*out, "truth.jsonl"), secs, float64(n)/secs, float64(size)/1e6/secs)
	}
	return nil
}

// emptyDir creates dir, or checks that it is empty: gen never overwrites.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("gen: create %s: %w", dir, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("gen: %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("gen: %s is not empty; give a new or empty directory", dir)
	}
	return nil
}

// writeCorpus generates into dir: texts by a pool of writers, the truth in
// order. It returns the documents and bytes written.
func writeCorpus(ctx context.Context, dir string, cfg corpusgen.Config) (int, int64, error) {
	tf, err := os.Create(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return 0, 0, fmt.Errorf("gen: %w", err)
	}
	defer tf.Close()
	tw := bufio.NewWriterSize(tf, 1<<20)
	enc := json.NewEncoder(tw)
	enc.SetEscapeHTML(false)

	type file struct {
		path string
		text []byte
	}
	files := make(chan file, 256)
	// A failed write (disk full) cancels the generation, so it stops at
	// the next document instead of generating the rest for nothing.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range files {
				if err := os.WriteFile(f.path, f.text, 0o644); err != nil {
					cancel(fmt.Errorf("gen: %w", err))
				}
			}
		}()
	}
	made := map[string]bool{}
	n, size := 0, int64(0)
	genErr := corpusgen.Generate(cfg, func(d *corpusgen.Doc) error {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if d.Text != nil {
			p := filepath.Join(dir, filepath.FromSlash(d.Truth.File))
			sub := filepath.Dir(p)
			if !made[sub] {
				if err := os.MkdirAll(sub, 0o755); err != nil {
					return fmt.Errorf("gen: %w", err)
				}
				made[sub] = true
			}
			files <- file{p, d.Text}
			n++
			size += int64(len(d.Text))
		}
		if err := enc.Encode(&d.Truth); err != nil {
			return fmt.Errorf("gen: write truth: %w", err)
		}
		return nil
	})
	close(files)
	wg.Wait()
	if ctx.Err() != nil {
		// The first failed write, or the caller's cancellation.
		return n, size, context.Cause(ctx)
	}
	if genErr != nil {
		return n, size, genErr
	}
	if err := tw.Flush(); err != nil {
		return n, size, fmt.Errorf("gen: write truth: %w", err)
	}
	if err := tf.Close(); err != nil {
		return n, size, fmt.Errorf("gen: write truth: %w", err)
	}
	return n, size, nil
}

// scoreCorpus scores the extractor (and a graph's edges, from a dump)
// against the truth of a generated corpus.
func scoreCorpus(ctx context.Context, e *env, dir, dumpFile string, runExtract, asJSON bool) error {
	tf, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	truth, err := corpusgen.ReadTruth(tf)
	tf.Close()
	if err != nil {
		return fmt.Errorf("gen: %s: %w", dir, err)
	}
	ev := corpusgen.NewEvaluator(truth)
	if runExtract {
		err := ev.AddCorpus(os.DirFS(dir), func(text []byte) (vncite.Extraction, error) {
			if err := ctx.Err(); err != nil {
				return vncite.Extraction{}, err
			}
			return extract.Extract(text)
		})
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	if dumpFile != "" {
		df, err := os.Open(dumpFile)
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
		edges, err := corpusgen.EdgesFromDump(bufio.NewReaderSize(df, 1<<20))
		df.Close()
		if err != nil {
			return fmt.Errorf("gen: %s: %w", dumpFile, err)
		}
		for _, ed := range edges {
			ev.AddEdge(ed)
		}
	}
	rep := ev.Report()
	if asJSON {
		return writeJSON(e.stdout, rep)
	}
	return rep.WriteText(e.stdout)
}

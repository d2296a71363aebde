package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// app is an open store: the Badger graph and the Bleve index beside it, kept
// in step by the graph (the index is the graph's Indexer). index is nil for
// commands that only read the graph.
type app struct {
	dataDir string
	store   *graph.Store
	index   *search.Index
}

// storeFlags are the flags every command that opens the store takes.
type storeFlags struct {
	data      string
	gazetteer string
}

func addStoreFlags(fs *flag.FlagSet, e *env) *storeFlags {
	sf := &storeFlags{}
	fs.StringVar(&sf.data, "data", defaultDataDir(e), "data directory (env VNCITE_DATA)")
	fs.StringVar(&sf.gazetteer, "gazetteer", e.getenv("VNCITE_GAZETTEER"), "optional gazetteer directory in the format of shared/gazetteer (env VNCITE_GAZETTEER)")
	return sf
}

// graphOptions loads the gazetteer when one is given.
func (sf *storeFlags) graphOptions() (graph.Options, error) {
	var opts graph.Options
	if sf.gazetteer != "" {
		gz, err := graph.LoadGazetteer(sf.gazetteer)
		if err != nil {
			return opts, fmt.Errorf("--gazetteer: %w", err)
		}
		opts.Gazetteer = gz
	}
	return opts, nil
}

// openApp opens the index and the graph in sf.data.
func openApp(ctx context.Context, sf *storeFlags) (*app, error) {
	opts, err := sf.graphOptions()
	if err != nil {
		return nil, err
	}
	idx, err := search.Open(ctx, filepath.Join(sf.data, "bleve"), search.Options{})
	if err != nil {
		return nil, fmt.Errorf("open search index: %w", err)
	}
	opts.Indexer = idx
	st, err := graph.Open(ctx, filepath.Join(sf.data, "badger"), opts)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open graph: %w", err)
	}
	return &app{dataDir: sf.data, store: st, index: idx}, nil
}

// openGraph opens the graph alone, for commands that only read it.
func openGraph(ctx context.Context, sf *storeFlags) (*app, error) {
	opts, err := sf.graphOptions()
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, filepath.Join(sf.data, "badger"), opts)
	if err != nil {
		return nil, fmt.Errorf("open graph: %w", err)
	}
	return &app{dataDir: sf.data, store: st}, nil
}

func (a *app) Close() error {
	err1 := a.store.Close()
	var err2 error
	if a.index != nil {
		err2 = a.index.Close()
	}
	if err1 != nil {
		return err1
	}
	return err2
}

// errAmbiguous marks a number that matches several documents.
var errAmbiguous = errors.New("ambiguous")

// resolveID turns a NUMBER or ID into one document id. A number shared by
// several documents (other terms, years, provinces) is an error listing
// each with what distinguishes it, so the user can pick an id.
func resolveID(ctx context.Context, st *graph.Store, query string) (string, error) {
	docs, err := st.Resolve(ctx, query)
	if err != nil {
		if errors.Is(err, graph.ErrNotFound) {
			return "", fmt.Errorf("no document %q in the store (ingest it or a document citing it first)", query)
		}
		return "", err
	}
	if len(docs) == 1 {
		return docs[0].ID, nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d documents; pass one of these ids:", query, len(docs))
	for _, d := range docs {
		fmt.Fprintf(&b, "\n  %s\t%s\t%s", d.ID, d.Number, graph.Distinguish(d))
	}
	return "", fmt.Errorf("%w: %s", errAmbiguous, b.String())
}

// writeJSON writes v indented, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// checkFormat returns a usage error unless format is one of allowed.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return fmt.Errorf("%w: --format %q: want %s", errUsage, format, strings.Join(allowed, " or "))
}

// oneArg returns the single positional argument or a usage error.
func oneArg(fs *flag.FlagSet, what string) (string, error) {
	if fs.NArg() != 1 {
		fs.Usage()
		return "", fmt.Errorf("%w: want one %s, got %d arguments", errUsage, what, fs.NArg())
	}
	return fs.Arg(0), nil
}

// outWriter keeps the first write error so printing code stays flat.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) printf(format string, args ...any) {
	if o.err == nil {
		_, o.err = fmt.Fprintf(o.w, format, args...)
	}
}

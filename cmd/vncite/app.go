package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// app is an open store: the Badger graph and the Bleve index beside it, kept
// in step by the graph (the index is the graph's Indexer).
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

// openApp opens the index and the graph in sf.data.
func openApp(ctx context.Context, sf *storeFlags) (*app, error) {
	idx, err := search.Open(ctx, filepath.Join(sf.data, "bleve"), search.Options{})
	if err != nil {
		return nil, fmt.Errorf("open search index: %w", err)
	}
	opts := graph.Options{Indexer: idx}
	st, err := graph.Open(ctx, filepath.Join(sf.data, "badger"), opts)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("open graph: %w", err)
	}
	return &app{dataDir: sf.data, store: st, index: idx}, nil
}

func (a *app) Close() error {
	err1 := a.store.Close()
	err2 := a.index.Close()
	if err1 != nil {
		return err1
	}
	return err2
}

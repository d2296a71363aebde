package main

import (
	"context"
	"fmt"
)

// runReindex rebuilds the search index from the graph.
func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reindex", "[--data DIR]")
	sf := addStoreFlags(fs, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	n, err := a.store.Reindex(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "reindexed %d documents and stubs\n", n)
	return nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

// runRestore loads a dump into an empty store and indexes it.
func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "restore", "[--data DIR] [FILE]\n\nLoads a `vncite dump` (FILE, or standard input) into an empty store.")
	sf := addStoreFlags(fs, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var in io.Reader = e.stdin
	switch fs.NArg() {
	case 0:
	case 1:
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	default:
		return fmt.Errorf("%w: want at most one FILE", errUsage)
	}
	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	sum, err := a.store.Restore(ctx, in)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %d documents, %d stubs, %d sightings, %d edges into %s\n", sum.Documents, sum.Stubs, sum.Sightings, sum.Edges, sf.data)
	return nil
}

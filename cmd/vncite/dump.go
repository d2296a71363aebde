package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// runDump writes the whole store as JSON Lines.
func runDump(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "dump", "[--data DIR] [--out FILE]\n\nWrites every document (with its text), sighting and edge as JSON Lines;\n`vncite restore` loads it into a new store.")
	sf := addStoreFlags(fs, e)
	out := fs.String("out", "", "file to write (default: standard output); written whole or not at all")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	a, err := openGraph(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	if *out == "" || *out == "-" {
		return a.store.Dump(ctx, e.stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".*.tmp")
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	err = a.store.Dump(ctx, tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), *out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("dump to %s: %w", *out, err)
	}
	return nil
}

package main

import (
	"context"
	"fmt"
	"sort"
)

// runStats counts documents, stubs and edges in the store.
func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "[--data DIR] [--format text|json]")
	sf := addStoreFlags(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
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
	st, err := a.store.Stats(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, st)
	}
	w := &outWriter{w: e.stdout}
	w.printf("documents: %d\nstubs: %d\nedges: %d\nsightings: %d\nnumbers: %d (%d shared by several documents)\n", st.Documents, st.Stubs, st.Edges, st.Sightings, st.Numbers, st.Ambiguous)
	w.printf("unscoped local numbers: %d\nterm or year unknown: %d\n", st.Unscoped, st.Unknown)
	var levels []string
	for l, n := range st.ByLevel {
		levels = append(levels, fmt.Sprintf("%s %d", l, n))
	}
	sort.Strings(levels)
	w.printf("by level: %v\n", levels)
	var types []string
	for t, n := range st.ByType {
		types = append(types, fmt.Sprintf("%s %d", t, n))
	}
	sort.Strings(types)
	w.printf("by type: %v\n", types)
	return w.err
}

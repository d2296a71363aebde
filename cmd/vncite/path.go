package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/vncite/vncite/graph"
)

// runPath finds a citation path between two documents.
func runPath(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "path", "[--data DIR] [--format text|json] A B\n\nA and B are numbers in any spelling or ids. The path follows citations from A\nto B, else from B to A, else citations in either direction.")
	sf := addStoreFlags(fs, e)
	format := fs.String("format", "text", "output format: text or json (node-link)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("%w: want two documents A and B, got %d arguments", errUsage, fs.NArg())
	}
	a, err := openGraph(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	from, err := resolveID(ctx, a.store, fs.Arg(0))
	if err != nil {
		return err
	}
	to, err := resolveID(ctx, a.store, fs.Arg(1))
	if err != nil {
		return err
	}
	g, err := a.store.Path(ctx, from, to)
	if errors.Is(err, graph.ErrNotFound) {
		return fmt.Errorf("no citation path between %s and %s in the store", fs.Arg(0), fs.Arg(1))
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, g)
	}
	w := &outWriter{w: e.stdout}
	w.printf("%d steps\n", len(g.Edges))
	for i, n := range g.Nodes {
		num := n.Number
		if num == "" {
			num = "(no number)"
		}
		if i > 0 {
			ed := g.Edges[i-1]
			arrow := "→"
			if ed.Source != g.Nodes[i-1].ID {
				arrow = "←"
			}
			w.printf("   %s %s\n", arrow, ed.Relation)
			if ed.Evidence != "" {
				w.printf("     \"%s\"\n", ed.Evidence)
			}
		}
		w.printf("%s  %s  (%s)\n", num, n.Date, n.ID)
	}
	return w.err
}

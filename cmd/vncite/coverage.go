package main

import (
	"context"
	"fmt"

	"github.com/vncite/vncite/graph"
)

// runCoverage reports, per province, the documents found implementing a
// document. A province without any says "none recorded": the store cannot
// know that none exists.
func runCoverage(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "coverage", "[--data DIR] [--format text|json] [--found] NUMBER|ID")
	sf := addStoreFlags(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	onlyFound := fs.Bool("found", false, "list only provinces with documents found")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	q, err := oneArg(fs, "NUMBER or ID")
	if err != nil {
		return err
	}
	a, err := openGraph(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	id, err := resolveID(ctx, a.store, q)
	if err != nil {
		return err
	}
	cov, err := a.store.Coverage(ctx, id)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, cov)
	}
	w := &outWriter{w: e.stdout}
	w.printf("%s %s (%s): implementing documents found in %d of %d provinces\n", cov.Root.Number, cov.Root.Date, cov.Root.ID, cov.Found, cov.Total)
	for _, p := range cov.Provinces {
		if *onlyFound && p.Status != graph.Found {
			continue
		}
		name := p.Name
		if p.NewCode != "" && p.NewCode != p.Code {
			name += " (now " + p.NewName + ")"
		} else if p.NewName != "" && p.NewName != p.Name {
			name += " (now " + p.NewName + ")"
		}
		if p.Status != graph.Found {
			w.printf("  %-2s %-40s %s\n", p.Code, name, graph.NoneRecorded)
			continue
		}
		w.printf("  %-2s %-40s %d found\n", p.Code, name, len(p.Documents))
		for _, n := range p.Documents {
			lag := ""
			if n.LagDays != nil {
				lag = fmt.Sprintf(", lag %d days", *n.LagDays)
			}
			w.printf("       %s %s (%s%s)\n", n.Number, n.Date, n.ID, lag)
		}
	}
	for _, p := range cov.Merged {
		w.printf("  after the 2025 merger, %s: %d found\n", p.Name, len(p.Documents))
		for _, n := range p.Documents {
			w.printf("       %s %s (%s)\n", n.Number, n.Date, n.ID)
		}
	}
	if len(cov.Unplaced) > 0 {
		w.printf("  province not known: %d\n", len(cov.Unplaced))
		for _, n := range cov.Unplaced {
			w.printf("       %s %s (%s)\n", n.Number, n.Date, n.ID)
		}
	}
	return w.err
}

package main

import (
	"context"
	"errors"

	"github.com/vncite/vncite/graph"
)

// runCheck compares the graph with the search index; --repair fixes what
// differs (a crash between the two writes, an index edited behind vncite's
// back).
func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "check", "[--data DIR] [--repair] [--format text|json]")
	sf := addStoreFlags(fs, e)
	repair := fs.Bool("repair", false, "index what is missing or stale, delete what is extra")
	format := fs.String("format", "text", "output format: text or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	problems, err := a.store.Verify(ctx, 50)
	if err != nil {
		return err
	}
	rep, err := a.store.Check(ctx, *repair)
	if err != nil {
		return err
	}
	if *format == "json" {
		if err := writeJSON(e.stdout, struct {
			graph.CheckReport
			Integrity []string `json:"integrity_problems"`
		}{rep, append([]string{}, problems...)}); err != nil {
			return err
		}
	} else {
		w := &outWriter{w: e.stdout}
		for _, p := range problems {
			w.printf("graph integrity: %s\n", p)
		}
		w.printf("graph: %d documents and stubs; index: %d\n", rep.Documents, rep.Indexed)
		for _, l := range []struct {
			name string
			ids  []string
		}{{"missing from the index", rep.Missing}, {"stale in the index", rep.Stale}, {"in the index only", rep.Extra}} {
			if len(l.ids) == 0 {
				continue
			}
			w.printf("%s: %d\n", l.name, len(l.ids))
			for i, id := range l.ids {
				if i == 20 {
					w.printf("  … and %d more\n", len(l.ids)-20)
					break
				}
				w.printf("  %s\n", id)
			}
		}
		switch {
		case rep.OK():
			w.printf("ok: graph and index agree\n")
		case rep.Repaired:
			w.printf("repaired\n")
		}
		if w.err != nil {
			return w.err
		}
	}
	if len(problems) > 0 {
		return errors.New("the graph has integrity problems: rebuild it with `vncite dump` and `vncite restore` into a new --data directory")
	}
	if !rep.OK() && !rep.Repaired {
		return errors.New("graph and index disagree: run `vncite check --repair`")
	}
	return nil
}

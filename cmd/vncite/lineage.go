package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/graph/export"
)

// runLineage traces who implements a document (down) or what it rests on
// (up).
func runLineage(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "lineage", "[--data DIR] [--direction down|up] [--depth N] [--format F] NUMBER|ID")
	sf := addStoreFlags(fs, e)
	direction := fs.String("direction", graph.Down, "down: who implements or cites it, transitively; up: what it rests on")
	depth := fs.Int("depth", 3, "levels to follow")
	format := fs.String("format", "text", "output format: text, or one of "+strings.Join(export.Formats, ", ")+" (json: node-link, the same file as `vncite export`)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkLineageFlags(*direction, *depth); err != nil {
		return err
	}
	if *format != "text" {
		if _, ok := export.Lookup(*format); !ok {
			return fmt.Errorf("%w: --format %q: want text or one of %s", errUsage, *format, strings.Join(export.Formats, ", "))
		}
	}
	q, err := oneArg(fs, "NUMBER or ID")
	if err != nil {
		return err
	}
	g, err := lineageOf(ctx, sf, q, *direction, *depth)
	if err != nil {
		return err
	}
	if *format == "text" {
		return writeLineageText(&outWriter{w: e.stdout}, g)
	}
	// json too goes through export, so that `lineage --format json` and
	// `export --format json` give the same networkx-loadable file.
	return export.Write(e.stdout, g, *format)
}

// checkLineageFlags checks --direction and --depth, shared by lineage and
// export.
func checkLineageFlags(direction string, depth int) error {
	if direction != graph.Down && direction != graph.Up {
		return fmt.Errorf("%w: --direction %q: want down or up", errUsage, direction)
	}
	if depth < 1 {
		return fmt.Errorf("%w: --depth %d: want 1 or more", errUsage, depth)
	}
	return nil
}

// lineageOf opens the store, resolves query (a number in any spelling, or
// an id) and returns its lineage.
func lineageOf(ctx context.Context, sf *storeFlags, query, direction string, depth int) (vncite.Graph, error) {
	a, err := openGraph(ctx, sf)
	if err != nil {
		return vncite.Graph{}, err
	}
	defer a.Close()
	id, err := resolveID(ctx, a.store, query)
	if err != nil {
		return vncite.Graph{}, err
	}
	g, err := a.store.Lineage(ctx, id, direction, depth)
	if err != nil {
		return vncite.Graph{}, fmt.Errorf("lineage of %s: %w", query, err)
	}
	return g, nil
}

// levelOrder sorts levels top to bottom, unknown last.
var levelOrder = map[vncite.Level]int{vncite.LevelCentral: 0, vncite.LevelProvince: 1, vncite.LevelDistrict: 2, vncite.LevelCommune: 3, "": 4}

// writeLineageText prints the root, then the other documents grouped by
// level and province, each with its relation to the document it cites in
// the graph and its lag in days from the root's date.
func writeLineageText(w *outWriter, g vncite.Graph) error {
	if len(g.Nodes) == 0 {
		return nil
	}
	root := g.Nodes[0]
	label := func(n vncite.Node) string {
		s := n.Number
		if s == "" {
			s = "(no number)"
		}
		if n.Date != "" {
			s += " of " + n.Date
		}
		if n.Title != "" {
			t := n.Title
			if len([]rune(t)) > 90 {
				t = string([]rune(t)[:90]) + "…"
			}
			s += ": " + t
		}
		if n.Stub {
			s += " [stub]"
		}
		return s + "  (" + n.ID + ")"
	}
	verb := "implementing or citing it"
	if g.Direction == graph.Up {
		verb = "it rests on"
	}
	w.printf("%s\n%d documents %s (depth ≤ %d), %d edges\n", label(root), len(g.Nodes)-1, verb, g.Depth, len(g.Edges))
	names := map[string]string{}
	for _, n := range g.Nodes {
		names[n.ID] = n.ID
		if n.Number != "" {
			names[n.ID] = n.Number
		}
	}
	rels := map[string][]string{}
	for _, e := range g.Edges {
		if g.Direction == graph.Up {
			// Up: say who in the graph rests on this node, and how.
			rels[e.Target] = append(rels[e.Target], fmt.Sprintf("%s by %s", e.Relation, names[e.Source]))
			continue
		}
		rels[e.Source] = append(rels[e.Source], fmt.Sprintf("%s %s", e.Relation, names[e.Target]))
	}
	type group struct {
		level    vncite.Level
		province string
		nodes    []vncite.Node
	}
	groups := map[string]*group{}
	for _, n := range g.Nodes[1:] {
		k := string(n.Level) + "|" + n.Province
		if groups[k] == nil {
			groups[k] = &group{level: n.Level, province: n.Province}
		}
		groups[k].nodes = append(groups[k].nodes, n)
	}
	var list []*group
	for _, gr := range groups {
		list = append(list, gr)
	}
	sort.Slice(list, func(i, j int) bool {
		if levelOrder[list[i].level] != levelOrder[list[j].level] {
			return levelOrder[list[i].level] < levelOrder[list[j].level]
		}
		return list[i].province < list[j].province
	})
	for _, gr := range list {
		lvl := string(gr.level)
		if lvl == "" {
			lvl = "level unknown"
		}
		prov := gr.province
		if prov == "" && gr.level != vncite.LevelCentral {
			prov = "province unknown"
		}
		w.printf("\n%s", lvl)
		if prov != "" {
			w.printf(" — %s", prov)
		}
		w.printf(" (%d)\n", len(gr.nodes))
		sort.Slice(gr.nodes, func(i, j int) bool {
			if gr.nodes[i].Date != gr.nodes[j].Date {
				return gr.nodes[i].Date < gr.nodes[j].Date
			}
			return gr.nodes[i].ID < gr.nodes[j].ID
		})
		for _, n := range gr.nodes {
			lag := ""
			if n.LagDays != nil {
				lag = fmt.Sprintf("  lag %d days", *n.LagDays)
			}
			w.printf("  %s%s\n", label(n), lag)
			if r := rels[n.ID]; len(r) > 0 {
				w.printf("      %s\n", strings.Join(r, "; "))
			}
		}
	}
	return w.err
}

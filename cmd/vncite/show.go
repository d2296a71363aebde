package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/graph"
)

// shown is one document as `show --format json` prints it.
type shown struct {
	Document   vncite.Document `json:"document"`
	Why        string          `json:"distinguished_by"`
	References []vncite.Edge   `json:"references"`
	CitedBy    []vncite.Edge   `json:"cited_by"`
}

// runShow prints one document: metadata, identity, what citing texts said
// of it, references out and cited-by in with their evidence. A number
// shared by several documents shows them all.
func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "show", "[--data DIR] [--format text|json] NUMBER|ID")
	sf := addStoreFlags(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	withText := fs.Bool("text", false, "also print the document's text")
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
	docs, err := a.store.Resolve(ctx, q)
	if errors.Is(err, graph.ErrNotFound) {
		return fmt.Errorf("no document %q in the store (ingest it or a document citing it first)", q)
	}
	if err != nil {
		return err
	}
	var out []shown
	for _, d := range docs {
		full, err := a.store.Get(ctx, d.ID)
		if err != nil {
			return err
		}
		refs, err := a.store.References(ctx, d.ID)
		if err != nil {
			return err
		}
		in, err := a.store.CitedBy(ctx, d.ID)
		if err != nil {
			return err
		}
		if !*withText && *format == "text" {
			full.Text = ""
		}
		out = append(out, shown{full, graph.Distinguish(full), nonNil(refs), nonNil(in)})
	}
	if *format == "json" {
		if len(out) == 1 {
			return writeJSON(e.stdout, out[0])
		}
		return writeJSON(e.stdout, map[string]any{"query": q, "matches": out})
	}
	bw := &outWriter{w: e.stdout}
	if len(out) > 1 {
		bw.printf("%q matches %d documents:\n", q, len(out))
		for _, s := range out {
			bw.printf("  %s\t%s\n", s.Document.ID, s.Why)
		}
		bw.printf("\n")
	}
	for i, s := range out {
		if i > 0 {
			bw.printf("\n")
		}
		writeShown(bw, ctx, a.store, s)
		if *withText && s.Document.Text != "" {
			bw.printf("\n%s\n", s.Document.Text)
		}
	}
	return bw.err
}

func nonNil(e []vncite.Edge) []vncite.Edge {
	if e == nil {
		return []vncite.Edge{}
	}
	return e
}

func writeShown(bw *outWriter, ctx context.Context, st *graph.Store, s shown) {
	d := s.Document
	kind := "document"
	if d.Stub {
		kind = "stub (known only from citing documents)"
	}
	title := d.Number
	if title == "" {
		title = "(no number)"
	}
	bw.printf("%s  [%s]  %s\n", title, d.ID, kind)
	field := func(name, v string) {
		if v != "" {
			bw.printf("  %-10s %s\n", name+":", v)
		}
	}
	field("type", strings.TrimSpace(d.Type+" "+d.TypeName))
	field("title", d.Title)
	field("date", d.Date)
	field("body", d.Body)
	field("issuer", d.Issuer)
	field("level", string(d.Level))
	field("province", d.Province)
	field("unit", d.Unit)
	field("place", d.Place)
	field("signer", d.Signer)
	field("source", d.Source)
	if k := d.Key; k != nil {
		field("identity", s.Why)
		field("decided", strings.TrimSpace(k.Confidence+": "+k.Why))
	}
	if len(d.Sightings) > 0 {
		bw.printf("  seen in %d citing contexts:\n", len(d.Sightings))
		for _, sg := range d.Sightings {
			var parts []string
			for _, p := range []struct{ k, v string }{{"date", sg.Date}, {"body", sg.Body}, {"term", sg.Term}, {"title", sg.Title}} {
				if p.v != "" {
					parts = append(parts, p.k+" "+p.v)
				}
			}
			bw.printf("    by %s @%d: %s\n", sg.Citing, sg.Start, strings.Join(parts, "; "))
			if sg.Why != "" {
				bw.printf("      (%s)\n", sg.Why)
			}
		}
		for _, dis := range disagreements(d.Sightings) {
			bw.printf("  citing texts disagree on the %s\n", dis)
		}
	}
	numbers := map[string]string{}
	name := func(id string) string {
		if n, ok := numbers[id]; ok {
			return n
		}
		n := id
		if o, err := st.Get(ctx, id); err == nil && o.Number != "" {
			n = o.Number + " [" + id + "]"
		}
		numbers[id] = n
		return n
	}
	bw.printf("  references (%d):\n", len(s.References))
	for _, e := range s.References {
		bw.printf("    %s %s%s\n      \"%s\"\n", e.Relation, name(e.To), statementNote(e, d.ID, name), e.Evidence.Sentence)
	}
	bw.printf("  cited by (%d):\n", len(s.CitedBy))
	for _, e := range s.CitedBy {
		bw.printf("    %s %s%s\n      \"%s\"\n", name(e.From), e.Relation, statementNote(e, d.ID, name), e.Evidence.Sentence)
	}
}

func statementNote(e vncite.Edge, _ string, name func(string) string) string {
	if !e.Evidence.Statement {
		return ""
	}
	return " (stated in " + name(e.Evidence.Doc) + ")"
}

// disagreements lists the fields citing texts gave different values for.
func disagreements(ss []vncite.Sighting) []string {
	var out []string
	for _, f := range []struct {
		name string
		get  func(vncite.Sighting) string
	}{
		{"date", func(s vncite.Sighting) string { return s.Date }},
		{"term", func(s vncite.Sighting) string { return s.Term }},
		{"title", func(s vncite.Sighting) string { return s.Title }},
	} {
		vals := map[string]bool{}
		for _, s := range ss {
			if v := f.get(s); v != "" {
				vals[v] = true
			}
		}
		if len(vals) > 1 {
			var vs []string
			for v := range vals {
				vs = append(vs, v)
			}
			sort.Strings(vs)
			out = append(out, f.name+": "+strings.Join(vs, " | "))
		}
	}
	return out
}

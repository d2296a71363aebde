package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/graph/export"
)

// runExport writes the lineage graph of one document in a format other
// tools read (Gephi, Cytoscape, Graphviz, networkx, spreadsheets).
func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[--data DIR] [--direction down|up] [--depth N] [--format F] [--out FILE] [--excel] NUMBER|ID")
	sf := addStoreFlags(fs, e)
	direction := fs.String("direction", graph.Down, "down: who implements or cites it, transitively; up: what it rests on")
	depth := fs.Int("depth", 3, "levels to follow (as `vncite lineage`)")
	format := fs.String("format", "", "output format: "+strings.Join(export.Formats, ", ")+" (default: from the --out extension)")
	out := fs.String("out", "", "file to write (default: standard output); written whole or not at all")
	excel := fs.Bool("excel", false, "CSV for Excel: a UTF-8 byte order mark and formula-like cells prefixed with '")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: vncite export [flags] NUMBER|ID\n\n"+
			"Writes the lineage of a document (as `vncite lineage` finds it) for another tool.\n"+
			"NUMBER is a document number in any spelling (\"114-KL/TW\", \"KL 114/TW\"); when it\n"+
			"matches several documents the command lists them: pass one's id instead.\n\nFormats:\n")
		for _, name := range export.Formats {
			f, _ := export.Lookup(name)
			fmt.Fprintf(e.stderr, "  %-10s %s\n", f.Name, f.Summary)
		}
		fmt.Fprintf(e.stderr, "\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	query, err := oneArg(fs, "NUMBER or ID")
	if err != nil {
		return err
	}
	if err := checkLineageFlags(*direction, *depth); err != nil {
		return err
	}
	name, err := exportFormat(*format, *out)
	if err != nil {
		return err
	}
	g, err := lineageOf(ctx, sf, query, *direction, *depth)
	if err != nil {
		return err
	}
	if err := exportGraph(e, g, name, *out, export.Options{Excel: *excel}); err != nil {
		return err
	}
	if *out != "" && *out != "-" {
		fmt.Fprintf(e.stderr, "wrote %s: %d documents, %d citations (%s)\n", *out, len(g.Nodes), len(g.Edges), name)
	}
	return nil
}

// exportFormat decides the format: --format when given, else the --out
// file's extension (.graphml, .gexf, .gv, .cyjs, .nodes.csv ...).
func exportFormat(format, out string) (string, error) {
	if format == "" && out != "" && out != "-" {
		base := strings.ToLower(filepath.Base(out))
		if strings.HasSuffix(base, ".nodes.csv") {
			return "csv-nodes", nil
		}
		format = strings.TrimPrefix(filepath.Ext(base), ".")
		if _, ok := export.Lookup(format); !ok {
			return "", fmt.Errorf("%w: cannot tell the format from %q; give --format (%s)", errUsage, out, strings.Join(export.Formats, ", "))
		}
	}
	if format == "" {
		return "", fmt.Errorf("%w: give --format (%s) or an --out file with one of their extensions", errUsage, strings.Join(export.Formats, ", "))
	}
	f, ok := export.Lookup(format)
	if !ok {
		return "", fmt.Errorf("%w: --format %q: want one of %s", errUsage, format, strings.Join(export.Formats, ", "))
	}
	return f.Name, nil
}

// exportGraph writes g in format to out: standard output for "" or "-",
// else a file that appears only once complete (written to a temporary file
// beside it, then renamed), so a failed export never leaves half a file.
// `vncite lineage --format` can share it.
func exportGraph(e *env, g vncite.Graph, format, out string, opts export.Options) error {
	if out == "" || out == "-" {
		return export.WriteWith(e.stdout, g, format, opts)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		// Name the file asked for, not the temporary one.
		return fmt.Errorf("export to %s: %w", out, pathErr(err))
	}
	err = writeAndClose(tmp, g, format, opts)
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("export to %s: %w", out, err)
	}
	return nil
}

func writeAndClose(f *os.File, g vncite.Graph, format string, opts export.Options) error {
	err := export.WriteWith(f, g, format, opts)
	if err == nil {
		// CreateTemp makes the file private; an export is meant to be shared.
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

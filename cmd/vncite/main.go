// Command vncite turns Vietnamese Party and state directives into a citation
// graph: it extracts references, stores documents and edges, searches them,
// traces lineage and serves it all over HTTP.
//
// Usage: vncite COMMAND [flags] [args]; `vncite help` lists the commands and
// `vncite COMMAND --help` describes one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
	})
	stop()
	os.Exit(code)
}

// env is what a command sees of the outside world, so tests can run commands
// in-process with their own streams and environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"extract", "find references in text files and print them", runExtract},
		{"ingest", "add documents to the store", runIngest},
		{"show", "show one document: metadata, references, cited-by", runShow},
		{"lineage", "trace who implements a document (down) or what it rests on (up)", runLineage},
		{"export", "write a lineage graph as json, graphml, gexf, dot, cytoscape or csv", runExport},
		{"path", "find a citation path between two documents", runPath},
		{"coverage", "per province: documents found implementing a document", runCoverage},
		{"stats", "count documents, stubs and edges in the store", runStats},
		{"search", "search documents by words or number", runSearch},
		{"check", "check that the graph and the search index agree (--repair to fix)", runCheck},
		{"reindex", "rebuild the search index from the graph", runReindex},
		{"dump", "write the whole store as JSON Lines", runDump},
		{"restore", "load a store from a dump", runRestore},
		{"serve", "serve the JSON API and the web explorer", runServe},
		{"gen", "generate a synthetic corpus with its truth", runGen},
		{"version", "print the version", runVersion},
	}
}

// errUsage marks an error in how the command was called (exit status 2).
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "vncite %s: %v\n", c.name, err)
			return 2
		default:
			fmt.Fprintf(e.stderr, "vncite %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "vncite: unknown command %q; run 'vncite help'\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "vncite: a citation graph of Vietnamese Party and state directives")
	fmt.Fprintln(w, "\nUsage: vncite COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'vncite COMMAND --help' for a command's flags.")
}

// newFlags returns a FlagSet for a subcommand that writes its help to stderr
// and returns errors instead of exiting.
func newFlags(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("vncite "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: vncite %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a parse error into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// defaultDataDir is where the store lives when neither --data nor
// VNCITE_DATA says: $XDG_DATA_HOME/vncite, else ~/.local/share/vncite.
func defaultDataDir(e *env) string {
	if d := e.getenv("VNCITE_DATA"); d != "" {
		return d
	}
	if d := e.getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "vncite")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "vncite")
	}
	return "vncite-data"
}

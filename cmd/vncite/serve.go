package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/vncite/vncite/api"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/extract/corpusgen"
	"github.com/vncite/vncite/graph"
)

// runServe serves the JSON API and the web explorer until ctx ends (SIGINT
// or SIGTERM in main), then shuts down gracefully. An empty store is first
// filled with the bundled sample corpus, so a first run shows something
// real.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--data DIR] [--addr HOST:PORT]")
	sf := addStoreFlags(fs, e)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; HOST:0 picks a free port")
	sample := fs.String("sample", "all", "what an empty store is filled with first: all (the bundled real seed documents and a synthetic cascade marked as such), real (the seeds only) or none")
	logFormat := fs.String("log", "text", "access log on stderr: text, json or none")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	logger, err := newLogger(e.stderr, *logFormat)
	if err != nil {
		return err
	}
	if *sample != "all" && *sample != "real" && *sample != "none" {
		return fmt.Errorf("%w: --sample must be all, real or none, not %q", errUsage, *sample)
	}

	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := fillEmptyStore(ctx, a, *sample, e.stderr); err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	h, err := api.NewHandler(&api.Server{Store: a.store, Index: a.index, Logger: logger, Hosts: loopbackHosts(ln.Addr())})
	if err != nil {
		ln.Close()
		return err
	}
	fmt.Fprintf(e.stdout, "vncite: serving http://%s/\n", displayAddr(ln.Addr()))
	gcCtx, stopGC := context.WithCancel(ctx)
	gcDone := make(chan struct{})
	go func() {
		defer close(gcDone)
		collectGarbage(gcCtx, a, gcInterval)
	}()
	err = api.Serve(ctx, ln, h, logger)
	stopGC()
	<-gcDone // the store closes after the collector stops
	return err
}

// gcInterval is how often a running server collects Badger's value-log
// garbage: the log grows as documents are replaced.
const gcInterval = 10 * time.Minute

// collectGarbage runs the store's garbage collection every interval until
// ctx ends.
func collectGarbage(ctx context.Context, a *app, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			a.store.CollectGarbage()
		}
	}
}

// newLogger returns the server's logger writing to w in format.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	case "none":
		return slog.New(slog.DiscardHandler), nil
	}
	return nil, fmt.Errorf("%w: --log must be text, json or none, not %q", errUsage, format)
}

// displayAddr is addr as a client on this machine can reach it: an
// unspecified host (":0", "0.0.0.0", "[::]") becomes 127.0.0.1.
func displayAddr(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return addr.String()
	}
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		return fmt.Sprintf("127.0.0.1:%d", tcp.Port)
	}
	return tcp.String()
}

// fillEmptyStore loads an empty store with the sample that says: the
// bundled real seeds (loadSampleIfEmpty) and, for "all", a synthetic
// cascade, so that lineage, coverage and the timeline have a whole
// central → province → district tree to show.
func fillEmptyStore(ctx context.Context, a *app, sample string, log io.Writer) error {
	if sample == "none" {
		return nil
	}
	st, err := a.store.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Documents+st.Stubs > 0 {
		return nil
	}
	what := "the bundled seed documents"
	if sample == "all" {
		what += " and a synthetic cascade"
	}
	fmt.Fprintf(log, "vncite: %s is empty: loading %s (a few seconds; --sample none skips this)\n", a.dataDir, what)
	if err := loadSampleIfEmpty(ctx, a, log); err != nil {
		return err
	}
	if sample == "all" {
		return loadSyntheticCascade(ctx, a, log)
	}
	return nil
}

// Synthetic documents are marked where a reader meets them: the title
// (search hits, lineage nodes, the explorer) starts with syntheticMark and
// the source names the generator.
const (
	syntheticMark   = "[TỔNG HỢP – SYNTHETIC, not a real document] "
	syntheticSource = "synthetic:corpusgen-cascade-seed-1/"
	syntheticSeed   = 1
)

// loadSyntheticCascade ingests corpusgen's cascade: one generated central
// resolution implemented by plans of all 63 provinces and three districts
// of each, with realistic dates and lags.
func loadSyntheticCascade(ctx context.Context, a *app, log io.Writer) error {
	docs, err := corpusgen.Cascade(syntheticSeed, 63, 3)
	if err != nil {
		return fmt.Errorf("synthetic cascade: %w", err)
	}
	inputs := func(yield func(graph.Input) bool) {
		for _, d := range docs {
			in := graph.Input{Source: syntheticSource + d.Truth.File, Text: d.Text}
			ex, err := extract.Extract(d.Text)
			if err != nil {
				in.Err = err
			} else {
				ex.Document.Title = syntheticMark + ex.Document.Title
				in.Extraction = &ex
			}
			if !yield(in) {
				return
			}
		}
	}
	sum, err := a.store.Ingest(ctx, inputs, graph.IngestOptions{})
	if err != nil {
		return fmt.Errorf("synthetic cascade: %w", err)
	}
	root := ""
	if len(docs) > 0 {
		root = docs[0].Truth.Number
	}
	fmt.Fprintf(log, "vncite: empty store: added a SYNTHETIC cascade from corpusgen (%d generated documents rooted at %s, titles marked %q, sources %q; --sample real leaves it out)\n",
		sum.Documents, root, strings.TrimSpace(syntheticMark), syntheticSource)
	for _, sk := range sum.Skipped {
		fmt.Fprintf(log, "vncite: synthetic %s skipped: %s\n", sk.Source, sk.Reason)
	}
	return nil
}

// loopbackHosts lists the Host headers a server listening on loopback
// answers to, so that no web page reaches it through DNS rebinding; nil
// (any host) for a server on another address.
func loopbackHosts(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return nil
	}
	port := strconv.Itoa(tcp.Port)
	hosts := []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}
	if tcp.Port == 80 { // clients leave the default port out
		hosts = append(hosts, "127.0.0.1", "localhost", "[::1]")
	}
	return hosts
}

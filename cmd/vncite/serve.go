package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"

	"github.com/vncite/vncite/api"
)

// runServe serves the JSON API and the web explorer until ctx ends (SIGINT
// or SIGTERM in main), then shuts down gracefully. An empty store is first
// filled with the bundled sample corpus, so a first run shows something
// real.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--data DIR] [--addr HOST:PORT]")
	sf := addStoreFlags(fs, e)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; HOST:0 picks a free port")
	noSample := fs.Bool("no-sample", false, "leave an empty store empty instead of loading the bundled sample corpus")
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

	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	if !*noSample {
		if err := loadSampleIfEmpty(ctx, a, e.stderr); err != nil {
			return err
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	h, err := api.NewHandler(&api.Server{Store: a.store, Index: a.index, Logger: logger})
	if err != nil {
		ln.Close()
		return err
	}
	fmt.Fprintf(e.stdout, "vncite: serving http://%s/\n", displayAddr(ln.Addr()))
	return api.Serve(ctx, ln, h, logger)
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

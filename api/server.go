package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// Limits bound what one request may ask of the server. The zero value of a
// field means its default (DefaultLimits).
type Limits struct {
	// MaxDocumentBytes bounds the body of POST /documents.
	MaxDocumentBytes int64
	// MaxBatchBytes bounds a JSON Lines body of POST /documents (many
	// documents at once); each document still obeys MaxDocumentBytes.
	MaxBatchBytes int64
	// IngestTimeout bounds a batch ingest, in place of RequestTimeout; it
	// stays under the server's 60 s write timeout.
	IngestTimeout time.Duration
	// MaxLookupBytes bounds the body of POST /citation-lookup.
	MaxLookupBytes int64
	// MaxDepth bounds lineage depth.
	MaxDepth int
	// MaxLimit bounds the page size of lists and searches.
	MaxLimit int
	// DefaultLimit is the page size when the client gives none.
	DefaultLimit int
	// MaxQueryBytes bounds a search query's length.
	MaxQueryBytes int
	// MaxQueryTerms bounds the number of words in a search query.
	MaxQueryTerms int
	// MaxGraphNodes bounds the nodes of a lineage graph; a larger one is
	// refused (400) with its size, so the client asks for a smaller depth.
	MaxGraphNodes int
	// RequestTimeout is each request's context deadline.
	RequestTimeout time.Duration
	// MaxInFlight bounds the API requests served at once; the others wait
	// for a slot until their deadline, then get a 503. It keeps a flood of
	// expensive requests from exhausting memory; /healthz is not counted.
	MaxInFlight int
}

// DefaultLimits returns the limits of a Server whose Limits fields are zero.
func DefaultLimits() Limits {
	return Limits{
		MaxDocumentBytes: 4 << 20,
		MaxBatchBytes:    32 << 20,
		IngestTimeout:    50 * time.Second,
		MaxLookupBytes:   1 << 20,
		MaxDepth:         10,
		MaxLimit:         500,
		DefaultLimit:     50,
		MaxQueryBytes:    1024,
		MaxQueryTerms:    64,
		MaxGraphNodes:    20000,
		RequestTimeout:   15 * time.Second,
		MaxInFlight:      128,
	}
}

// withDefaults returns l with each zero field set from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxDocumentBytes > 0 {
		d.MaxDocumentBytes = l.MaxDocumentBytes
	}
	if l.MaxBatchBytes > 0 {
		d.MaxBatchBytes = l.MaxBatchBytes
	}
	if l.IngestTimeout > 0 {
		d.IngestTimeout = l.IngestTimeout
	}
	if l.MaxLookupBytes > 0 {
		d.MaxLookupBytes = l.MaxLookupBytes
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxLimit > 0 {
		d.MaxLimit = l.MaxLimit
	}
	if l.DefaultLimit > 0 {
		d.DefaultLimit = l.DefaultLimit
	}
	if l.MaxQueryBytes > 0 {
		d.MaxQueryBytes = l.MaxQueryBytes
	}
	if l.MaxQueryTerms > 0 {
		d.MaxQueryTerms = l.MaxQueryTerms
	}
	if l.MaxGraphNodes > 0 {
		d.MaxGraphNodes = l.MaxGraphNodes
	}
	if l.RequestTimeout > 0 {
		d.RequestTimeout = l.RequestTimeout
	}
	if l.MaxInFlight > 0 {
		d.MaxInFlight = l.MaxInFlight
	}
	if d.DefaultLimit > d.MaxLimit {
		d.DefaultLimit = d.MaxLimit
	}
	return d
}

// Server is the HTTP API over one open store. Set its fields, then call
// NewHandler; the handler is safe for concurrent use, and reads run while a
// POST /documents ingest is in progress (the store's transactions keep them
// consistent).
type Server struct {
	// Store is the citation graph. Required.
	Store *graph.Store
	// Index is the search index beside the store. When nil, /search answers
	// 503 and the rest works.
	Index *search.Index
	// Logger receives one access log line per request and every internal
	// error. When nil, nothing is logged.
	Logger *slog.Logger
	// Web serves the web explorer at /. When nil, the explorer embedded in
	// package web is served.
	Web http.Handler
	// Limits bound request bodies, depth, page sizes, queries and time.
	Limits Limits
	// Hosts, when set, are the only Host headers served ("127.0.0.1:8080",
	// "localhost:8080"); others get a 403. A server on loopback sets them
	// so that a web page cannot reach it through DNS rebinding.
	Hosts []string

	limits Limits
	slots  chan struct{} // one per request in flight, up to MaxInFlight
}

// route is one registered API route, kept so tests and the OpenAPI check can
// list them.
type route struct {
	method  string
	path    string // mux template
	handler func(w http.ResponseWriter, r *http.Request) error
}

// routes lists every /api/v1 route. Routes whose last variable holds a
// document number ({id:.+}, which may contain "/") come after the routes
// that extend them with a suffix, so /documents/25-NQ/TW/references is not
// read as the id "25-NQ/TW/references".
func (s *Server) routes() []route {
	return []route{
		{http.MethodGet, "/api/v1/openapi.json", s.serveOpenAPI},
		{http.MethodGet, "/api/v1/documents", s.serveDocuments},
		{http.MethodPost, "/api/v1/documents", s.serveIngest},
		{http.MethodGet, "/api/v1/documents/{id:.+}/references", s.serveReferences},
		{http.MethodGet, "/api/v1/documents/{id:.+}/cited-by", s.serveCitedBy},
		{http.MethodGet, "/api/v1/documents/{id:.+}", s.serveDocument},
		{http.MethodGet, "/api/v1/resolve", s.serveResolve},
		{http.MethodGet, "/api/v1/search", s.serveSearch},
		{http.MethodGet, "/api/v1/lineage", s.serveLineage},
		{http.MethodGet, "/api/v1/lineage/{id:.+}", s.serveLineage},
		{http.MethodGet, "/api/v1/path", s.servePath},
		{http.MethodGet, "/api/v1/coverage", s.serveCoverage},
		{http.MethodGet, "/api/v1/coverage/{id:.+}", s.serveCoverage},
		{http.MethodGet, "/api/v1/stats", s.serveStats},
		{http.MethodPost, "/api/v1/citation-lookup", s.serveCitationLookup},
	}
}

// NewHandler checks s and returns the handler serving the API, /healthz and
// the web explorer, wrapped in panic recovery, access logging, refusal of
// cross-origin browser writes, the per-request deadline and the in-flight
// limit.
func NewHandler(s *Server) (http.Handler, error) {
	if s.Store == nil {
		return nil, errors.New("api: Server.Store is required")
	}
	s.limits = s.Limits.withDefaults()
	s.slots = make(chan struct{}, s.limits.MaxInFlight)
	return s.recoverPanics(s.logAccess(s.refuseCrossOrigin(s.withDeadline(s.limitInFlight(s.router()))))), nil
}

// router registers every route on a new gorilla/mux router.
func (s *Server) router() *mux.Router {
	r := mux.NewRouter()
	for _, rt := range s.routes() {
		methods := []string{rt.method}
		if rt.method == http.MethodGet {
			methods = append(methods, http.MethodHead) // net/http drops the body
		}
		r.Handle(rt.path, s.handle(rt.handler)).Methods(methods...)
	}
	r.HandleFunc("/healthz", s.serveHealth).Methods(http.MethodGet, http.MethodHead)
	// The explorer gets everything outside /api, so an unknown API path is
	// a problem+json 404 and a wrong method on an API path a 405.
	// The path test comes first: a matcher that succeeds clears mux's
	// record of a method mismatch on an earlier route, which would turn a
	// 405 into a 404.
	r.MatcherFunc(func(req *http.Request, _ *mux.RouteMatch) bool {
		return !strings.HasPrefix(req.URL.Path, "/api/")
	}).PathPrefix("/").Methods(http.MethodGet, http.MethodHead).Handler(s.webHandler())
	r.MethodNotAllowedHandler = s.handle(func(w http.ResponseWriter, req *http.Request) error {
		w.Header().Set("Allow", strings.Join(allowedMethods(r, req), ", "))
		return errorf(EMethod, "method %s is not allowed on %s", req.Method, req.URL.Path)
	})
	r.NotFoundHandler = s.handle(func(w http.ResponseWriter, req *http.Request) error {
		if strings.HasPrefix(req.URL.Path, "/api/") {
			return errorf(ENotFound, "no API route %s; GET /api/v1/openapi.json lists them", req.URL.Path)
		}
		return errorf(ENotFound, "nothing at %s", req.URL.Path)
	})
	return r
}

// allowedMethods lists the methods r routes for req's path, for the Allow
// header of a 405.
func allowedMethods(r *mux.Router, req *http.Request) []string {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
		probe := req.Clone(req.Context())
		probe.Method = m
		var match mux.RouteMatch
		if r.Match(probe, &match) && match.MatchErr == nil {
			allowed = append(allowed, m)
		}
	}
	return allowed
}

// Handler is NewHandler as a method, for callers that prefer it.
func (s *Server) Handler() (http.Handler, error) { return NewHandler(s) }

// handle adapts a handler that returns an error, sending the error through
// writeError.
func (s *Server) handle(f func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := f(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}

// withDeadline gives each request a context that ends after
// Limits.RequestTimeout.
func (s *Server) withDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.limits.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// refuseCrossOrigin refuses requests for another Host than Server.Hosts,
// and POSTs that a browser sends from another origin: a web page must not
// be able to write documents into a store the user serves on localhost
// (text/plain bodies need no CORS preflight). Non-browser clients (curl,
// Python) send no Origin and pass.
func (s *Server) refuseCrossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(s.Hosts) > 0 && !slices.Contains(s.Hosts, strings.ToLower(r.Host)) {
			s.writeError(w, r, errorf(EForbidden, "this server answers to %s, not to the host %q", strings.Join(s.Hosts, ", "), clip(r.Host, 80)))
			return
		}
		if err := cop.Check(r); err != nil {
			s.writeError(w, r, &Error{Code: EForbidden, Message: "cross-origin writes are refused: send this request from the explorer's own origin or without a browser", Err: err})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitInFlight lets at most Limits.MaxInFlight API requests run at once;
// a request waits for a slot until its deadline, then gets a 503.
func (s *Server) limitInFlight(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
			next.ServeHTTP(w, r)
		case <-r.Context().Done():
			s.writeError(w, r, &Error{Code: ETimeout, Message: "the server is busy; retry shortly", Err: r.Context().Err()})
		}
	})
}

// recoverPanics answers a panicking handler with a 500 problem and logs the
// stack, so one bad request never takes the server down.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v) // net/http's own way to abort a response
				}
				s.writeError(w, r, fmt.Errorf("api: panic: %v\n%s", v, debug.Stack()))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter records the status and size of a response for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logAccess writes one log line per request: method, path, status, bytes
// and duration.
func (s *Server) logAccess(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.logger().LogAttrs(r.Context(), slog.LevelInfo, "http",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		)
	})
}

// serveHealth answers 200 while the store answers.
func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(`{"status":"ok"}` + "\n"))
}

// writeJSON writes v as an indented JSON 200 response.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("api: encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
	return nil
}

// NewHTTPServer returns an http.Server for h with timeouts that keep slow or
// stalled clients from holding connections: headers within 10 s, a body
// within 30 s, a response within 60 s, idle keep-alives closed after 2 min.
func NewHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
	if logger != nil {
		srv.ErrorLog = slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	}
	return srv
}

// Serve serves h on ln until ctx ends, then stops accepting connections and
// waits up to shutdownGrace for requests in flight to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := NewHTTPServer(h, logger)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("api: serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("api: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("api: serve: %w", err)
	}
	return nil
}

// shutdownGrace is how long Serve waits for requests in flight on shutdown.
const shutdownGrace = 10 * time.Second

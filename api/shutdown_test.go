package api

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestServeShutdown starts Serve on loopback with a handler that holds a
// request until released, cancels Serve's context while the request is in
// flight, and checks that the request still completes and Serve returns
// nil: a graceful shutdown.
func TestServeShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h, nil) }()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- result{string(b), err}
	}()
	<-entered
	cancel()
	// New connections are refused once shutdown has begun.
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			break
		}
		c.Close()
		if i > 1000 {
			t.Fatal("still accepting connections after cancel")
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	if r := <-got; r.err != nil || r.body != "done" {
		t.Errorf("in-flight request: %q, %v", r.body, r.err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestLimitInFlight holds one request in a server allowing one at a time:
// the next API request waits to its deadline and gets a 503, /healthz
// still answers, and once the first is done the next one runs.
func TestLimitInFlight(t *testing.T) {
	s := &Server{limits: Limits{MaxInFlight: 1, RequestTimeout: 50 * time.Millisecond}.withDefaults()}
	s.slots = make(chan struct{}, 1)
	entered, release := make(chan struct{}), make(chan struct{})
	h := s.withDeadline(s.limitInFlight(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(entered)
			<-release
		}
		io.WriteString(w, "ok")
	})))
	done := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/slow", nil))
		done <- rec.Code
	}()
	<-entered
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/stats", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Content-Type") != "application/problem+json" || rec.Header().Get("Retry-After") == "" {
		t.Errorf("second request while one runs: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("healthz while busy: %d", rec.Code)
	}
	close(release)
	if code := <-done; code != http.StatusOK {
		t.Errorf("first request: %d", code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/stats", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("after the first is done: %d", rec.Code)
	}
}

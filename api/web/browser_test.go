package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// This file holds the browser plumbing the explorer tests share: finding
// Chromium, starting it headless, collecting console errors, waiting for
// the page and saving screenshots.

// chromiumPath returns the browser to drive, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("VNCITE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found: install it (apt-get install -y chromium) to run the browser tests")
	return ""
}

// browser is one headless Chromium tab with its console errors.
type browser struct {
	ctx context.Context

	navs int // navigations started by goTo

	mu        sync.Mutex
	problems  []string
	requested []string // every URL the page asked for
}

// newBrowser starts headless Chromium with a new empty profile, sized as a
// 1366×768 laptop screen, and records every console error and uncaught
// exception.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.WindowSize(1366, 768),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), 3*time.Minute)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	})
	b := &browser{ctx: bctx}
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatalf("start chromium (%s): %v", exe, err)
	}
	requests := chromedp.Events(bctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if ev.Request != nil {
				b.mu.Lock()
				b.requested = append(b.requested, ev.Request.URL)
				b.mu.Unlock()
			}
		}
	}()
	messages := chromedp.Console(bctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.problems = append(b.problems, fmt.Sprintf("%s (%s:%d)", m.String(), m.URL, m.Line))
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// consoleProblems returns the console errors and exceptions seen so far.
func (b *browser) consoleProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// foreignRequests lists the URLs requested outside base (the page must work
// offline: no CDN, no fonts from elsewhere).
func (b *browser) foreignRequests(base string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, u := range b.requested {
		if !strings.HasPrefix(u, base+"/") && u != base && !strings.HasPrefix(u, "data:") && u != "about:blank" {
			out = append(out, u)
		}
	}
	return out
}

// requestCount is how many requests the page made.
func (b *browser) requestCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.requested)
}

// do runs actions, failing the test on error.
func (b *browser) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v\nconsole: %s", what, err, strings.Join(b.consoleProblems(), "\n"))
	}
}

// eval evaluates a JavaScript expression into T, failing the test on error.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it is truthy, failing the test
// with what the page shows when it never is.
func (b *browser) waitFor(t *testing.T, what, predicate string) {
	t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](predicate,
		chromedp.WithPollingTimeout(20*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		shown, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.hash + "\n" + document.querySelector("main").innerText.slice(0, 600)`))
		t.Fatalf("waiting for %s (%s): %v\npage: %s\nconsole: %s", what, predicate, err, shown, strings.Join(b.consoleProblems(), "\n"))
	}
}

// goTo runs actions that navigate (a click, a Navigate) and waits until the
// router has finished rendering view after them.
func (b *browser) goTo(t *testing.T, view string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	// A same-document navigation counts up main's data-renders; a new
	// document loses the mark left on window.
	b.navs++
	mark := fmt.Sprintf("nav%d", b.navs)
	before, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(
		`window.__vnciteTestNav = %q; (document.querySelector("main") && document.querySelector("main").dataset.renders) || "0"`, mark)))
	if err != nil {
		t.Fatalf("before going to %s: %v", view, err)
	}
	b.do(t, "go to "+view, actions...)
	b.waitFor(t, "view "+view, fmt.Sprintf(
		`(() => { const m = document.querySelector("main"); return m && m.dataset.view === %q && m.getAttribute("aria-busy") === "false" &&
			(window.__vnciteTestNav !== %q || (m.dataset.renders || "0") !== %q); })()`, view, mark, before))
}

// artifactsDir is where screenshots go: testdata/artifacts/<test name>
// beside this file (ignored by git).
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "artifacts", strings.ReplaceAll(t.Name(), "/", "_")))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts: %v", err)
	}
	return dir
}

// screenshot saves what the 1366×768 viewport shows as name.png and logs
// its path.
func (b *browser) screenshot(t *testing.T, dir, name string) {
	t.Helper()
	b.capture(t, dir, name, chromedp.CaptureScreenshot())
}

// screenshotFull saves the whole page, below the fold too.
func (b *browser) screenshotFull(t *testing.T, dir, name string) {
	t.Helper()
	b.capture(t, dir, name, chromedp.FullScreenshot(100))
}

func (b *browser) capture(t *testing.T, dir, name string, shot chromedp.Action[[]byte]) {
	t.Helper()
	// Let Cytoscape and the fonts finish painting.
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](
		`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	png, err := chromedp.Run(b.ctx, shot)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	t.Logf("screenshot: %s", path)
}

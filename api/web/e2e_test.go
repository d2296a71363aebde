package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/api"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/graph/export"
	"github.com/vncite/vncite/search"
)

// seedServer ingests the seeds (the bundled sample) into a new store with a
// search index and serves the real API and the explorer.
func seedServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	idx, err := search.Open(ctx, filepath.Join(dir, "search"), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	var gaz *graph.Gazetteer
	if _, err := os.Stat("../../../shared/gazetteer"); err == nil {
		if gaz, err = graph.LoadGazetteer("../../../shared/gazetteer"); err != nil {
			t.Fatalf("gazetteer: %v", err)
		}
	} else {
		t.Log("../shared/gazetteer absent: the store uses its embedded province list")
	}
	quiet := slog.New(slog.DiscardHandler)
	store, err := graph.Open(ctx, filepath.Join(dir, "graph"), graph.Options{Indexer: idx, Gazetteer: gaz, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })

	sample := vncite.Sample()
	names, err := fs.Glob(sample, "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("bundled sample: %v (%d files)", err, len(names))
	}
	inputs := func(yield func(graph.Input) bool) {
		for _, name := range names {
			text, err := fs.ReadFile(sample, name)
			if !yield(graph.Input{Source: name, Text: text, Err: err}) {
				return
			}
		}
	}
	sum, err := store.Ingest(ctx, iter.Seq[graph.Input](inputs), graph.IngestOptions{})
	if err != nil {
		t.Fatalf("ingest seeds: %v", err)
	}
	if len(sum.Skipped) > 0 || sum.Documents != len(names) {
		t.Fatalf("ingest seeds: %+v", sum)
	}
	// The server's log is shown when the test fails.
	var serverLog strings.Builder
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		logMu.Lock()
		defer logMu.Unlock()
		return serverLog.Write(p)
	}), &slog.HandlerOptions{Level: slog.LevelWarn}))
	t.Cleanup(func() {
		logMu.Lock()
		defer logMu.Unlock()
		if t.Failed() && serverLog.Len() > 0 {
			t.Logf("server log:\n%s", serverLog.String())
		}
	})
	h, err := api.NewHandler(&api.Server{Store: store, Index: idx, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// writerFunc adapts a func to io.Writer.
type writerFunc func(p []byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// getJSON fetches an API path into v.
func getJSON(t *testing.T, base, path string, v any) {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s\n%s", path, res.Status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// TestExplorerSeeds is the acceptance test of the explorer: on a server
// with the seeds ingested, search "nghi quyet 25", open 25-NQ/TW, open its
// lineage and check the graph draws the API's nodes, open the timeline; no
// console errors; screenshots under testdata/artifacts/TestExplorerSeeds/.
func TestExplorerSeeds(t *testing.T) {
	chromiumPath(t) // skip before ingesting when there is no browser
	ts := seedServer(t)
	b := newBrowser(t)
	runWalk(t, b, walk{
		base: ts.URL, query: "nghi quyet 25", number: "25-NQ/TW",
		// Seed 000 is 307-CV/HU, which carries out 25-NQ/TW.
		lineageNumbers: []string{"25-NQ/TW", "307-CV/HU"},
		apiNodes: func(t *testing.T) []string {
			var g vncite.Graph
			getJSON(t, ts.URL, "/api/v1/lineage/"+url.PathEscape("25-NQ/TW")+"?direction=down", &g)
			var ids []string
			for _, n := range g.Nodes {
				ids = append(ids, n.ID)
			}
			return ids
		},
	})

	// Up from a district document: what it rests on, central above it.
	t.Run("lineage up", func(t *testing.T) {
		b.goTo(t, "lineage", chromedp.Navigate(ts.URL+"/#/lineage/"+url.PathEscape("307-CV/HU")+"?direction=up&depth=2"))
		b.waitFor(t, "graph", `window.cy && cy.nodes().length > 1`)
		numbers := eval[[]string](t, b, `cy.nodes().map(n => n.data("number") || "")`)
		for _, want := range []string{"307-CV/HU", "25-NQ/TW", "114-KL/TW"} {
			if !slices.Contains(numbers, want) {
				t.Errorf("lineage up of 307-CV/HU draws %q, missing %s", numbers, want)
			}
		}
		if !eval[bool](t, b, `cy.nodes('[level = "central"]').every(c => c.position("y") < cy.nodes("[?root]").position("y"))`) {
			t.Errorf("central documents are not above the district root")
		}
		b.screenshot(t, artifactsDir(t), "lineage-up")
	})

	// The overview's counts by type open a filtered search.
	t.Run("filter by type", func(t *testing.T) {
		b.do(t, "home", chromedp.Navigate(ts.URL+"/#/"))
		b.waitFor(t, "stats", `document.querySelector('.stat-tables a[href="#/search?type=NQ"]') !== null`)
		b.goTo(t, "search", chromedp.Click(chromedp.CSS(`.stat-tables a[href="#/search?type=NQ"]`)))
		b.waitFor(t, "25-NQ/TW among the NQ", `document.querySelector('#hits a[data-number="25-NQ/TW"]') !== null`)
		if types := eval[[]string](t, b, `[...document.querySelectorAll("#hits .badge.type")].map(b => b.textContent)`); slices.ContainsFunc(types, func(s string) bool { return s != "NQ" }) {
			t.Errorf("type=NQ search shows types %q", types)
		}
	})

	// Sorting by date, oldest first, from the select.
	t.Run("sort oldest", func(t *testing.T) {
		b.goTo(t, "search", chromedp.Navigate(ts.URL+"/#/search?q=d%C3%A2n+v%E1%BA%ADn"))
		b.waitFor(t, "hits", `document.querySelectorAll("#hits li").length > 2`)
		b.do(t, "sort", chromedp.SetValue(chromedp.ID("f-sort"), "oldest"),
			chromedp.Evaluate[chromedp.Void](`document.getElementById("f-sort").dispatchEvent(new Event("change"))`))
		b.waitFor(t, "sorted", `location.hash.includes("sort=oldest") && document.querySelector("main").getAttribute("aria-busy") === "false" && document.querySelectorAll("#hits li").length > 2`)
		dates := eval[[]string](t, b, `[...document.querySelectorAll("#hits .hit-head time")].map(t => t.getAttribute("datetime"))`)
		if len(dates) < 2 || !slices.IsSorted(dates) {
			t.Errorf("oldest first: dates %q", dates)
		}
	})

	// Every export button downloads its format from the real API.
	b.goTo(t, "lineage", chromedp.Navigate(ts.URL+"/#/lineage/"+url.PathEscape("25-NQ/TW")+"?direction=down"))
	hrefs := eval[[]string](t, b, `[...document.querySelectorAll(".export-list a")].map(a => a.getAttribute("href"))`)
	if len(hrefs) != len(export.Formats) {
		t.Fatalf("export links %q, want one per format of %q", hrefs, export.Formats)
	}
	for _, href := range hrefs {
		res, err := http.Get(ts.URL + href)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "25-NQ/TW") {
			t.Errorf("export %s: %s, %d bytes, mentions 25-NQ/TW: %v", href, res.Status, len(body), strings.Contains(string(body), "25-NQ/TW"))
		}
	}
}

// TestExplorerSeedsDocumentText checks the text of seed 000 (307-CV/HU)
// with each reference linked to its target at the API's byte offsets.
func TestExplorerSeedsDocumentText(t *testing.T) {
	chromiumPath(t)
	ts := seedServer(t)
	var detail struct {
		Document   vncite.Document `json:"document"`
		Text       *string         `json:"text"`
		References []struct {
			vncite.Edge
			Document vncite.Document `json:"document"`
		} `json:"references"`
	}
	getJSON(t, ts.URL, "/api/v1/documents/"+url.PathEscape("307-CV/HU"), &detail)
	if detail.Text == nil {
		t.Skip("GET /api/v1/documents/{id} sends no \"text\": the document page cannot show the text with its links (api: add DocumentDetail.Text)")
	}
	// The links the page must draw: one per distinct reference span in
	// this document, to the cited document.
	want := map[string]bool{}
	for _, r := range detail.References {
		e := r.Evidence
		if e.Doc != detail.Document.ID || e.Statement || e.Start < 0 || e.End > len(*detail.Text) || e.Start >= e.End {
			continue
		}
		want[fmt.Sprintf("%d:%d %s → %s", e.Start, e.End, (*detail.Text)[e.Start:e.End], r.To)] = true
	}
	if len(want) == 0 {
		t.Fatalf("307-CV/HU has no references with spans in its text: %+v", detail.References)
	}
	b := newBrowser(t)
	b.goTo(t, "doc", chromedp.Navigate(ts.URL+"/#/doc/"+url.PathEscape("307-CV/HU")))
	got := eval[[]string](t, b, `[...document.querySelectorAll(".doc-text a.ref")].map(a => a.dataset.start + ":" + a.dataset.end + " " + a.textContent + " → " + decodeURIComponent(a.getAttribute("href").replace("#/doc/", "")))`)
	for _, g := range got {
		if !want[g] {
			t.Errorf("text link %q is not one of the API's references", g)
		}
		delete(want, g)
	}
	for w := range want {
		t.Errorf("no text link %q", w)
	}
	if text := eval[string](t, b, `document.querySelector(".doc-text").textContent`); text != strings.TrimSpace(*detail.Text) {
		t.Errorf("the page's text differs from the API's")
	}
	b.screenshot(t, artifactsDir(t), "document-text")
	if p := b.consoleProblems(); len(p) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(p, "\n"))
	}
}

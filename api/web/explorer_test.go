package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vncite/vncite/graph/export"
)

// The explorer's walk through the page, shared by the test on the fake API
// and the acceptance test on the seeds: search, open a document, open its
// lineage, open the timeline.

// walk says what a run of the walk should find.
type walk struct {
	base   string // server URL
	query  string // typed into the search box
	number string // the hit to open
	// lineageNumbers are the numbers the lineage graph (down, default depth)
	// must draw; the graph must also draw exactly the API's nodes.
	lineageNumbers []string
	// apiNodes fetches the lineage nodes' ids from the API itself.
	apiNodes func(t *testing.T) []string
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return fmt.Sprintf("%q", s)
}

// runWalk drives the page and saves the screenshots.
func runWalk(t *testing.T, b *browser, w walk) {
	dir := artifactsDir(t)

	// Search, by typing in the box and pressing Enter.
	b.goTo(t, "home", chromedp.Navigate(w.base+"/"))
	b.waitFor(t, "stats", `document.querySelector(".stats .stat") !== null`)
	b.screenshot(t, dir, "home")
	b.goTo(t, "search", chromedp.SendKeys(chromedp.ID("q"), w.query+kb.Enter))
	hit := fmt.Sprintf(`#hits a.hit-number[data-number=%s]`, jsString(w.number))
	b.waitFor(t, "hit "+w.number, fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(hit)))
	if got := eval[string](t, b, `document.querySelector("#announcer").textContent || document.querySelector(".results-summary").textContent`); !strings.Contains(got, "kết quả") {
		t.Errorf("results summary %q: want a count of results", got)
	}
	b.screenshot(t, dir, "search")
	checkAccessible(t, b, "search")

	// The document.
	b.goTo(t, "doc", chromedp.Click(chromedp.CSS(hit)))
	if got := eval[string](t, b, `document.querySelector("h1").textContent`); got != w.number {
		t.Errorf("document page h1 = %q, want %q", got, w.number)
	}
	b.screenshot(t, dir, "document")
	checkAccessible(t, b, "document")

	// Its lineage, down.
	b.goTo(t, "lineage", chromedp.Click(chromedp.CSS(`a[data-action="lineage-down"]`)))
	b.waitFor(t, "graph", `window.cy && cy.nodes().length > 0`)
	numbers := eval[[]string](t, b, `cy.nodes().map(n => n.data("number") || "")`)
	for _, want := range w.lineageNumbers {
		if !slices.Contains(numbers, want) {
			t.Errorf("lineage graph draws %q, missing %s", numbers, want)
		}
	}
	ids := eval[[]string](t, b, `cy.nodes().map(n => n.id())`)
	if want := w.apiNodes(t); !sameSet(ids, want) {
		t.Errorf("lineage graph nodes %q, the API's lineage has %q", ids, want)
	}
	// Drawn: every node inside the visible canvas, the root above the rest,
	// and the canvas has painted pixels.
	if !eval[bool](t, b, `cy.nodes().every(n => { const p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height(); })`) {
		t.Errorf("some lineage nodes are outside the visible graph: %s", eval[string](t, b, `JSON.stringify(cy.nodes().map(n => [n.data("number"), n.renderedPosition()]))`))
	}
	if !eval[bool](t, b, `(() => { const r = cy.nodes("[?root]"); return r.length === 1 && cy.nodes("[!root]").every(n => n.position("y") > r.position("y")); })()`) {
		t.Errorf("the root is not alone at the top of the lineage graph")
	}
	painted := eval[int](t, b, `[...document.querySelectorAll("#lineage-graph canvas")].reduce((sum, c) => {
		if (!c.width || !c.height) return sum;
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
		return sum + n; }, 0)`)
	if painted < 500 {
		t.Errorf("the graph canvas has %d painted pixels: nothing drawn", painted)
	}
	formats := eval[[]string](t, b, `[...document.querySelectorAll(".export-list a")].map(a => a.dataset.format + " " + a.getAttribute("href"))`)
	for _, f := range export.Formats {
		if !slices.ContainsFunc(formats, func(s string) bool { return strings.HasPrefix(s, f+" ") && strings.Contains(s, "format="+f+"&") }) {
			t.Errorf("no export link for %s in %q", f, formats)
		}
	}
	b.screenshot(t, dir, "lineage")
	checkAccessible(t, b, "lineage")

	// The timeline.
	b.goTo(t, "timeline", chromedp.Click(chromedp.CSS(`.graph-controls a[data-action="timeline"]`)))
	b.waitFor(t, "coverage section", `document.querySelector("section.coverage") !== null`)
	b.screenshot(t, dir, "timeline")
	checkAccessible(t, b, "timeline")
	b.screenshotFull(t, dir, "timeline-full")

	if p := b.consoleProblems(); len(p) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(p, "\n"))
	}
	if f := b.foreignRequests(w.base); len(f) > 0 {
		t.Errorf("requests to other origins (the page must work offline):\n%s", strings.Join(f, "\n"))
	}
	if n := b.requestCount(); n < 10 {
		t.Errorf("only %d requests recorded: the recorder is not working", n)
	}
}

// checkAccessible checks what a page needs for keyboard and screen-reader
// users: one h1, a label for every field, a name for every link and button,
// a name for every graphic, and a live region.
func checkAccessible(t *testing.T, b *browser, page string) {
	t.Helper()
	problems := eval[[]string](t, b, `(() => {
		const out = [];
		const h1 = document.querySelectorAll("main h1");
		if (h1.length !== 1) out.push(h1.length + " h1 in main");
		for (const el of document.querySelectorAll("input, select, textarea")) {
			if (el.type === "hidden") continue;
			if (!(el.labels && el.labels.length) && !el.getAttribute("aria-label")) out.push("unlabelled " + el.outerHTML.slice(0, 80));
		}
		for (const el of document.querySelectorAll("a, button")) {
			const name = (el.getAttribute("aria-label") || el.textContent || "").trim();
			if (!name) out.push("nameless " + el.outerHTML.slice(0, 80));
		}
		for (const el of document.querySelectorAll("[role=img], main > svg, figure > svg")) {
			if (!el.getAttribute("aria-label")) out.push("graphic without aria-label " + el.outerHTML.slice(0, 80));
		}
		if (!document.querySelector("[aria-live]")) out.push("no aria-live region");
		if (document.documentElement.lang !== "vi") out.push("lang is " + document.documentElement.lang);
		return out;
	})()`)
	for _, p := range problems {
		t.Errorf("%s page: %s", page, p)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

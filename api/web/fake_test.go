package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/api/web"
)

// A small fake of the JSON API, in the shapes the api package answers
// (vncite.Document, vncite.Graph, Link = vncite.Edge + "document"), for
// testing the page on what the seeds do not have: a commune, a province
// merged in 2025, a stub seen by two documents, hostile highlight text,
// byte offsets after multi-byte Vietnamese letters.

type fakeDoc struct {
	vncite.Document
	text string
}

type fakeLink struct {
	vncite.Edge
	Document vncite.Document `json:"document"`
}

type fakeCorpus struct {
	docs  map[string]*fakeDoc // by id
	edges []vncite.Edge
}

// evidence returns the evidence of a reference to number in doc's text:
// the byte span of the sentence that holds it when sentence is set,
// else of the number itself.
func evidence(t *testing.T, doc *fakeDoc, number string, sentence bool) vncite.Evidence {
	t.Helper()
	i := strings.Index(doc.text, number)
	if i < 0 {
		t.Fatalf("fixture: %q not in %s", number, doc.Number)
	}
	start, end := i, i+len(number)
	if sentence {
		if s := strings.LastIndex(doc.text[:i], ". "); s >= 0 {
			start = s + 2
		} else {
			start = 0
		}
		if e := strings.Index(doc.text[i:], "."); e >= 0 {
			end = i + e + 1
		}
	}
	return vncite.Evidence{Doc: doc.ID, Start: start, End: end, Sentence: doc.text[start:end]}
}

func newFakeCorpus(t *testing.T) *fakeCorpus {
	t.Helper()
	c := &fakeCorpus{docs: map[string]*fakeDoc{}}
	add := func(d vncite.Document, text string) *fakeDoc {
		fd := &fakeDoc{Document: d, text: text}
		c.docs[d.ID] = fd
		return fd
	}
	nq25 := add(vncite.Document{
		ID: "nq25-tw-xi", Number: "25-NQ/TW", Type: "NQ", TypeName: "Nghị quyết", Issuer: "TW", Term: "XI",
		Date: "2013-06-03", Title: "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
		Level: vncite.LevelCentral, Stub: true,
		Key: &vncite.Key{Number: "25-NQ/TW", Term: "XI", Confidence: "stated", Why: "khóa XI stated beside the number"},
	}, "")
	kh135 := add(vncite.Document{
		ID: "kh135-tu-qt", Number: "135-KH/TU", Type: "KH", Issuer: "TU", Date: "2013-09-10", Level: vncite.LevelProvince,
		Province: "Quảng Trị", ProvinceCode: "45", Body: "Ban Thường vụ Tỉnh ủy", Place: "Quảng Trị",
		Title: "Triển khai thực hiện Nghị quyết 25-NQ/TW về công tác dân vận",
	}, "Ban Thường vụ Tỉnh ủy Quảng Trị ban hành Kế hoạch triển khai thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI). Các cấp ủy đảng quán triệt sâu sắc.")
	cv307 := add(vncite.Document{
		ID: "cv307-hu-dk", Number: "307-CV/HU", Type: "CV", Issuer: "HU", Date: "2016-12-30", Level: vncite.LevelDistrict,
		Province: "Quảng Trị", Unit: "huyện Đakrông", Body: "Ban Thường vụ Huyện ủy", Signer: "Trương Văn Bình",
		Title: "Tiếp tục thực hiện công tác dân vận của cơ quan nhà nước các cấp",
	}, "Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về “tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới”. Căn cứ Kế hoạch số 135-KH/TU của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy đề nghị các cơ quan, đơn vị tiếp tục thực hiện tốt.")
	kh52 := add(vncite.Document{
		ID: "kh52-du-tr", Number: "52-KH/ĐU", Type: "KH", Issuer: "ĐU", Date: "2014-02-20", Level: vncite.LevelCommune,
		Province: "Quảng Trị", Unit: "xã Tà Rụt", Body: "Đảng ủy xã Tà Rụt",
		Title: "Thực hiện Kế hoạch 135-KH/TU của Tỉnh ủy",
	}, "Đảng ủy xã Tà Rụt triển khai thực hiện Kế hoạch số 135-KH/TU của Ban Thường vụ Tỉnh ủy.")
	kh109 := add(vncite.Document{
		ID: "kh109-ubnd-hue-2014", Number: "109/KH-UBND", Type: "KH", Issuer: "UBND", Date: "2014-05-04",
		Level: vncite.LevelProvince, Province: "Thừa Thiên Huế", ProvinceCode: "46", Body: "UBND tỉnh",
		Title: "Triển khai Nghị quyết số 25-NQ/TW trên địa bàn tỉnh",
	}, "UBND tỉnh Thừa Thiên Huế ban hành Kế hoạch thực hiện Nghị quyết số 25-NQ/TW của Trung ương.")

	link := func(from *fakeDoc, to *fakeDoc, rel vncite.Relation, sentence bool) {
		c.edges = append(c.edges, vncite.Edge{From: from.ID, To: to.ID, Relation: rel, Evidence: evidence(t, from, to.Number, sentence)})
	}
	link(kh135, nq25, vncite.Implements, false)
	link(cv307, nq25, vncite.Implements, true) // evidence is the whole sentence
	link(cv307, kh135, vncite.BasedOn, false)
	link(kh52, kh135, vncite.Implements, false)
	link(kh109, nq25, vncite.Implements, false)
	for _, e := range c.edges {
		if e.To == nq25.ID {
			from := c.docs[e.From]
			nq25.Sightings = append(nq25.Sightings, vncite.Sighting{
				Citing: from.ID, Start: e.Evidence.Start, End: e.Evidence.End, Date: "2013-06-03", Body: "Ban Chấp hành Trung ương Đảng", Term: "XI",
			})
		}
	}
	return c
}

// lineage walks edges down (citing → root) or up from root, as the graph does.
func (c *fakeCorpus) lineage(root, direction string, depth int) vncite.Graph {
	g := vncite.Graph{Root: root, Direction: direction, Depth: depth}
	seen := map[string]int{root: 0}
	order := []string{root}
	frontier := []string{root}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, e := range c.edges {
				var other string
				if direction == "down" && e.To == id {
					other = e.From
				} else if direction == "up" && e.From == id {
					other = e.To
				} else {
					continue
				}
				if _, ok := seen[other]; !ok {
					seen[other] = d
					order = append(order, other)
					next = append(next, other)
				}
			}
		}
		frontier = next
	}
	rootDate, _ := time.Parse(time.DateOnly, c.docs[root].Date)
	for _, id := range order {
		d := c.docs[id]
		n := vncite.Node{ID: id, Number: d.Number, Type: d.Type, Title: d.Title, Date: d.Date, Level: d.Level,
			Province: d.Province, Stub: d.Stub, Depth: seen[id]}
		if date, err := time.Parse(time.DateOnly, d.Date); err == nil && !rootDate.IsZero() {
			lag := int(date.Sub(rootDate).Hours() / 24)
			n.LagDays = &lag
		}
		g.Nodes = append(g.Nodes, n)
	}
	for _, e := range c.edges {
		_, a := seen[e.From]
		_, b := seen[e.To]
		if a && b {
			g.Edges = append(g.Edges, vncite.GraphEdge{Source: e.From, Target: e.To, Relation: e.Relation, Evidence: e.Evidence.Sentence})
		}
	}
	return g
}

// bigCascade is a central document carried out by 63 provinces, two
// districts each and two communes per district: 442 nodes.
func bigCascade() vncite.Graph {
	g := vncite.Graph{Root: "big", Direction: "down", Depth: 3}
	lag := func(d int) *int { return &d }
	g.Nodes = append(g.Nodes, vncite.Node{ID: "big", Number: "35-CT/TW", Type: "CT", Level: vncite.LevelCentral, Date: "2019-06-01", Depth: 0})
	for p := 1; p <= 63; p++ {
		pid := fmt.Sprintf("p%d", p)
		province := fmt.Sprintf("Tỉnh %02d", p)
		g.Nodes = append(g.Nodes, vncite.Node{ID: pid, Number: fmt.Sprintf("%d-KH/TU", 100+p), Level: vncite.LevelProvince, Province: province, Depth: 1, Date: "2019-07-01", LagDays: lag(30 + p)})
		g.Edges = append(g.Edges, vncite.GraphEdge{Source: pid, Target: "big", Relation: vncite.Implements})
		for d := 1; d <= 2; d++ {
			did := fmt.Sprintf("%s-d%d", pid, d)
			g.Nodes = append(g.Nodes, vncite.Node{ID: did, Number: fmt.Sprintf("%d-KH/HU", 10*p+d), Level: vncite.LevelDistrict, Province: province, Depth: 2, LagDays: lag(60 + p + d)})
			g.Edges = append(g.Edges, vncite.GraphEdge{Source: did, Target: pid, Relation: vncite.Implements})
			for c := 1; c <= 2; c++ {
				cid := fmt.Sprintf("%s-c%d", did, c)
				g.Nodes = append(g.Nodes, vncite.Node{ID: cid, Number: fmt.Sprintf("%d-KH/ĐU", 100*p+10*d+c), Level: vncite.LevelCommune, Province: province, Depth: 3, LagDays: lag(90 + p + d + c)})
				g.Edges = append(g.Edges, vncite.GraphEdge{Source: cid, Target: did, Relation: vncite.Guides})
			}
		}
	}
	return g
}

func (c *fakeCorpus) find(ref string) *fakeDoc {
	if d, ok := c.docs[ref]; ok {
		return d
	}
	for _, d := range c.docs {
		if d.Number == ref {
			return d
		}
	}
	return nil
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

func problem(w http.ResponseWriter, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"title": http.StatusText(status), "status": status, "detail": detail})
}

// newFakeServer serves the explorer and the fake API, counting requests per
// path so a test can see which links the page followed.
func newFakeServer(t *testing.T, c *fakeCorpus) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("GET /", web.Handler())
	mux.HandleFunc("GET /api/v1/stats", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{"documents": 5, "stubs": 1, "edges": len(c.edges),
			"by_level": map[string]int{"central": 1, "province": 2, "district": 1, "commune": 1}})
	})
	mux.HandleFunc("GET /api/v1/search", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("q") == "nhiều" { // 25 hits over two pages
			first, n, next := 0, 20, "c2"
			if q.Get("cursor") == "c2" {
				first, n, next = 20, 5, ""
			}
			var hits []map[string]any
			for i := first; i < first+n; i++ {
				hits = append(hits, map[string]any{"id": fmt.Sprintf("h%d", i), "number": fmt.Sprintf("%d-KH/TU", i+1), "type": "KH", "score": 1})
			}
			writeJSON(w, map[string]any{"total": 25, "hits": hits, "next_cursor": next})
			return
		}
		hits := []map[string]any{
			{"id": "nq25-tw-xi", "number": "25-NQ/TW", "type": "NQ", "title": c.docs["nq25-tw-xi"].Title, "date": "2013-06-03",
				"score": 9.5, "level": "central", "stub": true, "match": "number"},
			{"id": "cv307-hu-dk", "number": "307-CV/HU", "type": "CV", "title": c.docs["cv307-hu-dk"].Title, "date": "2016-12-30",
				"score": 2.1, "level": "district", "province": "Quảng Trị", "match": "cites",
				"highlights": map[string][]string{
					// Escaped as the index sends it, then a raw tag that must stay text too.
					"body": {`Thực hiện <mark>Nghị quyết</mark> số <mark>25</mark>-NQ/TW &amp; &lt;b&gt;đậm&lt;/b&gt; <img src=x onerror="window.__pwned=1">`},
				}},
		}
		if t := q.Get("type"); t != "" {
			var kept []map[string]any
			for _, h := range hits {
				if h["type"] == t {
					kept = append(kept, h)
				}
			}
			hits = kept
		}
		writeJSON(w, map[string]any{
			"total": len(hits), "hits": hits,
			"number": map[string]any{"type": "NQ", "seq": "25", "partial": true, "carrying": 1, "citing": 3},
			"facets": map[string]any{
				"type":     []map[string]any{{"value": "NQ", "count": 1}, {"value": "CV", "count": 1}},
				"level":    []map[string]any{{"value": "central", "count": 1}, {"value": "district", "count": 1}},
				"province": []map[string]any{{"value": "Quảng Trị", "count": 1}},
				"year":     []map[string]any{{"value": "2013", "count": 1}, {"value": "2016", "count": 1}},
			},
		})
	})
	mux.HandleFunc("GET /api/v1/documents/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "05-CT/TW" {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusMultipleChoices)
			_ = json.NewEncoder(w).Encode(map[string]any{"title": "Multiple Choices", "status": 300,
				"detail": "05-CT/TW names 2 documents", "candidates": []vncite.Document{
					{ID: "05-ct-tw@xii", Number: "05-CT/TW", Date: "2016-05-15", Key: &vncite.Key{Number: "05-CT/TW", Term: "XII"}},
					{ID: "05-ct-tw@xiii", Number: "05-CT/TW", Stub: true, Key: &vncite.Key{Number: "05-CT/TW", Term: "XIII"}},
				}})
			return
		}
		d := c.find(r.PathValue("id"))
		if d == nil {
			problem(w, http.StatusNotFound, "no document "+r.PathValue("id"))
			return
		}
		var refs, citers []fakeLink
		for _, e := range c.edges {
			if e.From == d.ID {
				refs = append(refs, fakeLink{Edge: e, Document: c.docs[e.To].Document})
			}
			if e.To == d.ID {
				citers = append(citers, fakeLink{Edge: e, Document: c.docs[e.From].Document})
			}
		}
		writeJSON(w, map[string]any{"document": d.Document, "text": d.text, "references": refs, "cited_by": citers})
	})
	mux.HandleFunc("GET /api/v1/lineage/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "big" {
			writeJSON(w, bigCascade())
			return
		}
		if r.PathValue("id") == "huge" { // 1 + 60 + 60×50 nodes
			g := vncite.Graph{Root: "huge", Direction: "down", Depth: 2}
			g.Nodes = append(g.Nodes, vncite.Node{ID: "huge", Number: "01-NQ/TW", Level: vncite.LevelCentral})
			for p := range 60 {
				pid := fmt.Sprintf("p%d", p)
				g.Nodes = append(g.Nodes, vncite.Node{ID: pid, Number: fmt.Sprintf("%d-KH/TU", p+1), Level: vncite.LevelProvince, Depth: 1})
				g.Edges = append(g.Edges, vncite.GraphEdge{Source: pid, Target: "huge", Relation: vncite.Implements})
				for c := range 50 {
					cid := fmt.Sprintf("%s-%d", pid, c)
					g.Nodes = append(g.Nodes, vncite.Node{ID: cid, Number: fmt.Sprintf("%d-KH/ĐU", 100*p+c), Level: vncite.LevelCommune, Depth: 2})
					g.Edges = append(g.Edges, vncite.GraphEdge{Source: cid, Target: pid, Relation: vncite.Implements})
				}
			}
			writeJSON(w, g)
			return
		}
		d := c.find(r.PathValue("id"))
		if d == nil {
			problem(w, http.StatusNotFound, "no document")
			return
		}
		dir := r.URL.Query().Get("direction")
		if dir == "" {
			dir = "down"
		}
		g := c.lineage(d.ID, dir, 3)
		if f := r.URL.Query().Get("format"); f != "" && f != "json" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("Content-Disposition", "attachment")
			_, _ = w.Write([]byte(f + " export of " + d.Number))
			return
		}
		writeJSON(w, g)
	})
	mux.HandleFunc("GET /api/v1/coverage/{id}", func(w http.ResponseWriter, r *http.Request) {
		// The shape of graph.Coverage: the provinces at the root's date,
		// each with the province it became part of on 2025-07-01.
		g := c.lineage("nq25-tw-xi", "down", 10)
		byProvince := map[string][]vncite.Node{}
		for _, n := range g.Nodes[1:] {
			byProvince[n.Province] = append(byProvince[n.Province], n)
		}
		row := func(code, name, newCode, newName string) map[string]any {
			docs := byProvince[name]
			status := "none recorded"
			if len(docs) > 0 {
				status = "found"
			}
			return map[string]any{"code": code, "name": name, "new_code": newCode, "new_name": newName, "status": status, "documents": docs}
		}
		writeJSON(w, map[string]any{
			"root": g.Nodes[0],
			"provinces": []map[string]any{
				row("01", "Hà Nội", "01", "Hà Nội"),
				row("44", "Quảng Bình", "45", "Quảng Trị"),
				row("45", "Quảng Trị", "45", "Quảng Trị"),
				row("46", "Thừa Thiên Huế", "46", "Huế"),
			},
			"found": 2, "total": 4,
		})
	})
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

// TestExplorerFakeAPI walks the page on the fake API and checks what the
// seeds cannot show: hostile highlight text stays text, references link at
// byte offsets after multi-byte letters, stubs show their sightings, a node
// click opens the document, the timeline and the coverage table.
func TestExplorerFakeAPI(t *testing.T) {
	c := newFakeCorpus(t)
	ts := newFakeServer(t, c)
	b := newBrowser(t)
	runWalk(t, b, walk{
		base: ts.URL, query: "nghi quyet 25", number: "25-NQ/TW",
		lineageNumbers: []string{"25-NQ/TW", "135-KH/TU", "307-CV/HU", "52-KH/ĐU", "109/KH-UBND"},
		apiNodes: func(t *testing.T) []string {
			var ids []string
			for _, n := range c.lineage("nq25-tw-xi", "down", 3).Nodes {
				ids = append(ids, n.ID)
			}
			return ids
		},
	})
	dir := artifactsDir(t)

	t.Run("timeline", func(t *testing.T) {
		if got := eval[int](t, b, `document.querySelectorAll("svg.timeline-svg a.point").length`); got != 4 {
			t.Errorf("timeline points = %d, want 4 (every node but the root)", got)
		}
		lanes := eval[[]string](t, b, `[...document.querySelectorAll("svg.timeline-svg .lane")].map(g => [...g.querySelectorAll("text")].slice(0, 2).map(x => x.textContent).join(" · "))`)
		want := []string{"Tỉnh · Quảng Trị", "Tỉnh · Thừa Thiên Huế", "Huyện · Quảng Trị", "Xã · Quảng Trị"}
		if !slices.Equal(lanes, want) {
			t.Errorf("timeline lanes %q, want %q (by level, then province)", lanes, want)
		}
		b.do(t, "by province", chromedp.SetValue(chromedp.ID("tl-order"), "province"),
			chromedp.Evaluate[chromedp.Void](`document.getElementById("tl-order").dispatchEvent(new Event("change"))`))
		lanes = eval[[]string](t, b, `[...document.querySelectorAll("svg.timeline-svg .lane")].map(g => [...g.querySelectorAll("text")].slice(0, 2).map(x => x.textContent).join(" · "))`)
		want = []string{"Tỉnh · Quảng Trị", "Huyện · Quảng Trị", "Xã · Quảng Trị", "Tỉnh · Thừa Thiên Huế"}
		if !slices.Equal(lanes, want) {
			t.Errorf("timeline lanes by province %q, want %q", lanes, want)
		}
		rows := eval[[]string](t, b, `[...document.querySelectorAll(".coverage-table tbody tr")].map(tr => [...tr.cells].map(c => c.innerText.trim()).join(" | "))`)
		want = []string{
			"Hà Nội | giữ nguyên | Chưa ghi nhận (none recorded) | — | —",
			"Quảng Bình | → Quảng Trị | Chưa ghi nhận (none recorded) | — | —",
			"Quảng Trị | giữ tên; nhập thêm Quảng Bình | 135-KH/TU, 52-KH/ĐU, 307-CV/HU | 10/09/2013 | +99 ngày",
			"Thừa Thiên Huế | → Huế | 109/KH-UBND | 04/05/2014 | +335 ngày",
		}
		if !slices.Equal(rows, want) {
			t.Errorf("coverage rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("highlights are text", func(t *testing.T) {
		b.goTo(t, "search", chromedp.Navigate(ts.URL+"/#/search?q=25"))
		if n := eval[int](t, b, `document.querySelectorAll("#hits img, #hits b").length`); n != 0 {
			t.Errorf("%d elements made from highlight text", n)
		}
		if eval[bool](t, b, `window.__pwned === 1`) {
			t.Errorf("highlight text ran script")
		}
		marks := eval[[]string](t, b, `[...document.querySelectorAll("#hits mark")].map(m => m.textContent)`)
		if !slices.Equal(marks, []string{"Nghị quyết", "25"}) {
			t.Errorf("marks %q, want the two highlighted words", marks)
		}
		snippet := eval[string](t, b, `document.querySelector("#hits .snippet").textContent`)
		if !strings.Contains(snippet, `& <b>đậm</b> <img src=x onerror="window.__pwned=1">`) {
			t.Errorf("snippet %q: escaped and raw tags should read as text", snippet)
		}
		// A facet chip filters.
		b.do(t, "facet", chromedp.Click(chromedp.CSS(`.facet a.chip[href*="type=CV"]`)))
		b.waitFor(t, "filtered", `location.hash.includes("type=CV") && document.querySelectorAll("#hits li").length === 1 && document.querySelector("main").getAttribute("aria-busy") === "false"`)
	})

	t.Run("more results", func(t *testing.T) {
		b.goTo(t, "search", chromedp.Navigate(ts.URL+"/#/search?q=nhi%E1%BB%81u"))
		if n := eval[int](t, b, `document.querySelectorAll("#hits li").length`); n != 20 {
			t.Fatalf("first page: %d hits, want 20", n)
		}
		b.do(t, "more", chromedp.Click(chromedp.CSS("button.more")))
		b.waitFor(t, "second page", `document.querySelectorAll("#hits li").length === 25`)
		if got := eval[string](t, b, `document.activeElement.textContent`); got != "21-KH/TU" {
			t.Errorf("after loading more, focus is on %q, want the first new hit", got)
		}
		if eval[bool](t, b, `document.querySelector("button.more") !== null`) {
			t.Errorf("a “more” button after the last page")
		}
	})

	t.Run("document text links", func(t *testing.T) {
		b.goTo(t, "doc", chromedp.Navigate(ts.URL+"/#/doc/"+"307-CV%2FHU"))
		links := eval[[]string](t, b, `[...document.querySelectorAll(".doc-text a.ref")].map(a => a.textContent + " → " + a.getAttribute("href"))`)
		want := []string{"25-NQ/TW → #/doc/nq25-tw-xi", "135-KH/TU → #/doc/kh135-tu-qt"}
		if !slices.Equal(links, want) {
			t.Errorf("text links %q, want %q (the sentence-wide evidence narrowed to the number)", links, want)
		}
		text := eval[string](t, b, `document.querySelector(".doc-text").textContent`)
		if text != strings.TrimSpace(c.docs["cv307-hu-dk"].text) {
			t.Errorf("document text changed by linking:\n got %q\nwant %q", text, c.docs["cv307-hu-dk"].text)
		}
		b.screenshot(t, dir, "document-text")
	})

	t.Run("stub sightings", func(t *testing.T) {
		b.goTo(t, "doc", chromedp.Navigate(ts.URL+"/#/doc/25-NQ%2FTW"))
		if !eval[bool](t, b, `document.querySelector(".stub-notice") !== null && document.querySelector(".doc-header .badge.stub") !== null`) {
			t.Errorf("stub not marked as such")
		}
		from := eval[[]string](t, b, `[...document.querySelectorAll(".sightings tbody tr td:first-child")].map(td => td.textContent).sort()`)
		if !slices.Equal(from, []string{"109/KH-UBND (Thừa Thiên Huế)", "135-KH/TU (Quảng Trị)", "307-CV/HU (Quảng Trị)"}) {
			t.Errorf("sightings from %q, want the three citing documents by number and province", from)
		}
		// A sighting opens the citing document at the place it cites.
		b.goTo(t, "doc", chromedp.Click(chromedp.CSS(`.sightings a[href^="#/doc/cv307-hu-dk?at="]`)))
		got := eval[string](t, b, `(() => { const a = document.getElementById("at"); if (!a) return "none";
			const r = a.getBoundingClientRect(); return a.textContent + (r.top >= 0 && r.bottom <= innerHeight ? " visible" : " hidden"); })()`)
		// The sighting span is the evidence sentence of 307-CV/HU.
		if want := c.edges[1].Evidence.Sentence + " visible"; got != want {
			t.Errorf("marked place %q, want %q", got, want)
		}
		if links := eval[[]string](t, b, `[...document.querySelectorAll("#at a.ref")].map(a => a.textContent)`); !slices.Equal(links, []string{"25-NQ/TW"}) {
			t.Errorf("links inside the marked place %q, want the reference it holds", links)
		}
		b.screenshot(t, dir, "document-at")
	})

	t.Run("ambiguous number lists the candidates", func(t *testing.T) {
		b.goTo(t, "doc", chromedp.Navigate(ts.URL+"/#/doc/05-CT%2FTW"))
		got := eval[[]string](t, b, `[...document.querySelectorAll(".candidates li")].map(li => li.innerText.replace(/\s+/g, " ").trim())`)
		want := []string{"05-CT/TW khóa XII · 15/05/2016", "05-CT/TW chưa có toàn văn khóa XIII"}
		if !slices.Equal(got, want) {
			t.Errorf("candidates %q, want %q", got, want)
		}
	})

	t.Run("node click opens the document", func(t *testing.T) {
		b.goTo(t, "lineage", chromedp.Navigate(ts.URL+"/#/lineage/nq25-tw-xi?direction=down"))
		b.waitFor(t, "graph", `window.cy && cy.nodes().length === 5`)
		// The keyboard zooms the graph.
		before := eval[float64](t, b, `cy.zoom()`)
		b.do(t, "zoom in", chromedp.Focus(chromedp.ID("lineage-graph")), chromedp.KeyEvent("+"))
		if after := eval[float64](t, b, `cy.zoom()`); !(after > before) {
			t.Errorf("+ on the focused graph: zoom %v → %v", before, after)
		}
		b.do(t, "fit", chromedp.KeyEvent("0"))
		xy := eval[[]float64](t, b, `(() => { const n = cy.getElementById("kh52-du-tr"); const r = document.getElementById("lineage-graph").getBoundingClientRect(); const p = n.renderedPosition(); return [r.left + p.x, r.top + p.y]; })()`)
		b.goTo(t, "doc", chromedp.MouseClickXY(xy[0], xy[1]))
		if got := eval[string](t, b, `location.hash`); got != "#/doc/kh52-du-tr" {
			t.Errorf("after clicking the node, hash = %q", got)
		}
	})

	t.Run("large lineage", func(t *testing.T) {
		b.goTo(t, "lineage", chromedp.Navigate(ts.URL+"/#/lineage/big"))
		b.waitFor(t, "graph", `window.cy && cy.nodes().length === 442`)
		if !eval[bool](t, b, `cy.nodes().every(n => { const p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height(); })`) {
			t.Errorf("some of the 442 nodes are outside the visible graph")
		}
		// Rows by level: every province above every district, every district above every commune.
		if !eval[bool](t, b, `(() => { const ys = l => cy.nodes('[level = "' + l + '"]').map(n => n.position("y"));
			return Math.max(...ys("province")) < Math.min(...ys("district")) && Math.max(...ys("district")) < Math.min(...ys("commune")); })()`) {
			t.Errorf("levels are not in rows")
		}
		b.screenshot(t, dir, "lineage-large")

		b.goTo(t, "timeline", chromedp.Click(chromedp.CSS(`.graph-controls a[data-action="timeline"]`)))
		if got := eval[int](t, b, `document.querySelectorAll("svg.timeline-svg a.point").length`); got != 441 {
			t.Errorf("large timeline has %d points, want 441", got)
		}
		b.screenshot(t, dir, "timeline-large")
	})

	t.Run("huge lineage drawn on request", func(t *testing.T) {
		b.goTo(t, "lineage", chromedp.Navigate(ts.URL+"/#/lineage/huge"))
		if eval[bool](t, b, `"cy" in window`) {
			t.Fatalf("3061 nodes drawn without asking")
		}
		if n := eval[int](t, b, `document.querySelectorAll(".node-table tbody tr").length`); n != 1000 {
			t.Errorf("node table has %d rows, want the first 1000", n)
		}
		checkAccessible(t, b, "huge lineage")
		b.do(t, "draw", chromedp.Click(chromedp.CSS("button.draw")))
		b.waitFor(t, "drawn", `window.cy && cy.nodes().length === 3061`)
		b.screenshot(t, dir, "lineage-huge")
	})

	t.Run("keyboard", func(t *testing.T) {
		b.goTo(t, "home", chromedp.Navigate("about:blank"), chromedp.Navigate(ts.URL+"/#/"))
		b.do(t, "tab", chromedp.KeyEvent(kb.Tab))
		if got := eval[string](t, b, `document.activeElement.className`); got != "skip-link" {
			t.Errorf("first Tab focuses %q, want the skip link", got)
		}
		b.do(t, "tab", chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
		if got := eval[string](t, b, `document.activeElement.id`); got != "q" {
			t.Errorf("third Tab focuses %q, want the search box", got)
		}
		// A real "/" keystroke: one keyDown carrying its text, so that the
		// page's preventDefault keeps the "/" out of the box (chromedp's
		// KeyEvent sends the character as a separate event).
		slash := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", WindowsVirtualKeyCode: 191}
		b.do(t, "leave the box", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, slash); err != nil {
					return err
				}
				slash.Type, slash.Text = input.DispatchKeyEventTypeKeyUp, ""
				_, err := chromedp.Call(ctx, input.DispatchKeyEvent, slash)
				return err
			}))
		if got := eval[string](t, b, `document.activeElement.id + "|" + document.getElementById("q").value`); got != "q|" {
			t.Errorf("after “/”: focus|value = %q, want the empty search box focused", got)
		}
	})

	if p := b.consoleProblems(); len(p) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(p, "\n"))
	}
}

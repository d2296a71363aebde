package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vncite/vncite/extract/corpusgen"
)

// Machine describes where the figures were measured.
type Machine struct {
	CPUs      int     `json:"cpus"`
	CPUModel  string  `json:"cpu_model,omitempty"`
	MemoryGiB float64 `json:"memory_gib"`
	GoVersion string  `json:"go_version"`
	Kernel    string  `json:"kernel,omitempty"`
	Date      string  `json:"date"` // RFC 3339, UTC, at the start of the run
	Command   string  `json:"command"`
	Ripgrep   string  `json:"ripgrep,omitempty"`
	// Commit is `git describe --always --dirty` of the tree measured.
	Commit string `json:"commit,omitempty"`
}

// Results is everything one run measured: results.json.
type Results struct {
	Machine Machine      `json:"machine"`
	Sizes   []SizeResult `json:"sizes"`
	// SearchRawRatio is search.Index.Index over raw batched Bleve with the
	// same mapping, from the search package's own BenchmarkIngest run in
	// this run (its own generated documents); 0 when not run.
	SearchRawRatio    float64 `json:"search_index_over_raw_bleve,omitempty"`
	SearchRawCPURatio float64 `json:"search_index_over_raw_bleve_cpu,omitempty"`
	SearchRawNote     string  `json:"search_raw_note,omitempty"`
	// Gazetteer is the gazetteer directory ingest used ("" for the
	// embedded province list).
	Gazetteer string `json:"gazetteer"`
}

// SizeResult is what was measured at one corpus size.
type SizeResult struct {
	Docs    int    `json:"docs"`
	Date    string `json:"date"` // when this size was measured, RFC 3339 UTC
	Command string `json:"command"`
	Commit  string `json:"commit,omitempty"`
	// Carried lists the phases whose figures come from an earlier run
	// (skipped in this one), with that run's date and load.
	Carried     []string `json:"carried,omitempty"`
	CorpusBytes int64    `json:"corpus_bytes"`
	GenSeconds  float64  `json:"gen_seconds"`
	// Load is /proc/loadavg (1, 5, 15 minutes) when each phase started.
	Load map[string]string `json:"load"`

	Extract   *ExtractResult `json:"extract,omitempty"`
	Graph     *GraphResult   `json:"graph,omitempty"`
	Ingest    *IngestResult  `json:"ingest,omitempty"`
	Query     *QueryResult   `json:"query,omitempty"`
	Edges     *EdgeResult    `json:"edges,omitempty"`
	Errors    []string       `json:"errors,omitempty"`
	WallTotal float64        `json:"wall_seconds"`
}

// ExtractResult is the one-core extraction phase.
type ExtractResult struct {
	Bytes      int64   `json:"bytes"` // one pass
	Docs       int     `json:"docs"`
	Passes     int     `json:"passes"`
	MBps       float64 `json:"extract_mb_s"`
	MBpsCPU    float64 `json:"extract_mb_cpu_s"`
	Refs       int     `json:"refs"` // references reported in one pass
	RegexpMBps float64 `json:"regexp_mb_s"`
	RegexpCPU  float64 `json:"regexp_mb_cpu_s"`
	RegexpHits int     `json:"regexp_matches"`
	RgMBps     float64 `json:"rg_mb_s,omitempty"`
	RgCPUMBps  float64 `json:"rg_mb_cpu_s,omitempty"`
	RgHits     int     `json:"rg_matches,omitempty"`
	RgNote     string  `json:"rg_note,omitempty"`
	// Quality of the references against the truth (corpusgen's evaluator).
	RefRecall    float64 `json:"ref_recall"`
	RefPrecision float64 `json:"ref_precision"`
	PeakRSS      int64   `json:"peak_rss_bytes"`
}

// GraphResult is the graph-only write path and the Bleve-alone baseline.
type GraphResult struct {
	ExtractDocsPerSec float64 `json:"extract_docs_s"`   // sequential Extract, one goroutine
	GraphDocsPerSec   float64 `json:"graph_docs_s"`     // graph.Ingest of extracted docs, no Indexer
	GraphCPUPerDoc    float64 `json:"graph_cpu_us_doc"` // process CPU µs per document in that phase
	GraphPeakRSS      int64   `json:"graph_peak_rss_bytes"`
	GraphBytes        int64   `json:"graph_only_badger_bytes"`
	// The Bleve-alone baseline: every final document and stub of the store
	// (as the store hands them to its Indexer) indexed by search.Index in
	// batches of the ingest's size, into an empty index.
	BleveDocs       int     `json:"bleve_docs"`
	BleveSeconds    float64 `json:"bleve_seconds"`
	BleveDocsPerSec float64 `json:"bleve_docs_s"` // input documents (not index entries) per second
	BleveCPUSeconds float64 `json:"bleve_cpu_seconds"`
	BleveBytes      int64   `json:"bleve_alone_bytes"`
}

// IngestResult is `vncite ingest` end to end (graph + search).
type IngestResult struct {
	Seconds     float64 `json:"seconds"` // wall time of the process
	CPUSeconds  float64 `json:"cpu_seconds"`
	DocsPerSec  float64 `json:"docs_s"`
	SummaryRate float64 `json:"summary_docs_s"` // as vncite ingest reports it (ingest loop only)
	PeakRSS     int64   `json:"peak_rss_bytes"`
	Documents   int     `json:"documents"`
	Edges       int     `json:"edges"`
	Stubs       int     `json:"stubs"`
	Skipped     int     `json:"skipped"`
	BadgerBytes int64   `json:"badger_bytes"`
	BleveBytes  int64   `json:"bleve_bytes"`
	BytesPerDoc float64 `json:"bytes_per_doc"`
	// RatioVsBleve is end-to-end docs/s over Bleve-alone docs/s;
	// RatioVsBleveCPU the same in CPU time (Bleve alone's CPU seconds over
	// the ingest's), which other load on the machine disturbs less.
	RatioVsBleve    float64 `json:"ratio_vs_bleve"`
	RatioVsBleveCPU float64 `json:"ratio_vs_bleve_cpu"`
	StoreEdges      int     `json:"store_edges"`
	StoreStubs      int     `json:"store_stubs"`
	StoreDocs       int     `json:"store_documents"`
}

// Latency is a latency distribution in milliseconds.
type Latency struct {
	N        int     `json:"n"`
	P50      float64 `json:"p50_ms"`
	P99      float64 `json:"p99_ms"`
	Max      float64 `json:"max_ms"`
	MeanSize float64 `json:"mean_size"` // nodes per lineage, hits per search
}

// QueryResult is lineage and search latency on the ingested store.
type QueryResult struct {
	Lineage       Latency `json:"lineage_depth3_down"`
	LineageRoots  int     `json:"lineage_roots"`
	SearchNumber  Latency `json:"search_number"`
	SearchWords   Latency `json:"search_words_diacritics"`
	SearchFolded  Latency `json:"search_words_folded"`
	NumberFound   float64 `json:"number_found_share"` // number queries whose own document is among the hits
	PeakRSS       int64   `json:"peak_rss_bytes"`
	SlowestSearch string  `json:"slowest_search,omitempty"`
}

// EdgeResult scores the store's edges against the generator's truth.
type EdgeResult struct {
	TP        int            `json:"tp"`
	FN        int            `json:"fn"`
	FP        int            `json:"fp"`
	Recall    float64        `json:"recall"`
	Precision float64        `json:"precision"`
	Errors    map[string]int `json:"errors,omitempty"`
	// ByScope splits the true edges by where a reader finds the target's
	// unit (corpusgen.Report.EdgesByScope).
	ByScope map[string]corpusgen.Score `json:"by_scope,omitempty"`
}

// percentile returns the p-th percentile (0 < p ≤ 1) of sorted by the
// nearest-rank method: the smallest value with at least p of the values at
// or below it. It returns 0 for no values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// latencyOf summarizes durations (sorting them) and the mean of sizes.
func latencyOf(ds []time.Duration, sizes []int) Latency {
	slices.Sort(ds)
	ms := func(d time.Duration) float64 { return math.Round(float64(d.Microseconds())/10) / 100 }
	l := Latency{N: len(ds)}
	if len(ds) == 0 {
		return l
	}
	l.P50, l.P99, l.Max = ms(percentile(ds, 0.50)), ms(percentile(ds, 0.99)), ms(ds[len(ds)-1])
	total := 0
	for _, s := range sizes {
		total += s
	}
	if len(sizes) > 0 {
		l.MeanSize = float64(total) / float64(len(sizes))
	}
	return l
}

// row is one line of the results table: a label, the target it is held
// to, and one cell per size.
type row struct {
	label, target string
	cell          func(s *SizeResult) string
}

// dash is what a cell shows for a figure not measured.
const dash = "–"

// num formats v with the given decimals and thousands separators; dash for
// a figure not measured.
func num(v float64, decimals int) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return dash
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	if frac != "" {
		out += "." + frac
	}
	return out
}

// mib formats bytes as MiB.
func mib(b int64) string {
	if b <= 0 {
		return dash
	}
	return num(float64(b)/(1<<20), 0) + " MiB"
}

// pct formats a share as a percentage with two decimals.
func pct(share float64, measured bool) string {
	if !measured {
		return dash
	}
	return strconv.FormatFloat(share*100, 'f', 2, 64) + " %"
}

// ratio formats a / b as "13.60×".
func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return dash
	}
	return num(a/b, 2) + "×"
}

// tableRows are the rows of the results table, in order.
func tableRows() []row {
	ex := func(f func(e *ExtractResult) string) func(*SizeResult) string {
		return func(s *SizeResult) string {
			if s.Extract == nil {
				return dash
			}
			return f(s.Extract)
		}
	}
	gr := func(f func(g *GraphResult) string) func(*SizeResult) string {
		return func(s *SizeResult) string {
			if s.Graph == nil {
				return dash
			}
			return f(s.Graph)
		}
	}
	in := func(f func(i *IngestResult) string) func(*SizeResult) string {
		return func(s *SizeResult) string {
			if s.Ingest == nil {
				return dash
			}
			return f(s.Ingest)
		}
	}
	qu := func(f func(q *QueryResult) string) func(*SizeResult) string {
		return func(s *SizeResult) string {
			if s.Query == nil {
				return dash
			}
			return f(s.Query)
		}
	}
	lat := func(l Latency, p99 bool) string {
		if l.N == 0 {
			return dash
		}
		if p99 {
			return num(l.P99, 2)
		}
		return num(l.P50, 2)
	}
	return []row{
		{"corpus: documents / MB", "", func(s *SizeResult) string {
			return num(float64(s.Docs), 0) + " / " + num(float64(s.CorpusBytes)/1e6, 1)
		}},
		{"load average at ingest start (1, 5, 15 min)", "< 2.5", func(s *SizeResult) string {
			if l := s.Load["ingest"]; l != "" {
				return l
			}
			return dash
		}},
		{"**extract** MB/s, one core (wall)", "≥ 150", ex(func(e *ExtractResult) string { return num(e.MBps, 1) })},
		{"extract MB per CPU-second", "", ex(func(e *ExtractResult) string { return num(e.MBpsCPU, 1) })},
		{"regexp extractor MB/s, one core (same numbers)", "", ex(func(e *ExtractResult) string { return num(e.RegexpMBps, 1) })},
		{"extract ÷ regexp", "≥ 10×", ex(func(e *ExtractResult) string { return ratio(e.MBps, e.RegexpMBps) })},
		{"ripgrep `rg -U -j1 --count-matches` MB/s (same pattern)", "", ex(func(e *ExtractResult) string {
			if e.RgMBps == 0 {
				return "skipped"
			}
			return num(e.RgMBps, 1)
		})},
		{"extract ÷ ripgrep", "", ex(func(e *ExtractResult) string { return ratio(e.MBps, e.RgMBps) })},
		{"references found by extract / matches by regexp / by rg", "", ex(func(e *ExtractResult) string {
			return num(float64(e.Refs), 0) + " / " + num(float64(e.RegexpHits), 0) + " / " + num(float64(e.RgHits), 0)
		})},
		{"reference recall / precision (extractor vs truth)", "", ex(func(e *ExtractResult) string {
			return pct(e.RefRecall, true) + " / " + pct(e.RefPrecision, true)
		})},
		{"extract docs/s (sequential, whole extractor)", "", gr(func(g *GraphResult) string { return num(g.ExtractDocsPerSec, 0) })},
		{"**graph-only write** docs/s (extracted, no search)", "≥ 20,000", gr(func(g *GraphResult) string { return num(g.GraphDocsPerSec, 0) })},
		{"graph-only CPU µs/doc", "", gr(func(g *GraphResult) string { return num(g.GraphCPUPerDoc, 0) })},
		{"Bleve alone docs/s (same final docs + stubs, batched, search mapping)", "", gr(func(g *GraphResult) string { return num(g.BleveDocsPerSec, 0) })},
		{"**ingest end to end** docs/s (`vncite ingest`: read, extract, graph, search)", "", in(func(i *IngestResult) string { return num(i.DocsPerSec, 0) })},
		{"ingest ÷ Bleve alone", "≥ 0.8", in(func(i *IngestResult) string { return num(i.RatioVsBleve, 2) })},
		{"CPU ms per document: ingest / Bleve alone", "", func(s *SizeResult) string {
			if s.Ingest == nil || s.Graph == nil {
				return dash
			}
			return num(s.Ingest.CPUSeconds*1000/float64(s.Docs), 2) + " / " + num(s.Graph.BleveCPUSeconds*1000/float64(s.Docs), 2)
		}},
		{"ingest ÷ Bleve alone, in CPU time", "", in(func(i *IngestResult) string { return num(i.RatioVsBleveCPU, 2) })},
		{"ingest peak RSS", "", in(func(i *IngestResult) string { return mib(i.PeakRSS) })},
		{"graph-only phase peak RSS (texts in memory)", "", gr(func(g *GraphResult) string { return mib(g.GraphPeakRSS) })},
		{"on disk: Badger / Bleve", "", in(func(i *IngestResult) string { return mib(i.BadgerBytes) + " / " + mib(i.BleveBytes) })},
		{"on disk per document (Badger + Bleve)", "", in(func(i *IngestResult) string { return num(i.BytesPerDoc/1024, 1) + " KiB" })},
		{"store: documents / stubs / edges", "", in(func(i *IngestResult) string {
			return num(float64(i.StoreDocs), 0) + " / " + num(float64(i.StoreStubs), 0) + " / " + num(float64(i.StoreEdges), 0)
		})},
		{"**lineage** depth 3 down, p50 ms", "≤ 5", qu(func(q *QueryResult) string { return lat(q.Lineage, false) })},
		{"lineage p99 ms", "", qu(func(q *QueryResult) string { return lat(q.Lineage, true) })},
		{"lineage nodes per query (mean)", "", qu(func(q *QueryResult) string { return num(q.Lineage.MeanSize, 0) })},
		{"**search number** p50 / p99 ms", "p99 ≤ 50", qu(func(q *QueryResult) string {
			return lat(q.SearchNumber, false) + " / " + lat(q.SearchNumber, true)
		})},
		{"number queries finding their document", "", qu(func(q *QueryResult) string { return pct(q.NumberFound, q.SearchNumber.N > 0) })},
		{"**search words** (diacritics) p50 / p99 ms", "p99 ≤ 150", qu(func(q *QueryResult) string {
			return lat(q.SearchWords, false) + " / " + lat(q.SearchWords, true)
		})},
		{"**search words** (no diacritics) p50 / p99 ms", "p99 ≤ 150", qu(func(q *QueryResult) string {
			return lat(q.SearchFolded, false) + " / " + lat(q.SearchFolded, true)
		})},
		{"query process peak RSS", "", qu(func(q *QueryResult) string { return mib(q.PeakRSS) })},
		{"**edge recall / precision** vs truth", "≥ 99.5 % both", func(s *SizeResult) string {
			if s.Edges == nil {
				return dash
			}
			return pct(s.Edges.Recall, true) + " / " + pct(s.Edges.Precision, true)
		}},
	}
}

// writeTable writes the results as a Markdown table, one column per size.
func writeTable(w io.Writer, res *Results) error {
	bw := bufio.NewWriter(w)
	m := res.Machine
	fmt.Fprintf(bw, "Measured %s on %d CPUs (%s), %.1f GiB, %s, %s.\n\n", m.Date, m.CPUs, m.CPUModel, m.MemoryGiB, m.GoVersion, m.Kernel)
	fmt.Fprintf(bw, "Tree: %s. Command: `%s`", m.Commit, m.Command)
	if res.Gazetteer != "" {
		fmt.Fprintf(bw, " (gazetteer %s)", res.Gazetteer)
	}
	fmt.Fprint(bw, "\n\n")
	fmt.Fprint(bw, "| figure | target |")
	for _, s := range res.Sizes {
		fmt.Fprintf(bw, " %s docs |", num(float64(s.Docs), 0))
	}
	fmt.Fprint(bw, "\n|---|---|")
	for range res.Sizes {
		fmt.Fprint(bw, "---:|")
	}
	fmt.Fprintln(bw)
	for _, r := range tableRows() {
		fmt.Fprintf(bw, "| %s | %s |", r.label, r.target)
		for i := range res.Sizes {
			fmt.Fprintf(bw, " %s |", r.cell(&res.Sizes[i]))
		}
		fmt.Fprintln(bw)
	}
	if res.SearchRawRatio > 0 {
		fmt.Fprintf(bw, "\nsearch.Index.Index ÷ raw batched Bleve (same mapping, search's BenchmarkIngest, this run): %.2f wall, %.2f CPU.\n", res.SearchRawRatio, res.SearchRawCPURatio)
	} else if res.SearchRawNote != "" {
		fmt.Fprintf(bw, "\nsearch.Index.Index ÷ raw batched Bleve: %s\n", res.SearchRawNote)
	}
	for _, s := range res.Sizes {
		fmt.Fprintf(bw, "\n%d docs measured %s (tree %s) by `%s`, load at each phase: %s.", s.Docs, s.Date, s.Commit, s.Command, formatLoads(s.Load))
		for _, c := range s.Carried {
			fmt.Fprintf(bw, " Carried over: %s.", c)
		}
		for _, e := range s.Errors {
			fmt.Fprintf(bw, "\n%d docs: %s", s.Docs, e)
		}
		if s.Extract != nil && s.Extract.RgNote != "" {
			fmt.Fprintf(bw, "\n%d docs, ripgrep: %s", s.Docs, s.Extract.RgNote)
		}
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

// formatLoads lists the load averages by phase in the order phases run.
func formatLoads(load map[string]string) string {
	var parts []string
	for _, p := range []string{"gen", "extract", "graph", "ingest", "query", "edges"} {
		if l := load[p]; l != "" {
			parts = append(parts, p+" "+l)
		}
	}
	if len(parts) == 0 {
		return dash
	}
	return strings.Join(parts, "; ")
}

// describeMachine reads the machine's CPUs, memory, kernel and tools.
func describeMachine(command string, start time.Time) Machine {
	m := Machine{CPUs: runtime.NumCPU(), GoVersion: runtime.Version(), Date: start.UTC().Format(time.RFC3339), Command: command}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if kb := procField("/proc/meminfo", "MemTotal"); kb > 0 {
		m.MemoryGiB = math.Round(float64(kb)/(1<<20)*10) / 10
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = "Linux " + strings.TrimSpace(string(b))
	}
	if out, err := exec.Command("git", "describe", "--always", "--dirty").Output(); err == nil {
		m.Commit = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("rg", "--version").Output(); err == nil {
		m.Ripgrep, _, _ = strings.Cut(string(out), "\n")
	}
	return m
}

// procField reads a "Name:   123 kB" field of a /proc file, in kB; 0 when
// absent.
func procField(path, name string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k != name {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			return 0
		}
		n, _ := strconv.ParseInt(f[0], 10, 64)
		return n
	}
	return 0
}

// peakRSS is this process's peak resident set size so far, in bytes
// (VmHWM).
func peakRSS() int64 {
	return procField("/proc/self/status", "VmHWM") * 1024
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/extract/corpusgen"
)

// benchFiller pads generated texts to about the size of a real plan's
// first pages.
var benchFiller = strings.Repeat("Các cơ quan, ban, ngành và đoàn thể huyện tổ chức quán triệt, triển khai thực hiện nghiêm túc, hiệu quả. ", 12)

// benchDocs generates n district plans from offset on: each cites a dated
// central resolution, its province's plan and a Prime Minister's directive,
// with about 1.7 KB of text.
func benchDocs(offset, n int) []Input {
	rng := rand.New(rand.NewPCG(uint64(offset), 9))
	out := make([]Input, n)
	for k := range n {
		i := offset + k
		p := provinces2024[i%len(provinces2024)]
		day := time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(2500))
		central := 1 + rng.IntN(200)
		text := fmt.Sprintf("HUYỆN ỦY AN %d. Số %d-KH/HU. Thực hiện Nghị quyết số %d-NQ/TW ngày 03/6/2016 của Ban Chấp hành Trung ương; Kế hoạch số %d-KH/TU ngày 10/7/2016 của Ban Thường vụ Tỉnh ủy; Chỉ thị số 16/CT-TTg ngày 05/5/2017 của Thủ tướng Chính phủ. %s",
			i%50, i, central, 1+i%40, benchFiller)
		ext := vncite.Extraction{Text: text,
			Document: vncite.Document{Number: fmt.Sprintf("%d-KH/HU", i), Type: "KH", Issuer: "HU", Body: "Ban Thường vụ Huyện ủy", Place: fmt.Sprintf("huyện An %d, %s", i%50, p.name), Date: day.Format("2006-01-02")},
			References: []vncite.Reference{
				ref(text, fmt.Sprintf("%d-NQ/TW", central), fmt.Sprintf("%d-NQ/TW", central), vncite.Implements, "2016-06-03", "Ban Chấp hành Trung ương", ""),
				ref(text, fmt.Sprintf("%d-KH/TU", 1+i%40), fmt.Sprintf("%d-KH/TU", 1+i%40), vncite.Implements, "2016-07-10", "Ban Thường vụ Tỉnh ủy", ""),
				ref(text, "16/CT-TTg", "16/CT-TTg", vncite.BasedOn, "2017-05-05", "Thủ tướng Chính phủ", ""),
			}}
		out[k] = Input{Source: fmt.Sprintf("bench/%d.txt", i), Extraction: &ext}
	}
	return out
}

// BenchmarkIngest measures the write path (identity, stubs, sightings,
// edges; extraction done beforehand; no search index) in documents per
// second, 20,000 documents a round into a growing store.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	s := openTest(b, b.TempDir(), Options{})
	const per = 20000
	offset, docs := 0, 0
	var elapsed, gen time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		b.StopTimer()
		in, g := benchDocsTimed(offset, per)
		gen += g
		offset += per
		b.StartTimer()
		start := time.Now()
		sum, err := s.Ingest(ctx, inputsOf(in...), IngestOptions{BatchSize: 512})
		elapsed += time.Since(start)
		if err != nil || sum.Documents != per {
			b.Fatalf("%+v %v", sum, err)
		}
		docs += per
	}
	b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
	// CPU time per document (all goroutines, Badger's included, less the
	// generation of the inputs): a figure that a loaded
	// machine distorts less than docs/s.
	b.ReportMetric(float64((cpuTime()-cpu0-gen).Microseconds())/float64(docs), "cpu-µs/doc")
}

// BenchmarkIngestCorpus measures the write path on a generated national
// corpus (corpusgen, seed 1, with the gazetteer when present; extracted
// beforehand, no search index), whose local numbers repeat across
// provinces and years as real ones do. VNCITE_BENCH_DOCS sets its size
// (default 10,000). Besides docs/s and CPU µs per document over the whole
// ingest it reports the CPU µs per document of the first and the last
// tenth of the corpus. Documents differ along the corpus, so the growth
// with the store is the last tenth's cost against the same documents'
// cost in an empty store: VNCITE_BENCH_FROM=k ingests only the documents
// from the k-th on (VNCITE_BENCH_FROM=90000 with VNCITE_BENCH_DOCS=100000
// is the last tenth alone). VNCITE_BENCH_LASTPROF=FILE writes a CPU profile
// of the last tenth alone (run without -cpuprofile).
func BenchmarkIngestCorpus(b *testing.B) {
	n := 10000
	if v := os.Getenv("VNCITE_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("VNCITE_BENCH_DOCS=%q: want a positive number", v)
		}
	}
	cfg := corpusgen.Config{Docs: n, Seed: 1, Rates: corpusgen.DefaultRates()}
	opts := Options{}
	if gz, err := LoadGazetteer(gazetteerDirOrEmpty()); err == nil {
		opts.Gazetteer = gz
		if cfg.Communes, err = corpusgen.LoadCommunes(os.DirFS(gazetteerDirOrEmpty())); err != nil {
			b.Fatal(err)
		}
	}
	docs, err := corpusgen.GenerateAll(cfg)
	if err != nil {
		b.Fatal(err)
	}
	var in []Input
	for _, d := range docs {
		if d.Truth.File == "" {
			continue // withheld: known only from what cites it
		}
		ext, err := extract.Extract(d.Text)
		if err != nil {
			b.Fatal(err)
		}
		in = append(in, Input{Source: d.Truth.File, Extraction: &ext})
	}
	docs = nil
	if v := os.Getenv("VNCITE_BENCH_FROM"); v != "" {
		k, err := strconv.Atoi(v)
		if err != nil || k < 0 || k >= len(in) {
			b.Fatalf("VNCITE_BENCH_FROM=%q: want a number below %d", v, len(in))
		}
		in = in[k:]
	}
	ctx := context.Background()
	var elapsed, cpu, first, last time.Duration
	var firstDocs, lastDocs int
	tenth := len(in) / 10
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, b.TempDir(), opts)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		mark, marked := cpu0, 0
		lastProf := os.Getenv("VNCITE_BENCH_LASTPROF")
		var profOut *os.File
		first = 0
		progress := func(sum Summary) {
			switch {
			case first == 0 && sum.Inputs >= tenth:
				first, firstDocs = cpuTime()-cpu0, sum.Inputs
			case sum.Inputs <= len(in)-tenth:
				mark, marked = cpuTime(), sum.Inputs
			case lastProf != "" && profOut == nil:
				if profOut, err = os.Create(lastProf); err != nil {
					b.Fatal(err)
				}
				if err := pprof.StartCPUProfile(profOut); err != nil {
					b.Fatal(err)
				}
			}
		}
		sum, err := s.Ingest(ctx, inputsOf(in...), IngestOptions{Progress: progress})
		elapsed += time.Since(start)
		cpu += cpuTime() - cpu0
		last, lastDocs = cpuTime()-mark, len(in)-marked
		if profOut != nil {
			pprof.StopCPUProfile()
			profOut.Close()
		}
		b.StopTimer()
		if err != nil || len(sum.Skipped) > 0 {
			b.Fatalf("%+v %v", sum, err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.N*len(in))/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(in)), "cpu-µs/doc")
	b.ReportMetric(float64(first.Microseconds())/float64(max(firstDocs, 1)), "first10%-cpu-µs/doc")
	b.ReportMetric(float64(last.Microseconds())/float64(max(lastDocs, 1)), "last10%-cpu-µs/doc")
}

// benchDocsTimed is benchDocs and the CPU time of its thread (Badger's
// compactions may run meanwhile on others).
func benchDocsTimed(offset, n int) ([]Input, time.Duration) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0 := threadCPU()
	in := benchDocs(offset, n)
	return in, threadCPU() - t0
}

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // RUSAGE_THREAD
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// buildBenchGraph writes a generated cascade straight to Badger: roots
// central resolutions, each implemented by fan[0] province plans, each by
// fan[1] district plans, each by fan[2] commune documents. It returns the
// root ids and the number of edges.
func buildBenchGraph(b *testing.B, s *Store, roots int, fan [3]int) ([]string, int) {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	rng := rand.New(rand.NewPCG(5, 6))
	edges := 0
	putDoc := func(d *vncite.Document) {
		v, err := encodeDoc(d)
		if err != nil {
			b.Fatal(err)
		}
		if err := wb.Set(key(pDoc, d.ID), v); err != nil {
			b.Fatal(err)
		}
		if err := wb.Set(key(pNumber, d.Number, d.ID), nil); err != nil {
			b.Fatal(err)
		}
	}
	putEdge := func(from, to string, rel vncite.Relation) {
		ev := vncite.Evidence{Doc: from, Start: 120, End: 130, Sentence: "Thực hiện Kế hoạch số 15-KH/TU của Ban Thường vụ Tỉnh ủy."}
		v := encodeEvidence(ev)
		r := edgeRef{From: from, To: to, Rel: rel, Doc: from, Start: 120}
		for _, k := range [][]byte{r.fwd(), r.rev()} {
			if err := wb.Set(k, v); err != nil {
				b.Fatal(err)
			}
		}
		edges++
	}
	base := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	var rootIDs []string
	n := 0
	newDoc := func(number string, level vncite.Level, prov string, date time.Time) *vncite.Document {
		n++
		d := &vncite.Document{ID: fmt.Sprintf("%s@b%d", slug(number), n), Number: number, Type: "KH", Level: level, Province: prov,
			Title: "Kế hoạch triển khai thực hiện nghị quyết về công tác dân vận", Date: date.Format("2006-01-02")}
		putDoc(d)
		return d
	}
	for r := range roots {
		rd := base.AddDate(0, 0, rng.IntN(4000))
		root := newDoc(fmt.Sprintf("%d-NQ/TW", r+1), vncite.LevelCentral, "", rd)
		root.Type = "NQ"
		rootIDs = append(rootIDs, root.ID)
		for p := range fan[0] {
			prov := provinces2024[(r+p)%len(provinces2024)]
			pd := rd.AddDate(0, 0, 10+rng.IntN(90))
			pdoc := newDoc(fmt.Sprintf("%d-KH/TU", r*fan[0]+p), vncite.LevelProvince, prov.name, pd)
			putEdge(pdoc.ID, root.ID, vncite.Implements)
			for range fan[1] {
				dd := pd.AddDate(0, 0, 5+rng.IntN(60))
				ddoc := newDoc(fmt.Sprintf("%d-KH/HU", n), vncite.LevelDistrict, prov.name, dd)
				putEdge(ddoc.ID, pdoc.ID, vncite.Implements)
				for c := range fan[2] {
					cd := dd.AddDate(0, 0, 3+rng.IntN(40))
					cdoc := newDoc(fmt.Sprintf("%d-KH/ĐU", n+c), vncite.LevelCommune, prov.name, cd)
					putEdge(cdoc.ID, ddoc.ID, vncite.Implements)
				}
			}
		}
	}
	if err := wb.Flush(); err != nil {
		b.Fatal(err)
	}
	return rootIDs, edges
}

// BenchmarkLineageDepth3 measures lineage down to depth 3 from central
// resolutions on a generated graph of over a million edges (2,000
// resolutions × 20 provinces × 5 districts × 5 communes: 620 documents per
// lineage). It reports p50 and p99 latency.
func BenchmarkLineageDepth3(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	roots, edges := buildBenchGraph(b, s, 2000, [3]int{20, 5, 5})
	// Reopen as a query process would (the memtables are flushed), and
	// compact, as a store settles after a bulk load.
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	s = openTest(b, dir, Options{})
	if err := s.db.Flatten(2); err != nil {
		b.Fatal(err)
	}
	b.Logf("bench graph: %d edges, %d roots, built in %s", edges, len(roots), time.Since(start).Round(time.Millisecond))
	if edges < 1_000_000 {
		b.Fatalf("bench graph has %d edges, want ≥ 1M", edges)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var lat []time.Duration
	nodes := 0
	b.ResetTimer()
	for b.Loop() {
		id := roots[rng.IntN(len(roots))]
		t0 := time.Now()
		g, err := s.Lineage(ctx, id, Down, 3)
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		nodes = len(g.Nodes)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(nodes), "nodes")
}

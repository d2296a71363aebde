package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/extract/corpusgen"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// numberPattern is the straightforward regexp extractor's pattern, the one
// extract's BenchmarkRegexpNumbers uses (extract/extract_test.go), written
// with ASCII classes spelled out so that Go and ripgrep read it alike:
// Party numbers "25-NQ/TW" (with the spaces and en dash of odd spellings)
// and state numbers "16/CT-TTg", "30/2020/NĐ-CP", "03/2015/TTLT/BTNMT-BNV".
const numberPattern = `\b[0-9]{1,5}[a-z]?[\t\n\f\r ]?[-–][\t\n\f\r ]?(?:NQ|KL|CT|QĐ|QĐi|QC|HD|KH|CTr|TB|BC|TTr|ĐA|CV|BB)[\t\n\f\r ]?/[\t\n\f\r ]?[A-ZĐ]{1,10}\b|\b[0-9]{1,5}[a-z]?/(?:[0-9]{4}/)?(?:[A-ZĐ][A-Za-zĐ]{0,6}[-/])?[A-ZĐ][A-Za-zĐ]{0,9}(?:-[A-ZĐ][A-Za-zĐ]{0,9})*[0-9]{0,2}\b`

// rgPattern is numberPattern for ripgrep, whose \b is Unicode-aware by
// default: (?-u:\b) is Go's ASCII word boundary.
var rgPattern = strings.ReplaceAll(numberPattern, `\b`, `(?-u:\b)`)

// cpuTime is the CPU time this process has used (all threads).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// repeat runs f until at least minSeconds of wall time have passed (at
// least once) and returns the passes, the wall time and the CPU time.
func repeat(minSeconds float64, f func() error) (int, time.Duration, time.Duration, error) {
	passes := 0
	c0, t0 := cpuTime(), time.Now()
	for passes == 0 || time.Since(t0).Seconds() < minSeconds {
		if err := f(); err != nil {
			return passes, 0, 0, err
		}
		passes++
	}
	return passes, time.Since(t0), cpuTime() - c0, nil
}

// mbps is bytes × passes per second, in MB (10^6 bytes).
func mbps(bytes int64, passes int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(bytes) * float64(passes) / 1e6 / d.Seconds()
}

// extractPhase measures the extractor, the regexp extractor and ripgrep on
// one core over the same bytes.
func extractPhase(ctx context.Context, cfg config) (*ExtractResult, error) {
	runtime.GOMAXPROCS(1)
	files, _, err := corpusFiles(cfg.Corpus)
	if err != nil {
		return nil, err
	}
	limit := int64(cfg.ExtractMB) << 20
	var docs [][]byte
	var names []string
	var total int64
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if total+int64(len(b)) > limit && len(docs) > 0 {
			break
		}
		docs = append(docs, b)
		names = append(names, f)
		total += int64(len(b))
	}
	res := &ExtractResult{Bytes: total, Docs: len(docs)}

	// Warm up the code and the allocator on a few documents.
	for _, d := range docs[:min(len(docs), 200)] {
		if _, err := extract.Extract(d); err != nil {
			return nil, err
		}
	}
	passes, wall, cpu, err := repeat(cfg.MinSeconds, func() error {
		res.Refs = 0
		for _, d := range docs {
			x, err := extract.Extract(d)
			if err != nil {
				return err
			}
			res.Refs += len(x.References)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	res.Passes, res.MBps, res.MBpsCPU = passes, mbps(total, passes, wall), mbps(total, passes, cpu)

	re := regexp.MustCompile(numberPattern)
	passes, wall, cpu, err = repeat(cfg.MinSeconds, func() error {
		res.RegexpHits = 0
		for _, d := range docs {
			res.RegexpHits += len(re.FindAllIndex(d, -1))
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	res.RegexpMBps, res.RegexpCPU = mbps(total, passes, wall), mbps(total, passes, cpu)

	if err := ripgrep(ctx, cfg, docs, total, res); err != nil {
		res.RgNote = err.Error()
	}

	// Quality, untimed: the references against the truth.
	truth, err := readTruth(cfg.Corpus)
	if err != nil {
		return nil, err
	}
	ev := corpusgen.NewEvaluator(truth)
	for i, d := range docs {
		x, err := extract.Extract(d)
		if err != nil {
			return nil, err
		}
		x.File, x.Text = names[i], ""
		if err := ev.AddExtraction(x); err != nil {
			return nil, err
		}
	}
	rep := ev.Report()
	res.RefRecall, res.RefPrecision = rep.Refs.Recall(), rep.Refs.Precision()
	res.PeakRSS = peakRSS()
	return res, nil
}

// ripgrep counts the pattern's matches with rg on the documents written
// into one file, on one thread, the median of three runs. -U (multiline)
// lets a match cross a line end, as the Go regexp's does ("25-NQ/\nTW"):
// with it rg finds exactly the regexp's matches.
func ripgrep(ctx context.Context, cfg config, docs [][]byte, total int64, res *ExtractResult) error {
	if cfg.Rg == "" {
		return errors.New("rg not installed: skipped")
	}
	path := filepath.Join(cfg.Work, "corpus.txt")
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for _, d := range docs {
		w.Write(d)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	defer os.Remove(path)
	var walls, cpus []time.Duration
	for range 3 {
		cmd := exec.CommandContext(ctx, cfg.Rg, "-U", "-j1", "--no-config", "--count-matches", "--no-filename", "-e", rgPattern, path)
		t0 := time.Now()
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("rg: %w", err)
		}
		walls = append(walls, time.Since(t0))
		cpus = append(cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		res.RgHits, err = strconv.Atoi(strings.TrimSpace(string(out)))
		if err != nil {
			return fmt.Errorf("rg output %q: %w", out, err)
		}
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	res.RgMBps, res.RgCPUMBps = mbps(total, 1, walls[1]), mbps(total, 1, cpus[1])
	return nil
}

// graphOptions loads the gazetteer the run uses, as `vncite ingest
// --gazetteer` does.
func graphOptions(cfg config) (graph.Options, error) {
	var opts graph.Options
	if cfg.Gazetteer != "" {
		gz, err := graph.LoadGazetteer(cfg.Gazetteer)
		if err != nil {
			return opts, fmt.Errorf("gazetteer: %w", err)
		}
		opts.Gazetteer = gz
	}
	return opts, nil
}

// captureIndexer keeps what the store hands to its Indexer.
type captureIndexer struct{ docs []vncite.Document }

func (c *captureIndexer) Index(_ context.Context, docs []vncite.Document) error {
	c.docs = append(c.docs, docs...)
	return nil
}

func (c *captureIndexer) Delete(context.Context, []string) error { return nil }

func (c *captureIndexer) Hashes(context.Context) (map[string]string, error) {
	return map[string]string{}, nil
}

// graphPhase measures the graph write path alone, then Bleve alone on the
// documents that store holds.
func graphPhase(ctx context.Context, cfg config) (*GraphResult, error) {
	files, _, err := corpusFiles(cfg.Corpus)
	if err != nil {
		return nil, err
	}
	texts := make([][]byte, len(files))
	for i, f := range files {
		if texts[i], err = os.ReadFile(f); err != nil {
			return nil, err
		}
	}
	res := &GraphResult{}
	exs := make([]vncite.Extraction, len(texts))
	errs := make([]error, len(texts))
	t0 := time.Now()
	for i, t := range texts {
		exs[i], errs[i] = extract.Extract(t)
	}
	res.ExtractDocsPerSec = float64(len(texts)) / time.Since(t0).Seconds()
	texts = nil

	dir := filepath.Join(cfg.Work, "graph-only")
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	gopts, err := graphOptions(cfg)
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, dir, gopts)
	if err != nil {
		return nil, err
	}
	inputs := func(yield func(graph.Input) bool) {
		for i := range exs {
			in := graph.Input{Source: files[i], Extraction: &exs[i], Err: errs[i]}
			if errs[i] != nil {
				in.Extraction = nil
			}
			if !yield(in) {
				return
			}
		}
	}
	c0, t0 := cpuTime(), time.Now()
	next := len(exs) / 10
	progress := func(s graph.Summary) {
		if s.Inputs >= next {
			fmt.Fprintf(os.Stderr, "graph-only: %d of %d docs, %.0f docs/s\n", s.Inputs, len(exs), s.DocsPerSecond())
			next += len(exs) / 10
		}
	}
	sum, err := st.Ingest(ctx, inputs, graph.IngestOptions{BatchSize: cfg.Batch, Progress: progress})
	wall, cpu := time.Since(t0), cpuTime()-c0
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("graph-only ingest: %w", err)
	}
	res.GraphDocsPerSec = float64(sum.Inputs) / wall.Seconds()
	res.GraphCPUPerDoc = float64(cpu.Microseconds()) / float64(max(sum.Inputs, 1))
	res.GraphPeakRSS = peakRSS()
	res.GraphBytes = dirBytes(dir)
	fmt.Fprintf(os.Stderr, "graph-only: %d docs in %s (%.0f docs/s, %.0f CPU µs/doc), %d edges, %d stubs\n",
		sum.Inputs, wall.Round(time.Millisecond), res.GraphDocsPerSec, res.GraphCPUPerDoc, sum.Edges, sum.Stubs)
	exs = nil

	// The documents as the store gives them to an Indexer: every document
	// and stub once, in its final state.
	capture := &captureIndexer{}
	gopts.Indexer = capture
	st, err = graph.Open(ctx, dir, gopts)
	if err != nil {
		return nil, err
	}
	_, err = st.Reindex(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("capture documents: %w", err)
	}
	docs := capture.docs
	capture.docs = nil
	runtime.GC()

	bdir := filepath.Join(cfg.Work, "bleve-alone")
	if err := os.RemoveAll(bdir); err != nil {
		return nil, err
	}
	defer os.RemoveAll(bdir)
	c0, t0 = cpuTime(), time.Now()
	ix, err := search.Open(ctx, bdir, search.Options{BatchSize: cfg.Batch})
	if err != nil {
		return nil, err
	}
	for i := 0; i < len(docs) && err == nil; i += cfg.Batch {
		err = ix.Index(ctx, docs[i:min(i+cfg.Batch, len(docs))])
	}
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("bleve alone: %w", err)
	}
	wall, cpu = time.Since(t0), cpuTime()-c0
	res.BleveDocs = len(docs)
	res.BleveSeconds, res.BleveCPUSeconds = wall.Seconds(), cpu.Seconds()
	res.BleveDocsPerSec = float64(sum.Inputs) / wall.Seconds()
	res.BleveBytes = dirBytes(bdir)
	fmt.Fprintf(os.Stderr, "bleve alone: %d index entries for %d inputs in %s (%.0f inputs/s)\n", len(docs), sum.Inputs, wall.Round(time.Millisecond), res.BleveDocsPerSec)
	return res, nil
}

// fold removes diacritics and turns "đ" into "d", as a user typing
// without them would write.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// spellings returns ways a user types a canonical number: "25-NQ/TW",
// "nq 25/tw", "25 NQ TW", "Nghị quyết số 25-NQ/TW", "nghi quyet so
// 25-nq/tw", with an en dash; "16/CT-TTg", "16/ct-ttg", "Chỉ thị 16/CT-TTg".
func spellings(number, typeName string) []string {
	out := []string{number, strings.ToLower(number), strings.Replace(number, "-", "–", 1)}
	if typeName != "" {
		out = append(out, typeName+" số "+number, fold(strings.ToLower(typeName+" so "+number)))
	}
	// Party form SEQ-TYPE/ISSUER.
	if seq, rest, ok := strings.Cut(number, "-"); ok && !strings.Contains(seq, "/") {
		if typ, iss, ok := strings.Cut(rest, "/"); ok {
			out = append(out, strings.ToLower(typ)+" "+seq+"/"+strings.ToLower(iss), seq+" "+typ+" "+iss)
		}
	}
	return out
}

// titleWords are the words of a title a user might search for: letters
// only, no numbers.
func titleWords(title string) []string {
	var out []string
	for _, w := range strings.Fields(title) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// queryPhase measures lineage and search latency on the ingested store.
func queryPhase(ctx context.Context, cfg config) (*QueryResult, error) {
	truth, err := readTruth(cfg.Corpus)
	if err != nil {
		return nil, err
	}
	gopts, err := graphOptions(cfg)
	if err != nil {
		return nil, err
	}
	gopts.ReadOnly = true
	st, err := graph.Open(ctx, filepath.Join(cfg.Data, "badger"), gopts)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ix, err := search.Open(ctx, filepath.Join(cfg.Data, "bleve"), search.Options{})
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	rng := rand.New(rand.NewPCG(cfg.Seed, 99))
	res := &QueryResult{}

	roots, err := centralRoots(ctx, st, truth, rng, 200)
	if err != nil {
		return nil, err
	}
	res.LineageRoots = len(roots)
	if len(roots) > 0 {
		lineage := func(id string) (int, error) {
			g, err := st.Lineage(ctx, id, graph.Down, 3)
			return len(g.Nodes), err
		}
		for _, id := range roots[:min(20, len(roots))] { // warm-up
			if _, err := lineage(id); err != nil {
				return nil, err
			}
		}
		var lat []time.Duration
		var sizes []int
		for range cfg.Queries {
			id := roots[rng.IntN(len(roots))]
			t0 := time.Now()
			n, err := lineage(id)
			lat = append(lat, time.Since(t0))
			if err != nil {
				return nil, fmt.Errorf("lineage %s: %w", id, err)
			}
			sizes = append(sizes, n)
		}
		res.Lineage = latencyOf(lat, sizes)
	}

	var numbered, titled []*corpusgen.DocTruth
	for i := range truth {
		if truth[i].Number != "" {
			numbered = append(numbered, &truth[i])
		}
		if len(titleWords(truth[i].Title)) > 0 {
			titled = append(titled, &truth[i])
		}
	}
	var slowest time.Duration
	timed := func(q string) (search.Result, time.Duration, error) {
		t0 := time.Now()
		r, err := ix.Search(ctx, search.Request{Query: q, Limit: 20})
		d := time.Since(t0)
		if d > slowest {
			slowest = d
			res.SlowestSearch = fmt.Sprintf("%q: %d hits in %s", q, r.Total, d.Round(time.Microsecond))
		}
		return r, d, err
	}
	measure := func(queries []string, check func(i int, r search.Result)) (Latency, error) {
		for _, q := range queries[:min(20, len(queries))] { // warm-up
			if _, _, err := timed(q); err != nil {
				return Latency{}, fmt.Errorf("search %q: %w", q, err)
			}
		}
		var lat []time.Duration
		var sizes []int
		for i, q := range queries {
			r, d, err := timed(q)
			if err != nil {
				return Latency{}, fmt.Errorf("search %q: %w", q, err)
			}
			lat = append(lat, d)
			sizes = append(sizes, int(r.Total))
			if check != nil {
				check(i, r)
			}
		}
		return latencyOf(lat, sizes), nil
	}
	if len(numbered) > 0 {
		queries := make([]string, cfg.Queries)
		want := make([]string, cfg.Queries)
		for i := range queries {
			d := numbered[rng.IntN(len(numbered))]
			sp := spellings(d.Number, d.TypeName)
			queries[i], want[i] = sp[rng.IntN(len(sp))], d.Number
		}
		found := 0
		res.SearchNumber, err = measure(queries, func(i int, r search.Result) {
			if slices.ContainsFunc(r.Hits, func(h search.Hit) bool { return h.Number == want[i] }) {
				found++
			}
		})
		if err != nil {
			return nil, err
		}
		res.NumberFound = float64(found) / float64(len(queries))
	}
	if len(titled) > 0 {
		words := make([]string, cfg.Queries)
		for i := range words {
			ws := titleWords(titled[rng.IntN(len(titled))].Title)
			k := min(1+rng.IntN(3), len(ws))
			at := rng.IntN(len(ws) - k + 1)
			words[i] = strings.ToLower(strings.Join(ws[at:at+k], " "))
		}
		if res.SearchWords, err = measure(words, nil); err != nil {
			return nil, err
		}
		folded := make([]string, len(words))
		for i, w := range words {
			folded[i] = fold(w)
		}
		if res.SearchFolded, err = measure(folded, nil); err != nil {
			return nil, err
		}
	}
	res.PeakRSS = peakRSS()
	return res, nil
}

// centralRoots picks up to n central documents that others implement, in
// random order, as the store identifies them.
func centralRoots(ctx context.Context, st *graph.Store, truth []corpusgen.DocTruth, rng *rand.Rand, n int) ([]string, error) {
	implemented := map[string]bool{}
	for _, d := range truth {
		if d.Source != "" {
			implemented[d.Source] = true
		}
	}
	var central []*corpusgen.DocTruth
	for i := range truth {
		d := &truth[i]
		if d.Level == vncite.LevelCentral && d.Number != "" && implemented[d.ID] {
			central = append(central, d)
		}
	}
	rng.Shuffle(len(central), func(i, j int) { central[i], central[j] = central[j], central[i] })
	var roots []string
	seen := map[string]bool{}
	for _, d := range central {
		if len(roots) == n {
			break
		}
		docs, err := st.Resolve(ctx, d.Number)
		if errors.Is(err, graph.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, doc := range docs {
			if doc.Level != vncite.LevelCentral || seen[doc.ID] {
				continue
			}
			if doc.Key != nil && doc.Key.Term != d.Term && doc.Key.Year != d.Year {
				continue
			}
			seen[doc.ID] = true
			roots = append(roots, doc.ID)
			break
		}
	}
	sort.Strings(roots) // the rng picks from a stable order
	return roots, nil
}

// dirBytes is the disk space the files under dir take (allocated blocks:
// Badger's value log is sparse).
func dirBytes(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			n += st.Blocks * 512
		} else {
			n += info.Size()
		}
		return nil
	})
	return n
}

// startProfile starts a CPU profile into path.
func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

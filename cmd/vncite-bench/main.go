// Command vncite-bench measures vncite at several corpus sizes, each figure
// beside its baseline measured in the same run, and writes a Markdown table
// (stdout and OUT/results.md) and OUT/results.json.
//
// For each size it generates a seeded corpus with `vncite gen`
// (extract/corpusgen), then measures in separate processes, so that each
// phase has its own peak memory:
//
//   - extract: MB/s on one core (GOMAXPROCS 1) over the corpus, against a
//     straightforward Go regexp extractor of the same numbers and against
//     ripgrep with the same pattern on the corpus concatenated into one file;
//     reference recall and precision against the truth;
//   - graph: the graph write path alone (documents extracted beforehand, no
//     search index), then Bleve alone: every final document and stub of that
//     store indexed by search.Index in batches, into an empty index;
//   - ingest: `vncite ingest` end to end (read, extract, Badger, Bleve), its
//     peak memory and the bytes on disk per document;
//   - query: lineage depth 3 down from random central documents, and search
//     latency for numbers in random spellings and for words with and
//     without diacritics;
//   - edges: the store's edges (`vncite dump`) scored against the
//     generator's truth with corpusgen's evaluator.
//
// Usage:
//
//	go run ./cmd/vncite-bench --sizes 10000,100000 --out bench-out
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vncite/vncite/extract/corpusgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "vncite-bench:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(1)
	}
}

// phaseArg as the first argument runs one phase in this process: the
// parent starts itself so that each phase has its own peak memory.
const phaseArg = "-phase"

// config is what the parent tells a phase.
type config struct {
	Docs       int     `json:"docs"`
	Seed       uint64  `json:"seed"`
	Corpus     string  `json:"corpus"` // the generated corpus directory
	Work       string  `json:"work"`   // the size's working directory
	Data       string  `json:"data"`   // the data directory `vncite ingest` filled
	Batch      int     `json:"batch"`
	ExtractMB  int     `json:"extract_mb"`
	MinSeconds float64 `json:"min_seconds"`
	Queries    int     `json:"queries"`
	Profile    bool    `json:"profile"`
	Rg         string  `json:"rg"`
	Gazetteer  string  `json:"gazetteer"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == phaseArg {
		return runPhase(ctx, args[1:], stdout)
	}
	fs := flag.NewFlagSet("vncite-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "10000,100000", "corpus sizes in documents, comma-separated")
	out := fs.String("out", "bench-out", "output directory: corpora, stores, results.md, results.json")
	seed := fs.Uint64("seed", 1, "corpus seed (the same seed and size give the same corpus)")
	batch := fs.Int("batch", 256, "documents per ingest transaction and per index batch (vncite ingest's default)")
	extractMB := fs.Int("extract-mb", 256, "at most this many MB of the corpus for the extract phase")
	minSeconds := fs.Float64("min-seconds", 3, "repeat each extract measurement for at least this long")
	queries := fs.Int("queries", 500, "timed queries per kind (lineage, number, words, folded words)")
	vnciteBin := fs.String("vncite", "", "vncite binary to use (default: go build ./cmd/vncite into OUT/bin)")
	skip := fs.String("skip", "", "phases to skip, comma-separated: extract, graph, ingest, query, edges, search-raw")
	gazetteer := fs.String("gazetteer", defaultGazetteer(), "gazetteer directory for ingest (env VNCITE_GAZETTEER; default ../shared/gazetteer when present; \"\" for none)")
	profile := fs.Bool("cpuprofile", false, "write a CPU profile of each phase to OUT/SIZE/PHASE.cpu.prof")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: vncite-bench [--sizes 10000,100000] [--out DIR] [flags]\n\nMeasures extract, ingest, lineage, search and edge accuracy at each size,\neach beside its baseline, and writes DIR/results.md and DIR/results.json.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	ns, err := parseSizes(*sizes)
	if err != nil {
		return err
	}
	skipped := map[string]bool{}
	for s := range strings.SplitSeq(*skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			skipped[s] = true
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()
	outDir, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", outDir, err)
	}
	bin := *vnciteBin
	if bin == "" {
		bin = filepath.Join(outDir, "bin", "vncite")
		log.Info("building vncite", "to", bin)
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/vncite")
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build ./cmd/vncite (run from the repository root): %w", err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	rg, _ := exec.LookPath("rg")
	gz := *gazetteer
	if gz != "" {
		if gz, err = filepath.Abs(gz); err != nil {
			return err
		}
	}
	command := "vncite-bench " + strings.Join(args, " ")
	res := &Results{Machine: describeMachine(command, start)}
	res.Gazetteer = gz
	save := func() error { return saveResults(outDir, res) }
	// A new run keeps the other sizes of OUT/results.json, and, at the sizes
	// it measures, the figures of the phases it skips.
	prev, err := loadResults(outDir)
	if err != nil {
		return err
	}
	if prev != nil {
		res.Sizes = prev.Sizes
		if skipped["search-raw"] {
			res.SearchRawRatio, res.SearchRawCPURatio, res.SearchRawNote = prev.SearchRawRatio, prev.SearchRawCPURatio, prev.SearchRawNote
		}
	}

	if !skipped["search-raw"] {
		log.Info("search: raw Bleve baseline (go test ./search -bench BenchmarkIngest)")
		res.SearchRawRatio, res.SearchRawCPURatio, res.SearchRawNote = searchRawRatio(ctx)
	}
	for _, n := range ns {
		work := filepath.Join(outDir, strconv.Itoa(n))
		cfg := config{Docs: n, Seed: *seed, Corpus: filepath.Join(work, "corpus"), Work: work, Data: filepath.Join(work, "data"),
			Batch: *batch, ExtractMB: *extractMB, MinSeconds: *minSeconds, Queries: *queries, Profile: *profile, Rg: rg, Gazetteer: gz}
		sr := SizeResult{Docs: n, Date: time.Now().UTC().Format(time.RFC3339), Command: command, Commit: res.Machine.Commit, Load: map[string]string{}}
		if i := slices.IndexFunc(res.Sizes, func(s SizeResult) bool { return s.Docs == n }); i >= 0 {
			carryOver(&sr, &res.Sizes[i], skipped)
		}
		t0 := time.Now()
		if err := measureSize(ctx, log, self, bin, cfg, skipped, &sr); err != nil {
			sr.Errors = append(sr.Errors, err.Error())
			log.Error("size failed", "docs", n, "err", err)
		}
		sr.WallTotal = time.Since(t0).Seconds()
		res.Sizes = slices.DeleteFunc(res.Sizes, func(s SizeResult) bool { return s.Docs == n })
		res.Sizes = append(res.Sizes, sr)
		slices.SortFunc(res.Sizes, func(a, b SizeResult) int { return a.Docs - b.Docs })
		if err := save(); err != nil {
			return err
		}
		if ctx.Err() != nil {
			break
		}
	}
	if err := writeTable(stdout, res); err != nil {
		return err
	}
	return ctx.Err()
}

// carryOver copies into sr the figures of old for the phases this run
// skips, and says so.
func carryOver(sr, old *SizeResult, skipped map[string]bool) {
	carried := func(phase string) {
		if l := old.Load[phase]; l != "" {
			sr.Load[phase] = l
		}
		tree := ""
		if old.Commit != "" {
			tree = ", tree " + old.Commit
		}
		sr.Carried = append(sr.Carried, fmt.Sprintf("%s from the run of %s (load %s%s)", phase, old.Date, old.Load[phase], tree))
	}
	if skipped["extract"] && old.Extract != nil {
		sr.Extract = old.Extract
		carried("extract")
	}
	if skipped["graph"] && old.Graph != nil {
		sr.Graph = old.Graph
		carried("graph")
	}
	if skipped["ingest"] && old.Ingest != nil {
		sr.Ingest = old.Ingest
		carried("ingest")
	}
	if skipped["query"] && old.Query != nil {
		sr.Query = old.Query
		carried("query")
	}
	if skipped["edges"] && old.Edges != nil {
		sr.Edges = old.Edges
		carried("edges")
	}
	if sr.CorpusBytes == 0 {
		sr.CorpusBytes = old.CorpusBytes
	}
}

// loadResults reads OUT/results.json of an earlier run; nil when there is
// none.
func loadResults(dir string) (*Results, error) {
	b, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var res Results
	if err := json.Unmarshal(b, &res); err != nil {
		return nil, fmt.Errorf("%s: %w (remove it to start afresh)", filepath.Join(dir, "results.json"), err)
	}
	return &res, nil
}

// defaultGazetteer is $VNCITE_GAZETTEER, else ../shared/gazetteer when it
// exists (the team's copy beside the repository), else none.
func defaultGazetteer() string {
	if g := os.Getenv("VNCITE_GAZETTEER"); g != "" {
		return g
	}
	const shared = "../shared/gazetteer"
	if _, err := os.Stat(filepath.Join(shared, "provinces-2024.tsv")); err == nil {
		return shared
	}
	return ""
}

// parseSizes reads "10000,100000".
func parseSizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		f = strings.TrimSpace(strings.ReplaceAll(f, "_", ""))
		if f == "" {
			continue
		}
		mult := 1
		switch {
		case strings.HasSuffix(f, "k"):
			mult, f = 1000, strings.TrimSuffix(f, "k")
		case strings.HasSuffix(f, "M"):
			mult, f = 1000000, strings.TrimSuffix(f, "M")
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("--sizes: %q is not a positive number of documents", f)
		}
		out = append(out, n*mult)
	}
	if len(out) == 0 {
		return nil, errors.New("--sizes: no size given")
	}
	return out, nil
}

// measureSize runs every phase at one size, filling sr as it goes.
func measureSize(ctx context.Context, log *slog.Logger, self, bin string, cfg config, skipped map[string]bool, sr *SizeResult) error {
	log = log.With("docs", cfg.Docs)
	if err := os.MkdirAll(cfg.Work, 0o755); err != nil {
		return err
	}
	sr.Load["gen"] = loadAverage()
	genSecs, err := ensureCorpus(ctx, log, bin, cfg)
	if err != nil {
		return err
	}
	sr.GenSeconds = genSecs
	files, size, err := corpusFiles(cfg.Corpus)
	if err != nil {
		return err
	}
	sr.CorpusBytes = size
	log.Info("corpus", "files", len(files), "MB", size/1e6)

	var errs []error
	phase := func(name string, out any) {
		if skipped[name] || ctx.Err() != nil {
			return
		}
		sr.Load[name] = loadAverage()
		log.Info("phase", "name", name, "load", sr.Load[name])
		if err := runChild(ctx, self, name, cfg, out); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
	}
	var ex ExtractResult
	if phase("extract", &ex); ex.Bytes > 0 {
		sr.Extract = &ex
	}
	var gr GraphResult
	if phase("graph", &gr); gr.GraphDocsPerSec > 0 {
		sr.Graph = &gr
	}
	if !skipped["ingest"] && ctx.Err() == nil {
		sr.Load["ingest"] = loadAverage()
		log.Info("phase", "name", "ingest", "load", sr.Load["ingest"])
		in, err := ingest(ctx, bin, cfg)
		if err != nil {
			errs = append(errs, fmt.Errorf("ingest: %w", err))
		} else {
			sr.Ingest = in
			log.Info("ingest", "docs/s", int(in.DocsPerSec), "seconds", int(in.Seconds))
		}
	}
	if _, err := os.Stat(filepath.Join(cfg.Data, "badger")); err == nil {
		var q QueryResult
		if phase("query", &q); q.Lineage.N > 0 || q.SearchNumber.N > 0 {
			sr.Query = &q
		}
		if !skipped["edges"] && ctx.Err() == nil {
			sr.Load["edges"] = loadAverage()
			log.Info("phase", "name", "edges")
			e, err := scoreEdges(ctx, bin, cfg)
			if err != nil {
				errs = append(errs, fmt.Errorf("edges: %w", err))
			} else {
				sr.Edges = e
			}
		}
	}
	// The ratio to Bleve alone, also when one side was carried over from
	// an earlier run of the same corpus.
	if in, g := sr.Ingest, sr.Graph; in != nil && g != nil {
		if g.BleveDocsPerSec > 0 {
			in.RatioVsBleve = in.DocsPerSec / g.BleveDocsPerSec
		}
		if in.CPUSeconds > 0 {
			in.RatioVsBleveCPU = g.BleveCPUSeconds / in.CPUSeconds
		}
	}
	return errors.Join(errs...)
}

// ensureCorpus generates the corpus unless the same size and seed are
// already there; it returns the generation time (0 when reused).
func ensureCorpus(ctx context.Context, log *slog.Logger, bin string, cfg config) (float64, error) {
	stamp := filepath.Join(cfg.Work, "corpus.stamp")
	want := fmt.Sprintf("docs=%d seed=%d gazetteer=%s\n", cfg.Docs, cfg.Seed, cfg.Gazetteer)
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		log.Info("reusing corpus", "dir", cfg.Corpus)
		return 0, nil
	}
	if err := os.RemoveAll(cfg.Corpus); err != nil {
		return 0, err
	}
	log.Info("generating corpus", "dir", cfg.Corpus)
	start := time.Now()
	args := []string{"gen", "--docs", strconv.Itoa(cfg.Docs), "--seed", strconv.FormatUint(cfg.Seed, 10), "--out", cfg.Corpus}
	if cfg.Gazetteer != "" {
		args = append(args, "--gazetteer", cfg.Gazetteer) // real communes, placed where ingest's gazetteer finds them
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("vncite gen: %w", err)
	}
	secs := time.Since(start).Seconds()
	return secs, os.WriteFile(stamp, []byte(want), 0o644)
}

// corpusFiles lists the corpus's texts in the order `vncite ingest` reads
// a directory (sorted paths) and their total size.
func corpusFiles(dir string) ([]string, int64, error) {
	var files []string
	var size int64
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".txt") {
			info, err := d.Info()
			if err != nil {
				return err
			}
			files = append(files, path)
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("list corpus %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, 0, fmt.Errorf("corpus %s holds no .txt files", dir)
	}
	return files, size, nil // WalkDir walks in lexical order
}

// runChild runs one phase in a child process and decodes its JSON result.
func runChild(ctx context.Context, self, name string, cfg config, out any) error {
	arg, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, self, phaseArg, name, string(arg))
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("phase %s: %w", name, err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("phase %s: bad result %.200q: %w", name, b, err)
	}
	return nil
}

// runPhase is the child side: `vncite-bench -phase NAME CONFIG_JSON`.
func runPhase(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return errors.New("-phase NAME CONFIG")
	}
	var cfg config
	if err := json.Unmarshal([]byte(args[1]), &cfg); err != nil {
		return fmt.Errorf("phase config: %w", err)
	}
	if cfg.Profile {
		stop, err := startProfile(filepath.Join(cfg.Work, args[0]+".cpu.prof"))
		if err != nil {
			return err
		}
		defer stop()
	}
	var res any
	var err error
	switch args[0] {
	case "extract":
		res, err = extractPhase(ctx, cfg)
	case "graph":
		res, err = graphPhase(ctx, cfg)
	case "query":
		res, err = queryPhase(ctx, cfg)
	default:
		return fmt.Errorf("unknown phase %q", args[0])
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(res)
}

// saveResults writes results.json and results.md.
func saveResults(dir string, res *Results) error {
	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "results.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "results.md"))
	if err != nil {
		return err
	}
	if err := writeTable(f, res); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readTruth reads the corpus's truth.jsonl.
func readTruth(corpus string) ([]corpusgen.DocTruth, error) {
	f, err := os.Open(filepath.Join(corpus, "truth.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return corpusgen.ReadTruth(f)
}

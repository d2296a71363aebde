package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vncite/vncite/extract/corpusgen"
)

// ingest runs `vncite ingest` on the corpus into a new data directory and
// measures it from outside: wall and CPU time, peak memory, disk.
func ingest(ctx context.Context, bin string, cfg config) (*IngestResult, error) {
	if err := os.RemoveAll(cfg.Data); err != nil {
		return nil, err
	}
	logPath := filepath.Join(cfg.Work, "ingest.log")
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	var out bytes.Buffer
	args := []string{"ingest", "--quiet", "--format", "json", "--batch", strconv.Itoa(cfg.Batch), "--data", cfg.Data}
	if cfg.Gazetteer != "" {
		args = append(args, "--gazetteer", cfg.Gazetteer)
	}
	cmd := exec.CommandContext(ctx, bin, append(args, cfg.Corpus)...)
	cmd.Stdout, cmd.Stderr = &out, logf
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vncite ingest: %w (see %s)", err, logPath)
	}
	wall := time.Since(t0)
	// The summary, skipped files and their reasons included, for reading.
	if err := os.WriteFile(filepath.Join(cfg.Work, "ingest.json"), out.Bytes(), 0o644); err != nil {
		return nil, err
	}
	var sum struct {
		Inputs    int             `json:"inputs"`
		Documents int             `json:"documents"`
		Stubs     int             `json:"stubs"`
		Edges     int             `json:"edges"`
		Skipped   json.RawMessage `json:"skipped"`
		Rate      float64         `json:"docs_per_second"`
	}
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		return nil, fmt.Errorf("vncite ingest output %.200q: %w", out.Bytes(), err)
	}
	var skipped []json.RawMessage
	json.Unmarshal(sum.Skipped, &skipped)
	res := &IngestResult{
		Seconds: wall.Seconds(), CPUSeconds: (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds(),
		DocsPerSec: float64(sum.Inputs) / wall.Seconds(), SummaryRate: sum.Rate,
		Documents: sum.Documents, Edges: sum.Edges, Stubs: sum.Stubs, Skipped: len(skipped),
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.PeakRSS = ru.Maxrss * 1024 // kB on Linux
	}
	res.BadgerBytes = dirBytes(filepath.Join(cfg.Data, "badger"))
	res.BleveBytes = dirBytes(filepath.Join(cfg.Data, "bleve"))
	if sum.Inputs > 0 {
		res.BytesPerDoc = float64(res.BadgerBytes+res.BleveBytes) / float64(sum.Inputs)
	}

	var stats struct {
		Documents int `json:"documents"`
		Stubs     int `json:"stubs"`
		Edges     int `json:"edges"`
	}
	b, err := exec.CommandContext(ctx, bin, "stats", "--format", "json", "--data", cfg.Data).Output()
	if err != nil {
		return nil, fmt.Errorf("vncite stats: %w", err)
	}
	if err := json.Unmarshal(b, &stats); err != nil {
		return nil, fmt.Errorf("vncite stats output: %w", err)
	}
	res.StoreDocs, res.StoreStubs, res.StoreEdges = stats.Documents, stats.Stubs, stats.Edges
	return res, nil
}

// scoreEdges reads the store's edges from `vncite dump` and scores them
// against the truth with corpusgen's evaluator.
func scoreEdges(ctx context.Context, bin string, cfg config) (*EdgeResult, error) {
	truth, err := readTruth(cfg.Corpus)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "dump", "--data", cfg.Data)
	cmd.Stderr = os.Stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("vncite dump: %w", err)
	}
	edges, err := corpusgen.EdgesFromDump(pipe)
	if werr := cmd.Wait(); err == nil && werr != nil {
		err = fmt.Errorf("vncite dump: %w", werr)
	}
	if err != nil {
		return nil, err
	}
	ev := corpusgen.NewEvaluator(truth)
	for _, e := range edges {
		ev.AddEdge(e)
	}
	rep := ev.Report()
	if rep.Edges == nil {
		return nil, fmt.Errorf("no edges in the store")
	}
	s := *rep.Edges
	return &EdgeResult{TP: s.TP, FN: s.FN, FP: s.FP, Recall: s.Recall(), Precision: s.Precision(), Errors: rep.EdgeErrors, ByScope: rep.EdgesByScope}, nil
}

// searchRawRatio runs the search package's BenchmarkIngest, which indexes
// the same documents with raw batched Bleve (the package's own mapping)
// and with search.Index, and returns its wall and CPU ratios.
func searchRawRatio(ctx context.Context) (wall, cpu float64, note string) {
	cmd := exec.CommandContext(ctx, "go", "test", "./search", "-run", "^$", "-bench", "^BenchmarkIngest$", "-benchtime", "3x", "-count", "1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, 0, fmt.Sprintf("go test ./search -bench BenchmarkIngest failed: %v: %.300s", err, out)
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if !strings.HasPrefix(line, "BenchmarkIngest") {
			continue
		}
		wall, cpu = benchMetric(line, "ratio"), benchMetric(line, "cpu-ratio")
	}
	if wall == 0 {
		return 0, 0, fmt.Sprintf("no ratio in the output of go test ./search -bench BenchmarkIngest: %.300s", out)
	}
	return wall, cpu, ""
}

// benchMetric reads the value before unit in a `go test -bench` result
// line ("... 0.9012 ratio ..."); 0 when absent.
func benchMetric(line, unit string) float64 {
	f := strings.Fields(line)
	for i := 1; i < len(f); i++ {
		if f[i] == unit {
			v, _ := strconv.ParseFloat(f[i-1], 64)
			return v
		}
	}
	return 0
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkIngestCommand measures `vncite ingest` end to end (reading,
// extraction, the graph and the search index) on a generated corpus of
// VNCITE_BENCH_DOCS documents (default 2,000) written by `vncite gen`, with
// the gazetteer when present. It reports docs/s and CPU µs per document;
// run it with -cpuprofile to see where an ingest's time goes.
func BenchmarkIngestCommand(b *testing.B) {
	n := 2000
	if v := os.Getenv("VNCITE_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("VNCITE_BENCH_DOCS=%q: want a positive number", v)
		}
	}
	gaz := "../../../shared/gazetteer"
	if _, err := os.Stat(gaz); err != nil {
		gaz = ""
	}
	corpus := filepath.Join(b.TempDir(), "corpus")
	args := []string{"gen", "--docs", strconv.Itoa(n), "--seed", "1", "--out", corpus}
	if gaz != "" {
		args = append(args, "--gazetteer", gaz)
	}
	runBench(b, args...)
	var elapsed, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		data := filepath.Join(b.TempDir(), "data")
		args := []string{"ingest", "--quiet", "--data", data}
		if gaz != "" {
			args = append(args, "--gazetteer", gaz)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), processCPU()
		runBench(b, append(args, corpus)...)
		elapsed += time.Since(start)
		cpu += processCPU() - cpu0
	}
	b.ReportMetric(float64(b.N*n)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*n), "cpu-µs/doc")
}

// runBench runs a vncite command in-process and fails on a non-zero exit.
func runBench(b *testing.B, args ...string) {
	b.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" },
	})
	if code != 0 {
		b.Fatalf("vncite %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
}

// processCPU is the CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

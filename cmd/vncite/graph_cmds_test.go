package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/graph"
)

// runCmd runs a vncite command in-process and returns its exit code,
// stdout and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" },
	})
	return code, out.String(), errb.String()
}

// seededData ingests the seed documents into a new data directory.
func seededData(t *testing.T) string {
	t.Helper()
	if _, err := extract.Extract([]byte("Nghị quyết số 25-NQ/TW")); err != nil {
		t.Skipf("extractor not ready: %v", err)
	}
	data := filepath.Join(t.TempDir(), "data")
	code, out, errs := runCmd(t, "ingest", "--data", data, filepath.Join("..", "..", "testdata", "seeds"))
	if code != 0 {
		t.Fatalf("ingest: %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out, "5 documents stored") {
		t.Fatalf("ingest summary: %s", out)
	}
	return data
}

func TestIngestAgainChangesNothing(t *testing.T) {
	data := seededData(t)
	code, out, errs := runCmd(t, "ingest", "--data", data, "--format", "json", filepath.Join("..", "..", "testdata", "seeds"))
	if code != 0 {
		t.Fatalf("%d %s %s", code, out, errs)
	}
	var rep struct {
		graph.Summary
		DocsPerSecond float64 `json:"docs_per_second"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 5 || rep.Documents != 0 || rep.Inputs != 5 {
		t.Errorf("second ingest: %+v", rep.Summary)
	}
	if code, out, _ := runCmd(t, "check", "--data", data); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("check after ingest: %d %s", code, out)
	}
}

func TestIngestReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)."), 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0, 1, 2, 0xff, 0xfe, 0, 0, 0x80}, 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)
	data := filepath.Join(t.TempDir(), "data")
	code, out, errs := runCmd(t, "ingest", "--data", data, dir, filepath.Join(dir, "missing.txt"))
	if code != 0 {
		t.Fatalf("%d %s %s", code, out, errs)
	}
	if !strings.Contains(out, "1 documents stored") || strings.Count(out, "skipped ") != 3 {
		t.Errorf("summary:\n%s", out)
	}
}

func TestLineageJSONIsNodeLink(t *testing.T) {
	data := seededData(t)
	code, out, errs := runCmd(t, "lineage", "--data", data, "--direction", "down", "--format", "json", "114-KL/TW")
	if code != 0 {
		t.Fatalf("%d %s", code, errs)
	}
	var g struct {
		Directed bool               `json:"directed"`
		Nodes    []vncite.Node      `json:"nodes"`
		Edges    []vncite.GraphEdge `json:"edges"`
		Links    []vncite.GraphEdge `json:"links"`
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	if !g.Directed || len(g.Links) != len(g.Edges) {
		t.Errorf("not the networkx node-link file: directed %v, %d edges, %d links", g.Directed, len(g.Edges), len(g.Links))
	}
	numbers := map[string]bool{}
	ids := map[string]bool{}
	for _, n := range g.Nodes {
		numbers[n.Number] = true
		ids[n.ID] = true
	}
	for _, want := range []string{"114-KL/TW", "135-KH/TU", "03-KH/HU", "307-CV/HU"} {
		if !numbers[want] {
			t.Errorf("lineage lacks %s", want)
		}
	}
	for _, e := range g.Edges {
		if !ids[e.Source] || !ids[e.Target] || e.Relation == "" {
			t.Errorf("edge %+v does not join two nodes", e)
		}
	}
	// Raw JSON carries the contract's names.
	for _, k := range []string{`"nodes"`, `"edges"`, `"source"`, `"target"`, `"relation"`, `"stub"`, `"level"`, `"lag_days"`} {
		if !strings.Contains(out, k) {
			t.Errorf("JSON lacks %s", k)
		}
	}
	// Text: grouped, with lag.
	code, out, _ = runCmd(t, "lineage", "--data", data, "114-KL/TW")
	if code != 0 || !strings.Contains(out, "lag 41 days") || !strings.Contains(out, "135-KH/TU") {
		t.Errorf("text lineage:\n%s", out)
	}
	code, out, _ = runCmd(t, "lineage", "--data", data, "--direction", "up", "109/KH-UBND")
	if code != 0 || !strings.Contains(out, "52-CT/TU") {
		t.Errorf("up lineage of 109/KH-UBND:\n%s", out)
	}
	code, out, _ = runCmd(t, "lineage", "--data", data, "--format", "dot", "114-KL/TW")
	if code != 0 || !strings.Contains(out, "digraph") {
		t.Errorf("dot lineage: %d\n%s", code, out)
	}
}

func TestShowPathCoverageStats(t *testing.T) {
	data := seededData(t)
	code, out, _ := runCmd(t, "show", "--data", data, "nq 25/tw")
	if code != 0 || !strings.Contains(out, "25-NQ/TW") || !strings.Contains(out, "khóa XI") || !strings.Contains(out, "cited by (3)") {
		t.Errorf("show 25-NQ/TW: %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "show", "--data", data, "--format", "json", "05-CT/TW")
	var sh struct {
		Document vncite.Document `json:"document"`
		CitedBy  []vncite.Edge   `json:"cited_by"`
	}
	if err := json.Unmarshal([]byte(out), &sh); code != 0 || err != nil || sh.Document.Key.Term != "XII" || len(sh.CitedBy) < 4 {
		t.Errorf("show --format json 05-CT/TW: %d %v %+v", code, err, sh)
	}
	code, out, _ = runCmd(t, "path", "--data", data, "109/KH-UBND", "05-CT/TW")
	if code != 0 || !strings.Contains(out, "1 steps") {
		t.Errorf("path: %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "coverage", "--data", data, "52-CT/TU")
	if code != 0 || !strings.Contains(out, graph.NoneRecorded) || strings.Contains(out, "not implemented") {
		t.Errorf("coverage: %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "stats", "--data", data, "--format", "json")
	var st graph.Stats
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil || st.Documents != 5 || st.Edges == 0 {
		t.Errorf("stats: %d %v %+v", code, err, st)
	}
	if code, _, errs := runCmd(t, "show", "--data", data, "999-NQ/TW"); code != 1 || !strings.Contains(errs, "no document") {
		t.Errorf("show unknown: %d %s", code, errs)
	}
	for _, c := range []string{"ingest", "show", "lineage", "path", "coverage", "stats", "check", "reindex", "dump", "restore"} {
		if code, _, errs := runCmd(t, c, "--help"); code != 0 || !strings.Contains(errs, "Usage: vncite "+c) {
			t.Errorf("%s --help: %d %s", c, code, errs)
		}
	}
}

func TestDumpRestoreCommands(t *testing.T) {
	data := seededData(t)
	dump := filepath.Join(t.TempDir(), "store.jsonl")
	if code, _, errs := runCmd(t, "dump", "--data", data, "--out", dump); code != 0 {
		t.Fatalf("dump: %s", errs)
	}
	data2 := filepath.Join(t.TempDir(), "data2")
	code, out, errs := runCmd(t, "restore", "--data", data2, dump)
	if code != 0 || !strings.Contains(out, "restored 5 documents") {
		t.Fatalf("restore: %d %s %s", code, out, errs)
	}
	dump2 := filepath.Join(t.TempDir(), "again.jsonl")
	runCmd(t, "dump", "--data", data2, "--out", dump2)
	a, _ := os.ReadFile(dump)
	b, _ := os.ReadFile(dump2)
	if !bytes.Equal(a, b) {
		t.Error("dump of the restored store differs")
	}
	if code, out, _ := runCmd(t, "check", "--data", data2); code != 0 {
		t.Errorf("check after restore: %d %s", code, out)
	}
	if code, out, _ := runCmd(t, "reindex", "--data", data2); code != 0 || !strings.Contains(out, "reindexed") {
		t.Errorf("reindex: %d %s", code, out)
	}
}

func TestBusyStoreFailsFast(t *testing.T) {
	data := seededData(t)
	st, err := graph.Open(context.Background(), filepath.Join(data, "badger"), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	code, _, errs := runCmd(t, "stats", "--data", data)
	if code != 1 || !strings.Contains(errs, filepath.Join(data, "badger")) || !strings.Contains(errs, "stop") {
		t.Errorf("busy store: %d %s", code, errs)
	}
}

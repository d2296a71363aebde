package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/graph/export"
)

// exportExtraction builds an extraction the way the extractor reports a
// text: every reference with its offsets into text, and statements about
// two other documents.
func exportExtraction(t *testing.T, doc vncite.Document, text string, refs []vncite.Reference, stmts []vncite.Statement) *vncite.Extraction {
	t.Helper()
	for i := range refs {
		start := strings.Index(text, refs[i].Number)
		if start < 0 {
			t.Fatalf("%s not in text", refs[i].Number)
		}
		refs[i].AsWritten = refs[i].Number
		refs[i].Start, refs[i].End = start, start+len(refs[i].Number)
		refs[i].SentenceStart, refs[i].SentenceEnd = 0, len(text)
	}
	for i := range stmts {
		stmts[i].Start, stmts[i].End = 0, len(text)
		stmts[i].Evidence = text
	}
	return &vncite.Extraction{Document: doc, References: refs, Statements: stmts, Text: text}
}

// exportStore ingests, through the graph's own Ingest, the district letter
// 307-CV/HU of seed 000 (as the extractor reads it: it cites 25-NQ/TW and
// 114-KL/TW and states that 135-KH/TU and 03-KH/HU implement 114-KL/TW)
// and two provinces' own "24-CT/TU", which must stay two documents.
func exportStore(t *testing.T) string {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	letter := "Thực hiện Nghị quyết số 25-NQ/TW và Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư; " +
		"Kế hoạch số 135-KH/TU của Ban Thường vụ Tỉnh ủy và Kế hoạch số 03-KH/HU của Ban Thường vụ Huyện ủy về triển khai thực hiện Kết luận số 114-KL/TW."
	stmt := func(subject string, ref int) vncite.Statement {
		return vncite.Statement{Subject: subject, Relation: vncite.Implements, Object: "114-KL/TW", SubjectRef: ref, ObjectRef: 1}
	}
	inputs := []graph.Input{
		{Source: "000.txt", Extraction: exportExtraction(t,
			vncite.Document{Number: "307-CV/HU", Type: "CV", Issuer: "HU", Body: "Ban Thường vụ Huyện ủy", Date: "2017-03-15",
				Title: "Tiếp tục thực hiện công tác dân vận của cơ quan nhà nước các cấp"},
			letter,
			[]vncite.Reference{
				{Number: "25-NQ/TW", Type: "NQ", Issuer: "TW", Relation: vncite.Implements, Term: "XI"},
				{Number: "114-KL/TW", Type: "KL", Issuer: "TW", Relation: vncite.Implements, Date: "2015-07-14", Body: "Ban Bí thư"},
				{Number: "135-KH/TU", Type: "KH", Issuer: "TU", Relation: vncite.Cites, Body: "Ban Thường vụ Tỉnh ủy"},
				{Number: "03-KH/HU", Type: "KH", Issuer: "HU", Relation: vncite.Cites, Body: "Ban Thường vụ Huyện ủy"},
			},
			[]vncite.Statement{stmt("135-KH/TU", 2), stmt("03-KH/HU", 3)})},
	}
	for _, place := range []string{"Lâm Đồng", "Quảng Trị"} {
		text := "Chỉ thị số 24-CT/TU của Ban Thường vụ Tỉnh ủy " + place + " về công tác dân vận."
		inputs = append(inputs, graph.Input{Source: place + ".txt", Extraction: exportExtraction(t,
			vncite.Document{Number: "24-CT/TU", Type: "CT", Issuer: "TU", Body: "Ban Thường vụ Tỉnh ủy " + place, Place: place, Date: "2018-02-27",
				Title: "Về công tác dân vận " + place},
			text, nil, nil)})
	}
	ctx := context.Background()
	a, err := openApp(ctx, &storeFlags{data: data})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := a.store.Ingest(ctx, slices.Values(inputs), graph.IngestOptions{})
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err != nil || len(sum.Skipped) > 0 {
		t.Fatalf("ingest: %v, skipped %v", err, sum.Skipped)
	}
	return data
}

// runExportCmd runs `vncite export args...` in-process.
func runExportCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"export"}, args...), &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" },
	})
	return code, out.String(), errb.String()
}

func TestExportCommand(t *testing.T) {
	data := exportStore(t)
	dir := t.TempDir()

	// The file holds exactly what export.Write makes of the store's lineage.
	file := filepath.Join(dir, "kl114.graphml")
	code, stdout, stderr := runExportCmd("--data", data, "--out", file, "KL 114/TW")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "" || !strings.Contains(stderr, "wrote "+file) {
		t.Errorf("stdout %q, stderr %q", stdout, stderr)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(context.Background(), filepath.Join(data, "badger"), graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Resolve(context.Background(), "114-KL/TW")
	if err != nil || len(docs) != 1 {
		t.Fatalf("resolve: %v %v", docs, err)
	}
	g, err := st.Lineage(context.Background(), docs[0].ID, graph.Down, 3)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := export.Write(&want, g, "graphml"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("exported file differs from export.Write of the store's lineage")
	}
	// Down from 114-KL/TW: the letter citing it, and the two plans the
	// letter says implement it.
	var numbers []string
	for _, n := range g.Nodes {
		numbers = append(numbers, n.Number)
	}
	for _, n := range []string{"114-KL/TW", "307-CV/HU", "135-KH/TU", "03-KH/HU"} {
		if !slices.Contains(numbers, n) {
			t.Errorf("lineage down of 114-KL/TW lacks %s: %v", n, numbers)
		}
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("file mode: %v %v", info, err)
	}
	if err := xml.Unmarshal(got, new(struct{})); err != nil {
		t.Errorf("graphml not XML: %v", err)
	}

	// Format from the extension; standard output without --out.
	for _, c := range []struct{ out, probe string }{
		{"kl114.gexf", `<gexf xmlns="http://gexf.net/1.3"`},
		{"kl114.nodes.csv", "id,number,type,title"},
		{"kl114.cyjs", `"elements":{"nodes":[`},
		{"kl114.gv", "digraph lineage {"},
	} {
		path := filepath.Join(dir, c.out)
		if code, _, stderr := runExportCmd("--data", data, "--out", path, "114-KL/TW"); code != 0 {
			t.Errorf("%s: exit %d: %s", c.out, code, stderr)
			continue
		}
		b, _ := os.ReadFile(path)
		if !bytes.Contains(b, []byte(c.probe)) {
			t.Errorf("%s lacks %q", c.out, c.probe)
		}
	}
	code, stdout, stderr = runExportCmd("--data", data, "--format", "json", "--direction", "up", "--depth", "1", "307-CV/HU")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var nl struct {
		Graph map[string]any
		Nodes []vncite.Node
	}
	if err := json.Unmarshal([]byte(stdout), &nl); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if nl.Graph["direction"] != "up" || len(nl.Nodes) < 3 {
		t.Errorf("up lineage of the letter: %v, %d nodes", nl.Graph, len(nl.Nodes))
	}
	// `vncite lineage --format F` writes the same bytes as `vncite export`.
	for _, format := range []string{"json", "gexf", "csv", "dot"} {
		_, fromExport, _ := runExportCmd("--data", data, "--format", format, "--direction", "up", "307-CV/HU")
		var lin bytes.Buffer
		code := run(context.Background(), []string{"lineage", "--data", data, "--format", format, "--direction", "up", "307-CV/HU"},
			&env{stdout: &lin, stderr: &lin, getenv: func(string) string { return "" }})
		if code != 0 || lin.String() != fromExport || fromExport == "" {
			t.Errorf("lineage --format %s (exit %d) differs from export:\n%s\n---\n%s", format, code, lin.String(), fromExport)
		}
	}
	code, stdout, _ = runExportCmd("--data", data, "--format", "csv", "--excel", "114-KL/TW")
	if code != 0 || !strings.HasPrefix(stdout, "\uFEFFsource_id,") {
		t.Errorf("--excel csv: exit %d, starts %.20q", code, stdout)
	}
}

func TestExportCommandErrors(t *testing.T) {
	data := exportStore(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help", []string{"--help"}, 0, "graphml"},
		{"no number", []string{"--data", data, "--format", "json"}, 2, "want one NUMBER or ID"},
		{"two numbers", []string{"--data", data, "--format", "json", "a", "b"}, 2, "got 2 arguments"},
		{"no format", []string{"--data", data, "114-KL/TW"}, 2, "give --format"},
		{"unknown format", []string{"--data", data, "--format", "svg", "114-KL/TW"}, 2, `--format "svg"`},
		{"extension unknown", []string{"--data", data, "--out", filepath.Join(dir, "x.txt"), "114-KL/TW"}, 2, "cannot tell the format"},
		{"bad direction", []string{"--data", data, "--format", "json", "--direction", "sideways", "114-KL/TW"}, 2, "want down or up"},
		{"zero depth", []string{"--data", data, "--format", "json", "--depth", "0", "114-KL/TW"}, 2, "--depth 0"},
		{"unknown number", []string{"--data", data, "--format", "json", "999-NQ/TW"}, 1, `no document "999-NQ/TW"`},
		{"ambiguous number", []string{"--data", data, "--format", "json", "24-CT/TU"}, 1, "matches 2 documents"},
		{"missing directory", []string{"--data", data, "--out", filepath.Join(dir, "no", "such", "x.json"), "114-KL/TW"}, 1, "export to " + filepath.Join(dir, "no", "such", "x.json") + ": "},
	}
	for _, tt := range tests {
		code, stdout, stderr := runExportCmd(tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", tt.name, code, stderr, tt.code, tt.want)
		}
		if code != 0 && stdout != "" {
			t.Errorf("%s: wrote to stdout on failure: %.80q", tt.name, stdout)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed exports left files: %v", entries)
	}
}

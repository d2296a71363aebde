package export

// Each export is checked by the tool that will read it: xmllint with the
// official XSDs (GraphML 1.0, GEXF 1.3), Graphviz dot, and networkx. A test
// whose tool is missing skips and says what to install.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vncite/vncite"
)

// consumerGraphs are the graphs every consumer must accept: the seed
// lineage, an empty graph, a lone root, and a generated cascade with
// hostile strings (invalid UTF-8, control characters, ids with spaces and
// slashes).
func consumerGraphs() map[string]vncite.Graph {
	return map[string]vncite.Graph{
		"lineage": lineageFixture(),
		"empty":   {Direction: "down"},
		"root":    {Root: "x", Nodes: []vncite.Node{{ID: "x", Number: "01-KL/TW", Title: "Tiếp tục thực hiện Chỉ thị số 05-CT/TW"}}},
		"cascade": cascade(300, true),
	}
}

// schemasDir finds ../shared/schemas beside the repository root (the
// directory holding go.mod), or skips.
func schemasDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root (go.mod) not found")
		}
		dir = parent
	}
	schemas := filepath.Join(dir, "..", "shared", "schemas")
	if _, err := os.Stat(filepath.Join(schemas, "catalog.xml")); err != nil {
		t.Skipf("XML schemas not found at %s (the shared schemas folder beside the repository)", schemas)
	}
	return schemas
}

func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed (apt-get install -y %s)", name, pkg)
	}
	return path
}

// writeTemp writes g in format to a file in dir and returns its path.
func writeTemp(t *testing.T, dir, name string, g vncite.Graph, format string) string {
	t.Helper()
	path := filepath.Join(dir, name+Extension(format))
	if err := os.WriteFile(path, write(t, g, format), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestXMLLintSchemas(t *testing.T) {
	schemas := schemasDir(t)
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	dir := t.TempDir()
	for name, g := range consumerGraphs() {
		for _, c := range []struct{ format, schema string }{
			{"graphml", filepath.Join(schemas, "graphml", "graphml.xsd")},
			{"gexf", filepath.Join(schemas, "gexf-1.3", "gexf.xsd")},
		} {
			file := writeTemp(t, dir, name, g, c.format)
			cmd := exec.Command(xmllint, "--nonet", "--noout", "--schema", c.schema, file)
			cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(schemas, "catalog.xml"))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s.%s does not validate: %v\n%s", name, c.format, err, out)
			}
		}
	}
}

// TestXMLLintRejects makes sure the schema check can fail: a GEXF file with
// a viz: element (the XSD caveat) and a GraphML key with a type GraphML 1.0
// lacks must be rejected.
func TestXMLLintRejects(t *testing.T) {
	schemas := schemasDir(t)
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	dir := t.TempDir()
	good := write(t, lineageFixture(), "graphml")
	bad := map[string][]byte{
		"bad.graphml": bytes.Replace(good, []byte(`attr.type="int"`), []byte(`attr.type="integer"`), 1),
		"bad.gexf": bytes.Replace(write(t, lineageFixture(), "gexf"), []byte("<attvalues>"),
			[]byte(`<viz:color xmlns:viz="http://gexf.net/1.3/viz" r="1" g="2" b="3"/><attvalues>`), 1),
	}
	for name, doc := range bad {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		schema := filepath.Join(schemas, "gexf-1.3", "gexf.xsd")
		if strings.HasSuffix(name, ".graphml") {
			schema = filepath.Join(schemas, "graphml", "graphml.xsd")
		}
		cmd := exec.Command(xmllint, "--nonet", "--noout", "--schema", schema, file)
		cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(schemas, "catalog.xml"))
		if out, err := cmd.CombinedOutput(); err == nil {
			t.Errorf("%s validated but should not:\n%s", name, out)
		}
	}
}

// TestGraphvizRenders renders each DOT file to SVG and reads the SVG's text
// back: every document number and the Vietnamese title lines must be there,
// exactly (quotes, &, < and backslashes unchanged).
func TestGraphvizRenders(t *testing.T) {
	dot := needTool(t, "dot", "graphviz")
	dir := t.TempDir()
	for name, g := range consumerGraphs() {
		file := writeTemp(t, dir, name, g, "dot")
		var stderr bytes.Buffer
		cmd := exec.Command(dot, "-Tsvg", file)
		cmd.Stderr = &stderr
		svg, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("dot -Tsvg %s: %v\n%s", name, err, stderr.String())
			continue
		}
		texts := svgTexts(t, svg)
		p, err := prepare(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range p.nodes {
			for _, line := range strings.Split(dotLabel(n), "\n") {
				if !texts[line] {
					t.Errorf("%s: SVG lacks the label line %q of %s", name, line, n.ID)
				}
			}
		}
		if name == "lineage" {
			for _, want := range []string{`"dân vận chính quyền" & <cơ quan nhà`, `C:\dan-van\)`, "Trung ương", "Cấp xã"} {
				if !texts[want] {
					t.Errorf("SVG lacks %q", want)
				}
			}
		}
	}
}

// svgTexts returns the set of <text> contents of an SVG document.
func svgTexts(t *testing.T, svg []byte) map[string]bool {
	t.Helper()
	texts := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false // Graphviz's DOCTYPE names an external DTD
	var in bool
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "text" {
				in = true
				cur.Reset()
			}
		case xml.CharData:
			if in {
				cur.Write(el)
			}
		case xml.EndElement:
			if el.Name.Local == "text" {
				in = false
				texts[cur.String()] = true
			}
		}
	}
	return texts
}

// networkxScript loads each (kind, path) pair of its arguments with
// networkx's own reader, default arguments, and prints one JSON line per
// file with what it found. One interpreter start for all files: importing
// networkx takes a good part of a second.
const networkxScript = `
import json, sys
import networkx as nx
from networkx.readwrite import json_graph

def load(kind, path):
    if kind == "json":
        with open(path, encoding="utf-8") as f:
            return json_graph.node_link_graph(json.load(f))
    if kind == "graphml":
        return nx.read_graphml(path)
    if kind == "cytoscape":
        with open(path, encoding="utf-8") as f:
            return json_graph.cytoscape_graph(json.load(f))
    if kind == "gexf":
        from networkx.readwrite import gexf
        if "1.3" not in gexf.GEXF.versions:
            return "networkx %s cannot read GEXF 1.3" % nx.__version__
        return nx.read_gexf(path)

args = sys.argv[1:]
for kind, path in zip(args[::2], args[1::2]):
    try:
        G = load(kind, path)
    except Exception as e:
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}, ensure_ascii=False))
        continue
    if isinstance(G, str):
        print(json.dumps({"skip": G}))
        continue
    print(json.dumps({
        "version": nx.__version__,
        "directed": G.is_directed(),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "titles": sorted(d["title"] for _, d in G.nodes(data=True) if "title" in d),
        "evidence": sorted(d["evidence"] for _, _, d in G.edges(data=True) if "evidence" in d),
        "stub": sorted(str(d.get("stub")) for _, d in G.nodes(data=True)),
        "lag": sorted(d["lag_days"] for _, d in G.nodes(data=True) if "lag_days" in d),
        "start": sorted(d["start"] for _, d in G.nodes(data=True) if "start" in d),
    }, ensure_ascii=False))
`

// networkxResult is one line of networkxScript's output.
type networkxResult struct {
	Version      string
	Directed     bool
	Nodes, Edges int
	Titles       []string
	Evidence     []string
	Stub         []string
	Lag          []int
	Start        []string
	Skip, Error  string
}

// networkxExpect is what networkx should find in a graph's export.
func networkxExpect(t *testing.T, g vncite.Graph) networkxResult {
	p, err := prepare(g)
	if err != nil {
		t.Fatal(err)
	}
	want := networkxResult{Directed: true, Nodes: len(p.nodes), Edges: len(p.edges)}
	for _, n := range p.nodes {
		if d, ok := xsdDate(n.Date); ok {
			want.Start = append(want.Start, d)
		}
		if n.Title != "" {
			want.Titles = append(want.Titles, n.Title)
		}
		want.Stub = append(want.Stub, map[bool]string{true: "True", false: "False"}[n.Stub]) // as Python prints them
		if n.LagDays != nil {
			want.Lag = append(want.Lag, *n.LagDays)
		}
	}
	for _, e := range p.edges {
		if e.Evidence != "" {
			want.Evidence = append(want.Evidence, e.Evidence)
		}
	}
	for _, s := range [][]string{want.Titles, want.Evidence, want.Stub, want.Start} {
		slices.Sort(s)
	}
	slices.Sort(want.Lag)
	return want
}

// networkxPythons returns the Python interpreters on this machine that have
// networkx: python3 on PATH and the system one (Debian's python3-networkx,
// 2.8.8 on bookworm, reads node-link "links" where 3.6 reads "edges"), so
// that both conventions are checked when both are installed.
func networkxPythons(t *testing.T) []string {
	var found []string
	seen := map[string]bool{}
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		real, err := filepath.EvalSymlinks(path)
		if err != nil || seen[real] {
			continue
		}
		seen[real] = true
		if exec.Command(path, "-c", "import networkx").Run() == nil {
			found = append(found, path)
		}
	}
	if len(found) == 0 {
		t.Skip("no python3 with networkx (apt-get install -y python3-networkx)")
	}
	return found
}

// TestNetworkxLoads loads json, graphml, cytoscape and gexf exports with
// networkx and checks counts, direction, titles, evidence (carriage returns
// included), typed attributes (stub boolean, lag_days integer) and, for
// GEXF, that each dated node starts on its date. networkx reads GEXF 1.3
// from version 3 on; older versions skip that format with a message.
func TestNetworkxLoads(t *testing.T) {
	pythons := networkxPythons(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "load.py")
	if err := os.WriteFile(script, []byte(networkxScript), 0o644); err != nil {
		t.Fatal(err)
	}
	type file struct {
		name, format string
		want         networkxResult
	}
	var files []file
	var args []string
	for name, g := range consumerGraphs() {
		want := networkxExpect(t, g)
		for _, format := range []string{"json", "graphml", "cytoscape", "gexf"} {
			files = append(files, file{name, format, want})
			args = append(args, format, writeTemp(t, dir, name, g, format))
		}
	}
	eq := func(a, b []string) bool { return slices.Equal(a, b) || len(a)+len(b) == 0 }
	for _, python := range pythons {
		var stderr bytes.Buffer
		cmd := exec.Command(python, append([]string{script}, args...)...)
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%s: %v\n%s", python, err, stderr.String())
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != len(files) {
			t.Fatalf("%s: %d results for %d files:\n%s", python, len(lines), len(files), out)
		}
		for i, f := range files {
			var got networkxResult
			if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
				t.Fatalf("networkx output %q: %v", lines[i], err)
			}
			where := fmt.Sprintf("%s networkx %s: %s %s", python, got.Version, f.format, f.name)
			switch {
			case got.Error != "":
				t.Errorf("%s: %s", where, got.Error)
				continue
			case got.Skip != "":
				t.Logf("%s: %s", python, got.Skip)
				continue
			}
			w := f.want
			if !got.Directed || got.Nodes != w.Nodes || got.Edges != w.Edges {
				t.Errorf("%s: directed %v, %d nodes, %d edges; want directed, %d, %d", where, got.Directed, got.Nodes, got.Edges, w.Nodes, w.Edges)
			}
			if !eq(got.Titles, w.Titles) {
				t.Errorf("%s: titles\n%q\nwant\n%q", where, got.Titles, w.Titles)
			}
			if !eq(got.Evidence, w.Evidence) {
				t.Errorf("%s: evidence\n%q\nwant\n%q", where, got.Evidence, w.Evidence)
			}
			if !eq(got.Stub, w.Stub) {
				t.Errorf("%s: stub values %q, want booleans %q", where, got.Stub, w.Stub)
			}
			if !slices.Equal(got.Lag, w.Lag) && len(got.Lag)+len(w.Lag) > 0 {
				t.Errorf("%s: lag_days %v, want integers %v", where, got.Lag, w.Lag)
			}
			if f.format == "gexf" && !eq(got.Start, w.Start) {
				t.Errorf("%s: node starts %q, want the dates %q", where, got.Start, w.Start)
			}
		}
	}
}

package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vncite/vncite"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func lag(d int) *int { return &d }

// lineageFixture is the down-lineage of Nghị quyết 25-NQ/TW as the seeds
// tell it: Kết luận 114-KL/TW continues it; the district letter 307-CV/HU
// cites both and states that 135-KH/TU (Tỉnh ủy) and 03-KH/HU (Huyện ủy)
// implement 114-KL/TW, so those two are stubs known only from the letter.
// The commune plan 12-KH/ĐU is made up to fill the fourth level; it has no
// date, so no lag. Provinces are illustrative. Titles carry what every
// format must escape: quotes, &, <, a newline, a backslash.
func lineageFixture() vncite.Graph {
	return vncite.Graph{
		Root:      "25-NQ/TW#XI",
		Direction: "down",
		Depth:     3,
		Nodes: []vncite.Node{
			// Deliberately not in output order: Write sorts.
			{ID: "307-CV/HU#quang-tri", Number: "307-CV/HU", Type: "CV", Title: "Tiếp tục thực hiện công tác dân vận\ncủa cơ quan nhà nước các cấp", Date: "2017-03-15", Level: vncite.LevelDistrict, Province: "Quảng Trị", Depth: 2, LagDays: lag(1381)},
			{ID: "25-NQ/TW#XI", Number: "25-NQ/TW", Type: "NQ", Title: "Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới", Date: "2013-06-03", Level: vncite.LevelCentral, Depth: 0, LagDays: lag(0)},
			{ID: "135-KH/TU#quang-tri", Number: "135-KH/TU", Type: "KH", Title: `Triển khai Kết luận 114-KL/TW về "dân vận chính quyền" & <cơ quan nhà nước>`, Date: "2015-08-24", Level: vncite.LevelProvince, Province: "Quảng Trị", Stub: true, Depth: 2, LagDays: lag(812)},
			{ID: "114-KL/TW#XI", Number: "114-KL/TW", Type: "KL", Title: "Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp", Date: "2015-07-14", Level: vncite.LevelCentral, Depth: 1, LagDays: lag(771)},
			{ID: "03-KH/HU#quang-tri", Number: "03-KH/HU", Type: "KH", Date: "2015-09-04", Level: vncite.LevelDistrict, Province: "Quảng Trị", Stub: true, Depth: 2, LagDays: lag(823)},
			{ID: "12-KH/ĐU#quang-tri", Number: "12-KH/ĐU", Type: "KH", Title: `Kế hoạch của Đảng ủy xã (thư mục C:\dan-van\)`, Level: vncite.LevelCommune, Province: "Quảng Trị", Depth: 3},
		},
		Edges: []vncite.GraphEdge{
			{Source: "307-CV/HU#quang-tri", Target: "114-KL/TW#XI", Relation: vncite.Implements, Evidence: "tiếp tục thực hiện Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư"},
			{Source: "114-KL/TW#XI", Target: "25-NQ/TW#XI", Relation: vncite.Implements, Evidence: "Sau hơn 2 năm thực hiện Nghị quyết 25-NQ/TW"},
			{Source: "135-KH/TU#quang-tri", Target: "114-KL/TW#XI", Relation: vncite.Implements, Evidence: `Kế hoạch số 135-KH/TU, ngày 24/8/2015 của Ban Thường vụ Tỉnh ủy về "triển khai thực hiện" Kết luận số 114-KL/TW`},
			{Source: "03-KH/HU#quang-tri", Target: "114-KL/TW#XI", Relation: vncite.Implements, Evidence: "Kế hoạch số 03-KH/HU, ngày 04/9/2015 của Ban Thường vụ Huyện ủy"},
			{Source: "307-CV/HU#quang-tri", Target: "25-NQ/TW#XI", Relation: vncite.BasedOn, Evidence: "theo tinh thần Nghị quyết số 25-NQ/TW"},
			// A second, parallel edge between the same two documents.
			{Source: "307-CV/HU#quang-tri", Target: "114-KL/TW#XI", Relation: vncite.Cites, Evidence: "Kết luận 114-KL/TW & Nghị quyết 25 <trích>"},
			{Source: "12-KH/ĐU#quang-tri", Target: "03-KH/HU#quang-tri", Relation: vncite.Implements, Evidence: "thực hiện Kế hoạch số 03-KH/HU\r\ncủa Huyện ủy"},
		},
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./graph/export -update and review the diff\n--- got:\n%s", name, got)
	}
}

func write(t testing.TB, g vncite.Graph, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, g, format); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			g := lineageFixture()
			got := write(t, g, format)
			golden(t, "lineage"+strings.TrimPrefix(FileName(g, format), "25-NQ-TW.down"), got)
			// Same graph, nodes and edges shuffled: same bytes.
			slices.Reverse(g.Nodes)
			slices.Reverse(g.Edges)
			if again := write(t, g, format); !bytes.Equal(got, again) {
				t.Errorf("output depends on input order")
			}
		})
	}
}

func TestWriteDoesNotModifyInput(t *testing.T) {
	g := lineageFixture()
	g.Nodes[0].Title = "bad \xff\x01 title"
	before, _ := json.Marshal(g)
	for _, format := range Formats {
		write(t, g, format)
	}
	after, _ := json.Marshal(g)
	if !bytes.Equal(before, after) {
		t.Errorf("Write changed its input")
	}
}

func TestInvalidGraphWritesNothing(t *testing.T) {
	node := func(id string) vncite.Node { return vncite.Node{ID: id, Number: id} }
	tests := []struct {
		name string
		g    vncite.Graph
		want string
	}{
		{"empty id", vncite.Graph{Nodes: []vncite.Node{node("")}}, "node 0 has no id"},
		{"id only control chars", vncite.Graph{Nodes: []vncite.Node{node("\x00\x01")}}, "node 0 has no id"},
		{"duplicate id", vncite.Graph{Nodes: []vncite.Node{node("a"), node("a")}}, `two nodes have id "a"`},
		{"duplicate after cleaning", vncite.Graph{Nodes: []vncite.Node{node("a\xff"), node("a\xfe")}}, "two nodes have id"},
		{"dangling target", vncite.Graph{Nodes: []vncite.Node{node("a")}, Edges: []vncite.GraphEdge{{Source: "a", Target: "b"}}}, `edge 0 target "b" is not a node`},
		{"dangling source", vncite.Graph{Nodes: []vncite.Node{node("a")}, Edges: []vncite.GraphEdge{{Source: "b", Target: "a"}}}, `edge 0 source "b" is not a node`},
	}
	for _, tt := range tests {
		for _, format := range Formats {
			var buf bytes.Buffer
			err := Write(&buf, tt.g, format)
			if !errors.Is(err, ErrInvalidGraph) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s/%s: err = %v, want ErrInvalidGraph with %q", tt.name, format, err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%s/%s: wrote %d bytes for an invalid graph", tt.name, format, buf.Len())
			}
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, lineageFixture(), "svg")
	if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "graphml") {
		t.Errorf("err = %v, want ErrUnknownFormat listing the formats", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes", buf.Len())
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		in, name, ext, media string
	}{
		{"json", "json", ".json", "application/json"},
		{" GraphML ", "graphml", ".graphml", "application/graphml+xml"},
		{"gexf", "gexf", ".gexf", "application/gexf+xml"},
		{"gv", "dot", ".dot", "text/vnd.graphviz; charset=utf-8"},
		{"cyjs", "cytoscape", ".cyjs", "application/json"},
		{"CSV", "csv", ".csv", "text/csv; charset=utf-8; header=present"},
		{"csv-nodes", "csv-nodes", ".csv", "text/csv; charset=utf-8; header=present"},
		{"svg", "", "", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		f, ok := Lookup(tt.in)
		if ok != (tt.name != "") || f.Name != tt.name {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, f.Name, ok, tt.name)
		}
		if got := Extension(tt.in); got != tt.ext {
			t.Errorf("Extension(%q) = %q, want %q", tt.in, got, tt.ext)
		}
		if got := ContentType(tt.in); got != tt.media {
			t.Errorf("ContentType(%q) = %q, want %q", tt.in, got, tt.media)
		}
	}
	for _, name := range Formats {
		if _, ok := Lookup(name); !ok {
			t.Errorf("Formats lists %q but Lookup does not know it", name)
		}
	}
	if len(Formats) != len(formats) {
		t.Errorf("Formats has %d names, the table %d", len(Formats), len(formats))
	}
}

func TestFileName(t *testing.T) {
	g := lineageFixture()
	tests := []struct {
		g      vncite.Graph
		format string
		want   string
	}{
		{g, "graphml", "25-NQ-TW.down.graphml"},
		{g, "csv-nodes", "25-NQ-TW.down.nodes.csv"},
		{g, "cytoscape", "25-NQ-TW.down.cyjs"},
		{vncite.Graph{Root: "x", Direction: "up"}, "dot", "x.up.dot"},
		{vncite.Graph{Root: "218-QĐ/TW", Direction: "../up"}, "gexf", "218-QD-TW.up.gexf"},
		{vncite.Graph{Root: "/../"}, "json", "lineage.json"},
	}
	for _, tt := range tests {
		if got := FileName(tt.g, tt.format); got != tt.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tt.g.Root, tt.format, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nghị quyết 25-NQ/TW", "Nghị quyết 25-NQ/TW"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"nul\x00bell\x07esc\x1bdel\x7f", "nulbellescdel"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"cut \xe1\xbb", "cut \uFFFD\uFFFD"},
		{"non-char \uFFFE\uFFFF end", "non-char  end"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNMToken(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc-1.2_3:x", "abc-1.2_3:x"},
		{"25-NQ/TW", "25-NQ_x002F_TW"},
		{"12-KH/ĐU", "12-KH_x002F__x0110_U"},
		{"a b", "a_x0020_b"},
		{"_x0020_", "_x005F_x0020_"},
		{"😀", "_x0001F600_"},
	}
	for _, tt := range tests {
		if got := nmtoken(tt.in); got != tt.want {
			t.Errorf("nmtoken(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"ngắn", []string{"ngắn"}},
		{"một hai ba bốn năm sáu", []string{"một hai", "ba bốn", "năm sáu"}},
		{"một hai ba bốn năm sáu bảy tám", []string{"một hai", "ba bốn", "năm sá…"}},
		{"dàidàidàidài", []string{"dàidài…"}},
		{"  \n ", nil},
	}
	for _, tt := range tests {
		if got := wrap(tt.in, 7, 3); !slices.Equal(got, tt.want) {
			t.Errorf("wrap(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDOTEscaping(t *testing.T) {
	got := string(write(t, lineageFixture(), "dot"))
	for _, want := range []string{
		`"135-KH/TU\n2015-08-24\nTriển khai Kết luận 114-KL/TW về\n\"dân vận chính quyền\" &amp; <cơ quan nhà\nnước>"`,
		`(thư mục C:\\dan-van\\)`,
		`"307-CV/HU\n2017-03-15\nTiếp tục thực hiện công tác dân vận\ncủa cơ quan nhà nước các cấp"`,
		`thực hiện Kế hoạch số 03-KH/HU\ncủa Huyện ủy"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	// An id DOT cannot keep exactly gets a generated name, and a name
	// clash with a legend node is avoided.
	g := vncite.Graph{Nodes: []vncite.Node{
		{ID: `a\b`, Level: vncite.LevelCentral},
		{ID: "level:central", Level: vncite.LevelCentral},
		{ID: "node-0", Level: vncite.LevelProvince},
	}}
	got = string(write(t, g, "dot"))
	for _, want := range []string{`"node-0~2" [label="a\\b"`, `"level:central~2" [shape=plaintext`, `"level:province" [shape=plaintext`} {
		if !strings.Contains(got, want) {
			t.Errorf("DOT lacks %s:\n%s", want, got)
		}
	}
}

func TestExcelCSV(t *testing.T) {
	g := lineageFixture()
	g.Nodes[1].Title = "=HYPERLINK(\"http://x\")"
	g.Nodes[0].LagDays = lag(-3)
	var buf bytes.Buffer
	if err := WriteWith(&buf, g, "csv-nodes", Options{Excel: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\uFEFFid,number,") {
		t.Errorf("no BOM and header: %.40q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var sawFormula, sawLag bool
	for _, r := range rows {
		sawFormula = sawFormula || r[3] == `'=HYPERLINK("http://x")`
		sawLag = sawLag || r[9] == "-3"
	}
	if !sawFormula || !sawLag {
		t.Errorf("formula guarded %v, negative lag kept as number %v:\n%s", sawFormula, sawLag, out)
	}
	buf.Reset()
	if err := Write(&buf, g, "csv-nodes"); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(buf.String(), "\uFEFF") || strings.Contains(buf.String(), `'=`) {
		t.Errorf("default CSV must not carry the Excel changes")
	}
}

// TestCSVRoundTrip reads both tables back with encoding/csv and checks every
// value, Vietnamese text and embedded newlines included.
func TestCSVRoundTrip(t *testing.T) {
	g := lineageFixture()
	nodes, err := csv.NewReader(bytes.NewReader(write(t, g, "csv-nodes"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != len(g.Nodes)+1 || !slices.Equal(nodes[0], nodeColumns) {
		t.Fatalf("node table: %d rows, header %q", len(nodes), nodes[0])
	}
	byID := map[string][]string{}
	for _, r := range nodes[1:] {
		byID[r[0]] = r
	}
	for _, n := range g.Nodes {
		if !slices.Equal(byID[n.ID], nodeRow(n)) {
			t.Errorf("node %s: row %q, want %q", n.ID, byID[n.ID], nodeRow(n))
		}
	}
	edges, err := csv.NewReader(bytes.NewReader(write(t, g, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != len(g.Edges)+1 {
		t.Fatalf("edge table: %d rows, want %d", len(edges), len(g.Edges)+1)
	}
	h := edges[0]
	col := func(name string) int { return slices.Index(h, name) }
	var got, want []string
	for _, r := range edges[1:] {
		got = append(got, r[col("source_id")]+" "+r[col("relation")]+" "+r[col("target_id")]+" "+r[col("evidence")]+" "+r[col("target_title")])
	}
	titles := map[string]string{}
	for _, n := range g.Nodes {
		titles[n.ID] = n.Title
	}
	for _, e := range g.Edges {
		ev := strings.ReplaceAll(e.Evidence, "\r\n", "\n") // encoding/csv reads CRLF in a field as LF
		want = append(want, e.Source+" "+string(e.Relation)+" "+e.Target+" "+ev+" "+titles[e.Target])
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("edge rows:\n%q\nwant\n%q", got, want)
	}
}

// TestJSONRoundTrip decodes the node-link JSON and the Cytoscape JSON with
// encoding/json and compares them with the input graph.
func TestJSONRoundTrip(t *testing.T) {
	g := lineageFixture()
	var nl struct {
		Directed, Multigraph bool
		Graph                map[string]any
		Nodes                []vncite.Node
		Edges, Links         []jsonEdge
	}
	if err := json.Unmarshal(write(t, g, "json"), &nl); err != nil {
		t.Fatal(err)
	}
	if !nl.Directed || !nl.Multigraph || nl.Graph["root"] != g.Root || nl.Graph["direction"] != "down" {
		t.Errorf("header: directed %v multigraph %v graph %v", nl.Directed, nl.Multigraph, nl.Graph)
	}
	sortNodes := func(ns []vncite.Node) {
		slices.SortFunc(ns, func(a, b vncite.Node) int { return strings.Compare(a.ID, b.ID) })
	}
	want := slices.Clone(g.Nodes)
	sortNodes(want)
	sortNodes(nl.Nodes)
	wantJSON, _ := json.Marshal(want)
	gotJSON, _ := json.Marshal(nl.Nodes)
	if !bytes.Equal(wantJSON, gotJSON) {
		t.Errorf("nodes:\n%s\nwant\n%s", gotJSON, wantJSON)
	}
	if len(nl.Edges) != len(g.Edges) || !slices.Equal(nl.Edges, nl.Links) {
		t.Errorf("edges %d, links %d, want %d each and equal", len(nl.Edges), len(nl.Links), len(g.Edges))
	}
	keys := map[string]int{}
	for _, e := range nl.Edges {
		keys[e.Source+">"+e.Target]++
	}
	if keys["307-CV/HU#quang-tri>114-KL/TW#XI"] != 2 {
		t.Errorf("parallel edges lost: %v", keys)
	}

	var cy struct {
		Data     map[string]any
		Elements struct {
			Nodes []cyElement[cyNodeData]
			Edges []cyElement[cyEdgeData]
		}
	}
	if err := json.Unmarshal(write(t, g, "cytoscape"), &cy); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range cy.Elements.Nodes {
		if n.Data.Value != n.Data.ID || n.Data.Name == "" {
			t.Errorf("node %q: value %q name %q", n.Data.ID, n.Data.Value, n.Data.Name)
		}
		ids[n.Data.ID] = true
	}
	for _, e := range cy.Elements.Edges {
		if ids[e.Data.ID] || e.Data.ID == "" {
			t.Errorf("edge id %q missing or shared", e.Data.ID)
		}
		ids[e.Data.ID] = true
	}
	if len(cy.Elements.Nodes) != len(g.Nodes) || len(cy.Elements.Edges) != len(g.Edges) {
		t.Errorf("cytoscape: %d nodes %d edges", len(cy.Elements.Nodes), len(cy.Elements.Edges))
	}
}

// TestXMLRoundTrip parses GraphML and GEXF with encoding/xml and checks each
// node's title and each edge's evidence come back exactly.
func TestXMLRoundTrip(t *testing.T) {
	g := lineageFixture()
	for _, format := range []string{"graphml", "gexf"} {
		titles, evidence := xmlValues(t, write(t, g, format), format)
		var wantTitles, wantEvidence []string
		for _, n := range g.Nodes {
			if n.Title != "" {
				wantTitles = append(wantTitles, n.Title)
			}
		}
		for _, e := range g.Edges {
			wantEvidence = append(wantEvidence, e.Evidence)
		}
		for _, s := range [][]string{titles, evidence, wantTitles, wantEvidence} {
			slices.Sort(s)
		}
		if !slices.Equal(titles, wantTitles) {
			t.Errorf("%s titles:\n%q\nwant\n%q", format, titles, wantTitles)
		}
		if !slices.Equal(evidence, wantEvidence) {
			t.Errorf("%s evidence:\n%q\nwant\n%q", format, evidence, wantEvidence)
		}
	}
}

// xmlValues decodes a GraphML or GEXF document with encoding/xml (failing
// the test when it is not well-formed) and returns the node titles and edge
// evidence it holds.
func xmlValues(t testing.TB, doc []byte, format string) (titles, evidence []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var dataKey string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v\n%s", format, err, doc)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range el.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case el.Name.Local == "data":
				dataKey = attr("key")
				text.Reset()
			case el.Name.Local == "attvalue" && attr("for") == "title":
				titles = append(titles, attr("value"))
			case el.Name.Local == "attvalue" && attr("for") == "evidence":
				evidence = append(evidence, attr("value"))
			}
		case xml.CharData:
			text.Write(el)
		case xml.EndElement:
			if el.Name.Local == "data" {
				switch dataKey {
				case "n_title":
					titles = append(titles, text.String())
				case "e_evidence":
					evidence = append(evidence, text.String())
				}
				dataKey = ""
			}
		}
	}
	return titles, evidence
}

func TestEmptyAndSingleNode(t *testing.T) {
	for _, g := range []vncite.Graph{
		{},
		{Root: "x", Nodes: []vncite.Node{{ID: "x", Number: "01-KL/TW"}}},
	} {
		for _, format := range Formats {
			out := write(t, g, format)
			if len(out) == 0 {
				t.Errorf("%s: no output for %d nodes", format, len(g.Nodes))
			}
			switch format {
			case "json", "cytoscape":
				if !json.Valid(out) {
					t.Errorf("%s: invalid JSON: %s", format, out)
				}
			case "graphml", "gexf":
				xmlValues(t, out, format)
			}
		}
	}
}

// ExampleWrite shows the CSV node table of a one-document lineage.
func ExampleWrite() {
	g := vncite.Graph{Root: "x", Direction: "down", Nodes: []vncite.Node{
		{ID: "x", Number: "114-KL/TW", Type: "KL", Title: "Nâng cao hiệu quả công tác dân vận", Date: "2015-07-14", Level: vncite.LevelCentral},
	}}
	var buf bytes.Buffer
	if err := Write(&buf, g, "csv-nodes"); err != nil {
		fmt.Println(err)
	}
	// Rows end in CRLF as RFC 4180 says; shown here with LF.
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n"))
	// Output:
	// id,number,type,title,date,level,province,stub,depth,lag_days
	// x,114-KL/TW,KL,Nâng cao hiệu quả công tác dân vận,2015-07-14,central,,false,0,
}

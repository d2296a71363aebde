package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// fuzzGraph builds a graph from fuzz input: up to 8 nodes whose ids, titles
// and other strings are cut from the strings given, and edges whose ends
// and relations come from shape. Ids may collide (even only after invalid
// UTF-8 is replaced) and edges may dangle: Write must then refuse.
func fuzzGraph(id, title, evidence string, shape []byte) vncite.Graph {
	var g vncite.Graph
	n := 1
	if len(shape) > 0 {
		n = 1 + int(shape[0])%8
	}
	at := func(i int) byte {
		if len(shape) == 0 {
			return 0
		}
		return shape[i%len(shape)]
	}
	for i := range n {
		b := at(i + 1)
		node := vncite.Node{
			ID:       id + strconv.Itoa(i),
			Number:   title[:len(title)*int(b%4)/4],
			Type:     id,
			Title:    title,
			Date:     evidence,
			Level:    []vncite.Level{vncite.LevelCentral, vncite.LevelProvince, vncite.LevelDistrict, vncite.LevelCommune, vncite.Level(id)}[b%5],
			Province: evidence,
			Stub:     b&1 == 1,
			Depth:    int(b % 4),
		}
		if b&2 == 2 {
			node.ID = id // may collide with another node's id
		}
		if b&4 == 4 {
			node.LagDays = lag(int(int8(b)) * 100)
		}
		g.Nodes = append(g.Nodes, node)
	}
	g.Root = g.Nodes[0].ID
	g.Direction = title
	for i := 0; i+2 < len(shape) && i < 30; i += 3 {
		e := vncite.GraphEdge{
			Source:   g.Nodes[int(shape[i])%n].ID,
			Target:   g.Nodes[int(shape[i+1])%n].ID,
			Relation: vncite.Relations[int(shape[i+2])%len(vncite.Relations)],
			Evidence: evidence,
		}
		if shape[i+2] > 250 {
			e.Target = evidence // usually not a node
			e.Relation = vncite.Relation(title)
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

// FuzzWrite checks, for any strings (invalid UTF-8 and control characters
// included) and any graph shape, that Write never panics, either refuses
// with ErrInvalidGraph and writes nothing or writes output its reader
// accepts: well-formed XML (encoding/xml) carrying every cleaned title
// exactly, valid JSON, parseable CSV, balanced DOT strings; and that all of
// it is valid UTF-8.
func FuzzWrite(f *testing.F) {
	f.Add("25-NQ/TW", "Tăng cường và đổi mới sự lãnh đạo của Đảng", "2013-06-03", []byte{3, 1, 0, 0, 2, 1, 7})
	f.Add("a", "\"quoted\" & <tag> \\ \n line", "\r\n", []byte{7, 0, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Add("\xff", "\x00\x01\x1b\x7f\uFFFE", "\xe1\xbb", []byte{2, 2, 255, 0, 0, 251})
	f.Add("x", "]]><!--", "2015-02-30", []byte{1, 6})
	f.Add("level:central", "\\", `"`, []byte{5, 8, 8, 8, 0, 1, 2})
	f.Fuzz(func(t *testing.T, id, title, evidence string, shape []byte) {
		g := fuzzGraph(id, title, evidence, shape)
		for _, format := range Formats {
			var buf bytes.Buffer
			err := Write(&buf, g, format)
			if err != nil {
				if !errors.Is(err, ErrInvalidGraph) {
					t.Fatalf("%s: unexpected error %v", format, err)
				}
				if buf.Len() > 0 {
					t.Fatalf("%s: %d bytes written before refusing", format, buf.Len())
				}
				continue
			}
			out := buf.Bytes()
			if !utf8.Valid(out) {
				t.Fatalf("%s: output is not valid UTF-8", format)
			}
			checkFuzzOutput(t, g, format, out)
		}
	})
}

func checkFuzzOutput(t *testing.T, g vncite.Graph, format string, out []byte) {
	switch format {
	case "graphml", "gexf":
		titles, evidence := xmlValues(t, out, format)
		var want []string
		for _, n := range g.Nodes {
			if s := clean(n.Title); s != "" {
				want = append(want, s)
			}
		}
		slices.Sort(titles)
		slices.Sort(want)
		if !slices.Equal(titles, want) {
			t.Fatalf("%s titles %q, want %q", format, titles, want)
		}
		if len(evidence) > len(g.Edges) {
			t.Fatalf("%s: %d evidence values for %d edges", format, len(evidence), len(g.Edges))
		}
		for _, s := range append(titles, evidence...) {
			for _, r := range s {
				if !keepRune(r) {
					t.Fatalf("%s: forbidden character %U survived", format, r)
				}
			}
		}
	case "json", "cytoscape":
		if !json.Valid(out) {
			t.Fatalf("%s: invalid JSON:\n%s", format, out)
		}
	case "csv", "csv-nodes":
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, out)
		}
		want := len(g.Edges) + 1
		if format == "csv-nodes" {
			want = len(g.Nodes) + 1
		}
		if len(rows) != want {
			t.Fatalf("%s: %d rows, want %d", format, len(rows), want)
		}
	case "dot":
		checkDOTStrings(t, string(out))
	}
}

// checkDOTStrings scans DOT as Graphviz's lexer does: a backslash inside a
// quoted string takes the next character with it. Every string must close
// on its own line, and braces and brackets outside strings must balance.
func checkDOTStrings(t *testing.T, dot string) {
	in := false
	depth := 0
	for i := 0; i < len(dot); i++ {
		c := dot[i]
		switch {
		case in && c == '\\':
			i++
		case in && c == '"':
			in = false
		case in && (c == '\n' || c == '\r'):
			t.Fatalf("line break inside a DOT string at byte %d:\n%s", i, dot)
		case !in && c == '"':
			in = true
		case !in && (c == '{' || c == '['):
			depth++
		case !in && (c == '}' || c == ']'):
			depth--
		}
	}
	if in || depth != 0 {
		t.Fatalf("unbalanced DOT (open string %v, depth %d):\n%s", in, depth, dot)
	}
	if !strings.HasPrefix(dot, "digraph lineage {\n") {
		t.Fatalf("not a digraph:\n%s", dot)
	}
}

// FuzzClean checks clean against its definition: the result is valid UTF-8
// with only kept runes, cleaning twice changes nothing, and isClean (the
// fast check) agrees with whether clean changes its input.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Đảng ủy", "a\x00b", "\xff", "\uFFFE\uFFFF\uFFFD", "\xef\xbf", "tab\t\r\n", "\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("clean(%q) = %q is not valid UTF-8", s, c)
		}
		for _, r := range c {
			if !keepRune(r) {
				t.Fatalf("clean(%q) kept %U", s, r)
			}
		}
		if clean(c) != c {
			t.Fatalf("clean is not idempotent on %q", s)
		}
		if isClean(s) != (c == s) {
			t.Fatalf("isClean(%q) = %v but clean gives %q", s, isClean(s), c)
		}
	})
}

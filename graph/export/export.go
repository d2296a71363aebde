// Package export writes a lineage graph (vncite.Graph) in the formats
// researchers load into their own tools. Every format carries the same node
// attributes (id, number, type, title, date, level, province, stub, depth,
// lag_days) and edge attributes (source, target, relation, evidence).
//
// Formats and the choices behind them:
//
//   - json: node-link JSON as networkx.node_link_data writes it for a
//     directed multigraph. The edge list is written twice, as "edges"
//     (networkx 3.6+) and "links" (networkx 2.x to 3.5, Debian's 2.8.8, d3),
//     so json_graph.node_link_graph(data) loads it with default arguments in
//     every version. Parallel edges carry "key" 0, 1, ...
//   - graphml: GraphML 1.0, valid against the official XSD. Node ids must be
//     XML NMTOKENs, so characters other than ASCII letters, digits and
//     . - _ : are written as _xHHHH_ ("25-NQ/TW" → "25-NQ_x002F_TW"); the
//     number and title are data. Types: string, int, boolean.
//   - gexf: GEXF 1.3, mode="dynamic", timeformat="date": nodes start on
//     their document's date, edges when both ends exist, so Gephi's timeline
//     plays the cascade. No viz: elements (the 1.3 XSD rejects them).
//   - dot: a Graphviz digraph, citing → cited, laid out bottom to top with
//     one rank per level (central at the top), filled by level, edges
//     styled by relation, stubs dashed.
//   - cytoscape: Cytoscape.js JSON ({"elements": {"nodes", "edges"}}), which
//     Cytoscape desktop imports (.cyjs) and networkx.cytoscape_graph loads.
//   - csv and csv-nodes: two RFC 4180 tables, since spreadsheets take one
//     table per file. "csv" has one row per edge with both documents'
//     attributes joined in (source_*, relation, target_*, evidence);
//     "csv-nodes" one row per document. No byte order mark unless
//     Options.Excel asks for one.
//
// Text: invalid UTF-8 becomes U+FFFD and control characters other than tab,
// newline and carriage return are dropped (XML 1.0 cannot carry them) in
// every format alike; then each format escapes what it must. Nodes and
// edges are written in a fixed order (depth, level, province, date, number,
// id), so the same graph always gives the same bytes.
//
// The package uses only the standard library and the root package; the
// command line and the HTTP API call it.
package export

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/vncite/vncite"
)

// Format describes one export format.
type Format struct {
	Name      string // as given to Write: "graphml"
	MediaType string // for an HTTP Content-Type header
	Extension string // file name extension with the dot: ".graphml"
	Summary   string // one line for help texts
}

// formats is the read-only table behind Formats, Lookup and the helpers.
var formats = []Format{
	{"json", "application/json", ".json", "node-link JSON (networkx node_link_graph, d3)"},
	{"graphml", "application/graphml+xml", ".graphml", "GraphML 1.0 (networkx read_graphml, Gephi, yEd)"},
	{"gexf", "application/gexf+xml", ".gexf", "GEXF 1.3, dynamic by document date (Gephi timeline)"},
	{"dot", "text/vnd.graphviz; charset=utf-8", ".dot", "Graphviz digraph ranked by level (dot -Tsvg)"},
	{"cytoscape", "application/json", ".cyjs", "Cytoscape.js elements JSON (Cytoscape, networkx cytoscape_graph)"},
	{"csv", "text/csv; charset=utf-8; header=present", ".csv", "CSV edge table: one row per edge with both documents' attributes"},
	{"csv-nodes", "text/csv; charset=utf-8; header=present", ".csv", "CSV node table: one row per document"},
}

// Formats lists the names Write accepts, in the order help texts show them
// (that of the formats table).
var Formats = func() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}()

// aliases are other names people type for a format.
var aliases = map[string]string{
	"node-link": "json", "nodelink": "json",
	"gv": "dot", "graphviz": "dot",
	"cyjs": "cytoscape", "cytoscapejs": "cytoscape", "cytoscape.js": "cytoscape",
	"csv-edges": "csv", "edges.csv": "csv", "nodes.csv": "csv-nodes",
}

// ErrUnknownFormat is returned (wrapped) for a format name Lookup does not
// know; the API maps it to 400.
var ErrUnknownFormat = errors.New("unknown export format")

// ErrInvalidGraph is returned (wrapped) for a graph that cannot be written
// faithfully: a node without an id, two nodes with the same id, or an edge
// whose end is not a node. Nothing is written then.
var ErrInvalidGraph = errors.New("invalid graph")

// Lookup finds a format by name, ignoring case and surrounding space, and
// accepting a few aliases ("gv", "cyjs", "csv-edges").
func Lookup(name string) (Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	if canon, ok := aliases[name]; ok {
		name = canon
	}
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// ContentType returns the media type to serve a format with, or "" for an
// unknown format.
func ContentType(format string) string {
	f, _ := Lookup(format)
	return f.MediaType
}

// Extension returns the file name extension (with the dot) for a format, or
// "" for an unknown format.
func Extension(format string) string {
	f, _ := Lookup(format)
	return f.Extension
}

// FileName suggests a portable file name for g in a format, such as
// "114-KL-TW.down.graphml" or "114-KL-TW.down.nodes.csv": the root's number
// (else its id) in ASCII letters, digits and '-', the direction, the
// extension.
func FileName(g vncite.Graph, format string) string {
	base := g.Root
	for _, n := range g.Nodes {
		if n.ID == g.Root && n.Number != "" {
			base = n.Number
			break
		}
	}
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			b.WriteRune(r)
		case r == 'Đ':
			b.WriteByte('D')
		case r == 'đ':
			b.WriteByte('d')
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-.")
	if name == "" {
		name = "lineage"
	}
	if g.Direction != "" {
		name += "." + asciiWord(g.Direction)
	}
	f, ok := Lookup(format)
	if !ok {
		return name
	}
	if f.Name == "csv-nodes" {
		return name + ".nodes.csv"
	}
	return name + f.Extension
}

// asciiWord keeps the ASCII letters of s, so a direction cannot smuggle a
// path separator into a file name.
func asciiWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Options adjust how Write renders a format. The zero value is the default.
type Options struct {
	// Excel makes the CSV formats friendly to a double-click in Microsoft
	// Excel: a UTF-8 byte order mark first (otherwise Excel reads the file as
	// the system code page and Vietnamese comes out garbled), and a "'"
	// before any cell that starts with = + - @ (or a tab or carriage return)
	// and is not a plain number, so that a hostile title cannot run as a
	// formula. It changes the bytes other tools see, so it is off by
	// default. Other formats ignore it.
	Excel bool
}

// Write writes g to w in format (one of Formats, see Lookup) with default
// Options.
func Write(w io.Writer, g vncite.Graph, format string) error {
	return WriteWith(w, g, format, Options{})
}

// WriteWith writes g to w in format with opts. It checks the graph before
// writing anything: an unknown format or an invalid graph (ErrInvalidGraph)
// writes no bytes.
func WriteWith(w io.Writer, g vncite.Graph, format string, opts Options) error {
	f, ok := Lookup(format)
	if !ok {
		return fmt.Errorf("export: %w %q (want one of %s)", ErrUnknownFormat, format, strings.Join(Formats, ", "))
	}
	p, err := prepare(g)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	switch f.Name {
	case "json":
		err = writeJSON(bw, p)
	case "graphml":
		writeGraphML(bw, p)
	case "gexf":
		writeGEXF(bw, p)
	case "dot":
		writeDOT(bw, p)
	case "cytoscape":
		err = writeCytoscape(bw, p)
	case "csv":
		err = writeEdgeCSV(bw, p, opts)
	case "csv-nodes":
		err = writeNodeCSV(bw, p, opts)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("export: write %s: %w", f.Name, err)
	}
	return nil
}

// graph is a cleaned, checked and sorted copy of a vncite.Graph: what every
// writer works from.
type graph struct {
	root      string
	direction string
	depth     int
	nodes     []vncite.Node
	edges     []vncite.GraphEdge
	// index maps a node id to its position in nodes.
	index map[string]int
	// keys numbers parallel edges: keys[i] is how many earlier edges share
	// edges[i]'s source and target (networkx's multigraph edge key).
	keys []int
}

// prepare cleans every string of g, checks ids and edge ends, and sorts.
// It never modifies g.
func prepare(g vncite.Graph) (*graph, error) {
	p := &graph{
		root:      clean(g.Root),
		direction: clean(g.Direction),
		depth:     g.Depth,
		nodes:     make([]vncite.Node, len(g.Nodes)),
		edges:     make([]vncite.GraphEdge, len(g.Edges)),
		index:     make(map[string]int, len(g.Nodes)),
	}
	for i, n := range g.Nodes {
		n.ID = clean(n.ID)
		if n.ID == "" {
			return nil, fmt.Errorf("%w: node %d has no id", ErrInvalidGraph, i)
		}
		if _, dup := p.index[n.ID]; dup {
			return nil, fmt.Errorf("%w: two nodes have id %q", ErrInvalidGraph, n.ID)
		}
		p.index[n.ID] = i
		n.Number = clean(n.Number)
		n.Type = clean(n.Type)
		n.Title = clean(n.Title)
		n.Date = clean(n.Date)
		n.Level = vncite.Level(clean(string(n.Level)))
		n.Province = clean(n.Province)
		p.nodes[i] = n
	}
	for i, e := range g.Edges {
		e.Source = clean(e.Source)
		e.Target = clean(e.Target)
		e.Relation = vncite.Relation(clean(string(e.Relation)))
		e.Evidence = clean(e.Evidence)
		if _, ok := p.index[e.Source]; !ok {
			return nil, fmt.Errorf("%w: edge %d source %q is not a node", ErrInvalidGraph, i, e.Source)
		}
		if _, ok := p.index[e.Target]; !ok {
			return nil, fmt.Errorf("%w: edge %d target %q is not a node", ErrInvalidGraph, i, e.Target)
		}
		p.edges[i] = e
	}
	p.sort()
	return p, nil
}

// levelRank orders levels top to bottom; unknown levels last.
func levelRank(l vncite.Level) int {
	switch l {
	case vncite.LevelCentral:
		return 0
	case vncite.LevelProvince:
		return 1
	case vncite.LevelDistrict:
		return 2
	case vncite.LevelCommune:
		return 3
	}
	return 4
}

// sort orders nodes by depth from the root, level (central first),
// province, date (undated last), number and id — the order a reader scans a
// cascade in — and edges by their source's and target's positions, then
// relation and evidence. Ids are unique, so the node order is total.
func (p *graph) sort() {
	// Sort positions, not the (large) nodes themselves.
	order := make([]int, len(p.nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &p.nodes[i], &p.nodes[j]
		if c := cmp.Compare(a.Depth, b.Depth); c != 0 {
			return c
		}
		if c := cmp.Compare(levelRank(a.Level), levelRank(b.Level)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Province, b.Province); c != 0 {
			return c
		}
		if c := compareDates(a.Date, b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Number, b.Number); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	sorted := make([]vncite.Node, len(p.nodes))
	for k, i := range order {
		sorted[k] = p.nodes[i]
	}
	p.nodes = sorted
	for i, n := range p.nodes {
		p.index[n.ID] = i
	}
	// Look each edge's ends up once, not in every comparison.
	type sortEdge struct {
		source, target int
		edge           vncite.GraphEdge
	}
	se := make([]sortEdge, len(p.edges))
	for i, e := range p.edges {
		se[i] = sortEdge{p.index[e.Source], p.index[e.Target], e}
	}
	slices.SortFunc(se, func(a, b sortEdge) int {
		if c := cmp.Compare(a.source, b.source); c != 0 {
			return c
		}
		if c := cmp.Compare(a.target, b.target); c != 0 {
			return c
		}
		return cmp.Or(
			strings.Compare(string(a.edge.Relation), string(b.edge.Relation)),
			strings.Compare(a.edge.Evidence, b.edge.Evidence),
		)
	})
	for i := range se {
		p.edges[i] = se[i].edge
	}
	p.keys = make([]int, len(p.edges))
	for i := 1; i < len(p.edges); i++ {
		if p.edges[i].Source == p.edges[i-1].Source && p.edges[i].Target == p.edges[i-1].Target {
			p.keys[i] = p.keys[i-1] + 1
		}
	}
}

// compareDates compares YYYY-MM-DD strings, an empty date after any other.
func compareDates(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(a, b)
}

// label is what a viewer shows for a node: its number, else its title, else
// its id.
func label(n vncite.Node) string {
	switch {
	case n.Number != "":
		return n.Number
	case n.Title != "":
		return n.Title
	}
	return n.ID
}

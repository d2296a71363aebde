package export

import (
	"bufio"
	"bytes"
	"encoding/json"

	"github.com/vncite/vncite"
)

// jsonEdge is an edge in node-link JSON: the lineage edge plus networkx's
// multigraph key (its number among the edges with the same ends).
type jsonEdge struct {
	vncite.GraphEdge
	Key int `json:"key"`
}

// jsonGraphAttrs are the graph-level attributes (networkx G.graph).
type jsonGraphAttrs struct {
	Root      string `json:"root,omitempty"`
	Direction string `json:"direction,omitempty"`
	Depth     int    `json:"depth"`
}

// writeJSON writes node-link JSON as networkx.node_link_data does for a
// directed multigraph, one node or edge per line. The edge list appears
// twice, as "edges" and as "links", so that networkx.node_link_graph loads
// the file with its default arguments in every version: 3.6 reads "edges",
// 2.x to 3.5 (Debian bookworm ships 2.8.8) read "links", and d3-force reads
// "links" too. Node objects are vncite.Node as `lineage --format json`
// writes them.
func writeJSON(w *bufio.Writer, p *graph) error {
	enc := newLineEncoder(w)
	w.WriteString(`{"directed":true,"multigraph":true,"graph":`)
	if err := enc.encode(jsonGraphAttrs{Root: p.root, Direction: p.direction, Depth: p.depth}); err != nil {
		return err
	}
	w.WriteString(`,"nodes":[`)
	for i := range p.nodes {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
		if err := enc.encode(p.nodes[i]); err != nil {
			return err
		}
	}
	for _, name := range []string{"edges", "links"} {
		w.WriteString("\n],\"" + name + "\":[")
		for i, e := range p.edges {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
			if err := enc.encode(jsonEdge{GraphEdge: e, Key: p.keys[i]}); err != nil {
				return err
			}
		}
	}
	w.WriteString("\n]}\n")
	return nil
}

// lineEncoder encodes one JSON value at a time without HTML escaping ("<"
// and "&" in titles stay readable) and without the newline json.Encoder
// appends, so the writers can place their own separators.
type lineEncoder struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

func newLineEncoder(w *bufio.Writer) *lineEncoder {
	l := &lineEncoder{w: w}
	l.enc = json.NewEncoder(&l.buf)
	l.enc.SetEscapeHTML(false)
	return l
}

func (l *lineEncoder) encode(v any) error {
	l.buf.Reset()
	if err := l.enc.Encode(v); err != nil {
		return err
	}
	l.w.Write(bytes.TrimSuffix(l.buf.Bytes(), []byte{'\n'}))
	return nil
}

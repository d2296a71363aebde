package export

import (
	"bufio"
	"strconv"

	"github.com/vncite/vncite"
)

// cyNodeData is a node's data object: the vncite.Node fields plus "name"
// (the label Cytoscape shows) and "value" (the node key networkx's
// cytoscape_graph uses; the id).
type cyNodeData struct {
	vncite.Node
	Value string `json:"value"`
	Name  string `json:"name"`
}

// cyEdgeData is an edge's data object: an id (Cytoscape.js wants one that
// no node uses), the lineage edge, and the multigraph key networkx uses to
// keep parallel edges apart.
type cyEdgeData struct {
	ID string `json:"id"`
	vncite.GraphEdge
	Key int `json:"key"`
}

type cyElement[T any] struct {
	Data T `json:"data"`
}

// writeCytoscape writes Cytoscape.js JSON: {"data", "directed",
// "multigraph", "elements": {"nodes": [{"data"}], "edges": [{"data"}]}},
// the shape Cytoscape desktop imports as .cyjs and networkx's
// cytoscape_graph loads (it needs "data", "value" and, for parallel edges,
// "key"). One element per line.
func writeCytoscape(w *bufio.Writer, p *graph) error {
	enc := newLineEncoder(w)
	w.WriteString(`{"data":`)
	attrs := struct {
		jsonGraphAttrs
		Name string `json:"name"`
	}{jsonGraphAttrs{Root: p.root, Direction: p.direction, Depth: p.depth}, description(p)}
	if err := enc.encode(attrs); err != nil {
		return err
	}
	w.WriteString(`,"directed":true,"multigraph":true,"elements":{"nodes":[`)
	for i, n := range p.nodes {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
		if err := enc.encode(cyElement[cyNodeData]{cyNodeData{Node: n, Value: n.ID, Name: label(n)}}); err != nil {
			return err
		}
	}
	w.WriteString("\n],\"edges\":[")
	edgeIDs := cyEdgeIDs(p)
	for i, e := range p.edges {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
		if err := enc.encode(cyElement[cyEdgeData]{cyEdgeData{ID: edgeIDs[i], GraphEdge: e, Key: p.keys[i]}}); err != nil {
			return err
		}
	}
	w.WriteString("\n]}}\n")
	return nil
}

// cyEdgeIDs names edges e0, e1, ... in output order, skipping any name a
// node already has.
func cyEdgeIDs(p *graph) []string {
	ids := make([]string, len(p.edges))
	next := 0
	for i := range ids {
		for {
			id := "e" + strconv.Itoa(next)
			next++
			if _, clash := p.index[id]; !clash {
				ids[i] = id
				break
			}
		}
	}
	return ids
}

package export

import (
	"bufio"
	"strconv"

	"github.com/vncite/vncite"
)

// xmlHeader starts every XML format.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// graphmlKey is one declared GraphML attribute.
type graphmlKey struct {
	id, domain, name, typ string
}

// graphmlKeys declares every attribute the GraphML export writes. Types are
// those GraphML 1.0 allows (boolean, int, long, float, double, string).
// "label" repeats the number (or title) for tools that show a label column.
var graphmlKeys = []graphmlKey{
	{"g_root", "graph", "root", "string"},
	{"g_direction", "graph", "direction", "string"},
	{"g_depth", "graph", "depth", "int"},
	{"n_label", "node", "label", "string"},
	{"n_number", "node", "number", "string"},
	{"n_type", "node", "type", "string"},
	{"n_title", "node", "title", "string"},
	{"n_date", "node", "date", "string"},
	{"n_level", "node", "level", "string"},
	{"n_province", "node", "province", "string"},
	{"n_stub", "node", "stub", "boolean"},
	{"n_depth", "node", "depth", "int"},
	{"n_lag_days", "node", "lag_days", "int"},
	{"e_relation", "edge", "relation", "string"},
	{"e_evidence", "edge", "evidence", "string"},
}

// writeGraphML writes GraphML 1.0, directed. Node ids must be XML NMTOKENs,
// which document numbers are not ("25-NQ/TW" has a slash), so each id goes
// through nmtoken: "/" becomes _x002F_ and plain ASCII ids stay as they
// are. Empty attributes and an unknown lag are left out rather than written
// empty. Edge ids are e0, e1, ... in output order.
func writeGraphML(w *bufio.Writer, p *graph) {
	w.WriteString(xmlHeader)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		w.WriteString(`  <key id="` + k.id + `" for="` + k.domain + `" attr.name="` + k.name + `" attr.type="` + k.typ + `"/>` + "\n")
	}
	w.WriteString(`  <graph id="lineage" edgedefault="directed">` + "\n")
	graphmlData(w, "    ", "g_root", p.root)
	graphmlData(w, "    ", "g_direction", p.direction)
	graphmlData(w, "    ", "g_depth", strconv.Itoa(p.depth))
	ids := make([]string, len(p.nodes)) // each node's NMTOKEN, made once
	for i, n := range p.nodes {
		ids[i] = nmtoken(n.ID)
		w.WriteString(`    <node id="`)
		writeXMLText(w, ids[i])
		w.WriteString("\">\n")
		graphmlNodeData(w, n)
		w.WriteString("    </node>\n")
	}
	for i, e := range p.edges {
		w.WriteString(`    <edge id="e`)
		writeInt(w, i)
		w.WriteString(`" source="`)
		writeXMLText(w, ids[p.index[e.Source]])
		w.WriteString(`" target="`)
		writeXMLText(w, ids[p.index[e.Target]])
		w.WriteString("\">\n")
		graphmlData(w, "      ", "e_relation", string(e.Relation))
		graphmlData(w, "      ", "e_evidence", e.Evidence)
		w.WriteString("    </edge>\n")
	}
	w.WriteString("  </graph>\n</graphml>\n")
}

func graphmlNodeData(w *bufio.Writer, n vncite.Node) {
	const in = "      "
	graphmlData(w, in, "n_label", label(n))
	graphmlData(w, in, "n_number", n.Number)
	graphmlData(w, in, "n_type", n.Type)
	graphmlData(w, in, "n_title", n.Title)
	graphmlData(w, in, "n_date", n.Date)
	graphmlData(w, in, "n_level", string(n.Level))
	graphmlData(w, in, "n_province", n.Province)
	graphmlData(w, in, "n_stub", strconv.FormatBool(n.Stub))
	w.WriteString(in + `<data key="n_depth">`)
	writeInt(w, n.Depth)
	w.WriteString("</data>\n")
	if n.LagDays != nil {
		w.WriteString(in + `<data key="n_lag_days">`)
		writeInt(w, *n.LagDays)
		w.WriteString("</data>\n")
	}
}

// graphmlData writes one <data> element, or nothing for an empty value.
func graphmlData(w *bufio.Writer, indent, key, value string) {
	if value == "" {
		return
	}
	w.WriteString(indent)
	w.WriteString(`<data key="`)
	w.WriteString(key)
	w.WriteString(`">`)
	writeXMLText(w, value)
	w.WriteString("</data>\n")
}

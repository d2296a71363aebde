package export

import (
	"bufio"
	"strconv"
	"time"

	"github.com/vncite/vncite"
)

// gexfAttr is one declared GEXF attribute.
type gexfAttr struct {
	id, typ string // the id is also the title
}

var gexfNodeAttrs = []gexfAttr{
	{"number", "string"},
	{"type", "string"},
	{"title", "string"},
	{"date", "string"},
	{"level", "string"},
	{"province", "string"},
	{"stub", "boolean"},
	{"depth", "integer"},
	{"lag_days", "integer"},
}

var gexfEdgeAttrs = []gexfAttr{
	{"relation", "string"},
	{"evidence", "string"},
}

// writeGEXF writes GEXF 1.3 in dynamic mode with timeformat="date": a node
// starts on its document's date, and an edge on the later of its two ends'
// dates, so Gephi's timeline replays the cascade as plans are issued.
// Undated nodes (often stubs) have no start and are there throughout. The
// date is also a plain attribute. No viz: elements are written: the
// official 1.3 XSD rejects them (see shared/schemas/README.md), and colour
// by level is one click in Gephi's Appearance panel. meta carries no
// lastmodifieddate so that output stays deterministic.
func writeGEXF(w *bufio.Writer, p *graph) {
	w.WriteString(xmlHeader)
	w.WriteString(`<gexf xmlns="http://gexf.net/1.3"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	w.WriteString("  <meta>\n    <creator>vncite</creator>\n    <description>")
	writeXMLText(w, description(p))
	w.WriteString("</description>\n  </meta>\n")
	w.WriteString(`  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">` + "\n")
	gexfDeclare(w, "node", gexfNodeAttrs)
	gexfDeclare(w, "edge", gexfEdgeAttrs)

	w.WriteString(`    <nodes count="` + strconv.Itoa(len(p.nodes)) + "\">\n")
	for _, n := range p.nodes {
		w.WriteString(`      <node id="`)
		writeXMLText(w, n.ID)
		w.WriteString(`" label="`)
		writeXMLText(w, label(n))
		if d, ok := xsdDate(n.Date); ok {
			w.WriteString(`" start="`)
			w.WriteString(d)
		}
		w.WriteString("\">\n        <attvalues>\n")
		gexfValue(w, "number", n.Number)
		gexfValue(w, "type", n.Type)
		gexfValue(w, "title", n.Title)
		gexfValue(w, "date", n.Date)
		gexfValue(w, "level", string(n.Level))
		gexfValue(w, "province", n.Province)
		gexfValue(w, "stub", strconv.FormatBool(n.Stub))
		gexfInt(w, "depth", n.Depth)
		if n.LagDays != nil {
			gexfInt(w, "lag_days", *n.LagDays)
		}
		w.WriteString("        </attvalues>\n      </node>\n")
	}
	w.WriteString("    </nodes>\n")

	w.WriteString(`    <edges count="` + strconv.Itoa(len(p.edges)) + "\">\n")
	for i, e := range p.edges {
		w.WriteString(`      <edge id="e`)
		writeInt(w, i)
		w.WriteString(`" source="`)
		writeXMLText(w, e.Source)
		w.WriteString(`" target="`)
		writeXMLText(w, e.Target)
		if e.Relation != "" {
			// kind lets Gephi keep parallel edges of different relations apart.
			w.WriteString(`" label="`)
			writeXMLText(w, string(e.Relation))
			w.WriteString(`" kind="`)
			writeXMLText(w, string(e.Relation))
		}
		if d, ok := edgeStart(p, e); ok {
			w.WriteString(`" start="`)
			w.WriteString(d)
		}
		w.WriteString("\">\n        <attvalues>\n")
		gexfValue(w, "relation", string(e.Relation))
		gexfValue(w, "evidence", e.Evidence)
		w.WriteString("        </attvalues>\n      </edge>\n")
	}
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
}

func gexfDeclare(w *bufio.Writer, class string, attrs []gexfAttr) {
	w.WriteString(`    <attributes class="` + class + `" mode="static">` + "\n")
	for _, a := range attrs {
		w.WriteString(`      <attribute id="` + a.id + `" title="` + a.id + `" type="` + a.typ + `"/>` + "\n")
	}
	w.WriteString("    </attributes>\n")
}

// gexfValue writes one attvalue, or nothing for an empty value.
func gexfValue(w *bufio.Writer, id, value string) {
	if value == "" {
		return
	}
	w.WriteString(`          <attvalue for="`)
	w.WriteString(id)
	w.WriteString(`" value="`)
	writeXMLText(w, value)
	w.WriteString("\"/>\n")
}

// gexfInt writes one integer attvalue.
func gexfInt(w *bufio.Writer, id string, value int) {
	w.WriteString(`          <attvalue for="`)
	w.WriteString(id)
	w.WriteString(`" value="`)
	writeInt(w, value)
	w.WriteString("\"/>\n")
}

// edgeStart is when an edge appears on the timeline: once both documents
// exist, i.e. the later of their dates (either one if only one is known).
func edgeStart(p *graph, e vncite.GraphEdge) (string, bool) {
	a, okA := xsdDate(p.nodes[p.index[e.Source]].Date)
	b, okB := xsdDate(p.nodes[p.index[e.Target]].Date)
	switch {
	case okA && okB:
		return max(a, b), true
	case okA:
		return a, true
	case okB:
		return b, true
	}
	return "", false
}

// xsdDate returns s when it is a real YYYY-MM-DD calendar date that
// xs:date accepts (year 0001 or later); partial or malformed dates are not
// used as times.
func xsdDate(s string) (string, bool) {
	if len(s) != len("2006-01-02") {
		return "", false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1 {
		return "", false
	}
	return s, true
}

// description is a one-line account of the graph for metadata and titles.
func description(p *graph) string {
	s := "vncite lineage"
	if p.direction != "" {
		s += " " + p.direction
	}
	if p.root != "" {
		root := p.root
		if i, ok := p.index[p.root]; ok {
			root = label(p.nodes[i])
		}
		s += " from " + root
	}
	if p.depth > 0 {
		s += ", depth " + strconv.Itoa(p.depth)
	}
	return s + ": " + strconv.Itoa(len(p.nodes)) + " documents, " + strconv.Itoa(len(p.edges)) + " citations"
}

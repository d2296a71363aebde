package export

import (
	"bufio"
	"encoding/csv"
	"strconv"

	"github.com/vncite/vncite"
)

// The CSV layout: "csv" is the edge table, one row per citation with both
// documents' attributes joined in, which alone answers "who implements what,
// where, when"; "csv-nodes" is the node table, one row per document,
// including documents without edges (the root of an empty lineage). Two
// formats rather than one stream with two sections, because every
// spreadsheet and CSV reader expects one table per file.

// nodeColumns are the node attributes, in the column order of csv-nodes;
// the edge table repeats them (without depth) under source_ and target_.
var nodeColumns = []string{"id", "number", "type", "title", "date", "level", "province", "stub", "depth", "lag_days"}

func nodeRow(n vncite.Node) []string {
	lag := ""
	if n.LagDays != nil {
		lag = strconv.Itoa(*n.LagDays)
	}
	return []string{n.ID, n.Number, n.Type, n.Title, n.Date, string(n.Level), n.Province,
		strconv.FormatBool(n.Stub), strconv.Itoa(n.Depth), lag}
}

// writeNodeCSV writes the node table (RFC 4180, header row first).
func writeNodeCSV(w *bufio.Writer, p *graph, opts Options) error {
	cw := newCSV(w, opts)
	if err := cw.write(nodeColumns); err != nil {
		return err
	}
	for _, n := range p.nodes {
		if err := cw.write(nodeRow(n)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeEdgeCSV writes the edge table: source document, relation, target
// document, evidence.
func writeEdgeCSV(w *bufio.Writer, p *graph, opts Options) error {
	cw := newCSV(w, opts)
	header := make([]string, 0, 2*len(nodeColumns)+2)
	for _, c := range nodeColumns {
		header = append(header, "source_"+c)
	}
	header = append(header, "relation")
	for _, c := range nodeColumns {
		header = append(header, "target_"+c)
	}
	header = append(header, "evidence")
	if err := cw.write(header); err != nil {
		return err
	}
	row := make([]string, 0, len(header))
	for _, e := range p.edges {
		row = row[:0]
		row = append(row, nodeRow(p.nodes[p.index[e.Source]])...)
		row = append(row, string(e.Relation))
		row = append(row, nodeRow(p.nodes[p.index[e.Target]])...)
		row = append(row, e.Evidence)
		if err := cw.write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvWriter is encoding/csv (RFC 4180 quoting, CRLF line ends as the RFC
// says) with the Excel option: a byte order mark first, and formula
// characters at the start of a cell neutralised.
type csvWriter struct {
	*csv.Writer
	excel bool
	cells []string
}

func newCSV(w *bufio.Writer, opts Options) *csvWriter {
	if opts.Excel {
		w.WriteString("\uFEFF")
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvWriter{Writer: cw, excel: opts.Excel}
}

func (c *csvWriter) write(row []string) error {
	if !c.excel {
		return c.Write(row)
	}
	c.cells = append(c.cells[:0], row...)
	for i, s := range c.cells {
		if formulaLike(s) {
			c.cells[i] = "'" + s
		}
	}
	return c.Write(c.cells)
}

// formulaLike reports whether a spreadsheet would read s as a formula: it
// starts with = + - @ (or a tab or carriage return, which some strip first)
// and is not simply a number such as a negative lag.
func formulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		_, err := strconv.Atoi(s)
		return err != nil
	}
	return false
}

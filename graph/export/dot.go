package export

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// dotLevel is how one administrative level looks in DOT.
type dotLevel struct {
	level      vncite.Level
	name       string // legend label, in Vietnamese as the documents say it
	fill, line string
}

// dotLevels, top to bottom. Fills are light so black text stays readable.
var dotLevels = []dotLevel{
	{vncite.LevelCentral, "Trung ương", "#fbb4ae", "#b2182b"},
	{vncite.LevelProvince, "Cấp tỉnh", "#fed9a6", "#d95f02"},
	{vncite.LevelDistrict, "Cấp huyện", "#b3cde3", "#2166ac"},
	{vncite.LevelCommune, "Cấp xã", "#ccebc5", "#1b7837"},
}

// dotRelationStyle is the edge attribute list for each relation: strong
// implementation ties solid and dark, "based on" dashed, plain mentions
// dotted and grey, changes to a document in red.
var dotRelationStyle = map[vncite.Relation]string{
	vncite.Implements: `style=solid, penwidth=1.6, color="#1b7837"`,
	vncite.Guides:     `style=solid, color="#5aae61"`,
	vncite.BasedOn:    `style=dashed, color="#2166ac"`,
	vncite.Reviews:    `style=dashed, color="#762a83"`,
	vncite.Amends:     `style=solid, color="#d6604d"`,
	vncite.Replaces:   `style=bold, color="#b2182b"`,
	vncite.Repeals:    `style="bold,dashed", color="#b2182b"`,
	vncite.Cites:      `style=dotted, color="#777777"`,
}

// dotTitleWidth and dotTitleLines bound the title shown in a node's box;
// the whole title is in its tooltip.
const (
	dotTitleWidth = 36
	dotTitleLines = 3
)

// writeDOT writes a Graphviz digraph. Edges point citing → cited and the
// graph is laid out bottom to top (rankdir=BT), so cited central documents
// sit at the top; each level is one rank, held in order by an invisible
// chain of legend nodes (Trung ương, Cấp tỉnh, Cấp huyện, Cấp xã). Nodes
// are filled by level; a stub (never ingested) is dashed; the root is drawn
// thicker. Edge style follows the relation (dotRelationStyle).
func writeDOT(w *bufio.Writer, p *graph) {
	names := dotNames(p)
	w.WriteString("digraph lineage {\n")
	w.WriteString("  graph [rankdir=BT, charset=\"UTF-8\", newrank=true, nodesep=0.3, ranksep=0.6, labelloc=t, fontsize=16, label=")
	writeDOTString(w, description(p))
	w.WriteString("];\n")
	w.WriteString("  node [shape=box, style=\"rounded,filled\", fontsize=11, fillcolor=\"#eeeeee\", color=\"#666666\"];\n")
	w.WriteString("  edge [arrowsize=0.7];\n")

	byLevel := map[vncite.Level][]int{}
	for i, n := range p.nodes {
		byLevel[n.Level] = append(byLevel[n.Level], i)
	}
	var present []dotLevel
	for _, l := range dotLevels {
		if len(byLevel[l.level]) > 0 {
			present = append(present, l)
		}
	}

	for i, n := range p.nodes {
		w.WriteString("  ")
		writeDOTID(w, names[i])
		w.WriteString(" [label=")
		writeDOTString(w, dotLabel(n))
		w.WriteString(", tooltip=")
		writeDOTString(w, dotTooltip(n))
		for _, l := range dotLevels {
			if l.level == n.Level {
				w.WriteString(`, fillcolor="`)
				w.WriteString(l.fill)
				w.WriteString(`", color="`)
				w.WriteString(l.line)
				w.WriteByte('"')
			}
		}
		if n.Stub {
			w.WriteString(`, style="rounded,filled,dashed", fontcolor="#555555"`)
		}
		if n.ID == p.root {
			w.WriteString(", penwidth=2.5")
		}
		w.WriteString("];\n")
	}

	for i, e := range p.edges {
		w.WriteString("  ")
		writeDOTID(w, names[p.index[e.Source]])
		w.WriteString(" -> ")
		writeDOTID(w, names[p.index[e.Target]])
		w.WriteString(" [")
		if style, ok := dotRelationStyle[e.Relation]; ok {
			w.WriteString(style)
		} else {
			w.WriteString(`style=solid, color="#999999"`)
		}
		w.WriteString(", tooltip=")
		tip := string(e.Relation)
		if e.Evidence != "" {
			tip += ": " + e.Evidence
		}
		writeDOTString(w, tip)
		w.WriteString(`, id="e`)
		writeInt(w, i)
		w.WriteString("\"];\n")
	}

	// One rank per level, with its legend node, and the invisible chain
	// that keeps the ranks in order (bottom to top: commune ... central).
	for k, l := range present {
		w.WriteString("  { rank=same; ")
		writeDOTID(w, names[len(p.nodes)+k])
		w.WriteString(" [shape=plaintext, style=solid, fontsize=13, fontcolor=\"" + l.line + "\", label=")
		writeDOTString(w, l.name)
		w.WriteString("];")
		for _, i := range byLevel[l.level] {
			w.WriteByte(' ')
			writeDOTID(w, names[i])
			w.WriteByte(';')
		}
		w.WriteString(" }\n")
	}
	if len(present) > 1 {
		w.WriteString("  ")
		for k := len(present) - 1; k >= 0; k-- {
			writeDOTID(w, names[len(p.nodes)+k])
			if k > 0 {
				w.WriteString(" -> ")
			}
		}
		w.WriteString(" [style=invis];\n")
	}
	w.WriteString("}\n")
}

// dotNames gives every node its DOT name, then one name per level legend
// (at len(p.nodes)+k for the k-th level present). A node is named by its
// id; an id that DOT cannot carry exactly (a backslash or a line break) and
// the legend nodes get generated names that no id uses.
func dotNames(p *graph) []string {
	taken := make(map[string]bool, len(p.nodes))
	for _, n := range p.nodes {
		taken[n.ID] = true
	}
	fresh := func(base string) string {
		name := base
		for k := 2; taken[name]; k++ {
			name = base + "~" + strconv.Itoa(k)
		}
		taken[name] = true
		return name
	}
	names := make([]string, 0, len(p.nodes)+len(dotLevels))
	for i, n := range p.nodes {
		if dotSafeID(n.ID) {
			names = append(names, n.ID)
		} else {
			names = append(names, fresh("node-"+strconv.Itoa(i)))
		}
	}
	for _, l := range dotLevels {
		for _, n := range p.nodes {
			if n.Level == l.level {
				names = append(names, fresh("level:"+string(l.level)))
				break
			}
		}
	}
	return names
}

// dotLabel is a node's box text: number, date, and the title wrapped to a
// few short lines.
func dotLabel(n vncite.Node) string {
	var lines []string
	if n.Number != "" {
		lines = append(lines, n.Number)
	}
	if n.Date != "" {
		lines = append(lines, n.Date)
	}
	if n.Title != "" {
		lines = append(lines, wrap(n.Title, dotTitleWidth, dotTitleLines)...)
	}
	if len(lines) == 0 {
		lines = append(lines, n.ID)
	}
	return strings.Join(lines, "\n")
}

// dotTooltip is everything known about a node, one fact per line.
func dotTooltip(n vncite.Node) string {
	var b strings.Builder
	b.WriteString(label(n))
	if n.Title != "" && n.Title != label(n) {
		b.WriteString("\n" + n.Title)
	}
	level := string(n.Level)
	for _, l := range dotLevels {
		if l.level == n.Level {
			level = l.name
		}
	}
	for _, f := range [][2]string{{"ngày", n.Date}, {"cấp", level}, {"tỉnh", n.Province}} {
		if f[1] != "" {
			b.WriteString("\n" + f[0] + ": " + f[1])
		}
	}
	if n.Stub {
		b.WriteString("\n(chưa có văn bản: chỉ biết qua trích dẫn)")
	}
	return b.String()
}

// wrap splits s into at most maxLines lines of at most width runes at
// spaces (a longer word is cut), ending with "…" when it had to drop text.
func wrap(s string, width, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	var cur strings.Builder
	curLen := 0
	for i := 0; i < len(words); i++ {
		word := words[i]
		n := utf8.RuneCountInString(word)
		if n > width {
			word = string([]rune(word)[:width-1]) + "…"
			n = width
		}
		if curLen > 0 && curLen+1+n > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curLen = 0
			if len(lines) == maxLines {
				last := []rune(lines[maxLines-1])
				if len(last) >= width {
					last = last[:width-1]
				}
				lines[maxLines-1] = string(last) + "…"
				return lines
			}
		}
		if curLen > 0 {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(word)
		curLen += n
	}
	if curLen > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

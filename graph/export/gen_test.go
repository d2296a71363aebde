package export

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/vncite/vncite"
)

// cascade generates a down-lineage of about n documents, the shape the
// real data has: one central resolution, a plan per province implementing
// it, district plans under each province, commune plans under districts,
// with dates after their parent's and Vietnamese titles. With hostile set,
// some strings carry invalid UTF-8, control characters, quotes, markup and
// backslashes, and some ids have spaces and slashes.
func cascade(n int, hostile bool) vncite.Graph {
	rng := rand.New(rand.NewPCG(25, 114))
	words := strings.Fields("triển khai thực hiện Nghị quyết Kết luận công tác dân vận chính quyền cơ quan nhà nước các cấp tăng cường đổi mới sự lãnh đạo của Đảng trong tình hình mới Ban Thường vụ Tỉnh ủy Huyện ủy Đảng ủy xã")
	odd := []string{`"trích dẫn"`, "&", "<b>", `C:\tmp\`, "\xff\xfe", "\x00\x01\x1b", "\r\n", "]]>", "\uFFFE", "😀"}
	title := func() string {
		k := 6 + rng.IntN(14)
		parts := make([]string, k)
		for i := range parts {
			parts[i] = words[rng.IntN(len(words))]
			if hostile && rng.IntN(8) == 0 {
				parts[i] = odd[rng.IntN(len(odd))]
			}
		}
		return strings.Join(parts, " ")
	}
	type spec struct {
		level  vncite.Level
		typ    string
		issuer string
	}
	levels := []spec{
		{vncite.LevelCentral, "NQ", "TW"},
		{vncite.LevelProvince, "KH", "TU"},
		{vncite.LevelDistrict, "KH", "HU"},
		{vncite.LevelCommune, "KH", "ĐU"},
	}
	fanout := []int{63, 8, 20}
	g := vncite.Graph{Root: "NQ-25-TW-XI", Direction: "down", Depth: 3}
	g.Nodes = append(g.Nodes, vncite.Node{ID: g.Root, Number: "25-NQ/TW", Type: "NQ", Title: title(), Date: "2013-06-03", Level: vncite.LevelCentral, LagDays: lag(0)})
	days := []int{0}
	frontier := []int{0}
	for depth := 1; depth <= 3 && len(g.Nodes) < n; depth++ {
		var next []int
		for _, parent := range frontier {
			for k := 0; k < fanout[depth-1] && len(g.Nodes) < n; k++ {
				s := levels[depth]
				number := fmt.Sprintf("%d-%s/%s", 1+rng.IntN(300), s.typ, s.issuer)
				id := fmt.Sprintf("%s#%d", number, len(g.Nodes))
				if hostile && rng.IntN(10) == 0 {
					id = fmt.Sprintf("tỉnh %d / %s", len(g.Nodes), number)
				}
				d := days[parent] + 10 + rng.IntN(400)
				node := vncite.Node{ID: id, Number: number, Type: s.typ, Title: title(), Level: s.level,
					Province: fmt.Sprintf("Tỉnh %d", 1+(len(g.Nodes)%63)), Depth: depth, Stub: rng.IntN(5) == 0}
				if rng.IntN(6) != 0 {
					node.Date = dateAfter("2013-06-03", d)
					node.LagDays = lag(d)
				}
				g.Nodes = append(g.Nodes, node)
				days = append(days, d)
				i := len(g.Nodes) - 1
				g.Edges = append(g.Edges, vncite.GraphEdge{Source: id, Target: g.Nodes[parent].ID, Relation: vncite.Implements, Evidence: title()})
				if rng.IntN(4) == 0 {
					g.Edges = append(g.Edges, vncite.GraphEdge{Source: id, Target: g.Root, Relation: vncite.BasedOn, Evidence: title()})
				}
				next = append(next, i)
			}
		}
		frontier = next
	}
	return g
}

// dateAfter returns the YYYY-MM-DD date days after start.
func dateAfter(start string, days int) string {
	t, err := time.Parse(time.DateOnly, start)
	if err != nil {
		panic(err)
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

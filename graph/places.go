package graph

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/vncite/vncite"
)

// place is an issuing unit as far as a text tells it.
type place struct {
	Kind         string // folded: "tinh", "thanh pho", "thi xa", "huyen", "quan", "xa", "phuong", "thi tran"; "" unknown
	Name         string // "" when the text names no place
	ProvinceCode string
	Province     string // short name at the date
	Code         string // gazetteer code of a district or commune
	// Parent is the district a commune belongs to, when known (its
	// letterhead's "ĐẢNG BỘ HUYỆN X", or the gazetteer).
	Parent   *place
	FromText bool // the name was found in the document's text, not its header
	// New is set for a province formed by the 2025 merger, in a document
	// dated from 2025-07-01: a new committee, not the old province whose
	// code it kept.
	New bool
}

// level is the administrative level of the unit.
func (p place) level() vncite.Level {
	if p.Kind == "tinh" {
		return vncite.LevelProvince
	}
	if l := levelOfKind(p.Kind); l != "" {
		return l
	}
	if p.Name != "" && p.ProvinceCode != "" {
		return vncite.LevelDistrict
	}
	return ""
}

// known reports whether the unit is pinned down well enough to scope a
// local number by: a named unit, or a province.
func (p place) known() bool {
	return p.Name != "" || p.ProvinceCode != ""
}

// slug is the scope part of an id: "p46" for a province,
// "p46-thi-xa-huong-thuy" for a unit in a known province.
func (p place) slug() string {
	if p.Kind == "tinh" {
		if p.ProvinceCode != "" && p.New {
			return "n" + p.ProvinceCode
		}
		if p.ProvinceCode != "" {
			return "p" + p.ProvinceCode
		}
		return "p-" + slug(p.Name)
	}
	// Telex keeps the marks: xã Tân Thành and xã Tân Thạnh are two units.
	s := slug(p.Kind + " " + telex(p.Name))
	if p.ProvinceCode != "" {
		s = "p" + p.ProvinceCode + "-" + s
	}
	return s
}

// unitName is the unit as a reader would write it: "thị xã Hương Thủy".
func (p place) unitName() string {
	if p.Kind == "tinh" || p.Name == "" {
		return ""
	}
	return kindWord(p.Kind) + " " + p.Name
}

// committee names the unit's body for an issuer code: "Thị ủy Hương Thủy",
// "UBND thị xã Hương Thủy", "Tỉnh ủy Thừa Thiên Huế".
func (p place) committee(issuer string) string {
	name := p.Name
	if p.Kind == "tinh" && p.Province != "" {
		name = p.Province
	}
	var s string
	switch {
	case strings.Contains(issuer, "UBND"), strings.Contains(issuer, "HĐND"), strings.Contains(issuer, "UBMTTQ"):
		body := "UBND"
		if strings.Contains(issuer, "HĐND") {
			body = "HĐND"
		}
		s = body + " " + kindWord(p.Kind) + " " + name
	default:
		s = partyCommittee(p.Kind) + " " + name
	}
	s = strings.Join(strings.Fields(s), " ")
	if p.Kind != "tinh" && p.Province != "" {
		s += " (" + p.Province + ")"
	}
	return s
}

func kindWord(kind string) string {
	switch kind {
	case "tinh":
		return "tỉnh"
	case "thanh pho":
		return "thành phố"
	case "thi xa":
		return "thị xã"
	case "huyen":
		return "huyện"
	case "quan":
		return "quận"
	case "xa":
		return "xã"
	case "phuong":
		return "phường"
	case "thi tran":
		return "thị trấn"
	case "dac khu":
		return "đặc khu"
	}
	return ""
}

func partyCommittee(kind string) string {
	switch kind {
	case "tinh":
		return "Tỉnh ủy"
	case "thanh pho":
		return "Thành ủy"
	case "thi xa":
		return "Thị ủy"
	case "huyen":
		return "Huyện ủy"
	case "quan":
		return "Quận ủy"
	case "xa", "phuong", "thi tran", "dac khu":
		return "Đảng ủy " + kindWord(kind)
	}
	return "Cấp ủy"
}

// committeeWords are the Party committees and state bodies met in bodies,
// folded, with the unit kind they belong to ("" when a unit word follows).
var committeeWords = []struct {
	words []string
	kind  string
}{
	{[]string{"dang", "uy", "xa"}, "xa"},
	{[]string{"dang", "uy", "phuong"}, "phuong"},
	{[]string{"dang", "uy", "thi", "tran"}, "thi tran"},
	{[]string{"dang", "uy", "dac", "khu"}, "dac khu"},
	{[]string{"tinh", "uy"}, "tinh"},
	{[]string{"thanh", "uy"}, "thanh pho"},
	{[]string{"thi", "uy"}, "thi xa"},
	{[]string{"huyen", "uy"}, "huyen"},
	{[]string{"quan", "uy"}, "quan"},
}

// unitWords are the words naming a unit's kind before its name.
var unitWords = []struct {
	words []string
	kind  string
}{
	{[]string{"thanh", "pho"}, "thanh pho"},
	{[]string{"thi", "xa"}, "thi xa"},
	{[]string{"thi", "tran"}, "thi tran"},
	{[]string{"dac", "khu"}, "dac khu"},
	{[]string{"tinh"}, "tinh"},
	{[]string{"tp"}, "thanh pho"},
	{[]string{"tx"}, "thi xa"},
	{[]string{"tt"}, "thi tran"},
	{[]string{"huyen"}, "huyen"},
	{[]string{"quan"}, "quan"},
	{[]string{"xa"}, "xa"},
	{[]string{"phuong"}, "phuong"},
}

// abbrevDot puts a space after the dot of "TP.HCM", "TX.Hương Thủy".
var abbrevDot = strings.NewReplacer("TP.", "TP. ", "Tp.", "Tp. ", "TX.", "TX. ", "Tx.", "Tx. ", "TT.", "TT. ")

// word is one whitespace-separated word of a body or place line.
type word struct {
	raw    string // as written, punctuation trimmed
	folded string
	stop   bool // punctuation after it ends a name
}

// segments splits a text at line ends, tabs and runs of three spaces or
// more: the gap between the columns of a two-column header ("ĐẢNG BỘ THÀNH
// PHỐ ĐÀ NẴNG      ĐẢNG CỘNG SẢN VIỆT NAM"), which a name never runs across.
func segments(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\n' || s[i] == '\t':
			out = append(out, s[start:i])
			start = i + 1
		case s[i] == ' ' && strings.HasPrefix(s[i:], "   "):
			out = append(out, s[start:i])
			for i < len(s) && s[i] == ' ' {
				i++
			}
			start = i
			i--
		}
	}
	return append(out, s[start:])
}

func words(s string) []word {
	var out []word
	s = abbrevDot.Replace(s)
	for _, line := range segments(s) {
		for _, f := range strings.Fields(line) {
			inName := nameApostrophe(f)
			if inName {
				// Highland names keep their apostrophe: "K' Dang", "Ch'ơm",
				// "Ea H'leo"; it is no quote ending the name.
				f = strings.ReplaceAll(f, "’", "'")
			}
			stop := strings.ContainsAny(f, ".,;:()\"“”!?") || !inName && strings.ContainsAny(f, "'’")
			raw := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !(inName && r == '\'') })
			raw = strings.TrimLeft(raw, "'")
			if raw == "" {
				if f == "-" || f == "–" {
					out = append(out, word{raw: "-", folded: "-"})
				} else if len(out) > 0 {
					out[len(out)-1].stop = true
				}
				continue
			}
			if strings.HasSuffix(f, ".") && len([]rune(raw)) <= 2 {
				stop = false // an abbreviation: "TP.", "TX.", "H."
			}
			out = append(out, word{raw: raw, folded: fold(raw), stop: stop && !strings.HasPrefix(f, "(")})
		}
		if len(out) > 0 {
			out[len(out)-1].stop = true // a name does not run across lines
		}
	}
	return out
}

// nameApostrophe reports whether a word's apostrophe is part of a name:
// right after a letter ("K'", "H'leo", "M'Lan"), as in the highland names
// of the gazetteer.
func nameApostrophe(f string) bool {
	prev := rune(0)
	for _, r := range f {
		if (r == '\'' || r == '’') && unicode.IsLetter(prev) {
			return true
		}
		prev = r
	}
	return false
}

func matchWords(ws []word, i int, pat []string) bool {
	if i+len(pat) > len(ws) {
		return false
	}
	for j, p := range pat {
		if ws[i+j].folded != p {
			return false
		}
	}
	return true
}

// nameAfter reads a proper name starting at ws[i]: capitalised words (or
// numbers: "Phường 3"), up to punctuation or a lower-case word.
func nameAfter(ws []word, i int) string {
	if i > 0 && i <= len(ws) && ws[i-1].stop {
		return "" // punctuation right after the unit word: no name follows
	}
	var parts []string
	for j := i; j < len(ws) && len(parts) < 5; j++ {
		w := ws[j]
		if w.raw == "-" {
			if len(parts) > 0 && j+1 < len(ws) && startsUpper(ws[j+1].raw) {
				parts = append(parts, "-")
				continue
			}
			break
		}
		if !startsUpper(w.raw) && !unicode.IsDigit([]rune(w.raw)[0]) {
			break
		}
		if j > i && strings.EqualFold(w.folded, "khoa") {
			break
		}
		parts = append(parts, w.raw)
		if w.stop {
			break
		}
	}
	return recase(strings.Join(parts, " "))
}

// recase turns a name written in capitals ("ĐỨC TRỌNG", from a letterhead)
// into the usual form ("Đức Trọng"); other names are left as written.
func recase(name string) string {
	upper := false
	for _, r := range name {
		if unicode.IsLower(r) {
			return name
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	if !upper {
		return name
	}
	ws := strings.Fields(name)
	for i, w := range ws {
		rs := []rune(strings.ToLower(w))
		if len(rs) > 0 && !(len(ws) > 1 && len(rs) <= 3 && isRoman(w)) {
			rs[0] = unicode.ToUpper(rs[0])
			ws[i] = string(rs)
		}
	}
	return strings.Join(ws, " ")
}

func isRoman(s string) bool {
	return strings.Trim(s, "IVX") == ""
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// bodyMemo remembers parsed bodies and place lines, which repeat across
// documents ("Ban Thường vụ Tỉnh ủy"); parsing is pure, so this is a cache.
type bodyMemo struct {
	mu     sync.Mutex
	bodies map[string]parsedBody
	places map[string][]place
	slugs  map[string]string
}

// slug is slug memoized: place names repeat.
func (g *Gazetteer) slug(s string) string {
	m := g.memo
	m.mu.Lock()
	v, ok := m.slugs[s]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = slug(s)
	m.mu.Lock()
	if len(m.slugs) >= maxMemo {
		clear(m.slugs)
	}
	m.slugs[s] = v
	m.mu.Unlock()
	return v
}

type parsedBody struct {
	kind, name string
	ok         bool
}

const maxMemo = 20000

func (g *Gazetteer) parseBody(body string) (string, string, bool) {
	m := g.memo
	m.mu.Lock()
	p, ok := m.bodies[body]
	m.mu.Unlock()
	if ok {
		return p.kind, p.name, p.ok
	}
	k, n, found := parseBody(body)
	m.mu.Lock()
	if len(m.bodies) >= maxMemo {
		clear(m.bodies)
	}
	m.bodies[body] = parsedBody{k, n, found}
	m.mu.Unlock()
	return k, n, found
}

func (g *Gazetteer) parsePlaceLine(line string) []place {
	m := g.memo
	m.mu.Lock()
	p, ok := m.places[line]
	m.mu.Unlock()
	if ok {
		return slices.Clone(p)
	}
	p = parsePlaceLine(line)
	m.mu.Lock()
	if len(m.places) >= maxMemo {
		clear(m.places)
	}
	m.places[line] = slices.Clone(p)
	m.mu.Unlock()
	return p
}

// parseBody finds the unit a body names: "Ban Thường vụ Tỉnh ủy Lâm Đồng"
// → ("tinh", "Lâm Đồng"); "UBND thị xã" → ("thi xa", ""); "Ban Thường vụ
// Thị ủy" → ("thi xa", ""). ok is false when no committee or unit is named.
func parseBody(body string) (kind, name string, ok bool) {
	ws := words(body)
	for i := range ws {
		for _, c := range committeeWords {
			if matchWords(ws, i, c.words) {
				return c.kind, nameAfter(ws, i+len(c.words)), true
			}
		}
		if ws[i].folded == "ubnd" || ws[i].folded == "hdnd" || matchWords(ws, i, []string{"uy", "ban", "nhan", "dan"}) || matchWords(ws, i, []string{"hoi", "dong", "nhan", "dan"}) {
			j := i + 1
			if ws[i].folded != "ubnd" && ws[i].folded != "hdnd" {
				j = i + 4
			}
			for _, u := range unitWords {
				if matchWords(ws, j, u.words) {
					return u.kind, nameAfter(ws, j+len(u.words)), true
				}
			}
			return "", nameAfter(ws, j), true
		}
	}
	return "", "", false
}

// parsePlaceLine reads a place line ("thị xã Hương Thủy", "Đakrông, Quảng
// Trị", "Lâm Đồng") into its parts, most specific first.
func parsePlaceLine(s string) []place {
	var out []place
	for _, part := range strings.Split(s, ",") {
		ws := words(part)
		if len(ws) == 0 {
			continue
		}
		p := place{}
		i := 0
		for _, u := range unitWords {
			if matchWords(ws, 0, u.words) {
				p.Kind = u.kind
				i = len(u.words)
				break
			}
		}
		if p.Kind == "" {
			// A body may stand in the place field: "UBND thị xã Hương Thủy".
			if k, n, ok := parseBody(part); ok {
				out = append(out, place{Kind: k, Name: n})
				continue
			}
		}
		p.Name = nameAfter(ws, i)
		if p.Name == "" && p.Kind == "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// resolve fills the province (and gazetteer code) of p as of date, given
// the province the context suggests (may be empty).
func (g *Gazetteer) resolve(p place, date, contextProvince string) place {
	switch {
	case p.Kind == "tinh":
		if p.ProvinceCode == "" && p.Name != "" {
			if c, ok := g.provinceCode(p.Name, date); ok {
				p.ProvinceCode, p.Name = c, ""
			}
		}
	case p.Kind == "thanh pho" && p.Name != "":
		// A centrally-run city is province level.
		if c, ok := g.provinceCode(p.Name, date); ok && g.isCentralCity(c, date) {
			p.Kind, p.ProvinceCode, p.Name = "tinh", c, ""
		}
	case p.Kind == "" && p.Name != "":
		if c, ok := g.provinceCode(p.Name, date); ok {
			p.Kind, p.ProvinceCode, p.Name = "tinh", c, ""
		}
	}
	found2025 := false
	if p.Kind != "tinh" && p.Name != "" && p.Code == "" && date >= mergerDay && levelOfKind(p.Kind) == vncite.LevelCommune && g.full {
		// From 2025-07-01 communes were merged and renamed ("xã Bá
		// Thước", named after the district it replaced): the 2025 table.
		prov := p.ProvinceCode
		if prov == "" {
			prov = contextProvince
		}
		if prov != "" {
			if _, ok := g.newProv[prov]; !ok {
				prov, _ = g.newProvince(prov)
			}
		}
		u, ok := g.commune2025(p.Kind, p.Name, prov)
		if !ok && prov != "" {
			u, ok = g.commune2025(p.Kind, p.Name, "")
			ok = ok && p.ProvinceCode == "" && contextProvince == ""
		}
		if ok {
			// Its 2025 code is left out: codes of the two tables overlap.
			p.Kind, p.Name, p.ProvinceCode, found2025 = u.Kind, u.Name, u.Province, true
		}
	}
	if p.Kind != "tinh" && p.Name != "" && p.Code == "" && !found2025 {
		prov := p.ProvinceCode
		if prov == "" {
			prov = contextProvince
		}
		u, ok := g.findUnit(p.Kind, p.Name, prov)
		if !ok && prov != "" && g.full && g.countUnits(p.Kind, p.Name, prov) == 0 {
			// Units change kind (huyện Phong Điền became a thị xã in 2024,
			// xã Hương Sơ a phường): the gazetteer's one unit of that name
			// and level in the province is the one an older text names.
			u, ok = g.sameLevelUnit(p.Kind, p.Name, prov)
		}
		switch {
		case ok:
			p.Code, p.Kind, p.Name, p.ProvinceCode = u.Code, u.Kind, u.Name, u.Province
		case !g.full:
			// Without a gazetteer, a named unit in a document of a known
			// province is taken to be in that province.
			if p.ProvinceCode == "" {
				p.ProvinceCode = prov
			}
		case prov != "" && g.countUnits(p.Kind, p.Name, prov) > 0:
			// Several of that name in the province: the province stands.
			p.ProvinceCode = prov
		default:
			// Not in the province the context suggests: the one unit of
			// that name elsewhere, if there is exactly one; the context's
			// province if the gazetteer knows no such unit at all.
			if u, ok := g.findUnit(p.Kind, p.Name, ""); ok {
				p.Code, p.Kind, p.Name, p.ProvinceCode = u.Code, u.Kind, u.Name, u.Province
			} else if g.countUnits(p.Kind, p.Name, "") == 0 && p.ProvinceCode == "" {
				p.ProvinceCode = prov
			}
		}
	}
	if p.ProvinceCode != "" && date >= mergerDay {
		if _, ok := g.newProv[p.ProvinceCode]; !ok {
			p.ProvinceCode, _ = g.newProvince(p.ProvinceCode)
		}
		p.New = g.mergedNew(p.ProvinceCode)
	}
	if p.ProvinceCode != "" {
		p.Province = g.provinceName(p.ProvinceCode, date)
	}
	return p
}

// docPlace resolves a document's own issuing unit from its body, place line
// and issuer code.
func (g *Gazetteer) docPlace(d vncite.Document, text string) place {
	if d.Body == "" && d.Place == "" {
		// An article: its dateline "(Yên Phong) - ..." may name the place.
		if p, ok := g.datelinePlace(text, d.Date); ok {
			return p
		}
	}
	kind, name, _ := g.parseBody(d.Body)
	parts := g.parsePlaceLine(d.Place)
	// The letterhead ("ĐẢNG BỘ TỈNH LÂM ĐỒNG / HUYỆN ỦY ĐỨC TRỌNG", "UBND
	// TỈNH ...") names the province and often the unit.
	lhProv, lhKind, lhName, lhParent := g.letterhead(text, d.Date)
	// The province named in the place line, if any: not the unit's own
	// name written alone ("Hòa Bình, ngày ..." of xã Hòa Bình).
	var prov string
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i].Kind == "" && parts[i].Name != "" && (g.slug(parts[i].Name) == g.slug(name) || g.slug(parts[i].Name) == g.slug(lhName)) {
			continue
		}
		pp := g.resolve(parts[i], d.Date, "")
		if pp.Kind == "tinh" && pp.ProvinceCode != "" {
			prov = pp.ProvinceCode
			parts = append(parts[:i:i], parts[i+1:]...)
			break
		}
	}
	if kind == "" {
		kind = kindOfIssuer(d.Issuer)
	}
	if prov == "" {
		prov = lhProv
	}
	if name == "" && lhName != "" && (kind == "" || kind == lhKind) {
		kind, name = lhKind, lhName
	}
	if prov == "" {
		// A place line naming a unit the gazetteer knows gives its province;
		// not the unit's own name written alone ("Vĩnh Thuận, ngày ..." of
		// xã Vĩnh Thuận, which is also a district's name elsewhere).
		for _, pp := range parts {
			if pp.Kind == "" && pp.Name != "" && (g.slug(pp.Name) == g.slug(name) || g.slug(pp.Name) == g.slug(lhName)) {
				continue
			}
			if r := g.resolve(pp, d.Date, ""); r.ProvinceCode != "" {
				prov = r.ProvinceCode
				break
			}
		}
	}
	var p place
	switch {
	case kind == "tinh":
		p = place{Kind: "tinh", Name: name}
		if name == "" {
			if prov == "" {
				return place{Kind: "tinh"}
			}
			p.ProvinceCode = prov
		}
	case name != "":
		p = place{Kind: kind, Name: name}
	default:
		// The body names the kind only: take the name from the place line.
		for _, pp := range parts {
			if pp.Name != "" && (pp.Kind == "" || kind == "" || pp.Kind == kind) {
				p = pp
				if p.Kind == "" {
					p.Kind = kind
				}
				break
			}
		}
		if p.Name == "" && kind != "" && kind != "tinh" {
			if n := onlyUnitNamed(text, kind); n != "" {
				p = place{Kind: kind, Name: n, FromText: true}
			}
		}
		if p.Name == "" {
			if prov != "" && (kind == "" || kind == "tinh") {
				return g.resolve(place{Kind: "tinh", ProvinceCode: prov}, d.Date, "")
			}
			return place{Kind: kind, ProvinceCode: prov, Province: g.provinceName(prov, d.Date)}
		}
	}
	p = g.resolve(p, d.Date, prov)
	if prov != "" && p.Kind != "tinh" && p.Name != "" && g.full && p.ProvinceCode != g.resolve(place{Kind: "tinh", ProvinceCode: prov}, d.Date, "").ProvinceCode {
		// The header names the province ("ĐẢNG BỘ TỈNH VĨNH LONG" over
		// "ĐẢNG ỦY PHƯỜNG PHÚ TÂN"): the unit is there, even when the
		// gazetteer does not hold it there (a commune formed in 2025) and
		// holds units of that name elsewhere.
		pv := g.resolve(place{Kind: "tinh", ProvinceCode: prov}, d.Date, "")
		p = place{Kind: p.Kind, Name: p.Name, ProvinceCode: pv.ProvinceCode, Province: pv.Province, New: pv.New, FromText: p.FromText}
	}
	if lhParent.Name != "" && levelOfKind(p.Kind) == vncite.LevelCommune && g.full {
		if q, ok := g.unitUnder(p, lhParent, d.Date); ok {
			p = q
		} else if u, ok := g.byCode[p.Code]; ok && !g.named(u.Parent, lhParent.Name) {
			// The one unit of that name the gazetteer has is not under
			// the district the letterhead names: not this one.
			p.Code, p.ProvinceCode, p.Province = "", prov, ""
			if prov != "" {
				p.Province = g.provinceName(prov, d.Date)
			}
		}
	}
	if p.ProvinceCode == "" && p.Kind != "tinh" && p.Name != "" {
		if q, ok := g.placeInText(p, text, d.Date); ok {
			p = q
		}
	}
	if levelOfKind(p.Kind) == vncite.LevelCommune {
		if u, ok := g.byCode[p.Code]; ok && len(u.Code) == 5 {
			if par, ok := g.byCode[u.Parent]; ok {
				if lhParent.Name != "" && g.slug(lhParent.Name) != g.slug(par.Name) {
					// The letterhead names the district as it was then
					// ("ĐẢNG BỘ THÀNH PHỐ HUẾ", now quận Thuận Hóa).
					par = g.oldUnit(par, lhParent.Name)
				} else if lhParent.Name == "" {
					par = g.asAt(par, d.Date)
				}
				pp := place{Kind: par.Kind, Name: par.Name, Code: par.Code, ProvinceCode: par.Province, Province: g.provinceName(par.Province, d.Date)}
				p.Parent = &pp
			}
		} else if lhParent.Name != "" {
			pp := g.resolve(lhParent, d.Date, p.ProvinceCode)
			p.Parent = &pp
		}
	}
	return p
}

// kindOfIssuer is the unit kind an issuer code implies on its own: "HU" is
// a Huyện ủy; "TU" may be a Tỉnh ủy, Thành ủy or Thị ủy, so it says nothing.
func kindOfIssuer(issuer string) string {
	switch {
	case strings.HasSuffix(issuer, "HU"):
		return "huyen"
	case strings.HasSuffix(issuer, "QU"):
		return "quan"
	}
	return ""
}

// onlyUnitNamed returns the name of the one unit of kind the text names
// ("thị xã Hương Thuỷ"), or "" when it names none or several: a header
// saying only "UBND thị xã" is then pinned down by its own text.
func onlyUnitNamed(text, kind string) string {
	if text == "" {
		return ""
	}
	var pat []string
	for _, u := range unitWords {
		if u.kind == kind && len(u.words) > len(pat) {
			pat = u.words
		}
	}
	if len(pat) == 0 {
		return ""
	}
	ws := words(text)
	name, key := "", ""
	for i := range ws {
		if !matchWords(ws, i, pat) {
			continue
		}
		n := nameAfter(ws, i+len(pat))
		if n == "" {
			continue
		}
		if k := slug(n); key == "" {
			name, key = n, k
		} else if k != key {
			return ""
		}
	}
	return name
}

// letterhead reads the first lines of a text for the issuing units: the
// province ("ĐẢNG BỘ TỈNH X", "TỈNH ỦY X", "UBND TỈNH X") and a unit below
// it ("HUYỆN ỦY Y", "UBND HUYỆN Y").
func (g *Gazetteer) letterhead(text, date string) (prov, kind, name string, parent place) {
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if lines++; lines > 12 {
			break
		}
		// Two-column headers: the issuer on the left, the national motto
		// on the right.
		if i := strings.Index(line, "   "); i > 0 {
			line = line[:i]
		} else if i := strings.IndexByte(line, '\t'); i > 0 {
			line = line[:i]
		}
		if len(line) > 120 || hasLower(line) {
			continue // running text, not a letterhead (written in capitals)
		}
		if ws := words(line); matchWords(ws, 0, []string{"dang", "bo"}) {
			for _, u := range unitWords {
				if matchWords(ws, 2, u.words) {
					n := nameAfter(ws, 2+len(u.words))
					r := g.resolve(place{Kind: u.kind, Name: n}, date, "")
					switch {
					case r.Kind == "tinh" && r.ProvinceCode != "":
						if prov == "" {
							prov = r.ProvinceCode
						}
					case n != "" && parent.Name == "":
						// "ĐẢNG BỘ HUYỆN LƯƠNG SƠN" above a commune's committee.
						parent = place{Kind: u.kind, Name: n}
					}
					break
				}
			}
			continue
		}
		k, n, ok := g.parseBody(line)
		if !ok {
			// "TỈNH HÀ TĨNH" under "ỦY BAN NHÂN DÂN".
			ws := words(line)
			for _, u := range unitWords {
				if matchWords(ws, 0, u.words) {
					k, n, ok = u.kind, nameAfter(ws, len(u.words)), true
					break
				}
			}
		}
		if !ok || n == "" {
			continue
		}
		r := g.resolve(place{Kind: k, Name: n}, date, "")
		switch {
		case r.Kind == "tinh" && r.ProvinceCode != "":
			if prov == "" {
				prov = r.ProvinceCode
			}
		case name == "":
			kind, name = k, n
		}
	}
	return prov, kind, name, parent
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// countUnits counts the gazetteer's units of kind (may be empty) and name,
// in province prov when given.
func (g *Gazetteer) countUnits(kind, name, prov string) int {
	n := 0
	for _, u := range sameMarks(g.units[kind+"|"+g.slug(name)], name) {
		if prov == "" || u.Province == prov {
			n++
		}
	}
	return n
}

// placeInText pins down a unit the gazetteer holds several of ("xã Tân
// Thành") by the provinces and districts the text names: the one unit of
// that kind and name among them, if exactly one.
func (g *Gazetteer) placeInText(p place, text, date string) (place, bool) {
	if !g.full || p.Name == "" || text == "" {
		return p, false
	}
	if len(text) > 20000 {
		text = text[:20000]
	}
	provs, dists := map[string]bool{}, map[string]bool{}
	ws := words(text)
	for i := range ws {
		for _, u := range unitWords {
			if !matchWords(ws, i, u.words) {
				continue
			}
			n := nameAfter(ws, i+len(u.words))
			if n == "" {
				break
			}
			switch u.kind {
			case "tinh", "thanh pho":
				if c, ok := g.provinceCode(n, date); ok {
					provs[c] = true
				}
				if u.kind == "thanh pho" {
					dists[g.slug(n)] = true
				}
			case "huyen", "thi xa", "quan":
				dists[g.slug(n)] = true
			}
			break
		}
	}
	var found []unit
	for _, u := range sameMarks(g.units[p.Kind+"|"+g.slug(p.Name)], p.Name) {
		in := provs[u.Province]
		if parent, ok := g.byCode[u.Parent]; ok && dists[g.slug(parent.Name)] {
			in = true
		}
		if in {
			found = append(found, u)
		}
	}
	if len(found) != 1 {
		return p, false
	}
	u := found[0]
	p.Code, p.Kind, p.Name, p.ProvinceCode = u.Code, u.Kind, u.Name, u.Province
	p.Province = g.provinceName(u.Province, date)
	return p, true
}

// unitUnder finds the one commune of p's kind and name in the district its
// letterhead names ("ĐẢNG BỘ HUYỆN CAO PHONG").
func (g *Gazetteer) unitUnder(p, parent place, date string) (place, bool) {
	var found []unit
	pt := telex(parent.Name)
	for _, u := range sameMarks(g.units[p.Kind+"|"+g.slug(p.Name)], p.Name) {
		par, ok := g.byCode[u.Parent]
		if !ok || !g.named(u.Parent, parent.Name) {
			continue
		}
		if !isASCII(parent.Name) && g.slug(par.Name) == g.slug(parent.Name) && telex(par.Name) != pt {
			continue
		}
		found = append(found, u)
	}
	if len(found) != 1 {
		return p, false
	}
	u := found[0]
	p.Code, p.Kind, p.Name, p.ProvinceCode = u.Code, u.Kind, u.Name, u.Province
	p.Province = g.provinceName(u.Province, date)
	return p, true
}

// datelinePlace reads a news article's dateline, "(Yên Phong) - Thời gian
// qua ...", in its first paragraphs: the place the gazetteer knows by
// that name, a province or the one district or commune of the name.
func (g *Gazetteer) datelinePlace(text, date string) (place, bool) {
	head := text[:min(len(text), 1500)]
	for off := 0; ; {
		i := strings.IndexByte(head[off:], '(')
		if i < 0 {
			return place{}, false
		}
		i += off
		off = i + 1
		j := strings.IndexByte(head[i:], ')')
		if j < 0 || j > 60 {
			continue
		}
		rest := strings.TrimLeft(head[i+j+1:], " ")
		if !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "–") {
			continue
		}
		if i > 0 && head[i-1] != '\n' && head[i-1] != ' ' {
			continue
		}
		name := strings.TrimSpace(head[i+1 : i+j])
		if name == "" || !startsUpper(name) {
			continue
		}
		if c, ok := g.provinceCode(name, date); ok {
			return g.resolve(place{Kind: "tinh", ProvinceCode: c}, date, ""), true
		}
		if !g.full {
			return place{}, false
		}
		u, ok := g.findUnit("", name, "")
		if !ok {
			// Several districts of that name ("(Châu Thành) - ..."): the
			// unit is named, its province is not; candidates are then
			// looked for in each (see citingRange).
			kind := ""
			for _, c := range sameMarks(g.units["|"+g.slug(name)], name) {
				switch {
				case len(c.Code) != 3:
				case kind == "":
					kind = c.Kind
				case kind != c.Kind:
					return place{}, false
				}
			}
			if kind == "" {
				return place{}, false
			}
			return place{Kind: kind, Name: name, FromText: true}, true
		}
		p := place{Kind: u.Kind, Name: u.Name, Code: u.Code, ProvinceCode: u.Province, Province: g.provinceName(u.Province, date), FromText: true}
		if par, ok := g.byCode[u.Parent]; ok && len(u.Code) == 5 {
			pp := place{Kind: par.Kind, Name: par.Name, Code: par.Code, ProvinceCode: par.Province, Province: g.provinceName(par.Province, date)}
			p.Parent = &pp
		}
		return p, true
	}
}

// sameLevelUnit finds the one unit of name in province prov whose level is
// kind's, whatever its kind.
func (g *Gazetteer) sameLevelUnit(kind, name, prov string) (unit, bool) {
	level := levelOfKind(kind)
	if level == "" || level == vncite.LevelProvince {
		return unit{}, false
	}
	var found []unit
	for _, u := range sameMarks(g.units["|"+g.slug(name)], name) {
		if u.Province == prov && levelOfKind(u.Kind) == level {
			found = append(found, u)
		}
	}
	if len(found) != 1 {
		return unit{}, false
	}
	return found[0], true
}

// oldUnit is u under its earlier name, when it had that name; else u.
func (g *Gazetteer) oldUnit(u unit, name string) unit {
	for _, o := range g.units["|"+g.slug(name)] {
		if o.Code == u.Code {
			return o
		}
	}
	return u
}

// namesake is the unit of kind named like district p in p's province, when
// the gazetteer has one ("Huyện ủy" cited by a commune the gazetteer puts
// under thành phố Hồng Ngự: huyện Hồng Ngự, which still exists beside the
// city carved out of it); else p itself, whose kind changed since (huyện
// Phong Điền, now a thị xã).
func (g *Gazetteer) namesake(p place, kind, date string) place {
	if u, ok := g.findUnit(kind, p.Name, p.ProvinceCode); ok && u.Code != p.Code {
		return g.resolve(place{Kind: u.Kind, Name: u.Name, ProvinceCode: u.Province}, date, u.Province)
	}
	return p
}

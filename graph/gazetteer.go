package graph

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vncite/vncite"
)

// Gazetteer is the administrative units, before and after the 2025 merger.
// LoadGazetteer reads the full one (provinces, districts, communes);
// without it the store uses the 63 + 34 provinces embedded in vncite.
type Gazetteer struct {
	provinces map[string]province // old code → province (before 2025-07-01)
	newProv   map[string]province // new code → province (from 2025-07-01)
	oldBySlug map[string]string   // slug or alias → old code
	newBySlug map[string]string   // slug → new code
	// units are districts and communes before the merger, by kind and
	// slug ("thi xa|huong-thuy"), and by slug alone ("|huong-thuy").
	units  map[string][]unit
	byCode map[string]unit
	// cities are the cities (thành phố thuộc tỉnh) of each province.
	cities map[string][]unit
	// oldNames are the slugs of the names a unit had before its current
	// one, by code ("474": "hue").
	oldNames map[string][]string
	// before is a unit as it was named on 2024-02-01, when it has had
	// another name since (474: thành phố Huế, now quận Thuận Hóa).
	before map[string]unit
	// communes2025 are the communes from 2025-07-01 (no districts above
	// them), by kind and slug, with the new provinces' codes.
	communes2025 map[string][]unit
	full         bool
	memo         *bodyMemo
}

type province struct {
	Code, Name string // short name: "Lâm Đồng"
	City       bool
	NewCode    string
}

// unit is a district- or commune-level unit from the gazetteer.
type unit struct {
	Code, Kind, Name, Parent, Province string // Kind folded: "thi xa", "huyen", "xa"
}

// embeddedGazetteer is the fallback: provinces only.
func embeddedGazetteer() *Gazetteer {
	g := newGazetteer()
	for _, p := range provinces2024 {
		g.addProvince(province{Code: p.code, Name: p.name, City: p.city, NewCode: p.newCode})
	}
	for _, p := range provinces2025 {
		g.addNewProvince(province{Code: p.code, Name: p.name, City: p.city, NewCode: p.code})
	}
	g.addAliases()
	return g
}

func newGazetteer() *Gazetteer {
	return &Gazetteer{
		provinces: map[string]province{}, newProv: map[string]province{},
		oldBySlug: map[string]string{}, newBySlug: map[string]string{},
		units: map[string][]unit{}, byCode: map[string]unit{}, oldNames: map[string][]string{}, before: map[string]unit{}, communes2025: map[string][]unit{},
		memo: &bodyMemo{bodies: map[string]parsedBody{}, places: map[string][]place{}, slugs: map[string]string{}},
	}
}

func (g *Gazetteer) addProvince(p province) {
	g.provinces[p.Code] = p
	g.oldBySlug[slug(p.Name)] = p.Code
}

func (g *Gazetteer) addNewProvince(p province) {
	g.newProv[p.Code] = p
	g.newBySlug[slug(p.Name)] = p.Code
}

func (g *Gazetteer) addAliases() {
	for a, code := range provinceAliases {
		if _, ok := g.oldBySlug[a]; !ok {
			g.oldBySlug[a] = code
		}
	}
}

// LoadGazetteer reads the TSV files of a gazetteer directory in the format
// of shared/gazetteer (provinces-2024.tsv, provinces-2025.tsv,
// units-2024.tsv, merge-2025.tsv; units-2024-retired.tsv when present).
func LoadGazetteer(dir string) (*Gazetteer, error) {
	g := newGazetteer()
	g.full = true
	merge := map[string]string{}
	if err := readTSV(filepath.Join(dir, "merge-2025.tsv"), 3, func(f []string) {
		merge[f[0]] = f[2]
	}); err != nil {
		return nil, err
	}
	if err := readTSV(filepath.Join(dir, "provinces-2024.tsv"), 4, func(f []string) {
		g.addProvince(province{Code: f[0], Name: f[2], City: f[3] == "thành phố", NewCode: merge[f[0]]})
		if len(f) > 5 && f[5] != "" {
			g.oldBySlug[slug(stripLevel(f[5]))] = f[0]
		}
	}); err != nil {
		return nil, err
	}
	if err := readTSV(filepath.Join(dir, "provinces-2025.tsv"), 4, func(f []string) {
		g.addNewProvince(province{Code: f[0], Name: f[2], City: f[3] == "thành phố", NewCode: f[0]})
	}); err != nil {
		return nil, err
	}
	addUnit := func(f []string) {
		u := unit{Code: f[0], Kind: fold(f[2]), Name: f[5], Parent: f[3], Province: f[4]}
		if u.Kind == "thanh pho thuoc tinh" || u.Kind == "thanh pho thuoc thanh pho truc thuoc trung uong" {
			u.Kind = "thanh pho"
		}
		s := slug(u.Name)
		if cur, dup := g.byCode[u.Code]; dup {
			// A unit the retired table gives its older kind or name
			// (huyện Phong Điền, a thị xã since 2024; thành phố Huế, now
			// quận Thuận Hóa): older texts name it so. Under the same name
			// it is the current unit, whatever kind a text gives it, so
			// that "huyện Phong Điền" is not taken for the one huyện of
			// that name elsewhere; under another name it is the old unit
			// with the same code.
			switch {
			case slug(cur.Name) == s && cur.Kind != u.Kind:
				g.units[u.Kind+"|"+s] = append(g.units[u.Kind+"|"+s], cur)
			case slug(cur.Name) != s:
				g.units[u.Kind+"|"+s] = append(g.units[u.Kind+"|"+s], u)
				g.units["|"+s] = append(g.units["|"+s], u)
				g.oldNames[u.Code] = append(g.oldNames[u.Code], s)
				g.before[u.Code] = u
			}
			return
		}
		g.byCode[u.Code] = u
		g.units[u.Kind+"|"+s] = append(g.units[u.Kind+"|"+s], u)
		g.units["|"+s] = append(g.units["|"+s], u)
	}
	if err := readTSV(filepath.Join(dir, "units-2024.tsv"), 7, addUnit); err != nil {
		return nil, err
	}
	retired := filepath.Join(dir, "units-2024-retired.tsv")
	if _, err := os.Stat(retired); err == nil {
		if err := readTSV(retired, 7, addUnit); err != nil {
			return nil, err
		}
	}
	if cur := filepath.Join(dir, "units-2025.tsv"); true {
		if _, err := os.Stat(cur); err == nil {
			err := readTSV(cur, 5, func(f []string) {
				u := unit{Code: f[0], Kind: fold(f[2]), Name: f[4], Province: f[3]}
				if levelOfKind(u.Kind) != vncite.LevelCommune {
					return
				}
				s := slug(u.Name)
				g.communes2025[u.Kind+"|"+s] = append(g.communes2025[u.Kind+"|"+s], u)
			})
			if err != nil {
				return nil, err
			}
		}
	}
	if len(g.provinces) == 0 || len(g.newProv) == 0 {
		return nil, fmt.Errorf("graph: gazetteer %s: no provinces", dir)
	}
	g.addAliases()
	g.cities = map[string][]unit{}
	for _, u := range g.byCode {
		if len(u.Code) == 3 && u.Kind == "thanh pho" {
			g.cities[u.Province] = append(g.cities[u.Province], u)
		}
	}
	return g, nil
}

// readTSV calls row for each data line of a TSV file with at least min fields.
func readTSV(path string, min int, row func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("graph: gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < min {
			return fmt.Errorf("graph: gazetteer %s:%d: %d fields, want %d", path, line, len(fields), min)
		}
		row(fields)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("graph: gazetteer %s: %w", path, err)
	}
	return nil
}

// stripLevel removes a leading "Tỉnh " or "Thành phố " from a province name.
func stripLevel(name string) string {
	for _, p := range []string{"Tỉnh ", "Thành phố "} {
		if strings.HasPrefix(name, p) {
			return name[len(p):]
		}
	}
	return name
}

// Full reports whether g was loaded from files (with districts and
// communes) rather than being the embedded province list.
func (g *Gazetteer) Full() bool { return g.full }

// provinceCode finds a province by name as of date (YYYY-MM-DD, may be
// empty): before 2025-07-01 among the 63, from then among the 34.
func (g *Gazetteer) provinceCode(name, date string) (string, bool) {
	s := g.slug(name)
	for _, p := range []string{"tinh-", "thanh-pho-", "tp-"} {
		s = strings.TrimPrefix(s, p)
	}
	if date >= mergerDay {
		if c, ok := g.newBySlug[s]; ok {
			return c, true
		}
	}
	c, ok := g.oldBySlug[s]
	return c, ok
}

// provinceName is the short name of province code at date: the new
// province's after the merger, "Huế" for code 46 from 2025.
func (g *Gazetteer) provinceName(code, date string) string {
	if code == "46" && date < mergerDay {
		if date != "" && date >= hueRenamed {
			return "Huế"
		}
		return "Thừa Thiên Huế"
	}
	if date >= mergerDay {
		if p, ok := g.newProv[code]; ok {
			return p.Name
		}
		if p, ok := g.provinces[code]; ok {
			if np, ok := g.newProv[p.NewCode]; ok {
				return np.Name
			}
		}
	}
	if p, ok := g.provinces[code]; ok {
		return p.Name
	}
	if p, ok := g.newProv[code]; ok {
		return p.Name
	}
	return ""
}

// isCentralCity reports whether the province code is a centrally-run city.
func (g *Gazetteer) isCentralCity(code, date string) bool {
	if code == "46" {
		return date >= hueRenamed
	}
	p, ok := g.provinces[code]
	return ok && p.City
}

// newProvince returns the code and name of the province an old province
// became part of on 2025-07-01.
func (g *Gazetteer) newProvince(code string) (string, string) {
	p, ok := g.provinces[code]
	if !ok {
		if np, ok := g.newProv[code]; ok {
			return np.Code, np.Name
		}
		return "", ""
	}
	np := g.newProv[p.NewCode]
	return np.Code, np.Name
}

// findUnit looks a district or commune up by kind (folded, may be empty)
// and name, preferring province prov when given. It returns a unit only
// when exactly one matches.
func (g *Gazetteer) findUnit(kind, name, prov string) (unit, bool) {
	cands := sameMarks(g.units[kind+"|"+g.slug(name)], name)
	if prov != "" {
		var in []unit
		for _, u := range cands {
			if u.Province == prov {
				in = append(in, u)
			}
		}
		cands = in
	}
	if kind == "" {
		// Prefer district-level units when only a name is given.
		var districts []unit
		for _, u := range cands {
			if len(u.Code) == 3 {
				districts = append(districts, u)
			}
		}
		if len(districts) > 0 {
			cands = districts
		}
	}
	if len(cands) != 1 {
		return unit{}, false
	}
	return cands[0], true
}

// levelOfKind maps a folded unit kind to its level.
func levelOfKind(kind string) vncite.Level {
	switch kind {
	case "tinh":
		return vncite.LevelProvince
	case "thanh pho", "thi xa", "huyen", "quan":
		return vncite.LevelDistrict
	case "xa", "phuong", "thi tran", "dac khu":
		return vncite.LevelCommune
	}
	return ""
}

// mergedNew reports whether new province code was formed by merging
// several old ones (23 of the 34 were).
func (g *Gazetteer) mergedNew(code string) bool {
	n := 0
	for _, p := range g.provinces {
		if p.NewCode == code {
			n++
		}
	}
	return n > 1
}

// sameMarks keeps the units whose name has the same marks as name ("Tân
// Thạnh" is not "Tân Thành"), unless name has none (text without marks
// matches any).
func sameMarks(units []unit, name string) []unit {
	if isASCII(name) || len(units) == 0 {
		return units
	}
	t := telex(name)
	var out []unit
	for _, u := range units {
		if telex(u.Name) == t {
			out = append(out, u)
		}
	}
	return out
}

// onlyCity returns the one city (thành phố thuộc tỉnh) of province code,
// when the gazetteer gives it exactly one: the unit a "Thành ủy" named
// without a place in that province's documents is.
func (g *Gazetteer) onlyCity(code string) (unit, bool) {
	if cs := g.cities[code]; len(cs) == 1 {
		return cs[0], true
	}
	return unit{}, false
}

// named reports whether the unit of code is, or was before its current
// name, called name.
func (g *Gazetteer) named(code, name string) bool {
	u, ok := g.byCode[code]
	if !ok {
		return false
	}
	s := g.slug(name)
	if g.slug(u.Name) == s {
		return true
	}
	return slices.Contains(g.oldNames[code], s)
}

// renamesFrom is a safe day before which the units the gazetteer's retired
// table gives another name had their old one: the renamings between its
// two states (2024-02-01 and 2025-03-01) took effect from late 2024.
const renamesFrom = "2024-10-01"

// asAt is unit u as it was named at date: its old name and kind for a date
// before the renamings of 2024-2025.
func (g *Gazetteer) asAt(u unit, date string) unit {
	if date == "" || date >= renamesFrom {
		return u
	}
	if b, ok := g.before[u.Code]; ok {
		return b
	}
	return u
}

// commune2025 finds the one commune of kind and name from 2025-07-01, in
// new province prov when given.
func (g *Gazetteer) commune2025(kind, name, prov string) (unit, bool) {
	var found []unit
	for _, u := range sameMarks(g.communes2025[kind+"|"+g.slug(name)], name) {
		if prov == "" || u.Province == prov {
			found = append(found, u)
		}
	}
	if len(found) != 1 {
		return unit{}, false
	}
	return found[0], true
}

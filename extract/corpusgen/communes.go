package corpusgen

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Commune is a commune-level unit of a gazetteer: its short name and whether
// it is a ward (phường) rather than a rural commune (xã).
type Commune struct {
	Name string
	Ward bool
}

// Communes are real communes of the generator's units, keyed "province
// code/district name" before the 2025 reform and "province code" after it.
// With them every generated commune is where the gazetteer puts it, so a
// reader with the gazetteer can place it; without them (nil) communes get
// common names that no gazetteer lookup will find.
type Communes map[string][]Commune

// communesPerUnit caps the communes taken of one unit.
const communesPerUnit = 16

// LoadCommunes reads the communes of the generator's districts (and, after
// the reform, provinces) from a gazetteer in the format of the project's
// shared/gazetteer: units-2024.tsv, units-2024-retired.tsv, units-2025.tsv.
// The gazetteer is public data kept outside the repository, so it is read
// at run time rather than compiled in.
func LoadCommunes(fsys fs.FS) (Communes, error) {
	old, err := readUnits(fsys, "units-2024.tsv", true)
	if err != nil {
		return nil, err
	}
	retired, err := readUnits(fsys, "units-2024-retired.tsv", true)
	if err != nil {
		return nil, err
	}
	cur, err := readUnits(fsys, "units-2025.tsv", false)
	if err != nil {
		return nil, err
	}
	districtCode := map[string]string{}
	for _, r := range append(old, retired...) {
		if len(r.code) == 3 {
			k := r.province + "|" + unitSlug(r.short)
			if _, ok := districtCode[k]; !ok {
				districtCode[k] = r.code
			}
		}
	}
	byDistrict := map[string][]Commune{}
	for _, r := range old {
		if len(r.code) == 5 && (r.level == "xã" || r.level == "phường") {
			byDistrict[r.parent] = append(byDistrict[r.parent], Commune{r.short, r.level == "phường"})
		}
	}
	byProvince := map[string][]Commune{}
	for _, r := range cur {
		if r.level == "xã" || r.level == "phường" {
			byProvince[r.province] = append(byProvince[r.province], Commune{r.short, r.level == "phường"})
		}
	}
	out := Communes{}
	for _, p := range provinces63 {
		for _, d := range p.districts {
			code, ok := districtCode[p.code+"|"+unitSlug(d.name)]
			if !ok {
				continue
			}
			if cs := spreadCommunes(byDistrict[code]); len(cs) > 0 {
				out[p.code+"/"+d.name] = cs
			}
		}
	}
	for _, p := range provinces34 {
		if cs := spreadCommunes(byProvince[p.code]); len(cs) > 0 {
			out[p.code] = cs
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("corpusgen: gazetteer: no communes of the generator's units found")
	}
	return out, nil
}

// unitRow is one row of a gazetteer units table.
type unitRow struct{ code, level, parent, province, short string }

// readUnits reads a units table; withParent is the 2024 layout (code, name,
// level, parent_code, province_code, short_name, ...), else the 2025 one
// (code, name, level, province_code, short_name, ...).
func readUnits(fsys fs.FS, name string, withParent bool) ([]unitRow, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("corpusgen: gazetteer: %w", err)
	}
	defer f.Close()
	var out []unitRow
	sc := bufio.NewScanner(f)
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue // header
		}
		c := strings.Split(sc.Text(), "\t")
		switch {
		case withParent && len(c) >= 6:
			out = append(out, unitRow{c[0], c[2], c[3], c[4], c[5]})
		case !withParent && len(c) >= 5:
			out = append(out, unitRow{c[0], c[2], "", c[3], c[4]})
		default:
			return nil, fmt.Errorf("corpusgen: gazetteer: %s line %d: %d columns", name, line+1, len(c))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpusgen: gazetteer: %s: %w", name, err)
	}
	return out, nil
}

// unitSlug folds a unit name to lower-case ASCII joined by hyphens, so that
// tone-mark placement ("Hoà"/"Hòa") does not keep a district from its code.
func unitSlug(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// spreadCommunes keeps at most communesPerUnit distinct communes, spread
// evenly over the unit's list.
func spreadCommunes(cs []Commune) []Commune {
	seen := map[string]bool{}
	var uniq []Commune
	for _, c := range cs {
		if !seen[c.Name] {
			seen[c.Name] = true
			uniq = append(uniq, c)
		}
	}
	if len(uniq) <= communesPerUnit {
		return uniq
	}
	out := make([]Commune, communesPerUnit)
	for i := range out {
		out[i] = uniq[i*len(uniq)/communesPerUnit]
	}
	return out
}

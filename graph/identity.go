package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// numberClass says which identity rule a number follows.
type numberClass int

const (
	classCentralParty numberClass = iota // N-TYPE/TW, N-TYPE/VPTW: keyed by term
	classLocalParty                      // N-TYPE/TU, /HU, /ĐU: keyed by scope and year
	classCentralState                    // N/TYPE-TTg, N/YYYY/NĐ-CP: keyed by year
	classLocalState                      // N/TYPE-UBND, /HĐND: keyed by scope and year
)

// numberParts is a canonical number taken apart.
type numberParts struct {
	Type, Issuer string
	Year         int
	Party        bool
}

// splitNumber takes a canonical number apart: "25-NQ/TW" (Party),
// "16/CT-TTg", "18/2000/CT-TTg", "10/2022/QH15" (state).
func splitNumber(n string) numberParts {
	i := strings.IndexByte(n, '/')
	if i < 0 {
		return numberParts{}
	}
	left, rest := n[:i], n[i+1:]
	if j := strings.IndexByte(left, '-'); j >= 0 {
		return numberParts{Type: left[j+1:], Issuer: rest, Party: true}
	}
	var p numberParts
	if k := strings.IndexByte(rest, '/'); k == 4 {
		if y, err := strconv.Atoi(rest[:4]); err == nil {
			p.Year = y
			rest = rest[5:]
		}
	}
	if j := strings.IndexByte(rest, '-'); j >= 0 {
		p.Type, p.Issuer = rest[:j], rest[j+1:]
	} else {
		p.Issuer = rest
	}
	return p
}

func classify(p numberParts) numberClass {
	up := strings.ToUpper(p.Issuer)
	if p.Party {
		if strings.HasSuffix(up, "TW") {
			return classCentralParty
		}
		return classLocalParty
	}
	if strings.Contains(up, "UBND") || strings.Contains(up, "HĐND") || strings.Contains(up, "HDND") || strings.Contains(up, "UBMTTQ") {
		return classLocalState
	}
	return classCentralState
}

func (c numberClass) local() bool { return c == classLocalParty || c == classLocalState }

// termRank orders central terms: "XII" → 12; 0 when unknown.
func termRank(t string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	t = strings.ToUpper(strings.TrimSpace(t))
	n := 0
	for i := 0; i < len(t); i++ {
		v, ok := vals[t[i]]
		if !ok {
			return 0
		}
		if i+1 < len(t) && vals[t[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0
	}
	return y
}

// shortHash is a short stable digest for ids.
func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:5])
}

// identity is what Key and id computation decide for one document.
type identity struct {
	ID       string
	Key      vncite.Key
	Class    numberClass
	Place    place // the issuing unit, when local and known
	Level    vncite.Level
	Floating bool // term or year not known: may be merged with the one candidate later
	sameDoc  bool // taken from another mention of the number in the same document
}

// apply copies identity facts onto d.
func (id identity) apply(d *vncite.Document) {
	d.ID = id.ID
	k := id.Key
	d.Key = &k
	d.Level = id.Level
	if id.Place.Province != "" {
		d.Province, d.ProvinceCode = id.Place.Province, id.Place.ProvinceCode
	}
	if u := id.Place.unitName(); u != "" {
		d.Unit = u
	}
}

// numberedID builds an id from a number and its qualifier.
func numberedID(number, qualifier string) string {
	return slug(number) + "@" + qualifier
}

// ownIdentity keys a document being ingested from its own header. source
// identifies documents that have no number, or whose local number has no
// scope.
func (s *Store) ownIdentity(d vncite.Document, source, text string) identity {
	if d.Number == "" {
		pl := s.gaz.docPlace(d, text)
		return identity{ID: "doc-" + shortHash(source), Place: pl, Level: levelOfDoc(d, pl)}
	}
	parts := splitNumber(d.Number)
	class := classify(parts)
	switch class {
	case classCentralParty, classCentralState:
		return s.centralIdentity(d.Number, parts, class, d.Term, d.Date, "its own header")
	}
	pl := s.gaz.docPlace(d, text)
	if !pl.known() {
		return identity{
			ID:    numberedID(d.Number, "u-"+shortHash(source)),
			Key:   vncite.Key{Number: d.Number, Confidence: "unscoped", Why: "its header names no place; kept apart from every other " + d.Number},
			Class: class, Place: pl, Level: levelOfDoc(d, pl),
		}
	}
	conf, why := "stated", "its header: "+strings.TrimSpace(d.Body+" "+d.Place)
	if pl.FromText {
		conf, why = "inferred", "its header names "+strings.TrimSpace(d.Body)+" without a place; the text names one "+kindWord(pl.Kind)+": "+pl.Name
	}
	return s.localIdentity(d.Number, parts, class, pl, d.Date, conf, why, source)
}

// centralIdentity keys a central Party number by term, a central state
// number by year.
func (s *Store) centralIdentity(number string, parts numberParts, class numberClass, term, date, where string) identity {
	id := identity{Class: class, Level: vncite.LevelCentral, Key: vncite.Key{Number: number}}
	if class == classCentralParty {
		dateTerm := extract.TermOf(date)
		switch {
		case term != "":
			id.Key.Term, id.Key.Confidence, id.Key.Why = strings.ToUpper(term), "stated", "khóa "+strings.ToUpper(term)+" stated in "+where
			if dateTerm != "" && dateTerm != id.Key.Term {
				id.Key.Why += "; the date " + date + " given beside it falls in khóa " + dateTerm
			}
		case dateTerm != "":
			id.Key.Term, id.Key.Confidence, id.Key.Why = dateTerm, "derived", "dated "+date+" in "+where+", which falls in khóa "+dateTerm
		default:
			id.Key.Confidence, id.Key.Why = "unknown", "no date or term in "+where
			id.Floating = true
		}
		q := strings.ToLower(id.Key.Term)
		if q == "" {
			q = "unk"
		}
		id.ID = numberedID(number, q)
		return id
	}
	switch {
	case parts.Year != 0:
		id.Key.Year, id.Key.Confidence, id.Key.Why = parts.Year, "stated", "the year is part of the number"
	case yearOf(date) != 0:
		id.Key.Year, id.Key.Confidence, id.Key.Why = yearOf(date), "derived", "dated "+date+" in "+where
	default:
		id.Key.Confidence, id.Key.Why = "unknown", "no date in "+where
		id.Floating = true
	}
	q := "unk"
	if id.Key.Year != 0 {
		q = strconv.Itoa(id.Key.Year)
	}
	id.ID = numberedID(number, q)
	return id
}

// localIdentity keys a local number by its scope and year.
func (s *Store) localIdentity(number string, parts numberParts, class numberClass, pl place, date, confidence, why, anchor string) identity {
	id := identity{Class: class, Place: pl, Level: pl.level(), Key: vncite.Key{Number: number, Scope: pl.committee(parts.Issuer), Confidence: confidence, Why: why}}
	if id.Level == "" {
		id.Level = levelOfIssuer(parts.Issuer)
	}
	scope := pl.slug()
	if pl.ProvinceCode == "" {
		// A unit below the province, or a province named only through
		// one, without its province: the name may exist in several
		// provinces ("xã Minh Khai"), so it is kept apart per citing
		// document (per source for the document itself) and never merged
		// across provinces.
		scope += "~" + shortHash(anchor)
		id.Key.Why += "; its province is not known, so it is not merged with another document's " + number
	}
	year := parts.Year
	if year == 0 {
		year = yearOf(date)
	}
	q := scope + ".unk"
	if year != 0 {
		id.Key.Year = year
		q = scope + "." + strconv.Itoa(year)
	} else {
		id.Floating = true
	}
	id.ID = numberedID(number, q)
	return id
}

// refContext is what a citing document contributes to keying what it cites.
type refContext struct {
	ID     string
	Doc    vncite.Document
	Place  place
	Issuer string
	// Near is what the documents the citing document cites themselves
	// cite: an undated central mention most likely means one of them.
	Near map[string]bool
}

// refIdentity keys a cited number from the citing clause and the citing
// document; it says what the text supports and no more.
func (s *Store) refIdentity(r vncite.Reference, cx refContext) identity {
	parts := splitNumber(r.Number)
	if r.Year != 0 && parts.Year == 0 {
		parts.Year = r.Year
	}
	class := classify(parts)
	if !class.local() {
		return s.centralIdentity(r.Number, parts, class, r.Term, r.Date, "the citing clause")
	}
	pl, conf, why, ok := s.refScope(r, parts, cx)
	if !ok {
		return identity{
			ID:    numberedID(r.Number, "u-"+shortHash(cx.ID)),
			Key:   vncite.Key{Number: r.Number, Confidence: "unscoped", Why: why},
			Class: class, Place: pl, Level: pl.level(),
		}
	}
	return s.localIdentity(r.Number, parts, class, pl, r.Date, conf, why, cx.ID)
}

// refScope finds the unit a local reference belongs to: named in the
// citing clause, else relative to the citing document's unit, else none.
func (s *Store) refScope(r vncite.Reference, parts numberParts, cx refContext) (place, string, string, bool) {
	date := r.Date
	if date == "" {
		date = cx.Doc.Date
	}
	kind, name, hasBody := s.gaz.parseBody(r.Body)
	if hasBody && name != "" {
		pl := s.gaz.resolve(place{Kind: kind, Name: name}, date, cx.Place.ProvinceCode)
		return pl, "stated", "the citing clause names " + strings.TrimSpace(r.Body), true
	}
	cp := cx.Place
	cpDesc := describePlace(cp)
	if !hasBody {
		// No body named: only the citing document's own issuer, citing
		// its own number series, says where it belongs.
		if parts.Issuer == "TU" && (cp.Kind == "huyen" || cp.Kind == "quan") && cp.ProvinceCode != "" {
			// A rural or urban district has no TU of its own: a TU number
			// it cites is its province's.
			pl := s.gaz.resolve(place{Kind: "tinh", ProvinceCode: cp.ProvinceCode}, date, "")
			return pl, "inferred", "no body named beside it; a TU number cited by a document " + cpDesc + " is its province's", true
		}
		if cx.Issuer != "" && cx.Issuer == parts.Issuer && cp.known() {
			return cp, "inferred", "no body named beside it; it has the citing document's issuer code " + parts.Issuer + " and the citing document is " + cpDesc, true
		}
		return cp, "unscoped", "no body or place named beside it, and the citing document (" + cpDesc + ") does not pin " + parts.Issuer + " down", false
	}
	if kind == "" {
		// "UBND" with no unit word: the citing document's own unit.
		if cp.known() && cx.Issuer == parts.Issuer {
			return cp, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc, true
		}
		return place{}, "unscoped", strings.TrimSpace(r.Body) + " named without a place", false
	}
	if kind == "tinh" {
		switch {
		case cp.ProvinceCode != "":
			pl := s.gaz.resolve(place{Kind: "tinh", ProvinceCode: cp.ProvinceCode}, date, "")
			return pl, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc + ", which is in " + pl.Province, true
		case cp.Name != "":
			// The province of a named unit the store cannot place without
			// a gazetteer: scoped relative to that unit.
			pl := place{Kind: "tinh", Name: "(tỉnh có " + cp.unitName() + ")"}
			return pl, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc + "; its province is not known (no gazetteer, or several units of that name)", true
		}
		return place{Kind: "tinh"}, "unscoped", strings.TrimSpace(r.Body) + " named without a place, and the citing document names no place", false
	}
	// A district- or commune-level committee named without a place: the
	// citing document's own unit when it is of that kind.
	if kind == "thanh pho" && cp.Kind == "tinh" && cp.ProvinceCode != "" && s.gaz.isCentralCity(cp.ProvinceCode, date) {
		return cp, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc, true
	}
	if kind == "thanh pho" && cp.Kind == "tinh" && cp.ProvinceCode != "" {
		// A Thành ủy named without a place in a document of a province
		// that has one city (its capital): that city's.
		if u, ok := s.gaz.onlyCity(cp.ProvinceCode); ok {
			pl := s.gaz.resolve(place{Kind: u.Kind, Name: u.Name, ProvinceCode: cp.ProvinceCode}, date, cp.ProvinceCode)
			return pl, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc + ", whose one city is " + u.Name, true
		}
	}
	if par := cp.Parent; par != nil && par.Name != "" && levelOfKind(kind) == vncite.LevelDistrict && (par.Kind == kind || par.Kind == "" || districtOnly(kind) && levelOfKind(par.Kind) == vncite.LevelDistrict) {
		// A commune's document citing its district's committee: the one
		// district-level committee above it, whatever kind the gazetteer
		// gives the district now (huyện Phong Điền is a thị xã since 2024,
		// and its Huyện ủy of 2003 is cited as such).
		pl := *par
		if pl.Kind == "" || pl.Code == "" {
			pl.Kind = kind
		} else if pl.Kind != kind {
			pl = s.gaz.namesake(pl, kind, date)
		}
		return pl, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc + " of " + par.unitName(), true
	}
	if cp.Name != "" && (cp.Kind == kind || (cp.Kind == "" && levelOfKind(kind) == vncite.LevelDistrict) || cp.Code != "" && districtOnly(kind) && levelOfKind(cp.Kind) == vncite.LevelDistrict) {
		// The citing document's own committee; a unit the gazetteer
		// placed keeps the gazetteer's kind, as the unit's own documents do.
		pl := cp
		if pl.Kind == "" || pl.Code == "" {
			pl.Kind = kind
		} else if pl.Kind != kind {
			pl = s.gaz.namesake(pl, kind, date)
		}
		return pl, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc, true
	}
	if kind == "thanh pho" && cp.ProvinceCode != "" && levelOfKind(cp.Kind) != "" && s.gaz.isCentralCity(cp.ProvinceCode, date) {
		// "UBND thành phố" named without a place by a district or commune
		// of a centrally-run city (quận Gò Vấp) that is no city itself:
		// that city, the province.
		pl := s.gaz.resolve(place{Kind: "tinh", ProvinceCode: cp.ProvinceCode}, date, "")
		return pl, "inferred", strings.TrimSpace(r.Body) + " named without a place, cited by a document " + cpDesc + ", a unit of the centrally-run city " + pl.Province, true
	}
	return place{Kind: kind}, "unscoped", strings.TrimSpace(r.Body) + " named without a place, and the citing document (" + cpDesc + ") is not of that unit", false
}

// districtOnly reports whether a committee kind exists at district level
// only (Huyện ủy, Thị ủy, Quận ủy), unlike a Thành ủy, which may be a
// province's (a centrally-run city) or a district's.
func districtOnly(kind string) bool {
	return kind == "huyen" || kind == "thi xa" || kind == "quan"
}

func describePlace(p place) string {
	switch {
	case p.Kind == "tinh" && p.Province != "":
		return "of tỉnh " + p.Province
	case p.Name != "" && p.Province != "":
		return "of " + p.unitName() + " (" + p.Province + ")"
	case p.Name != "":
		return "of " + strings.TrimSpace(kindWord(p.Kind)+" "+p.Name)
	}
	return "of no named place"
}

// levelOfIssuer guesses a level from an issuer code alone.
func levelOfIssuer(issuer string) vncite.Level {
	switch {
	case strings.HasSuffix(issuer, "TW"):
		return vncite.LevelCentral
	case strings.HasSuffix(issuer, "HU"), strings.HasSuffix(issuer, "QU"):
		return vncite.LevelDistrict
	case strings.HasSuffix(issuer, "ĐU"), strings.HasSuffix(issuer, "DU"):
		return vncite.LevelCommune
	}
	return ""
}

// levelOfDoc is a document's level from its unit, body or issuer.
func levelOfDoc(d vncite.Document, pl place) vncite.Level {
	if l := pl.level(); l != "" {
		return l
	}
	if d.Issuer != "" {
		if l := levelOfIssuer(d.Issuer); l != "" {
			return l
		}
		if p := splitNumber(d.Number); !p.Party && classify(p) == classCentralState {
			return vncite.LevelCentral
		}
	}
	if k, _, ok := parseBody(d.Body); ok {
		return levelOfKind(k)
	}
	return ""
}

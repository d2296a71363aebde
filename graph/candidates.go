package graph

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// A local number cited without a place a reader can pin down from the text
// alone ("Chương trình số 90-CTr/TU của Ban Thường vụ Tỉnh ủy", cited by
// UBND xã Đông Sơn, a name several provinces have) is still one document
// to a reader with a library: of the ingested documents with that number,
// the one whose unit the citing document can belong to, of the right
// level, dated as the citation says (or not after the citing document).
// localCandidate finds it, and only when exactly one fits; a citing
// document that names no place at all gets no candidate (24-CT/TU of seed
// 003 stays unscoped).

// uncertainLocal reports whether a local identity leaves the unit open:
// unscoped, or scoped to a unit whose province is not known.
func uncertainLocal(id identity) bool {
	if !id.Class.local() {
		return false
	}
	return id.Key.Confidence == "unscoped" || id.Key.Confidence == "inferred" || id.Place.ProvinceCode == ""
}

// placeRange is where a citing document's unit can be: the provinces, and
// the districts a commune can belong to ("" key: any in that province).
type placeRange struct {
	provinces map[string]bool
	districts map[string]bool // province code + "|" + district slug
	self      place
	// anyDistrict lets a district's document of one of the provinces fit
	// a citing document known only by its province (a news page placed
	// by its dateline): set for a mention dated to the day, which only
	// one district's document of that number is likely to match.
	anyDistrict bool
}

// citingRange finds where the citing document's unit can be; ok is false
// when it names no place (nothing to filter candidates by).
func (g *Gazetteer) citingRange(cp place) (placeRange, bool) {
	pr := placeRange{provinces: map[string]bool{}, districts: map[string]bool{}, self: cp}
	if cp.Kind == "tinh" {
		if cp.ProvinceCode == "" {
			return pr, false
		}
		pr.provinces[cp.ProvinceCode] = true
		return pr, true
	}
	if cp.Name == "" {
		return pr, false
	}
	commune := levelOfKind(cp.Kind) == vncite.LevelCommune
	if cp.ProvinceCode != "" && (!commune || cp.Parent != nil && cp.Parent.Name != "") {
		pr.provinces[cp.ProvinceCode] = true
		if commune {
			pr.districts[cp.ProvinceCode+"|"+g.slug(cp.Parent.Name)] = true
		}
		return pr, true
	}
	if !g.full {
		return pr, false
	}
	for _, u := range sameMarks(g.units[cp.Kind+"|"+g.slug(cp.Name)], cp.Name) {
		if cp.ProvinceCode != "" && u.Province != cp.ProvinceCode {
			continue
		}
		par, hasParent := g.byCode[u.Parent]
		if commune && cp.Parent != nil && cp.Parent.Name != "" && (!hasParent || !g.named(u.Parent, cp.Parent.Name)) {
			continue
		}
		pr.provinces[u.Province] = true
		if commune && hasParent {
			pr.districts[u.Province+"|"+g.slug(par.Name)] = true
			for _, old := range g.oldNames[par.Code] {
				pr.districts[u.Province+"|"+old] = true
			}
		}
	}
	if len(pr.provinces) == 0 && commune && cp.Parent != nil && cp.Parent.Name != "" {
		// A commune the gazetteer lacks, under a district it has.
		for _, u := range sameMarks(g.units[cp.Parent.Kind+"|"+g.slug(cp.Parent.Name)], cp.Parent.Name) {
			if len(u.Code) == 3 && (cp.ProvinceCode == "" || u.Province == cp.ProvinceCode) {
				pr.provinces[u.Province] = true
				pr.districts[u.Province+"|"+g.slug(u.Name)] = true
			}
		}
	}
	return pr, len(pr.provinces) > 0
}

// levelsFor is the levels a committee kind (from the citing clause's body)
// or, without one, an issuer code can be of.
func levelsFor(kind, issuer string) []vncite.Level {
	switch kind {
	case "tinh":
		return []vncite.Level{vncite.LevelProvince}
	case "thanh pho":
		return []vncite.Level{vncite.LevelDistrict, vncite.LevelProvince}
	case "":
	default:
		if l := levelOfKind(kind); l != "" {
			return []vncite.Level{l}
		}
	}
	up := strings.ToUpper(issuer)
	switch {
	case up == "TU":
		return []vncite.Level{vncite.LevelProvince, vncite.LevelDistrict}
	case strings.HasSuffix(up, "TU"):
		return []vncite.Level{vncite.LevelProvince}
	case strings.HasSuffix(up, "HU"), strings.HasSuffix(up, "QU"):
		return []vncite.Level{vncite.LevelDistrict}
	case strings.HasSuffix(up, "ĐU"), strings.HasSuffix(up, "DU"):
		return []vncite.Level{vncite.LevelCommune, vncite.LevelDistrict}
	}
	return []vncite.Level{vncite.LevelProvince, vncite.LevelDistrict, vncite.LevelCommune}
}

// fits reports whether ingested document d can be the one a citing
// document in range pr means.
func (g *Gazetteer) fits(d *vncite.Document, pr placeRange, levels []vncite.Level) bool {
	if d.ProvinceCode == "" {
		// A district whose own header names no province ("UBND HUYỆN AN
		// LÃO"): it fits when a district of that name is one the citing
		// commune can be under.
		return d.Level == vncite.LevelDistrict && slices.Contains(levels, vncite.LevelDistrict) && pr.self.level() == vncite.LevelCommune && g.districtNamed(d, pr)
	}
	if !pr.provinces[d.ProvinceCode] {
		return false
	}
	level := d.Level
	ok := false
	for _, l := range levels {
		ok = ok || l == level
	}
	if !ok {
		return false
	}
	selfLevel := pr.self.level()
	switch level {
	case vncite.LevelProvince:
		return true
	case vncite.LevelDistrict:
		units := g.parsePlaceLine(d.Unit)
		if len(units) == 0 || units[0].Name == "" {
			return false
		}
		name := g.slug(units[0].Name)
		if pr.anyDistrict && selfLevel == vncite.LevelProvince {
			return true
		}
		switch selfLevel {
		case vncite.LevelDistrict:
			return g.slug(pr.self.Name) == name
		case vncite.LevelCommune:
			return pr.districts[d.ProvinceCode+"|"+name]
		}
		return false
	case vncite.LevelCommune:
		units := g.parsePlaceLine(d.Unit)
		return selfLevel == vncite.LevelCommune && len(units) > 0 && g.slug(units[0].Name) == g.slug(pr.self.Name)
	}
	return false
}

// localCandidate returns the one ingested document a local mention with an
// open unit can mean, or nil.
//
// Of several, a reader takes the one that cites what the citing document
// cites (cites: the ids of its central mentions): "Kế hoạch số 50-KH/TU
// của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 06-NQ/TW", cited by
// a huyện Châu Thành that ten provinces have, is the one of their
// 50-KH/TU that implements 06-NQ/TW itself.
func (w *writer) localCandidate(r vncite.Reference, cx refContext, cites map[string]bool) (*vncite.Document, error) {
	g := w.s.gaz
	pr, ok := g.citingRange(cx.Place)
	if !ok {
		return nil, nil
	}
	parts := splitNumber(r.Number)
	year := parts.Year
	if year == 0 {
		year = r.Year
	}
	kind, _, _ := g.parseBody(r.Body)
	levels := levelsFor(kind, parts.Issuer)
	pr.anyDistrict = r.Date != "" && levelOfKind(kind) == vncite.LevelDistrict
	// Only the ids of the provinces the citing unit can be in, and, when
	// a district whose header names no province may fit, of such units.
	group := prefixKey(pNumber, r.Number)
	base := slug(r.Number) + "@"
	var kvs []kv
	subs := make([]string, 0, 2*len(pr.provinces)+4)
	for code := range pr.provinces {
		subs = append(subs, base+"p"+code)
		if cx.Doc.Date == "" || cx.Doc.Date >= mergerDay {
			subs = append(subs, base+"n"+code) // a province formed by the merger
		}
	}
	if slices.Contains(levels, vncite.LevelDistrict) && pr.self.level() == vncite.LevelCommune {
		for _, k := range []string{"huyen", "quan", "thi-xa", "thanh-pho"} {
			subs = append(subs, base+k+"-")
		}
	}
	for _, sub := range subs {
		got, err := w.scanUnder(group, sub)
		if err != nil {
			return nil, err
		}
		kvs = append(kvs, got...)
	}
	var found []*vncite.Document
	for _, e := range kvs {
		p := splitKey(e.k[1:])
		if len(p) != 2 || p[1] == cx.ID || !mayFitID(p[1], pr, year, cx.Doc.Date) {
			continue
		}
		d, err := w.getDoc(p[1])
		if err != nil {
			return nil, err
		}
		if d == nil || d.Stub || d.Number != r.Number || d.Date == "" {
			continue
		}
		switch {
		case r.Date != "" && d.Date != r.Date:
			continue
		case r.Date == "" && cx.Doc.Date != "" && d.Date > cx.Doc.Date:
			continue
		case year != 0 && yearOf(d.Date) != year:
			continue
		}
		if !g.fits(d, pr, levels) {
			continue
		}
		found = append(found, d)
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1 && r.Date == "":
		// The same unit's number of several terms or years: the one of
		// the citing document's own term or year, if known.
		if d, _ := latestLocal(found, r.Number, classify(parts), cx.Doc.Date); d != nil {
			return d, nil
		}
	}
	if len(found) > 1 && len(cites) > 0 {
		var shared *vncite.Document
		for _, d := range found {
			ok, err := w.citesAny(d.ID, cites)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
			if shared != nil {
				return nil, nil
			}
			shared = d
		}
		return shared, nil
	}
	return nil, nil
}

// citesAny reports whether document id cites one of ids.
func (w *writer) citesAny(id string, ids map[string]bool) (bool, error) {
	kvs, err := w.scan(prefixKey(pFwd, id), false)
	if err != nil {
		return false, err
	}
	for _, e := range kvs {
		if r, ok := edgeFromFwd(e.k); ok && r.From == id && ids[r.To] {
			return true, nil
		}
	}
	return false, nil
}

// localWhy says why a mention was tied to candidate c.
func localWhy(r vncite.Reference, c *vncite.Document, cx refContext) string {
	what := strings.TrimSpace(r.Body)
	if what == "" {
		what = "no body"
	}
	place := c.Province
	if c.Unit != "" {
		place = c.Unit + " (" + c.Province + ")"
	}
	return "inferred: " + r.Number + " cited with " + what + " and no place by a document " + describePlace(cx.Place) +
		"; the one " + r.Number + " known that fits (dated " + c.Date + ", of a unit it can mean, in its term or year, or citing what the citing document cites): " + place
}

// pinLocal finds, for each id of a mention whose unit the text leaves
// open, the one ingested document it means, unless the id already names an
// ingested document. Every mention with that id follows it (an undated
// mention of a number means what its dated mention in the same document
// means); two mentions pinning different documents pin none.
//
// First, a mention left unscoped takes the identity of the document's one
// scoped mention of the same number (see sameDocScope): ids may change.
func (w *writer) pinLocal(refs []vncite.Reference, ids []identity, cx refContext) (map[string]*vncite.Document, error) {
	sameDocScope(refs, ids)
	var cites map[string]bool
	for _, id := range ids {
		if id.ID != "" && !id.Class.local() && !id.Floating {
			if cites == nil {
				cites = map[string]bool{}
			}
			cites[id.ID] = true
		}
	}
	var pins map[string]*vncite.Document
	conflict := map[string]bool{}
	for i, r := range refs {
		id := ids[i]
		if r.Number == "" || !uncertainLocal(id) || id.sameDoc || conflict[id.ID] {
			continue
		}
		if id.Key.Confidence == "inferred" && id.Place.ProvinceCode != "" && r.Date != "" {
			continue // its province and year are known: the key is the document's
		}
		if d, err := w.getDoc(id.ID); err != nil {
			return nil, err
		} else if d != nil && !d.Stub {
			continue
		}
		c, err := w.localCandidate(r, cx, cites)
		if err != nil {
			return nil, err
		}
		if c == nil {
			continue
		}
		if prev := pins[id.ID]; prev != nil && prev.ID != c.ID {
			conflict[id.ID] = true
			delete(pins, id.ID)
			continue
		}
		if pins == nil {
			pins = map[string]*vncite.Document{}
		}
		pins[id.ID] = c
	}
	return pins, nil
}

// sameTitle reports whether two titles of a document agree: most words of
// the shorter are in the longer ("về tiếp tục thực hiện Kết luận số
// 08-KL/TW về nâng cao năng lực lãnh đạo ..." holds the cited document's
// own title "nâng cao năng lực lãnh đạo ...").
func sameTitle(a, b string) bool {
	wa, wb := titleWords(a), titleWords(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 3 {
		return true // too short to tell documents apart
	}
	in := 0
	for w := range wa {
		if wb[w] {
			in++
		}
	}
	return in*5 >= len(wa)*4
}

func titleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// near returns what the documents a citing document cites (by the keyed
// or pinned ids of its mentions) cite in turn, when one of its mentions
// is an undated central one that may need it; nil otherwise.
func (w *writer) near(ids []identity, pins map[string]*vncite.Document) (map[string]bool, error) {
	need := false
	for _, id := range ids {
		need = need || (id.Floating && id.ID != "" && !id.Class.local())
	}
	if !need {
		return nil, nil
	}
	out := map[string]bool{}
	seen := map[string]bool{}
	for _, id := range ids {
		target := id.ID
		if pin := pins[target]; pin != nil {
			target = pin.ID
		}
		if target == "" || id.Floating || seen[target] {
			continue
		}
		seen[target] = true
		kvs, err := w.scan(prefixKey(pFwd, target), false)
		if err != nil {
			return nil, err
		}
		for _, e := range kvs {
			if r, ok := edgeFromFwd(e.k); ok {
				out[r.To] = true
			}
		}
	}
	return out, nil
}

// districtNamed reports whether d's district is, by name, one of the
// districts the citing commune can be under.
func (g *Gazetteer) districtNamed(d *vncite.Document, pr placeRange) bool {
	units := g.parsePlaceLine(d.Unit)
	if len(units) == 0 || units[0].Name == "" {
		return false
	}
	suffix := "|" + g.slug(units[0].Name)
	for k := range pr.districts {
		if strings.HasSuffix(k, suffix) {
			return true
		}
	}
	return false
}

// mayFitID tells from a local id alone ("90-ctr-tu@p72.2003") whether its
// document can fit: its province among the citing range's (an id without
// one may still, through districtNamed), its year the one wanted and not
// after the citing document's. It spares decoding most documents of a
// common number ("01/KH-UBND").
func mayFitID(id string, pr placeRange, year int, citingDate string) bool {
	i := strings.LastIndexByte(id, '@')
	if i < 0 {
		return true
	}
	q := id[i+1:]
	if j := strings.LastIndexByte(q, '.'); j >= 0 {
		if y, err := strconv.Atoi(q[j+1:]); err == nil {
			if year != 0 && y != year {
				return false
			}
			if cy := yearOf(citingDate); cy != 0 && y > cy {
				return false
			}
		}
		q = q[:j]
	}
	if len(q) < 3 || (q[0] != 'p' && q[0] != 'n') || q[1] < '0' || q[1] > '9' {
		return true
	}
	k := 1
	for k < len(q) && q[k] >= '0' && q[k] <= '9' {
		k++
	}
	return pr.provinces[q[1:k]]
}

// sameDocScope makes the mentions of one local number in a document
// follow the most telling of them: within one document a number means one
// document. Mentions that name no body ("Kế hoạch 111", "111/KH-UBND")
// take the identity of those that name one ("Kế hoạch số 111/KH-UBND ...
// của UBND huyện"), scoped or not, when these agree on one: the citing
// document's own number series, which a bare mention is otherwise
// ascribed to, is only a guess. Then mentions left unscoped take the
// document's one scoped identity of that number, if there is one.
func sameDocScope(refs []vncite.Reference, ids []identity) {
	const several = -1
	var named, scoped map[string]int // number → index of its one identity, several
	note := func(m *map[string]int, number string, i int) {
		if *m == nil {
			*m = map[string]int{}
		}
		if j, ok := (*m)[number]; !ok {
			(*m)[number] = i
		} else if j != several && ids[j].ID != ids[i].ID {
			(*m)[number] = several
		}
	}
	for i, r := range refs {
		if r.Number == "" || !ids[i].Class.local() || ids[i].ID == "" || ids[i].sameDoc {
			continue
		}
		if strings.TrimSpace(r.Body) != "" {
			note(&named, r.Number, i)
		}
	}
	for i, r := range refs {
		if r.Number == "" || !ids[i].Class.local() || ids[i].ID == "" || strings.TrimSpace(r.Body) != "" {
			continue
		}
		if j, ok := named[r.Number]; ok && j != several && ids[j].ID != ids[i].ID {
			ids[i] = ids[j]
			ids[i].sameDoc = true
		}
	}
	for i, r := range refs {
		if r.Number == "" || !ids[i].Class.local() || ids[i].ID == "" || ids[i].Key.Confidence == "unscoped" {
			continue
		}
		note(&scoped, r.Number, i)
	}
	for i, r := range refs {
		if ids[i].Key.Confidence != "unscoped" || !ids[i].Class.local() {
			continue
		}
		if j, ok := scoped[r.Number]; ok && j != several {
			ids[i] = ids[j]
			ids[i].sameDoc = true
		}
	}
}

// latestLocal picks, of several documents of one local number that a
// mention without date can mean, the one a reader takes: the latest the
// citing document can cite, when every one left is of the same unit and
// it is of the citing document's own term (a committee numbers its Party
// documents anew each term, so within one term its "42-KH/TU" is one
// document) or year (state numbers restart each year). Of two units, or
// with only documents of earlier terms or years known, it picks none: the
// one meant may not be ingested yet. how says why (see mergeWhy).
func latestLocal(fit []*vncite.Document, number string, class numberClass, citingDate string) (*vncite.Document, string) {
	if citingDate == "" {
		return nil, ""
	}
	var latest *vncite.Document
	for _, d := range fit {
		if d.Date == "" || d.Date > citingDate {
			return nil, ""
		}
		if latest != nil && scopeOf(latest.ID) != scopeOf(d.ID) {
			return nil, ""
		}
		if latest == nil || d.Date > latest.Date {
			latest = d
		}
	}
	if latest == nil {
		return nil, ""
	}
	for _, d := range fit {
		if d != latest && d.Date == latest.Date {
			return nil, ""
		}
	}
	if class == classLocalParty {
		if t := extract.TermOf(citingDate); t == "" || extract.TermOf(latest.Date) != t {
			return nil, ""
		}
		return latest, "the one " + number + " of its unit known in the citing document's term (khóa " + extract.TermOf(citingDate) + "), of " + strconv.Itoa(len(fit)) + " it could cite"
	}
	if yearOf(latest.Date) != yearOf(citingDate) {
		return nil, ""
	}
	return latest, "the one " + number + " of its unit known of the citing document's year, of " + strconv.Itoa(len(fit)) + " it could cite"
}

// staleByTitle reports whether d, a central Party document of a term
// before the citing document's, is ruled out by the title given beside an
// undated mention of its number: every term reissues the low numbers
// ("03-CT/TW" of 2002 and of 2013), so a 2013 text citing "Chỉ thị số
// 03-CT/TW ... về nâng cao năng lực lãnh đạo ... công tác cán bộ" means
// that term's, not the known 2002 one of another title. Within the citing
// document's own term a title never rules out (a "về ..." beside a number
// may describe the citing act rather than title the cited document).
func staleByTitle(d *vncite.Document, class numberClass, citingDate, title string) bool {
	if class != classCentralParty || title == "" || d.Title == "" || citingDate == "" || d.Key == nil {
		return false
	}
	if termRank(d.Key.Term) >= termRank(extract.TermOf(citingDate)) {
		return false
	}
	return len(titleWords(title)) >= 4 && len(titleWords(d.Title)) >= 4 && !sameTitle(title, d.Title) && !sameTitle(d.Title, title)
}

// liveTarget is the node reference i of the document being ingested cites
// now: refIDs[i], unless a later mention in the same document settled that
// floating stub onto a dated document and dropped it (settleFloating moved
// the edge read at the reference's offset); a statement must then use the
// node the edge went to, not the dropped one.
func (w *writer) liveTarget(citing string, refIDs []string, refs []vncite.Reference, i int) (string, error) {
	id := refAt(refIDs, i)
	if id == "" || id == citing {
		return id, nil
	}
	if d, err := w.getDoc(id); err != nil || d != nil {
		return id, err
	}
	ri, err := w.loadReadIn(citing)
	if err != nil {
		return "", err
	}
	for _, e := range ri.Edges {
		if e.From == citing && e.Doc == citing && e.Start == refs[i].Start {
			return e.To, nil
		}
	}
	return "", nil
}

// undatedWhy opens the why of a mention tied to a document without its
// date or term (mergeWhy).
const undatedWhy = "inferred: cited without date or term"

// resettleCentral moves to d, a central document just ingested, the
// mentions without date or term that an earlier ingest tied to another
// document of d's number because d was not known yet: a 2013 text citing
// "Chỉ thị số 03-CT/TW" ingested before the 2013 03-CT/TW was tied to the
// 2002 one as the latest it could cite. Each citing document is decided
// again as candidate decides it now; one that also cites that other
// document with its date or term keeps it.
func (w *writer) resettleCentral(d *vncite.Document) error {
	class := classify(splitNumber(d.Number))
	if class.local() || d.Key == nil || d.Date == "" {
		return nil
	}
	keyed, err := w.keyedDocs(d.Number, class, "")
	if err != nil || len(keyed) < 2 {
		return err
	}
	for _, old := range keyed {
		if old.ID == d.ID || old.Date == "" || old.Date >= d.Date {
			continue
		}
		sights, err := w.scan(prefixKey(pSight, old.ID), true)
		if err != nil {
			return err
		}
		undated, dated := map[string]bool{}, map[string]bool{}
		for _, sk := range sights {
			var sg vncite.Sighting
			if json.Unmarshal(sk.v, &sg) != nil || sg.Citing == "" {
				continue
			}
			if strings.HasPrefix(sg.Why, undatedWhy) {
				undated[sg.Citing] = true
			} else {
				dated[sg.Citing] = true
			}
		}
		for citer := range undated {
			if dated[citer] {
				continue
			}
			cd, err := w.readDoc(citer)
			if err != nil {
				return err
			}
			if cd == nil || cd.Date == "" || cd.Date < d.Date {
				continue
			}
			c, how := pickCandidate(keyed, d.Number, class, "", cd.Date, "", nil)
			if c == nil || c.ID != d.ID {
				continue
			}
			if err := w.moveCiter(old.ID, d.ID, citer, mergeWhy(d.Number, c, how, refContext{ID: citer, Doc: *cd})); err != nil {
				return err
			}
		}
		if err := w.dropIfOrphan(old.ID); err != nil {
			return err
		}
	}
	return nil
}

// clearBorrowedYears clears, in out (refs with implausible dates cleared
// by plausibleDates), the year of an undated mention ("Chỉ thị nêu trên")
// that the extractor gave it from a mention of the same number whose date
// was cleared: a web page's time stamp read beside the title's number is
// no year of the document, in the short forms that follow it either.
func clearBorrowedYears(refs, out []vncite.Reference) {
	var cleared map[string]int
	for i, r := range refs {
		if r.Date != "" && out[i].Date == "" && r.Year != 0 {
			if cleared == nil {
				cleared = map[string]int{}
			}
			cleared[r.Number] = r.Year
		}
	}
	for i, r := range out {
		if y, ok := cleared[r.Number]; ok && r.Date == "" && r.Year == y && splitNumber(r.Number).Year == 0 {
			out[i].Year = 0
		}
	}
}

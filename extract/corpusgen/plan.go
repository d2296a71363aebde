package corpusgen

import (
	"math"
	"math/rand/v2"
	"slices"
)

// The plan is the corpus without its words: every document as a small node
// (kind, unit, date, number, source), laid out in the order the documents
// are emitted. Rendering turns each cascade of nodes into texts and truth.

// node is one planned document.
type node struct {
	date   day
	seq    int32 // sequence number of its number; 0: no number (article)
	parent int32 // index of the document it implements (-1: none)
	topic  int32 // title: see topicTitle
	kind   docKind
	// body indexes the issuing body of central Party documents (bodyBCH,
	// bodyBCT, bodyBBT), the board or ministry of kCentralHD and kTT.
	body     uint8
	rel      relCode // relation to parent
	prov     int8    // province index in the era of date; -1 central
	dist     int8    // district index; -1
	comm     int8    // commune index; -1
	withheld bool    // in the truth, no text in the corpus
	lettered bool    // a letter after the sequence number: "12a/2019/NQ-HĐND"
}

// Central Party bodies.
const (
	bodyBCH = iota // Ban Chấp hành Trung ương
	bodyBCT        // Bộ Chính trị
	bodyBBT        // Ban Bí thư
)

// relCode is a node's relation to its parent, compact.
type relCode uint8

const (
	relNone relCode = iota
	relImplements
	relGuides
	relReplaces
	relAmends
	relReviews
	relBasedOn
)

// isCentral reports whether a kind is issued at the central level.
func (k docKind) isCentral() bool { return k <= kNQUBTV }

// isParty reports whether a kind is a Party document (N-TYPE/ISSUER).
func (k docKind) isParty() bool {
	switch k {
	case kTWNQ, kTWKL, kTWCT, kTWQDDec, kTWQDReg, kTWQDi, kTWHD, kCentralHD,
		kProvKH, kProvCTr, kProvCT, kProvHD, kDistKH, kDistCV, kDistCTr, kCommKH:
		return true
	}
	return false
}

// withYear reports whether a state number carries its year (N/YYYY/...).
func (k docKind) withYear() bool {
	switch k {
	case kNDCP, kLaw, kTT, kTTLT, kNQUBTV, kProvHDND:
		return true
	}
	return false
}

// timeline bounds the dates of generated documents.
var (
	timelineStart = mustDay("2001-06-01")
	timelineEnd   = mustDay("2026-10-31")
)

// poolRates are central documents per month of each kind.
var poolRates = [...]struct {
	kind       docKind
	perMonth   float64
	from, till day // 0: unbounded
}{
	{kTWNQ, 0.5, 0, 0},
	{kTWKL, 1.6, 0, 0},
	{kTWCT, 0.5, 0, 0},
	{kTWQDDec, 1.2, 0, 0},
	{kTWQDReg, 0.5, 0, mustDay("2018-01-01")},
	{kTWQDi, 0.5, mustDay("2018-03-01"), 0},
	{kTWHD, 0.3, 0, 0},
	{kCentralHD, 0.8, 0, 0},
	{kCTTTg, 1.5, 0, 0},
	{kNDCP, 4, 0, 0},
	{kNQCP, 1.5, 0, 0},
	{kLaw, 0.8, 0, 0},
	{kTT, 2, 0, 0},
	{kTTLT, 0.3, 0, mustDay("2016-07-01")},
	{kNQUBTV, 0.3, 0, 0},
}

// importance is how widely a central document is implemented.
type importance struct {
	prov, dist, comm, ub, article float64
}

var (
	impMajor  = importance{0.85, 0.6, 0.35, 0.3, 0.04}
	impMedium = importance{0.3, 0.25, 0.1, 0.15, 0.03}
	impMinor  = importance{0.05, 0.1, 0, 0.05, 0.02}
	impNone   = importance{}
)

// importanceOf draws how widely a central document of kind k is implemented.
func importanceOf(rng *rand.Rand, k docKind) importance {
	x := rng.Float64()
	switch k {
	case kTWNQ, kTWKL, kTWCT, kTWQDDec, kTWQDReg, kTWQDi, kTWHD:
		switch {
		case x < 0.25:
			return impMajor
		case x < 0.7:
			return impMedium
		}
		return impMinor
	case kCTTTg:
		switch {
		case x < 0.06:
			return impMajor
		case x < 0.35:
			return impMedium
		}
		return impMinor
	case kCentralHD:
		if x < 0.3 {
			return impMedium
		}
		return impMinor
	}
	switch {
	case x < 0.04:
		return impMedium
	case x < 0.3:
		return impMinor
	}
	return impNone
}

// plan is a laid-out corpus.
type plan struct {
	nodes    []node
	cascades []int32 // start index of each cascade; the root is its central doc
	centrals []int32 // indexes of central nodes, by date
	// sameNumber lists the central nodes of each canonical number, by
	// date: numbers restart each term or year, so one number names several.
	sameNumber map[string][]int32
	// communes are the gazetteer's real communes of the units, when given.
	communes Communes
}

// cascadeEnd returns the end index of cascade c.
func (p *plan) cascadeEnd(c int) int {
	if c+1 < len(p.cascades) {
		return int(p.cascades[c+1])
	}
	return len(p.nodes)
}

// mix derives independent seeds (splitmix64).
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// newRNG returns a PCG generator for one stream of a seed.
func newRNG(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(mix(seed^mix(stream)), mix(stream+0x5bd1e995)))
}

// Streams of the seed.
const (
	streamPool    = 1
	streamShape   = 1 << 32
	streamNumbers = 2
	streamRender  = 2 << 32
)

// poolDoc is a central document of the pool.
type poolDoc struct {
	date day
	kind docKind
}

// makePool lists central documents month by month over the timeline, mult
// times the base rates.
func makePool(seed uint64, mult float64) []poolDoc {
	rng := newRNG(seed, streamPool)
	var pool []poolDoc
	for y := timelineStart.year(); y <= timelineEnd.year(); y++ {
		for m := 1; m <= 12; m++ {
			first := dayOf(y, m, 1)
			if first < timelineStart || first > timelineEnd {
				continue
			}
			days := int(dayOf(y, m+1, 1) - first)
			if m == 12 {
				days = 31
			}
			for _, r := range poolRates {
				if (r.from != 0 && first < r.from) || (r.till != 0 && first >= r.till) {
					continue
				}
				for range poisson(rng, r.perMonth*mult) {
					d := first + day(rng.IntN(days))
					if nearTermBoundary(d) || d > timelineEnd {
						continue
					}
					pool = append(pool, poolDoc{date: d, kind: r.kind})
				}
			}
		}
	}
	slices.SortStableFunc(pool, func(a, b poolDoc) int { return int(a.date - b.date) })
	return pool
}

// poisson draws a Poisson variate (Knuth; the rates here are small).
func poisson(rng *rand.Rand, lambda float64) int {
	if lambda > 30 {
		n := int(math.Round(lambda + math.Sqrt(lambda)*rng.NormFloat64()))
		return max(n, 0)
	}
	l := math.Exp(-lambda)
	k, p := 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// lag draws a delay in days: log-normal around median, within [lo, hi].
func lag(rng *rand.Rand, median float64, lo, hi int) day {
	v := int(math.Round(median * math.Exp(0.6*rng.NormFloat64())))
	return day(min(max(v, lo), hi))
}

// shapeCascade plans the documents implementing the central document c:
// plans of a share of the provinces, of their districts and communes, each
// after its source. It returns the cascade, root first, parents before
// children; at most limit nodes.
func shapeCascade(seed uint64, poolIndex int, c poolDoc, limit int, forced *forcedShape, communes Communes) []node {
	rng := newRNG(seed, streamShape+uint64(poolIndex))
	root := node{date: c.date, kind: c.kind, parent: -1, prov: -1, dist: -1, comm: -1}
	root.body = centralBody(rng, c.kind)
	root.topic = int32(rng.IntN(1 << 30))
	nodes := []node{root}
	imp := importanceOf(rng, c.kind)
	if forced != nil {
		imp = importance{prov: 1, dist: 1}
	}
	if imp.prov == 0 {
		return nodes
	}
	party := c.kind.isParty()
	era63 := c.date < reform
	nprov := provinceCount(c.date)
	order := rng.Perm(nprov)
	if forced != nil {
		order = order[:0]
		for i := range min(forced.provinces, nprov) {
			order = append(order, i)
		}
	}
	var used34 [len(provinces34)]bool
	add := func(n node) int32 {
		nodes = append(nodes, n)
		return int32(len(nodes) - 1)
	}
	// after returns a date some days after the date of node parent.
	after := func(parent int32, median float64, hi int) day {
		return nodes[parent].date + lag(rng, median, 2, hi)
	}
	for _, pi := range order {
		if len(nodes) >= limit {
			break
		}
		if forced == nil && rng.Float64() >= imp.prov {
			continue
		}
		d := c.date + lag(rng, 35, 4, 300)
		if d > timelineEnd {
			continue
		}
		prov := pi
		if era63 && d >= reform {
			prov = provinces63[pi].merged
		}
		if d >= reform {
			if used34[prov] {
				continue
			}
			used34[prov] = true
		}
		pn := node{date: d, parent: 0, topic: root.topic, rel: relImplements, prov: int8(prov), dist: -1, comm: -1}
		if party {
			x := rng.Float64()
			switch {
			case x < 0.6 || forced != nil:
				pn.kind = kProvKH
			case x < 0.8:
				pn.kind = kProvCTr
			case x < 0.9:
				pn.kind = kProvCT
			default:
				pn.kind, pn.rel = kProvHD, relGuides
				pn.body = uint8(rng.IntN(len(provBoards)))
			}
		} else {
			pn.kind = kProvUB
			switch x := rng.Float64(); {
			case x < 0.25:
				pn.kind, pn.rel = kProvHDND, relBasedOn
				pn.lettered = rng.Float64() < 0.15
			case x < 0.45:
				pn.kind = kProvQD
			}
		}
		pIdx := add(pn)
		stateParent := pIdx
		if party && forced == nil && rng.Float64() < imp.ub {
			u := node{date: after(pIdx, 15, 90), parent: pIdx, topic: root.topic, rel: relImplements, kind: kProvUB, prov: int8(prov), dist: -1, comm: -1}
			if u.date <= timelineEnd && (u.date >= reform) == (d >= reform) {
				stateParent = add(u)
			}
		}
		if forced == nil && rng.Float64() < imp.article {
			addArticle(rng, &nodes, pIdx)
		}
		if d >= reform {
			// No districts any more: communes implement the province.
			for k := range 2 * communesPer {
				if len(nodes) >= limit || forced != nil {
					break
				}
				if rng.Float64() >= imp.comm || k >= communeSlots(communes, prov, -1) {
					continue
				}
				cn := node{parent: pIdx, topic: root.topic, rel: relImplements, kind: kCommKH, prov: int8(prov), dist: -1, comm: int8(k)}
				if !party || rng.Float64() < 0.2 {
					cn.kind, cn.parent = kCommUB, stateParent
				}
				cn.date = after(cn.parent, 20, 150)
				if cn.date > timelineEnd {
					continue
				}
				add(cn)
			}
			continue
		}
		dists := provinces63[prov].districts
		ndist := len(dists)
		if forced != nil {
			ndist = min(forced.districtsPer, ndist)
		}
		for j := range ndist {
			if len(nodes) >= limit {
				break
			}
			if forced == nil && rng.Float64() >= imp.dist {
				continue
			}
			dd := d + lag(rng, 20, 2, 200)
			if dd >= reform || dd > timelineEnd {
				continue
			}
			dn := node{date: dd, parent: pIdx, topic: root.topic, rel: relImplements, prov: int8(prov), dist: int8(j), comm: -1}
			if party {
				x := rng.Float64()
				switch {
				case x < 0.65 || forced != nil:
					dn.kind = kDistKH
				case x < 0.9:
					dn.kind = kDistCV
				default:
					dn.kind = kDistCTr
				}
			} else {
				dn.kind = kDistUB
			}
			dIdx := add(dn)
			dState := dIdx
			if party && forced == nil && rng.Float64() < imp.ub {
				u := node{parent: stateParent, topic: root.topic, rel: relImplements, kind: kDistUB, prov: int8(prov), dist: int8(j), comm: -1}
				switch x := rng.Float64(); {
				case nodes[pIdx].kind == kProvCT || x < 0.3:
					u.parent = pIdx // the UBND implements the Tỉnh ủy's document (seed 004)
				case x < 0.6:
					u.parent = dIdx // ... or its own Huyện ủy's plan
				}
				u.date = max(after(u.parent, 12, 90), dd+1)
				if u.date < reform && u.date <= timelineEnd {
					dState = add(u)
				}
			}
			if forced == nil && rng.Float64() < imp.article {
				addArticle(rng, &nodes, dIdx)
			}
			for k := range communesPer {
				if len(nodes) >= limit || forced != nil {
					break
				}
				if rng.Float64() >= imp.comm || k >= communeSlots(communes, prov, j) {
					continue
				}
				cn := node{parent: dIdx, topic: root.topic, rel: relImplements, kind: kCommKH, prov: int8(prov), dist: int8(j), comm: int8(k)}
				if !party || rng.Float64() < 0.2 {
					cn.kind, cn.parent = kCommUB, dState
				}
				cn.date = after(cn.parent, 15, 120)
				if cn.date >= reform || cn.date > timelineEnd {
					continue
				}
				add(cn)
			}
		}
	}
	if len(nodes) > limit {
		nodes = nodes[:limit]
	}
	return nodes
}

// forcedShape makes shapeCascade implement a document in exactly the first
// provinces, each in its first districtsPer districts (for Cascade).
type forcedShape struct{ provinces, districtsPer int }

// addArticle adds a news article about node parent, a few days after it.
func addArticle(rng *rand.Rand, nodes *[]node, parent int32) {
	p := (*nodes)[parent]
	a := node{date: p.date + lag(rng, 6, 1, 40), parent: parent, topic: p.topic, rel: relImplements, kind: kArticle, prov: p.prov, dist: p.dist, comm: p.comm}
	if a.date > timelineEnd || (a.date >= reform) != (p.date >= reform) {
		return
	}
	*nodes = append(*nodes, a)
}

// centralBody draws the issuing body of a central document.
func centralBody(rng *rand.Rand, k docKind) uint8 {
	x := rng.Float64()
	switch k {
	case kTWNQ:
		if x < 0.4 {
			return bodyBCH
		}
		return bodyBCT
	case kTWKL, kTWCT:
		if x < 0.5 {
			return bodyBCT
		}
		return bodyBBT
	case kTWQDDec:
		switch {
		case x < 0.4:
			return bodyBCT
		case x < 0.8:
			return bodyBBT
		}
		return bodyBCH
	case kTWQDReg, kTWQDi:
		switch {
		case x < 0.5:
			return bodyBCT
		case x < 0.8:
			return bodyBCH
		}
		return bodyBBT
	case kTWHD:
		return bodyBBT
	case kCentralHD:
		return uint8(rng.IntN(len(centralBoards)))
	case kTT:
		return uint8(rng.IntN(len(ministries)))
	case kTTLT:
		return uint8(rng.IntN(len(jointIssuers)))
	}
	return 0
}

// makePlan lays out a corpus of docs written documents (withheld central
// documents come on top).
func makePlan(cfg Config) *plan {
	seed := cfg.Seed
	limit := max(12, cfg.Docs/40)
	mult := max(1, float64(cfg.Docs)/300000)
	pool := makePool(seed, mult)
	order := newRNG(seed, streamPool+7).Perm(len(pool))
	type chosen struct {
		poolIndex int
		nodes     []node
	}
	var picked []chosen
	total := 0
	wrng := newRNG(seed, streamPool+8)
	for _, pi := range order {
		if total >= cfg.Docs {
			break
		}
		ns := shapeCascade(seed, pi, pool[pi], limit, nil, cfg.Communes)
		ns[0].withheld = wrng.Float64() < cfg.Rates.Withheld
		written := len(ns)
		if ns[0].withheld {
			written--
		}
		total += written
		picked = append(picked, chosen{pi, ns})
	}
	slices.SortFunc(picked, func(a, b chosen) int { return a.poolIndex - b.poolIndex })
	p := &plan{communes: cfg.Communes}
	written := 0
	for _, c := range picked {
		if written >= cfg.Docs {
			break
		}
		base := int32(len(p.nodes))
		p.cascades = append(p.cascades, base)
		p.centrals = append(p.centrals, base)
		for i, n := range c.nodes {
			if written >= cfg.Docs && i > 0 {
				break
			}
			if n.parent >= 0 {
				n.parent += base
			}
			if !n.withheld {
				written++
			}
			p.nodes = append(p.nodes, n)
		}
	}
	linkCentrals(seed, p)
	number(seed, p)
	return p
}

// linkCentrals gives central documents their own sources among earlier
// central documents: a Kết luận continuing a Chỉ thị, a Quy định replacing
// an older one, a Hướng dẫn guiding a Nghị quyết, a Nghị định resting on a
// law, a Chỉ thị of the Prime Minister implementing a Party resolution.
func linkCentrals(seed uint64, p *plan) {
	rng := newRNG(seed, streamNumbers+11)
	for ci, idx := range p.centrals {
		n := &p.nodes[idx]
		if rng.Float64() > 0.45 || ci == 0 {
			continue
		}
		// Look back over a window of earlier central documents for a
		// fitting source.
		for try := 0; try < 6; try++ {
			j := p.centrals[max(0, ci-1-rng.IntN(min(ci, 60)))]
			if try%2 == 1 {
				j = p.centrals[rng.IntN(ci)] // any earlier one: reviews look years back
			}
			s := &p.nodes[j]
			if s.date >= n.date {
				continue
			}
			rel := centralRelation(n.kind, s.kind, n.date-s.date)
			if rel == relNone {
				continue
			}
			n.parent, n.rel = j, rel
			if rel == relImplements || rel == relGuides || rel == relReviews {
				n.topic = s.topic
			}
			break
		}
	}
}

// centralRelation is the relation a central document of kind k may have to
// an earlier one of kind s, gap days older.
func centralRelation(k, s docKind, gap day) relCode {
	party := func(x docKind) bool { return x <= kTWHD }
	switch {
	case k == kTWKL && party(s) && s != kTWKL:
		return relImplements // "Kết luận ... về tiếp tục thực hiện Chỉ thị ..."
	case k == kTWKL && s == kTWKL && gap >= 3*365:
		return relReviews
	case (k == kTWQDi || k == kTWQDReg) && (s == kTWQDReg || s == kTWQDi):
		return relReplaces
	case k == kTWQDDec && s == kTWQDDec:
		return relReplaces
	case (k == kTWHD || k == kCentralHD) && party(s):
		return relGuides
	case k == kCTTTg && party(s):
		return relImplements
	case k == kNQCP && party(s):
		return relImplements
	case k == kNDCP && s == kLaw:
		return relBasedOn
	case k == kNDCP && s == kNDCP:
		return relAmends
	case k == kTT && (s == kNDCP || s == kLaw):
		return relGuides
	case k == kLaw && s == kLaw:
		return relAmends
	case k == kTTLT && (s == kNDCP || s == kLaw):
		return relGuides
	case k == kNQUBTV && s == kLaw:
		return relBasedOn
	}
	return relNone
}

// numberKey is a numbering sequence: numbers restart per issuing unit,
// type, and term (Party) or year (state).
type numberKey struct {
	kind   docKind
	body   uint8
	scope  string // the unit by name: a merged province keeps its sequence
	period int16
}

// number gives every numbered node its sequence number. Central numbers are
// given in date order; local ones in layout order, each sequence starting
// at a realistic offset.
func number(seed uint64, p *plan) {
	rng := newRNG(seed, streamNumbers)
	next := make(map[numberKey]int32)
	assign := func(i int) {
		n := &p.nodes[i]
		if n.kind == kArticle {
			return
		}
		k := numberKey{kind: n.kind}
		switch n.kind {
		case kTWQDReg:
			k.kind = kTWQDDec // Quy định and Quyết định shared "QĐ/TW" before 2018
		case kCentralHD, kTT, kTTLT, kProvHD:
			k.body = n.body
		case kProvUB, kDistUB, kCommUB:
			k.kind = kProvUB
		}
		if !n.kind.isCentral() {
			k.scope = p.scope(int32(i))
		}
		if n.kind.isParty() {
			k.period = int16(termOf(n.date))
		} else {
			k.period = int16(n.date.year())
		}
		s, ok := next[k]
		if !ok {
			s = startSeq(rng, n.kind)
		}
		if n.kind == kProvQD {
			s += int32(rng.IntN(60)) // others' decisions in between
		}
		s += 1 + int32(rng.IntN(3))
		next[k] = s
		n.seq = s
	}
	// Central documents in date order, so their numbers grow with time.
	for _, i := range p.centrals {
		assign(int(i))
	}
	for i := range p.nodes {
		if !p.nodes[i].kind.isCentral() {
			assign(i)
		}
	}
	p.sameNumber = map[string][]int32{}
	for _, i := range p.centrals {
		if c := p.canonical(i); c != "" {
			p.sameNumber[c] = append(p.sameNumber[c], i)
		}
	}
}

// reusedBefore reports whether another central document with t's number is
// dated after t and no later than d: a reader of a document dated d who
// sees t's number without its date takes the latest one it can mean, so
// such a mention must give the date for the truth to be knowable.
func (p *plan) reusedBefore(t int32, d day) bool {
	if !p.nodes[t].kind.isCentral() {
		return false
	}
	for _, j := range p.sameNumber[p.canonical(t)] {
		if j != t && p.nodes[j].date > p.nodes[t].date && p.nodes[j].date <= d {
			return true
		}
	}
	return false
}

// startSeq is where a numbering sequence starts: local plans of a busy
// Tỉnh ủy are in the hundreds within a term.
func startSeq(rng *rand.Rand, k docKind) int32 {
	switch k {
	case kTWNQ, kTWCT, kTWQDi, kTWHD, kCentralHD, kLaw:
		return 0
	case kProvQD:
		return 100 + int32(rng.IntN(1500)) // provinces issue thousands of decisions a year
	case kTWKL, kTWQDDec, kTWQDReg, kCTTTg, kNQCP, kTT, kTTLT, kNQUBTV, kProvHDND:
		return int32(rng.IntN(5))
	case kNDCP:
		return int32(rng.IntN(10))
	}
	return int32(rng.IntN(120))
}

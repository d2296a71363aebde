package corpusgen

import (
	"strconv"
	"strings"

	"github.com/vncite/vncite"
)

// Facts about planned documents, derived from their nodes.

// numParts is a document number taken apart: Party "135-KH/TU" is seq,
// abbr, issuer; state "16/CT-TTg" and "30/2020/NĐ-CP" are seq, [year,]
// abbr, issuer; a law "10/2022/QH15" is seq, year, issuer.
type numParts struct {
	seq    string
	year   string
	abbr   string
	issuer string
	party  bool
}

// parts returns the number of node i; ok is false for articles.
func (p *plan) parts(i int32) (np numParts, ok bool) {
	n := &p.nodes[i]
	if n.seq == 0 {
		return np, false
	}
	np.seq = strconv.Itoa(int(n.seq))
	if n.seq < 10 {
		np.seq = "0" + np.seq
	}
	if n.lettered {
		np.seq += "a"
	}
	np.abbr = docKinds[n.kind].abbr
	np.party = n.kind.isParty()
	if n.kind.withYear() {
		np.year = strconv.Itoa(n.date.year())
	}
	np.issuer = p.issuer(i)
	if n.kind == kLaw || n.kind == kNQUBTV {
		np.abbr = ""
	}
	return np, true
}

// issuer returns the issuer code of node i.
func (p *plan) issuer(i int32) string {
	n := &p.nodes[i]
	switch n.kind {
	case kTWNQ, kTWKL, kTWCT, kTWQDDec, kTWQDReg, kTWQDi, kTWHD:
		return "TW"
	case kCentralHD:
		return centralBoards[n.body].code
	case kCTTTg:
		return "TTg"
	case kNDCP, kNQCP:
		return "CP"
	case kLaw:
		return "QH" + strconv.Itoa(legislature(n.date))
	case kNQUBTV:
		return "UBTVQH" + strconv.Itoa(legislature(n.date))
	case kTT:
		return ministries[n.body].code
	case kTTLT:
		return jointIssuers[n.body].code
	case kProvHDND:
		return "HĐND"
	case kProvKH, kProvCTr, kProvCT:
		return "TU"
	case kProvHD:
		return provBoards[n.body].code
	case kProvQD:
		return "UBND"
	case kProvUB, kDistUB, kCommUB:
		return "UBND"
	case kDistKH, kDistCV, kDistCTr:
		return p.district(i).kind.issuer()
	case kCommKH:
		return "ĐU"
	}
	return ""
}

// canonical returns the canonical number of node i ("" for articles).
func (p *plan) canonical(i int32) string {
	np, ok := p.parts(i)
	if !ok {
		return ""
	}
	return np.canonical()
}

func (np numParts) canonical() string {
	switch {
	case np.party:
		return np.seq + "-" + np.abbr + "/" + np.issuer
	case np.abbr == "": // law
		return np.seq + "/" + np.year + "/" + np.issuer
	case np.year != "":
		return np.seq + "/" + np.year + "/" + np.abbr + "-" + np.issuer
	}
	return np.seq + "/" + np.abbr + "-" + np.issuer
}

// district returns the district of a district-level or pre-reform commune
// node.
func (p *plan) district(i int32) district {
	n := &p.nodes[i]
	return provinces63[n.prov].districts[n.dist]
}

// province returns the province of a local node at its date.
func (p *plan) province(i int32) province {
	n := &p.nodes[i]
	return provinceAt(int(n.prov), n.date)
}

// communeOf returns the commune name of a commune-level node and whether it
// is a ward.
func (p *plan) communeOf(i int32) (string, bool) {
	n := &p.nodes[i]
	pr := p.province(i)
	h := hashString(pr.code)
	urban := pr.city
	unit := pr.code
	if n.dist >= 0 {
		d := p.district(i)
		h = hashMore(hashMore(h, "/"), d.name)
		urban = d.kind == kindQuan || d.kind == kindThanhPho || d.kind == kindThiXa
		unit += "/" + d.name
	}
	// A real commune of the unit, so that the gazetteer places it where
	// the generator does; the common names only when the unit has too few.
	if cs := p.communes[unit]; int(n.comm) < len(cs) {
		return cs[n.comm].Name, cs[n.comm].Ward
	}
	return commune(h, int(n.comm), urban)
}

// level returns the administrative level of node i.
func (p *plan) level(i int32) vncite.Level {
	n := &p.nodes[i]
	switch {
	case n.kind.isCentral():
		return vncite.LevelCentral
	case n.comm >= 0:
		return vncite.LevelCommune
	case n.dist >= 0:
		return vncite.LevelDistrict
	}
	return vncite.LevelProvince
}

// provinceWord is "tỉnh" or "thành phố" for the province of node i.
func (p *plan) provinceWord(i int32) string {
	if p.province(i).city {
		return "thành phố"
	}
	return "tỉnh"
}

// provinceCommittee is "Tỉnh ủy" or "Thành ủy".
func (p *plan) provinceCommittee(i int32) string {
	if p.province(i).city {
		return "Thành ủy"
	}
	return "Tỉnh ủy"
}

// unitNoun is how the text names its own unit: "tỉnh", "huyện", "xã".
func (p *plan) unitNoun(i int32) string {
	switch p.level(i) {
	case vncite.LevelProvince:
		return p.provinceWord(i)
	case vncite.LevelDistrict:
		return p.district(i).kind.unit()
	case vncite.LevelCommune:
		if _, ward := p.communeOf(i); ward {
			return "phường"
		}
		return "xã"
	}
	return "Trung ương"
}

// committee is the Party committee of node i's unit: "Tỉnh ủy", "Huyện ủy",
// "Đảng ủy xã".
func (p *plan) committee(i int32) string {
	switch p.level(i) {
	case vncite.LevelProvince:
		return p.provinceCommittee(i)
	case vncite.LevelDistrict:
		return p.district(i).kind.committee()
	case vncite.LevelCommune:
		return "Đảng ủy " + p.unitNoun(i)
	}
	return "Trung ương"
}

// placeName is the unit's own name: "Lâm Đồng", "Đức Trọng", "Tân Hội".
func (p *plan) placeName(i int32) string {
	switch p.level(i) {
	case vncite.LevelProvince:
		return p.province(i).name
	case vncite.LevelDistrict:
		return p.district(i).name
	case vncite.LevelCommune:
		c, _ := p.communeOf(i)
		return c
	}
	return "Hà Nội"
}

// bodyShort is the issuing body as citations name it without the place:
// "Ban Bí thư", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân huyện". variant
// picks among equivalent spellings.
func (p *plan) bodyShort(i int32, variant int) string {
	n := &p.nodes[i]
	switch n.kind {
	case kTWNQ, kTWKL, kTWCT, kTWQDDec, kTWQDReg, kTWQDi, kTWHD:
		switch n.body {
		case bodyBCH:
			if variant%2 == 0 {
				return "Ban Chấp hành Trung ương Đảng"
			}
			return "Ban Chấp hành Trung ương"
		case bodyBCT:
			return "Bộ Chính trị"
		}
		if variant%3 == 2 {
			return "Ban Bí thư Trung ương Đảng"
		}
		return "Ban Bí thư"
	case kCentralHD:
		return centralBoards[n.body].name
	case kCTTTg:
		return "Thủ tướng Chính phủ"
	case kNDCP, kNQCP:
		return "Chính phủ"
	case kLaw:
		return "Quốc hội"
	case kNQUBTV:
		return "Ủy ban Thường vụ Quốc hội"
	case kTT:
		return ministries[n.body].name
	case kTTLT:
		return jointIssuers[n.body].names
	case kProvHDND:
		if variant%2 == 0 {
			return "Hội đồng nhân dân " + p.unitNoun(i)
		}
		return "HĐND " + p.unitNoun(i)
	case kProvHD:
		return provBoards[n.body].name + " " + p.provinceCommittee(i)
	case kProvUB, kDistUB, kCommUB, kProvQD:
		if variant%2 == 0 {
			return "Ủy ban nhân dân " + p.unitNoun(i)
		}
		return "UBND " + p.unitNoun(i)
	case kCommKH:
		return p.committee(i)
	case kProvCT:
		if variant%3 == 1 {
			return p.committee(i)
		}
	}
	return "Ban Thường vụ " + p.committee(i)
}

// bodyFull is bodyShort with the unit's name: "Ban Thường vụ Tỉnh ủy Lâm
// Đồng", "Ủy ban nhân dân huyện Đức Trọng".
func (p *plan) bodyFull(i int32, variant int) string {
	b := p.bodyShort(i, variant)
	if p.nodes[i].kind.isCentral() {
		return b
	}
	return b + " " + p.placeName(i)
}

// typeWord is the word before the number: "Nghị quyết", "Quy định".
func (p *plan) typeWord(i int32) string { return docKinds[p.nodes[i].kind].word }

// topicArea is the subject area of a topic.
func topicArea(topic int32) string { return titleAreas[int(topic)%len(titleAreas)] }

// title returns the title of node i as its heading gives it, without the
// leading "về" (titleHasVe says whether citations put one before it): "tăng cường ... trong tình hình mới", "Luật Tiếp công dân".
// Local documents' titles name their source and are built by the renderer.
func (p *plan) title(i int32) string {
	n := &p.nodes[i]
	t := int(n.topic)
	switch n.kind {
	case kLaw:
		if n.rel == relAmends && n.parent >= 0 {
			return "Luật sửa đổi, bổ sung một số điều của " + p.title(n.parent)
		}
		return lawNames[t%len(lawNames)]
	case kNDCP:
		if n.parent >= 0 && p.nodes[n.parent].kind == kLaw {
			return "quy định chi tiết một số điều và biện pháp thi hành " + p.title(n.parent)
		}
		return topicArea(n.topic)
	case kTT, kTTLT:
		return "hướng dẫn " + topicArea(n.topic)
	case kProvHDND:
		return "quy định một số chính sách về " + topicArea(n.topic) + " trên địa bàn " + p.provinceWord(i)
	}
	action := titleActions[(t/64)%len(titleActions)]
	q := titleQualifiers[(t/4096)%len(titleQualifiers)]
	if strings.Contains(q, "%") {
		y := n.date.year()
		q = strings.NewReplacer("%y", strconv.Itoa(y), "%Y", strconv.Itoa(y+5+5*((t>>20)&1)), "%Z", strconv.Itoa(y+20)).Replace(q)
	}
	return action + " " + topicArea(n.topic) + q
}

// termName returns the central term of node i's date ("XII").
func (p *plan) termName(i int32) string {
	if t := termOf(p.nodes[i].date); t >= 0 {
		return terms[t].name
	}
	return ""
}

// scope returns the unit path of a local node: "Lâm Đồng", "Lâm Đồng/Đức
// Trọng", "Lâm Đồng/Đức Trọng/Tân Hội"; "" for central ones.
func (p *plan) scope(i int32) string {
	switch p.level(i) {
	case vncite.LevelProvince:
		return p.province(i).name
	case vncite.LevelDistrict:
		return p.province(i).name + "/" + p.district(i).name
	case vncite.LevelCommune:
		c, _ := p.communeOf(i)
		if p.nodes[i].dist >= 0 {
			return p.province(i).name + "/" + p.district(i).name + "/" + c
		}
		return p.province(i).name + "/" + c
	}
	return ""
}

// docID formats a node index as a document ID.
func docID(i int32) string {
	s := strconv.Itoa(int(i))
	if len(s) < 7 {
		s = strings.Repeat("0", 7-len(s)) + s
	}
	return s
}

// titleHasVe reports whether a citation writes "về" before the title of
// node i: "... của Chính phủ về công tác văn thư" but "... của Chính phủ quy
// định chi tiết ..." and "Luật ...".
func (p *plan) titleHasVe(i int32) bool {
	t := p.title(i)
	return !strings.HasPrefix(t, "quy định chi tiết") && !strings.HasPrefix(t, "hướng dẫn") && !strings.HasPrefix(t, "Luật")
}

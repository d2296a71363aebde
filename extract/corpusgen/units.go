package corpusgen

// districtKind is the kind of a district-level unit; it decides the name of
// its Party committee and that committee's issuer code.
type districtKind uint8

const (
	kindHuyen    districtKind = iota // rural district: Huyện ủy, HU
	kindQuan                         // urban district: Quận ủy, QU
	kindThiXa                        // town: Thị ủy, TU
	kindThanhPho                     // provincial city: Thành ủy, TU
)

// district is a district-level unit of a province (before 2025-07-01).
type district struct {
	name string
	kind districtKind
}

// province is a province-level unit. merged is the index in provinces34 of
// the province it belongs to from 2025-07-01 (its own index for the 34).
type province struct {
	code      string
	name      string
	city      bool // centrally-run city: Thành ủy, UBND thành phố
	merged    int
	districts []district
}

// reform is the day the 63 provinces became 34 and the district level ended.
var reform = mustDay("2025-07-01")

// hueRenamed is the day Tỉnh Thừa Thiên Huế became Thành phố Huế.
var hueRenamed = mustDay("2025-01-01")

// provinceAt returns the province with index i of the era of day d (the 63
// before the reform, the 34 after), with Thừa Thiên Huế renamed in 2025.
func provinceAt(i int, d day) province {
	if d >= reform {
		return provinces34[i]
	}
	p := provinces63[i]
	if p.code == "46" && d >= hueRenamed {
		p.name, p.city = "Huế", true
	}
	return p
}

// provinceCount returns how many provinces there are on day d.
func provinceCount(d day) int {
	if d >= reform {
		return len(provinces34)
	}
	return len(provinces63)
}

// province2025 returns the name of the post-reform province that province i
// of the era of day d is (or became) part of.
func province2025(i int, d day) string {
	if d >= reform {
		return provinces34[i].name
	}
	return provinces34[provinces63[i].merged].name
}

// committee is the name of the Party committee of a district kind.
func (k districtKind) committee() string {
	switch k {
	case kindQuan:
		return "Quận ủy"
	case kindThiXa:
		return "Thị ủy"
	case kindThanhPho:
		return "Thành ủy"
	}
	return "Huyện ủy"
}

// unit is the common noun of a district kind, as in "huyện Đức Trọng".
func (k districtKind) unit() string {
	switch k {
	case kindQuan:
		return "quận"
	case kindThiXa:
		return "thị xã"
	case kindThanhPho:
		return "thành phố"
	}
	return "huyện"
}

// issuer is the issuer code of a district kind's Party committee: a town's
// or provincial city's committee signs "TU" like a province's.
func (k districtKind) issuer() string {
	switch k {
	case kindQuan:
		return "QU"
	case kindThiXa, kindThanhPho:
		return "TU"
	}
	return "HU"
}

// communesPer is how many communes each district (before the reform) or
// province (after it) has in the generated world.
const communesPer = 8

// commune returns the name of commune j of a unit and whether it is a ward
// (phường) rather than a rural commune (xã). The names are drawn from the
// common names list from an offset given by a hash of the unit, so they
// repeat across units as real names do but stay distinct inside one.
func commune(unitHash uint32, j int, urban bool) (name string, ward bool) {
	n := len(communeNames)
	off := int(unitHash % uint32(n))
	return communeNames[(off+j*7)%n], urban && j%2 == 0
}

// hashString is FNV-1a, used to derive stable per-unit choices.
func hashString(s string) uint32 { return hashMore(2166136261, s) }

// hashMore continues an FNV-1a hash with s.
func hashMore(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// communeSlots is how many communes district dist of province prov (dist
// < 0: province prov of the 34, after the reform) has in the generated
// world: its real ones, so that every generated commune is where the
// gazetteer puts it. Without a gazetteer (cs nil) the common names stand
// in; with one, a district it gives no communes (the island districts Côn
// Đảo and Hoàng Sa have none) gets none, since a commune the gazetteer
// lacks is one no reader can place.
func communeSlots(cs Communes, prov, dist int) int {
	key := provinces34[min(prov, len(provinces34)-1)].code
	if dist >= 0 {
		p := provinces63[prov]
		key = p.code + "/" + p.districts[dist].name
	}
	if cs != nil {
		return len(cs[key])
	}
	return 2 * communesPer
}

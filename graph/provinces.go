package graph

// provinceRow is one province in the embedded table vncite falls back on
// when no gazetteer is given.
type provinceRow struct {
	code, name string
	city       bool   // a centrally-run city (thành phố trực thuộc trung ương)
	newCode    string // the province it became part of on 2025-07-01
}

// provinces2024 are the 63 provinces before 2025-07-01 with their GSO codes
// and the 2025 merger (Nghị quyết 202/2025/QH15), written from the public
// record; a test checks it against ../shared/gazetteer when present.
var provinces2024 = []provinceRow{
	{"01", "Hà Nội", true, "01"}, {"02", "Hà Giang", false, "08"}, {"04", "Cao Bằng", false, "04"},
	{"06", "Bắc Kạn", false, "19"}, {"08", "Tuyên Quang", false, "08"}, {"10", "Lào Cai", false, "15"},
	{"11", "Điện Biên", false, "11"}, {"12", "Lai Châu", false, "12"}, {"14", "Sơn La", false, "14"},
	{"15", "Yên Bái", false, "15"}, {"17", "Hòa Bình", false, "25"}, {"19", "Thái Nguyên", false, "19"},
	{"20", "Lạng Sơn", false, "20"}, {"22", "Quảng Ninh", false, "22"}, {"24", "Bắc Giang", false, "24"},
	{"25", "Phú Thọ", false, "25"}, {"26", "Vĩnh Phúc", false, "25"}, {"27", "Bắc Ninh", false, "24"},
	{"30", "Hải Dương", false, "31"}, {"31", "Hải Phòng", true, "31"}, {"33", "Hưng Yên", false, "33"},
	{"34", "Thái Bình", false, "33"}, {"35", "Hà Nam", false, "37"}, {"36", "Nam Định", false, "37"},
	{"37", "Ninh Bình", false, "37"}, {"38", "Thanh Hóa", false, "38"}, {"40", "Nghệ An", false, "40"},
	{"42", "Hà Tĩnh", false, "42"}, {"44", "Quảng Bình", false, "44"}, {"45", "Quảng Trị", false, "44"},
	{"46", "Thừa Thiên Huế", false, "46"}, {"48", "Đà Nẵng", true, "48"}, {"49", "Quảng Nam", false, "48"},
	{"51", "Quảng Ngãi", false, "51"}, {"52", "Bình Định", false, "52"}, {"54", "Phú Yên", false, "66"},
	{"56", "Khánh Hòa", false, "56"}, {"58", "Ninh Thuận", false, "56"}, {"60", "Bình Thuận", false, "68"},
	{"62", "Kon Tum", false, "51"}, {"64", "Gia Lai", false, "52"}, {"66", "Đắk Lắk", false, "66"},
	{"67", "Đắk Nông", false, "68"}, {"68", "Lâm Đồng", false, "68"}, {"70", "Bình Phước", false, "75"},
	{"72", "Tây Ninh", false, "80"}, {"74", "Bình Dương", false, "79"}, {"75", "Đồng Nai", false, "75"},
	{"77", "Bà Rịa - Vũng Tàu", false, "79"}, {"79", "Hồ Chí Minh", true, "79"}, {"80", "Long An", false, "80"},
	{"82", "Tiền Giang", false, "82"}, {"83", "Bến Tre", false, "86"}, {"84", "Trà Vinh", false, "86"},
	{"86", "Vĩnh Long", false, "86"}, {"87", "Đồng Tháp", false, "82"}, {"89", "An Giang", false, "91"},
	{"91", "Kiên Giang", false, "91"}, {"92", "Cần Thơ", true, "92"}, {"93", "Hậu Giang", false, "92"},
	{"94", "Sóc Trăng", false, "92"}, {"95", "Bạc Liêu", false, "96"}, {"96", "Cà Mau", false, "96"},
}

// provinces2025 are the 34 provinces from 2025-07-01; each keeps the code of
// one of the provinces merged into it.
var provinces2025 = []provinceRow{
	{"01", "Hà Nội", true, "01"}, {"04", "Cao Bằng", false, "04"}, {"08", "Tuyên Quang", false, "08"},
	{"11", "Điện Biên", false, "11"}, {"12", "Lai Châu", false, "12"}, {"14", "Sơn La", false, "14"},
	{"15", "Lào Cai", false, "15"}, {"19", "Thái Nguyên", false, "19"}, {"20", "Lạng Sơn", false, "20"},
	{"22", "Quảng Ninh", false, "22"}, {"24", "Bắc Ninh", false, "24"}, {"25", "Phú Thọ", false, "25"},
	{"31", "Hải Phòng", true, "31"}, {"33", "Hưng Yên", false, "33"}, {"37", "Ninh Bình", false, "37"},
	{"38", "Thanh Hóa", false, "38"}, {"40", "Nghệ An", false, "40"}, {"42", "Hà Tĩnh", false, "42"},
	{"44", "Quảng Trị", false, "44"}, {"46", "Huế", true, "46"}, {"48", "Đà Nẵng", true, "48"},
	{"51", "Quảng Ngãi", false, "51"}, {"52", "Gia Lai", false, "52"}, {"56", "Khánh Hòa", false, "56"},
	{"66", "Đắk Lắk", false, "66"}, {"68", "Lâm Đồng", false, "68"}, {"75", "Đồng Nai", false, "75"},
	{"79", "Hồ Chí Minh", true, "79"}, {"80", "Tây Ninh", false, "80"}, {"82", "Đồng Tháp", false, "82"},
	{"86", "Vĩnh Long", false, "86"}, {"91", "An Giang", false, "91"}, {"92", "Cần Thơ", true, "92"},
	{"96", "Cà Mau", false, "96"},
}

// provinceAliases are informal names met in real text, by slug, to a code
// valid before 2025-07-01.
var provinceAliases = map[string]string{
	"tp-hcm": "79", "tphcm": "79", "hcm": "79", "sai-gon": "79", "tp-ho-chi-minh": "79",
	"thanh-pho-ho-chi-minh": "79", "thua-thien-hue": "46", "thua-thien": "46", "tt-hue": "46",
	"tth": "46", "hue": "46", "br-vt": "77", "brvt": "77", "ba-ria-vung-tau": "77",
	"dak-lak": "66", "dac-lac": "66", "dak-nong": "67", "dac-nong": "67", "ha-noi": "01",
}

// hueRenamed is the day Tỉnh Thừa Thiên Huế became Thành phố Huế.
const hueRenamed = "2025-01-01"

// mergerDay is the day the 63 provinces became 34 and districts ended.
const mergerDay = "2025-07-01"

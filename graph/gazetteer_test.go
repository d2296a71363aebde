package graph

import (
	"testing"

	"github.com/vncite/vncite"
)

// TestEmbeddedProvincesMatchGazetteer checks the embedded 63 + 34
// provinces and the merger map against the shared gazetteer files.
func TestEmbeddedProvincesMatchGazetteer(t *testing.T) {
	emb := embeddedGazetteer()
	if len(emb.provinces) != 63 || len(emb.newProv) != 34 {
		t.Fatalf("embedded: %d old, %d new provinces", len(emb.provinces), len(emb.newProv))
	}
	gz, err := LoadGazetteer(gazetteerDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for code, p := range gz.provinces {
		e, ok := emb.provinces[code]
		if !ok {
			t.Errorf("province %s %s missing from the embedded list", code, p.Name)
			continue
		}
		if slug(e.Name) != slug(p.Name) && code != "46" {
			t.Errorf("province %s: embedded %q, gazetteer %q", code, e.Name, p.Name)
		}
		if e.NewCode != p.NewCode {
			t.Errorf("province %s %s: embedded merges into %s, gazetteer %s", code, p.Name, e.NewCode, p.NewCode)
		}
		if e.City != p.City && code != "46" {
			t.Errorf("province %s: city %v vs %v", code, e.City, p.City)
		}
	}
	for code, p := range gz.newProv {
		if e, ok := emb.newProv[code]; !ok || slug(e.Name) != slug(p.Name) {
			t.Errorf("new province %s %s: embedded %+v", code, p.Name, e)
		}
	}
}

func TestDocPlace(t *testing.T) {
	emb := embeddedGazetteer()
	tests := []struct {
		name      string
		doc       vncite.Document
		text      string
		wantKind  string
		wantName  string
		wantProv  string
		wantLevel vncite.Level
	}{
		{"province from place line", vncite.Document{Body: "Ban Thường vụ Tỉnh ủy", Place: "Lâm Đồng"}, "", "tinh", "", "68", vncite.LevelProvince},
		{"province named in body", vncite.Document{Body: "Tỉnh ủy Hà Tĩnh"}, "", "tinh", "", "42", vncite.LevelProvince},
		{"central city Thành ủy", vncite.Document{Body: "Thành ủy Hà Nội"}, "", "tinh", "", "01", vncite.LevelProvince},
		{"town from place", vncite.Document{Body: "UBND thị xã", Place: "thị xã Hương Thủy"}, "", "thi xa", "Hương Thủy", "", vncite.LevelDistrict},
		{"town from text", vncite.Document{Body: "UBND thị xã"}, "hệ thống chính trị thị xã Hương Thuỷ. Các cơ quan thị xã; xã, phường", "thi xa", "Hương Thuỷ", "", vncite.LevelDistrict},
		{"two towns in text: none", vncite.Document{Body: "UBND thị xã"}, "thị xã Hương Thủy và thị xã Hương Trà", "thi xa", "", "", vncite.LevelDistrict},
		{"district with province", vncite.Document{Body: "Huyện ủy", Place: "Đakrông, Quảng Trị"}, "", "huyen", "Đakrông", "45", vncite.LevelDistrict},
		{"nothing", vncite.Document{Body: "Ban Thường vụ Huyện ủy"}, "đoàn thể huyện.", "huyen", "", "", vncite.LevelDistrict},
		{"HCM abbreviation", vncite.Document{Body: "UBND", Place: "TP.HCM"}, "", "tinh", "", "79", vncite.LevelProvince},
		{"letterhead", vncite.Document{Body: "Ban Thường vụ Huyện ủy"}, "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐỨC TRỌNG\n*\nSố 12-KH/HU\n", "huyen", "Đức Trọng", "68", vncite.LevelDistrict},
		{"state letterhead", vncite.Document{Body: "UBND"}, "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n", "tinh", "", "42", vncite.LevelProvince},
		{"after the merger", vncite.Document{Body: "Tỉnh ủy Quảng Trị", Date: "2025-09-01"}, "", "tinh", "", "44", vncite.LevelProvince},
		{"before the merger", vncite.Document{Body: "Tỉnh ủy Quảng Trị", Date: "2024-09-01"}, "", "tinh", "", "45", vncite.LevelProvince},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := emb.docPlace(tt.doc, tt.text)
			if p.Kind != tt.wantKind || p.Name != tt.wantName || p.ProvinceCode != tt.wantProv || p.level() != tt.wantLevel {
				t.Errorf("docPlace = %+v (level %s), want kind %q name %q province %q level %s", p, p.level(), tt.wantKind, tt.wantName, tt.wantProv, tt.wantLevel)
			}
		})
	}
}

func TestSplitNumberAndClass(t *testing.T) {
	tests := []struct {
		in    string
		class numberClass
		year  int
	}{
		{"25-NQ/TW", classCentralParty, 0},
		{"1226-CV/TU", classLocalParty, 0},
		{"03-KH/HU", classLocalParty, 0},
		{"120-QĐ/VPTW", classCentralParty, 0},
		{"16/CT-TTg", classCentralState, 0},
		{"18/2000/CT-TTg", classCentralState, 2000},
		{"10/2022/QH15", classCentralState, 2022},
		{"109/KH-UBND", classLocalState, 0},
		{"12a/2019/NQ-HĐND", classLocalState, 2019},
	}
	for _, tt := range tests {
		p := splitNumber(tt.in)
		if c := classify(p); c != tt.class || p.Year != tt.year {
			t.Errorf("%s: class %d year %d, want %d %d", tt.in, c, p.Year, tt.class, tt.year)
		}
	}
}

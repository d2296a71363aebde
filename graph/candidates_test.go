package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/vncite/vncite"
)

func TestSameTitle(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"nâng cao năng lực lãnh đạo của tổ chức đảng", "nâng cao năng lực lãnh đạo của tổ chức đảng", true},
		{"tiếp tục thực hiện Kết luận số 08-KL/TW về nâng cao năng lực lãnh đạo của tổ chức đảng đối với công tác bảo vệ chính trị nội bộ",
			"nâng cao năng lực lãnh đạo của tổ chức đảng đối với công tác bảo vệ chính trị nội bộ trong giai đoạn hiện nay", true},
		{"NANG CAO NANG LUC LANH DAO CUA TO CHUC DANG", "nâng cao năng lực lãnh đạo của tổ chức đảng", true},
		{"đẩy mạnh công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân", "tiếp tục tăng cường và đổi mới quản lý, sử dụng đất đai", false},
		{"đất đai", "đẩy mạnh công tác bảo vệ rừng", true}, // too short to tell apart
	} {
		if got := sameTitle(tc.a, tc.b); got != tc.want {
			t.Errorf("sameTitle(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMayFitID(t *testing.T) {
	pr := placeRange{provinces: map[string]bool{"72": true, "25": true}}
	for _, tc := range []struct {
		id         string
		year       int
		citingDate string
		want       bool
	}{
		{"90-ctr-tu@p72.2003", 0, "2003-09-28", true},
		{"90-ctr-tu@p72.2003", 2004, "2004-09-28", false}, // another year than the number's
		{"90-ctr-tu@p72.2004", 0, "2003-09-28", false},    // after the citing document
		{"90-ctr-tu@p01.2003", 0, "2003-09-28", false},    // another province
		{"90-ctr-tu@p25-thanh-pho-vieetj-tri.2003", 0, "2003-09-28", true},
		{"117-kh-ubnd@huyen-taan-bieen~0123456789.2003", 0, "2003-09-28", true}, // province unknown: decided on the document
		{"90-ctr-tu@p72.unk", 0, "2003-09-28", true},
	} {
		if got := mayFitID(tc.id, pr, tc.year, tc.citingDate); got != tc.want {
			t.Errorf("mayFitID(%q, %d, %q) = %v, want %v", tc.id, tc.year, tc.citingDate, got, tc.want)
		}
	}
}

// communeCitesTU builds the plan of UBND xã Tân Lập (a name 26 provinces
// have) citing its Tỉnh ủy's 90-CTr/TU without naming the province.
func communeCitesTU(number, date, citedDate string) vncite.Extraction {
	clause := "Chương trình số 90-CTr/TU của Ban Thường vụ Tỉnh ủy"
	if citedDate != "" {
		clause = "Chương trình số 90-CTr/TU ngày " + citedDate + " của Ban Thường vụ Tỉnh ủy"
	}
	text := "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: " + number + "\n\nKẾ HOẠCH\nThực hiện " + clause + " về công tác văn thư, lưu trữ."
	return vncite.Extraction{Text: text,
		Document:   vncite.Document{Number: number, Type: "KH", Issuer: "UBND", Body: "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", Place: "Tân Lập", Date: date},
		References: []vncite.Reference{ref(text, "90-CTr/TU", "90-CTr/TU", vncite.Implements, citedDate, "Ban Thường vụ Tỉnh ủy", "")},
	}
}

func provinceTU(province, date string) vncite.Extraction {
	text := "ĐẢNG BỘ TỈNH " + strings.ToUpper(province) + "\nTỈNH ỦY\nSố 90-CTr/TU\n\nCHƯƠNG TRÌNH\nthực hiện công tác văn thư, lưu trữ."
	return vncite.Extraction{Text: text,
		Document: vncite.Document{Number: "90-CTr/TU", Type: "CTr", Issuer: "TU", Body: "TỈNH ỦY", Place: province, Date: date}}
}

// TestCommuneCitesItsProvinceThroughGazetteer: a commune's plan names its
// Tỉnh ủy without the province; of the ingested 90-CTr/TU, the one of a
// province with a xã Tân Lập, dated as cited, is meant. Undated, two such
// provinces' documents fit and the mention stays a stub.
func TestCommuneCitesItsProvinceThroughGazetteer(t *testing.T) {
	ctx := context.Background()
	for _, withGazetteer := range []bool{true, false} {
		opts := Options{}
		if withGazetteer {
			gz, err := LoadGazetteer(gazetteerDir(t))
			if err != nil {
				t.Fatal(err)
			}
			opts.Gazetteer = gz
		}
		s := openTest(t, t.TempDir(), opts)
		exts := map[string]vncite.Extraction{
			"tn.txt":    provinceTU("Tây Ninh", "2003-07-02"),
			"pt.txt":    provinceTU("Phú Thọ", "2003-05-20"),
			"dated.txt": communeCitesTU("01/KH-UBND", "2003-09-28", "2003-07-02"),
			"plain.txt": communeCitesTU("02/KH-UBND", "2003-10-01", ""),
		}
		ingestExtractions(t, s, exts, []string{"tn.txt", "pt.txt", "dated.txt", "plain.txt"})
		verifyStore(t, s)
		target := func(citing string) vncite.Document {
			t.Helper()
			c := resolveOne(t, s, citing)
			es, err := s.References(ctx, c.ID)
			if err != nil || len(es) != 1 {
				t.Fatalf("references of %s: %v %v", citing, es, err)
			}
			d, err := s.Get(ctx, es[0].To)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		dated, plain := target("01/KH-UBND"), target("02/KH-UBND")
		if withGazetteer {
			if dated.Stub || dated.Province != "Tây Ninh" {
				t.Errorf("dated mention → %s (%s, stub %v), want Tây Ninh's document", dated.ID, dated.Province, dated.Stub)
			}
		} else if !dated.Stub {
			t.Errorf("without a gazetteer the commune cannot be placed, got %s", dated.ID)
		}
		if !plain.Stub {
			t.Errorf("undated mention → %s, want a stub: Tây Ninh and Phú Thọ both have a xã Tân Lập", plain.ID)
		}
	}
}

// TestUndatedCentralMeansLatest: "Chỉ thị số 02/CT-TTg" without a date in
// a document of 2010 means the latest 02/CT-TTg dated before it (2007),
// not the one of 2002 nor the one of 2015; its title, when given and
// different, rules a candidate out.
func TestUndatedCentralMeansLatest(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	ct := func(date, title string) vncite.Extraction {
		text := "THỦ TƯỚNG CHÍNH PHỦ\nSố: 02/CT-TTg\n\nCHỈ THỊ\n" + title
		return vncite.Extraction{Text: text, Document: vncite.Document{Number: "02/CT-TTg", Type: "CT", Issuer: "TTg", Body: "Thủ tướng Chính phủ", Date: date, Title: title}}
	}
	cite := func(number, date, title string) vncite.Extraction {
		text := "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: " + number + "\nThực hiện Chỉ thị số 02/CT-TTg của Thủ tướng Chính phủ " + title + "."
		r := ref(text, "02/CT-TTg", "02/CT-TTg", vncite.Implements, "", "Thủ tướng Chính phủ", "")
		r.Title = title
		return vncite.Extraction{Text: text, Document: vncite.Document{Number: number, Type: "KH", Issuer: "UBND", Body: "UBND tỉnh Lâm Đồng", Place: "Lâm Đồng", Date: date},
			References: []vncite.Reference{r}}
	}
	exts := map[string]vncite.Extraction{
		"2002.txt": ct("2002-07-31", "về tăng cường quản lý đất đai trong thời kỳ mới"),
		"2007.txt": ct("2007-02-10", "về đẩy mạnh phát triển khoa học và công nghệ"),
		"2015.txt": ct("2015-01-05", "về phòng chống thiên tai năm 2015"),
		"a.txt":    cite("10/KH-UBND", "2010-06-01", ""),
		"b.txt":    cite("11/KH-UBND", "2010-06-01", "về tăng cường quản lý đất đai trong thời kỳ mới"),
	}
	ingestExtractions(t, s, exts, []string{"2002.txt", "2007.txt", "2015.txt", "a.txt", "b.txt"})
	for _, tc := range []struct{ citing, want string }{{"10/KH-UBND", "2007-02-10"}, {"11/KH-UBND", "2002-07-31"}} {
		c := resolveOne(t, s, tc.citing)
		es, err := s.References(ctx, c.ID)
		if err != nil || len(es) != 1 {
			t.Fatalf("references of %s: %v %v", tc.citing, es, err)
		}
		d, err := s.Get(ctx, es[0].To)
		if err != nil {
			t.Fatal(err)
		}
		if d.Date != tc.want {
			t.Errorf("%s cites %s dated %s, want the one dated %s", tc.citing, d.ID, d.Date, tc.want)
		}
	}
}

func TestDatelinePlace(t *testing.T) {
	gz, err := LoadGazetteer(gazetteerDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, wantProvince, wantUnit string
		ok                           bool
	}{
		{"Tin tức\n\n(Yên Phong) - Thời gian qua, cấp ủy các cấp ...", "Bắc Ninh", "huyện Yên Phong", true},
		{"(Lâm Đồng) – Ngày 12/3, Tỉnh ủy tổ chức hội nghị", "Lâm Đồng", "", true},
		{"(Tân Thành) - a name many provinces have", "", "", false},
		{"Số liệu (xem Phụ lục) - không phải nơi chốn", "", "", false},
	} {
		p, ok := gz.datelinePlace(tc.text, "2005-01-01")
		if ok != tc.ok || p.Province != tc.wantProvince || p.unitName() != tc.wantUnit {
			t.Errorf("datelinePlace(%q) = %q %q %v, want %q %q %v", tc.text, p.Province, p.unitName(), ok, tc.wantProvince, tc.wantUnit, tc.ok)
		}
	}
}

package corpusgen

// Read-only phrase tables the texts are built from. They follow the shapes
// of real Party and state documents: the seeds, Quy định 66-QĐ/TW and
// Nghị định 30/2020/NĐ-CP on the form of documents.

// titleActions open a policy title: "tăng cường ... đối với" + area.
var titleActions = [...]string{
	"tăng cường sự lãnh đạo của Đảng đối với",
	"tăng cường và đổi mới sự lãnh đạo của Đảng đối với",
	"nâng cao chất lượng, hiệu quả",
	"đẩy mạnh",
	"tiếp tục đổi mới và nâng cao hiệu quả",
	"tăng cường công tác lãnh đạo, chỉ đạo",
	"tiếp tục đẩy mạnh",
	"đổi mới, nâng cao chất lượng",
	"tăng cường sự lãnh đạo của cấp ủy đảng đối với",
	"nâng cao năng lực lãnh đạo của tổ chức đảng đối với",
	"tiếp tục tăng cường và đổi mới",
	"phát huy vai trò của hệ thống chính trị trong",
}

// titleAreas are the subjects of policy documents.
var titleAreas = [...]string{
	"công tác dân vận",
	"công tác dân vận của cơ quan nhà nước các cấp",
	"công tác dân vận chính quyền",
	"công tác tuyên giáo",
	"công tác kiểm tra, giám sát và kỷ luật của Đảng",
	"công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
	"công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
	"công tác cán bộ",
	"công tác quy hoạch cán bộ lãnh đạo, quản lý",
	"công tác phát triển đảng viên",
	"công tác xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên",
	"công tác thi đua, khen thưởng",
	"công tác giảm nghèo bền vững",
	"công tác bảo đảm trật tự, an toàn giao thông",
	"công tác phòng, chống ma túy",
	"công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
	"công tác dân số",
	"công tác đối với người Việt Nam ở nước ngoài",
	"công tác tôn giáo",
	"công tác dân tộc",
	"công tác thanh niên",
	"công tác phụ nữ",
	"công tác cựu chiến binh",
	"công tác xây dựng Đảng và hệ thống chính trị",
	"công tác quốc phòng, quân sự địa phương",
	"công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
	"công tác thông tin đối ngoại",
	"công tác bảo vệ môi trường",
	"công tác phòng, chống thiên tai",
	"việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"phong trào thi đua “Dân vận khéo”",
	"xây dựng nông thôn mới",
	"phát triển kinh tế tập thể, hợp tác xã",
	"phát triển kinh tế tư nhân",
	"chuyển đổi số",
	"phát triển khoa học, công nghệ và đổi mới sáng tạo",
	"xây dựng và phát triển văn hóa, con người Việt Nam",
	"đổi mới căn bản, toàn diện giáo dục và đào tạo",
	"giáo dục nghề nghiệp",
	"cải cách chính sách bảo hiểm xã hội",
	"củng cố, hoàn thiện mạng lưới y tế cơ sở",
	"bảo đảm an ninh mạng",
	"phát triển bền vững kinh tế biển",
	"phát triển du lịch trở thành ngành kinh tế mũi nhọn",
	"nông nghiệp, nông dân, nông thôn",
	"thực hiện dân chủ ở cơ sở",
	"sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
	"tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
	"vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
	"công tác giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam",
	"quản lý, sử dụng đất đai",
	"phát triển năng lượng quốc gia",
	"hội nhập quốc tế",
	"công tác bảo vệ chính trị nội bộ",
	"công tác nghiên cứu, biên soạn lịch sử Đảng",
	"công tác báo chí, xuất bản",
	"công tác tài chính đảng",
	"công tác văn thư, lưu trữ",
	"đạo đức công vụ",
	"công tác phòng cháy, chữa cháy",
	"công tác bình đẳng giới và vì sự tiến bộ của phụ nữ",
	"công tác chăm sóc, giáo dục và bảo vệ trẻ em",
}

// titleQualifiers close a title; "%Y" is replaced by a year after the
// document's, "%y" by the document's year.
var titleQualifiers = [...]string{
	" trong tình hình mới",
	" trong giai đoạn hiện nay",
	" đến năm %Y",
	" đến năm %Y, tầm nhìn đến năm %Z",
	" giai đoạn %y - %Y",
	" trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước",
	"",
	"",
	"",
	"",
}

// typeInfo describes a document type: canonical abbreviation, type word and
// heading.
type typeInfo struct {
	abbr    string
	word    string // "Nghị quyết"
	heading string // "NGHỊ QUYẾT"
}

// Document kinds: what a node of the plan is. The order is the table
// index; keep it in step with docKinds.
type docKind uint8

const (
	kTWNQ      docKind = iota // Nghị quyết of the Central Committee or the Politburo
	kTWKL                     // Kết luận
	kTWCT                     // Chỉ thị
	kTWQDDec                  // Quyết định (QĐ/TW)
	kTWQDReg                  // Quy định before 2018 (QĐ/TW)
	kTWQDi                    // Quy định from 2018 (QĐi/TW)
	kTWHD                     // Hướng dẫn of the Secretariat (HD/TW)
	kCentralHD                // Hướng dẫn of a central board (HD/BTGTW ...)
	kCTTTg                    // Chỉ thị of the Prime Minister (N/CT-TTg)
	kNDCP                     // Nghị định (N/YYYY/NĐ-CP)
	kNQCP                     // Nghị quyết of the Government (N/NQ-CP)
	kLaw                      // Luật (N/YYYY/QHk)
	kTT                       // Thông tư (N/YYYY/TT-Bxx)
	kTTLT                     // Thông tư liên tịch (N/YYYY/TTLT-B1-B2[-B3]), until 2016
	kNQUBTV                   // Nghị quyết of the NA Standing Committee (N/YYYY/UBTVQHk)
	kProvKH                   // Kế hoạch of a Tỉnh ủy (KH/TU)
	kProvCTr                  // Chương trình hành động (CTr/TU)
	kProvCT                   // Chỉ thị of a Tỉnh ủy (CT/TU)
	kProvHD                   // Hướng dẫn of a board of the Tỉnh ủy (HD/BTGTU, HD/BDVTU ...)
	kProvUB                   // Kế hoạch of the UBND tỉnh (N/KH-UBND)
	kProvHDND                 // Nghị quyết of the HĐND tỉnh (N/YYYY/NQ-HĐND, "12a/2019/NQ-HĐND")
	kProvQD                   // Quyết định of the UBND tỉnh (N/QĐ-UBND) issuing a plan
	kDistKH                   // Kế hoạch of a Huyện ủy (KH/HU, KH/QU, KH/TU)
	kDistCV                   // Công văn of a Huyện ủy (CV/HU)
	kDistCTr                  // Chương trình of a Huyện ủy (CTr/HU)
	kDistUB                   // Kế hoạch of the UBND huyện (N/KH-UBND)
	kCommKH                   // Kế hoạch of a Đảng ủy xã (KH/ĐU)
	kCommUB                   // Kế hoạch of the UBND xã (N/KH-UBND)
	kArticle                  // a news article with no number of its own
	numKinds
)

var docKinds = [numKinds]typeInfo{
	kTWNQ:      {"NQ", "Nghị quyết", "NGHỊ QUYẾT"},
	kTWKL:      {"KL", "Kết luận", "KẾT LUẬN"},
	kTWCT:      {"CT", "Chỉ thị", "CHỈ THỊ"},
	kTWQDDec:   {"QĐ", "Quyết định", "QUYẾT ĐỊNH"},
	kTWQDReg:   {"QĐ", "Quy định", "QUY ĐỊNH"},
	kTWQDi:     {"QĐi", "Quy định", "QUY ĐỊNH"},
	kTWHD:      {"HD", "Hướng dẫn", "HƯỚNG DẪN"},
	kCentralHD: {"HD", "Hướng dẫn", "HƯỚNG DẪN"},
	kCTTTg:     {"CT", "Chỉ thị", "CHỈ THỊ"},
	kNDCP:      {"NĐ", "Nghị định", "NGHỊ ĐỊNH"},
	kNQCP:      {"NQ", "Nghị quyết", "NGHỊ QUYẾT"},
	kLaw:       {"QH", "Luật", "LUẬT"},
	kTT:        {"TT", "Thông tư", "THÔNG TƯ"},
	kTTLT:      {"TTLT", "Thông tư liên tịch", "THÔNG TƯ LIÊN TỊCH"},
	kNQUBTV:    {"UBTVQH", "Nghị quyết", "NGHỊ QUYẾT"},
	kProvKH:    {"KH", "Kế hoạch", "KẾ HOẠCH"},
	kProvCTr:   {"CTr", "Chương trình", "CHƯƠNG TRÌNH HÀNH ĐỘNG"},
	kProvCT:    {"CT", "Chỉ thị", "CHỈ THỊ"},
	kProvHD:    {"HD", "Hướng dẫn", "HƯỚNG DẪN"},
	kProvUB:    {"KH", "Kế hoạch", "KẾ HOẠCH"},
	kProvHDND:  {"NQ", "Nghị quyết", "NGHỊ QUYẾT"},
	kProvQD:    {"QĐ", "Quyết định", "QUYẾT ĐỊNH"},
	kDistKH:    {"KH", "Kế hoạch", "KẾ HOẠCH"},
	kDistCV:    {"CV", "Công văn", "CÔNG VĂN"},
	kDistCTr:   {"CTr", "Chương trình", "CHƯƠNG TRÌNH"},
	kDistUB:    {"KH", "Kế hoạch", "KẾ HOẠCH"},
	kCommKH:    {"KH", "Kế hoạch", "KẾ HOẠCH"},
	kCommUB:    {"KH", "Kế hoạch", "KẾ HOẠCH"},
	kArticle:   {"", "", ""},
}

// centralBoards issue guidance under their own codes (HD/BTGTW ...).
var centralBoards = [...]struct{ code, name string }{
	{"BTGTW", "Ban Tuyên giáo Trung ương"},
	{"BTCTW", "Ban Tổ chức Trung ương"},
	{"BDVTW", "Ban Dân vận Trung ương"},
	{"UBKTTW", "Ủy ban Kiểm tra Trung ương"},
	{"VPTW", "Văn phòng Trung ương Đảng"},
}

// ministries issue Thông tư (N/YYYY/TT-code).
var ministries = [...]struct{ code, name string }{
	{"BNV", "Bộ Nội vụ"},
	{"BTC", "Bộ Tài chính"},
	{"BGDĐT", "Bộ Giáo dục và Đào tạo"},
	{"BYT", "Bộ Y tế"},
	{"BTNMT", "Bộ Tài nguyên và Môi trường"},
	{"BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
	{"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
	{"BTTTT", "Bộ Thông tin và Truyền thông"},
	{"BCA", "Bộ Công an"},
	{"BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
}

// provBoards are the boards of a Tỉnh ủy that issue guidance under their
// own codes.
var provBoards = [...]struct{ code, name string }{
	{"BTGTU", "Ban Tuyên giáo"},
	{"BDVTU", "Ban Dân vận"},
	{"BTCTU", "Ban Tổ chức"},
	{"UBKTTU", "Ủy ban Kiểm tra"},
}

// plenums are names of Central Committee plenums and their resolutions:
// they carry numbers and are no document numbers.
var plenums = [...]string{"Nghị quyết Trung ương %d khóa %s", "Hội nghị Trung ương %d khóa %s", "Nghị quyết Hội nghị Trung ương %d (khóa %s)"}

// jointIssuers are the ministries of joint circulars (TTLT), by code and
// by name.
var jointIssuers = [...]struct{ code, names string }{
	{"BTNMT-BNV-BTC", "Bộ Tài nguyên và Môi trường, Bộ Nội vụ và Bộ Tài chính"},
	{"BNV-BTC", "Bộ Nội vụ và Bộ Tài chính"},
	{"BLĐTBXH-BTC", "Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính"},
	{"BGDĐT-BNV", "Bộ Giáo dục và Đào tạo và Bộ Nội vụ"},
	{"BYT-BNV", "Bộ Y tế và Bộ Nội vụ"},
}

// lawNames are laws of the National Assembly (the title of a kLaw node).
var lawNames = [...]string{
	"Luật Phòng, chống tham nhũng",
	"Luật Thực hiện dân chủ ở cơ sở",
	"Luật Tiếp công dân",
	"Luật Khiếu nại",
	"Luật Tố cáo",
	"Luật Cán bộ, công chức",
	"Luật Viên chức",
	"Luật Đất đai",
	"Luật Bảo vệ môi trường",
	"Luật Ngân sách nhà nước",
	"Luật Đầu tư công",
	"Luật Tổ chức chính quyền địa phương",
	"Luật Thi đua, khen thưởng",
	"Luật Giáo dục",
	"Luật An ninh mạng",
	"Luật Phòng, chống ma túy",
	"Luật Dân quân tự vệ",
	"Luật Quốc phòng",
	"Luật Thanh niên",
	"Luật Báo chí",
	"Luật Tín ngưỡng, tôn giáo",
	"Luật Bảo hiểm xã hội",
	"Luật Khám bệnh, chữa bệnh",
	"Luật Phòng cháy và chữa cháy",
	"Luật Lưu trữ",
	"Luật Giao dịch điện tử",
	"Luật Chuyển đổi số",
	"Luật Phòng thủ dân sự",
}

// namedDocs are documents cited by name, never by number.
var namedDocs = [...]struct{ kind, name string }{
	namedLocalGov:    {"Luật", "Luật Tổ chức chính quyền địa phương"},
	namedLocalGovOld: {"Luật", "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân"},
	{"Luật", "Luật Tiếp công dân"},
	{"Luật", "Luật Khiếu nại"},
	{"Luật", "Luật Tố cáo"},
	{"Luật", "Luật Ban hành văn bản quy phạm pháp luật"},
	{"Quy chế", "Quy chế dân chủ ở cơ sở"},
	{"Quy chế", "Quy chế làm việc của Ban Chấp hành Đảng bộ"},
	{"Điều lệ", "Điều lệ Đảng"},
	namedNationalCongress: {"Nghị quyết", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ %s của Đảng"},
	namedProvinceCongress: {"Nghị quyết", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ %s"},
	namedConstitution:     {"Hiến pháp", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
}

// Indexes of namedDocs the templates use by name.
const (
	namedLocalGov     = 0
	namedLocalGovOld  = 1
	namedConstitution = 11
	// The congresses take their ordinal from the document's date.
	namedNationalCongress = 9
	namedProvinceCongress = 10
)

// romans for congress ordinals.
var romans = [...]string{"XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX"}

// implementCues open a sentence in which the citing document implements
// what it names. Each is followed by the mention.
var implementCues = [...]string{
	"Thực hiện",
	"Triển khai thực hiện",
	"Quán triệt và triển khai thực hiện",
	"Thực hiện có hiệu quả",
	"Tiếp tục thực hiện",
}

// basedOnCues open a sentence resting on what it names.
var basedOnCues = [...]string{"Căn cứ", "Theo tinh thần", "Căn cứ vào"}

// citeLeads introduce a mention with no relation cue.
var citeLeads = [...]string{
	"Nội dung này đã được xác định tại",
	"Như đã nêu trong",
	"Phù hợp với định hướng của",
	"Theo quy định tại",
}

// openers begin the first paragraph of a plan after the cited documents.
var planTails = [...]string{
	"xây dựng Kế hoạch triển khai thực hiện như sau:",
	"ban hành Kế hoạch thực hiện với những nội dung chủ yếu sau:",
	"xây dựng Kế hoạch tổ chức thực hiện trên địa bàn, cụ thể như sau:",
	"đề ra Kế hoạch thực hiện như sau:",
}

// bodySentences fill the paragraphs. "{U}" is the unit noun ("tỉnh",
// "huyện", "xã"), "{C}" its committee ("Tỉnh ủy"), "{A}" the topic area.
var purposeSentences = [...]string{
	"Quán triệt sâu sắc, tạo sự chuyển biến mạnh mẽ về nhận thức và hành động của cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội về {A}.",
	"Xác định rõ nhiệm vụ, giải pháp và trách nhiệm của từng cơ quan, đơn vị, địa phương trong lãnh đạo, chỉ đạo tổ chức thực hiện, bảo đảm phù hợp với điều kiện thực tế của {U}.",
	"Việc triển khai thực hiện phải nghiêm túc, thiết thực, hiệu quả, tránh hình thức; gắn với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.",
	"Nâng cao vai trò, trách nhiệm của người đứng đầu cấp ủy, chính quyền các cấp trong lãnh đạo, chỉ đạo và tổ chức thực hiện {A}.",
	"Tạo sự thống nhất cao trong Đảng, sự đồng thuận trong xã hội; phát huy sức mạnh tổng hợp của cả hệ thống chính trị và các tầng lớp Nhân dân.",
	"Thường xuyên kiểm tra, giám sát, đôn đốc; kịp thời sơ kết, rút kinh nghiệm, biểu dương, khen thưởng những tập thể, cá nhân có thành tích tiêu biểu.",
}

var taskSentences = [...]string{
	"Đẩy mạnh công tác tuyên truyền, phổ biến, quán triệt sâu rộng trong cán bộ, đảng viên và các tầng lớp Nhân dân về mục tiêu, quan điểm, nhiệm vụ và giải pháp đã đề ra.",
	"Cụ thể hóa các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về {A} thành chương trình, kế hoạch công tác hằng năm của cấp ủy, chính quyền.",
	"Nâng cao hiệu lực, hiệu quả quản lý nhà nước gắn với bảo đảm quyền, lợi ích hợp pháp, chính đáng của Nhân dân; thực hiện có hiệu quả các chương trình phát triển kinh tế - xã hội của địa phương.",
	"Tập trung cải cách hành chính, trọng tâm là cải cách thủ tục hành chính trên các lĩnh vực liên quan trực tiếp đến người dân và doanh nghiệp.",
	"Kiện toàn tổ chức bộ máy, nâng cao chất lượng đội ngũ cán bộ làm công tác tham mưu, giúp việc; bố trí cán bộ có đủ phẩm chất, năng lực, uy tín.",
	"Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong tuyên truyền, vận động Nhân dân và tham gia giám sát, phản biện xã hội.",
	"Tăng cường kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, chấn chỉnh những hạn chế, khuyết điểm, xử lý nghiêm các vi phạm.",
	"Đưa nội dung {A} vào sinh hoạt chi bộ định kỳ; gắn với việc đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên hằng năm.",
	"Phát hiện, bồi dưỡng, nhân rộng các mô hình hay, cách làm hiệu quả, các điển hình tiên tiến trên các lĩnh vực của đời sống xã hội.",
	"Bố trí nguồn lực phù hợp, ưu tiên cho các xã vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số và những địa bàn còn nhiều khó khăn.",
	"Xây dựng phong cách “trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”; thực hiện tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
	"Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong lãnh đạo, chỉ đạo, điều hành và cung cấp dịch vụ công trực tuyến cho người dân, doanh nghiệp.",
	"Giải quyết kịp thời, đúng pháp luật những bức xúc, kiến nghị chính đáng của Nhân dân ngay từ cơ sở, không để phát sinh điểm nóng.",
	"Chủ động nắm bắt tình hình tư tưởng cán bộ, đảng viên và Nhân dân; kịp thời định hướng thông tin, đấu tranh với các quan điểm sai trái, thù địch.",
}

var organizeSentences = [...]string{
	"Các cấp ủy, tổ chức đảng, cơ quan, đơn vị căn cứ Kế hoạch này xây dựng kế hoạch cụ thể, phù hợp với thực tế và tổ chức thực hiện nghiêm túc.",
	"Ban Tuyên giáo {C} chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, đôn đốc việc thực hiện; định kỳ tổng hợp, báo cáo Ban Thường vụ {C}.",
	"Ban Dân vận {C} chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam {U} và các đoàn thể tuyên truyền, vận động Nhân dân tham gia thực hiện.",
	"Ủy ban Kiểm tra {C} đưa nội dung thực hiện vào chương trình kiểm tra, giám sát hằng năm.",
	"Văn phòng {C} theo dõi, đôn đốc, tổng hợp tình hình và kết quả thực hiện, báo cáo Thường trực {C} theo quy định.",
	"Đảng đoàn Hội đồng nhân dân, Ban cán sự đảng Ủy ban nhân dân {U} lãnh đạo thể chế hóa, cụ thể hóa các nội dung thuộc thẩm quyền.",
	"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Văn phòng {C} để tổng hợp, báo cáo.",
}

// newsSentences fill news pages and articles about implementation.
var newsSentences = [...]string{
	"Thời gian qua, cấp ủy, chính quyền các cấp trên địa bàn đã quan tâm lãnh đạo, chỉ đạo và đạt được nhiều kết quả tích cực.",
	"Nhận thức của cán bộ, đảng viên, công chức, viên chức về {A} ngày càng được nâng lên, tạo sự đồng thuận trong Nhân dân.",
	"Tuy nhiên, việc triển khai ở một số nơi còn chậm, chưa đồng bộ; công tác phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ.",
	"Để duy trì và phát huy kết quả đạt được, thời gian tới địa phương tiếp tục phát huy sức mạnh tổng hợp của các tổ chức, lực lượng.",
	"Phát biểu tại hội nghị, đồng chí Phó Bí thư Thường trực {C} đề nghị các cơ quan, đơn vị tiếp tục quán triệt, triển khai với quyết tâm cao.",
	"Các đại biểu đã tập trung thảo luận, làm rõ những kết quả đạt được, hạn chế, nguyên nhân và bài học kinh nghiệm.",
}

// familyNames, middleNames and givenNames make signers' names.
var familyNames = [...]string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đoàn", "Trương"}
var middleNames = [...]string{"Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Công", "Thế", "Hồng"}
var givenNames = [...]string{"Bình", "Hùng", "Dũng", "Lan", "Hương", "Tuấn", "Sơn", "Hải", "Long", "Thắng", "Việt", "Hà", "Phương", "Cường", "Nam", "Trung", "Khiết", "Thành", "Tâm", "Hòa"}

// noiseInline are phrases that look like references and are none, used
// inside a sentence. The kind says which Noise* class each belongs to.
var noiseInline = [...]struct{ kind, text string }{
	{NoiseAbbrev, "KT - XH"},
	{NoiseAbbrev, "QP - AN"},
	{NoiseAbbrev, "KT-XH"},
	{NoiseAbbrev, "ANCT - TTATXH"},
	{NoiseISO, "ISO 9001:2015"},
	{NoiseISO, "TCVN ISO 9001:2015"},
	{NoiseISO, "ISO/IEC 27001:2013"},
}

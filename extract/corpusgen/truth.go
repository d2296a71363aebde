package corpusgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/vncite/vncite"
)

// DocTruth is the truth about one generated document: one line of
// truth.jsonl. See the package documentation for the format.
type DocTruth struct {
	// ID is the generator's identity of the document, unique in a corpus:
	// two documents with the same number (another province, another term)
	// have different IDs.
	ID string `json:"id"`
	// File is the path of the text relative to the corpus directory, with
	// "/" separators; empty when the text is withheld (the document is
	// known only from what cites it).
	File string `json:"file,omitempty"`
	// Form is "document" (the text of the document itself), "draft" (its
	// text as a draft: the number left blank, "Số:      /KH-UBND", so no
	// number), "news" (a web page reporting on it, its own number in the
	// running text) or "article" (a news article with no number of its
	// own).
	Form     string       `json:"form"`
	Number   string       `json:"number,omitempty"` // canonical; empty for articles
	Type     string       `json:"type,omitempty"`   // canonical abbreviation: "KH", "NĐ", "Luật" for laws
	TypeName string       `json:"type_name,omitempty"`
	Issuer   string       `json:"issuer,omitempty"` // issuer code: "TW", "TU", "HU", "UBND", "CP", "QH15"
	Body     string       `json:"body"`             // issuing body, full: "Ban Thường vụ Tỉnh ủy Lâm Đồng"
	Date     string       `json:"date"`             // YYYY-MM-DD
	Title    string       `json:"title,omitempty"`
	Level    vncite.Level `json:"level"`
	// Province is the province at the document's date (one of the 63 before
	// 2025-07-01, one of the 34 after); Province2025 the post-reform province
	// it is or became part of. Both empty for central documents.
	Province     string `json:"province,omitempty"`
	Province2025 string `json:"province_2025,omitempty"`
	District     string `json:"district,omitempty"`      // short name: "Đức Trọng"
	DistrictKind string `json:"district_kind,omitempty"` // "huyện", "quận", "thị xã", "thành phố"
	Commune      string `json:"commune,omitempty"`       // short name: "Tân Hội"
	CommuneKind  string `json:"commune_kind,omitempty"`  // "xã", "phường"
	// Scope is the unit path "Province[/District[/Commune]]" that, with the
	// number and term or year, identifies a local document; empty for
	// central documents.
	Scope string `json:"scope,omitempty"`
	// Term is the central Party term (khóa) on the document's date, for
	// Party documents; Year the year of its date (the identity of state
	// administrative numbers).
	Term string `json:"term,omitempty"`
	Year int    `json:"year"`
	// Source is the ID of the document this one was written to implement
	// (its parent in the cascade); LagDays the days from the source's date.
	Source  string `json:"source,omitempty"`
	LagDays int    `json:"lag_days,omitempty"`
	// NFD is set when the file is written in Unicode NFD; offsets are then
	// given both in the file and in its NFC form. CRLF is set when its
	// lines end in "\r\n" (offsets count the "\r").
	NFD  bool `json:"nfd,omitempty"`
	CRLF bool `json:"crlf,omitempty"`
	// Unaccented is set when the text was written without diacritics
	// ("Nghi quyet so 25-NQ/TW", "QD/TW"), as some web and OCR sources
	// give it; as_written and the spans are those of the unaccented text.
	Unaccented bool `json:"unaccented,omitempty"`
	// NumberSpan is where the document's own number stands in the text
	// (header "Số: 135-KH/TU" or the running text of a news page).
	NumberSpan *Span `json:"number_span,omitempty"`

	Citations  []Citation       `json:"citations,omitempty"`
	Statements []StatementTruth `json:"statements,omitempty"`
	Named      []NamedTruth     `json:"named,omitempty"`
	Noise      []NoiseTruth     `json:"noise,omitempty"`
}

// Span is a byte range of a file; NFCStart/NFCEnd the same range in the NFC
// form of the file, set only when the file is NFD (DocTruth.NFD).
type Span struct {
	Start    int `json:"start"`
	End      int `json:"end"`
	NFCStart int `json:"nfc_start,omitempty"`
	NFCEnd   int `json:"nfc_end,omitempty"`
}

// Citation is one mention of a numbered document in a text.
type Citation struct {
	Number string `json:"number"` // canonical number of the target
	Target string `json:"target"` // the target's DocTruth.ID
	// Relation is the relation the cue before the mention expresses
	// between the citing document and the target.
	Relation vncite.Relation `json:"relation"`
	// Mention is how the document is mentioned: "full" (its number),
	// "list" (a later item of a list: "217-QĐ/TW và 218-QĐ/TW"), "short"
	// ("Nghị quyết 25" after a full mention), "above" ("Kết luận nêu
	// trên"), "bare" ("Chỉ thị số 35 ... của Bộ Chính trị": the number
	// without type and issuer, completed from the words around it).
	Mention string `json:"mention"`
	// Form is how the number is spelled: see the Form* constants.
	Form string `json:"form"`
	Span
	AsWritten string `json:"as_written"` // the file's bytes [Start:End]
	// What the text states beside the mention (empty when not stated).
	Date  string `json:"date,omitempty"`
	Body  string `json:"body,omitempty"`
	Term  string `json:"term,omitempty"`
	Title string `json:"title,omitempty"`
	// ScopeFrom says where a reader finds the unit of a local target:
	// "stated" (named beside the mention: "của Ban Thường vụ Tỉnh ủy Lâm
	// Đồng"), "letterhead" (the citing document's letterhead or place line
	// names the target's unit or its province), "gazetteer" (only the
	// citing document's district or commune is named: its province must be
	// looked up), "none" (nothing in the text says). Empty for central
	// targets.
	ScopeFrom string `json:"scope_from,omitempty"`
	// InStatement is set when the mention is the object of a statement
	// about another document ("Kế hoạch số 135-KH/TU ... về triển khai
	// thực hiện Kết luận số 114-KL/TW"): its relation is the subject's.
	InStatement bool `json:"in_statement,omitempty"`
}

// StatementTruth is an edge between two other documents that a text states.
type StatementTruth struct {
	Subject   string          `json:"subject"` // canonical number
	SubjectID string          `json:"subject_id"`
	Relation  vncite.Relation `json:"relation"`
	Object    string          `json:"object"`
	ObjectID  string          `json:"object_id"`
	Span                      // from the subject's mention to the object's
}

// NamedTruth is a reference by name without a number ("Luật Tiếp công dân").
type NamedTruth struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	Span
}

// NoiseTruth is text that looks like a reference and is none.
type NoiseTruth struct {
	Kind string `json:"kind"` // see the Noise* constants
	Text string `json:"text"`
	Span
}

// Number spellings (Citation.Form).
const (
	FormCanonical  = "canonical" // 135-KH/TU, 16/CT-TTg
	FormSpaces     = "spaces"    // 218- QĐ/TW, 135 - KH / TU
	FormEnDash     = "en_dash"   // 218–QĐ/TW
	FormNoDash     = "no_dash"   // 218QĐ/TW, 30/2020/NĐCP
	FormASCIID     = "ascii_d"   // 218-QD/TW
	FormEth        = "eth"       // 218-QÐ/TW with U+00D0
	FormCyrillic   = "cyrillic"  // a Latin letter of the number replaced by its Cyrillic look-alike
	FormBreak      = "line_break"
	FormUpper      = "upper"  // the mention upper-cased: SỐ 08/CT-TTG
	FormOCRTU      = "ocr_tu" // "TƯ" for "TU" beside "của ... Tỉnh ủy"
	FormColon      = "so_colon"
	FormNoSo       = "no_so"       // "Nghị quyết 25-NQ/TW"
	FormSplit      = "split"       // "Nghị quyết\nsố 25-NQ/TW"
	FormNBSP       = "nbsp"        // no-break spaces (U+00A0) of web pages: "số\u00a025 -\u00a0NQ/TW"
	FormGlued      = "glued"       // no space after "số": "số25-NQ/TW"
	FormCapSo      = "cap_so"      // "Số" capitalized in running text: "Kế hoạch Số 135-KH/TU"
	FormAbbrWord   = "abbr_word"   // the type word abbreviated: "KH số 135-KH/TU", "NQ 25-NQ/TW"
	FormGeneric    = "generic"     // a generic word for the type: "văn bản số 1226-CV/TU"
	FormJointSlash = "joint_slash" // a joint circular with a slash: "03/2015/TTLT/BTNMT-BNV-BTC"
	FormTable      = "table"       // in a table cell, no type word: "| 1 | 25-NQ/TW | 03/6/2013 |"
	FormFootnote   = "footnote"    // a footnote mark after it: "25-NQ/TW¹"
	FormShort      = "short"       // "Nghị quyết 25", "Kết luận nêu trên"
	FormBare       = "bare"        // "Chỉ thị số 35"
	FormLawName    = "law_num"     // "Luật Phòng, chống tham nhũng số 36/2018/QH14"
)

// Noise kinds (NoiseTruth.Kind).
const (
	NoiseISO     = "iso"
	NoiseAbbrev  = "abbrev"  // KT - XH, QP - AN
	NoisePhone   = "phone"   // ĐT: 0263.3822.123
	NoiseQuarter = "quarter" // Quý II/2024
	NoisePage    = "page"    // Trang 2/5
	NoiseWeb     = "web"     // Ngày cập nhật, Lượt truy cập
	NoiseDate    = "date"
	NoiseAddress = "address" // Số 36 đường Trần Phú
	NoiseArticle = "article" // Điều 5, khoản 2
	NoiseDraft   = "draft"   // Số:      /KH-UBND (a number left blank)
	NoiseSerial  = "serial"  // Bản tin số 3/2024, Mã định danh 000.00.12.H39
	NoisePlenum  = "plenum"  // Nghị quyết Trung ương 7 khóa XI: a plenum, no number
	NoiseAnnex   = "annex"   // Phụ lục số 02, Mẫu số 01
	NoisePhrase  = "phrase"  // "kế hoạch 5 năm", "nhiệm kỳ 2020 - 2025": a type word and a number, no document
)

// WriteTruth writes one JSON line per document.
func WriteTruth(w io.Writer, docs []DocTruth) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range docs {
		if err := enc.Encode(&docs[i]); err != nil {
			return fmt.Errorf("corpusgen: write truth %s: %w", docs[i].ID, err)
		}
	}
	return nil
}

// maxTruthLine bounds one truth line; a generated document's record is far
// smaller.
const maxTruthLine = 64 << 20

// ReadTruth reads truth.jsonl. A malformed line is an error naming it.
func ReadTruth(r io.Reader) ([]DocTruth, error) {
	var docs []DocTruth
	err := eachJSONLine(r, "truth", func(line int, d DocTruth) error {
		if d.ID == "" {
			return fmt.Errorf("corpusgen: truth line %d: %w", line, errNoID)
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// eachJSONLine decodes every non-blank line of r (JSON Lines, each up to
// maxTruthLine) into a new T and hands it to use with its line number;
// what names the input in errors ("truth", "edges", "dump").
func eachJSONLine[T any](r io.Reader, what string, use func(line int, v T) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxTruthLine)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("corpusgen: %s line %d: %w", what, line, err)
		}
		if err := use(line, v); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("corpusgen: read %s line %d: %w", what, line+1, err)
	}
	return nil
}

var errNoID = errors.New("record has no id")

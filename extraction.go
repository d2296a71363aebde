package vncite

// Relation is how a citing document (or a statement's subject) stands to the
// document it cites. The zero value is not valid; Cites is the default.
type Relation string

// Relations, from the cue phrases around a reference.
const (
	Cites      Relation = "cites"      // mentioned, no stronger cue
	Implements Relation = "implements" // "triển khai thực hiện", "thực hiện", "quán triệt", "tiếp tục thực hiện"
	BasedOn    Relation = "based_on"   // "căn cứ", "theo tinh thần"
	Guides     Relation = "guides"     // "hướng dẫn thực hiện"
	Amends     Relation = "amends"     // "sửa đổi, bổ sung"
	Replaces   Relation = "replaces"   // "thay thế"
	Repeals    Relation = "repeals"    // "bãi bỏ"
	Reviews    Relation = "reviews"    // "sơ kết", "tổng kết N năm thực hiện"
)

// Relations lists every valid relation, strongest cue first.
var Relations = []Relation{Implements, Guides, Amends, Replaces, Repeals, Reviews, BasedOn, Cites}

// Extraction is everything the extractor finds in one document's text.
// Offsets are byte offsets into Text (the NFC-normalized input).
type Extraction struct {
	File       string      `json:"file,omitempty"`
	Document   Document    `json:"document"`
	References []Reference `json:"references"`
	// ShortForms are mentions such as "Nghị quyết 25" that no earlier full
	// mention and no context identify; they are never guessed.
	ShortForms []Reference `json:"short_forms"`
	Named      []Named     `json:"named"`
	Statements []Statement `json:"statements"`
	Text       string      `json:"-"`
}

// Reference is one numbered reference in a text.
type Reference struct {
	Number    string   `json:"number"`     // canonical: "25-NQ/TW", "16/CT-TTg", "18/2000/CT-TTg"
	AsWritten string   `json:"as_written"` // Text[Start:End]
	Type      string   `json:"type"`       // canonical abbreviation: "NQ", "QĐ", "CT"
	TypeName  string   `json:"type_name,omitempty"`
	Issuer    string   `json:"issuer"` // "TW", "TU", "TTg", "UBND", "BTNMT-BNV-BTC"
	Year      int      `json:"year,omitempty"`
	Date      string   `json:"date,omitempty"` // YYYY-MM-DD, as stated beside it
	Body      string   `json:"body,omitempty"` // issuing body as written: "Ban Bí thư"
	Term      string   `json:"term,omitempty"` // "XI" from "khóa XI"
	Title     string   `json:"title,omitempty"`
	Relation  Relation `json:"relation"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	// Sentence is the span of the clause or sentence the reference stands in:
	// the evidence an edge carries.
	SentenceStart int `json:"sentence_start"`
	SentenceEnd   int `json:"sentence_end"`
	// ResolvedFrom is set on a short form ("Nghị quyết 25", "Chỉ thị nêu
	// trên") resolved to an earlier full mention: the index of that mention
	// in References.
	ResolvedFrom *int `json:"resolved_from,omitempty"`
	// Completed is set when a bare number was completed from the type word
	// and the body ("Chỉ thị số 35 ... của Bộ Chính trị" → 35-CT/TW).
	Completed bool `json:"completed,omitempty"`
}

// Statement is what a text says about two other documents: "Kế hoạch số
// 135-KH/TU ... về triển khai thực hiện Kết luận số 114-KL/TW" states that
// 135-KH/TU implements 114-KL/TW.
type Statement struct {
	Subject    string   `json:"subject"` // canonical number
	Relation   Relation `json:"relation"`
	Object     string   `json:"object"`      // canonical number
	SubjectRef int      `json:"subject_ref"` // index in References
	ObjectRef  int      `json:"object_ref"`  // index in References
	Start      int      `json:"start"`       // evidence span in Text
	End        int      `json:"end"`
	Evidence   string   `json:"evidence"`
}

// Named is a reference by name without a number: "Luật Tiếp công dân".
type Named struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // "Luật", "Nghị quyết", "Quy chế", ...
	Start int    `json:"start"`
	End   int    `json:"end"`
}

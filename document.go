package vncite

import "time"

// Level is the administrative level of an issuer.
type Level string

// Levels, top to bottom.
const (
	LevelCentral  Level = "central"
	LevelProvince Level = "province"
	LevelDistrict Level = "district"
	LevelCommune  Level = "commune"
)

// Document is one directive: ingested (its text is stored) or a stub (known
// only from the documents that cite it). The extractor fills the header
// fields from the text; the graph fills identity, scope and provenance.
type Document struct {
	ID       string `json:"id,omitempty"`     // opaque, stable: derived from Key for numbered documents
	Number   string `json:"number,omitempty"` // canonical
	Type     string `json:"type,omitempty"`   // "KH"
	TypeName string `json:"type_name,omitempty"`
	Issuer   string `json:"issuer,omitempty"` // issuer code: "HU", "UBND"
	Body     string `json:"body,omitempty"`   // issuing body as written
	Place    string `json:"place,omitempty"`
	Date     string `json:"date,omitempty"` // YYYY-MM-DD
	Title    string `json:"title,omitempty"`
	Signer   string `json:"signer,omitempty"`
	Term     string `json:"term,omitempty"`

	Key      *Key   `json:"key,omitempty"`
	Level    Level  `json:"level,omitempty"`
	Province string `json:"province,omitempty"` // province name at the document's date
	// ProvinceCode is the GSO code of that province ("46"), when known; it
	// links the unit to the province it became part of in 2025.
	ProvinceCode string `json:"province_code,omitempty"`
	// Unit is the issuing unit below the province, as resolved: "thị xã Hương Thủy".
	Unit string `json:"unit,omitempty"`

	Stub   bool   `json:"stub,omitempty"`
	Source string `json:"source,omitempty"` // file path or URL it was ingested from
	// Hash is the sha256 of the stored text; for a stub, of what is known of
	// it, so that the search index can tell when its copy is stale.
	Hash       string     `json:"hash,omitempty"`
	IngestedAt *time.Time `json:"ingested_at,omitempty"`
	Text       string     `json:"-"`
	// Sightings are what citing documents said about this one (date, body,
	// title, term), each with its provenance; kept even when they disagree.
	Sightings []Sighting `json:"sightings,omitempty"`
	// Cites lists the canonical numbers this document cites; the graph fills
	// it on reads, and the search index keeps it as a keyword field.
	Cites []string `json:"cites,omitempty"`
}

// Key is a document's identity. Party numbers restart each term, so a central
// Party document is (number, term); state administrative numbers restart each
// year, so they carry the year; local numbers exist in every province, so
// they carry a scope, or stay unscoped — never merged across provinces.
type Key struct {
	Number string `json:"number"`
	Term   string `json:"term,omitempty"`
	Year   int    `json:"year,omitempty"`
	Scope  string `json:"scope,omitempty"`
	// Confidence and Why say how the term, year or scope was decided:
	// "stated" (the text says it), "derived" (computed from a stated date),
	// "inferred" (from context: the citing document, the only candidate),
	// "unknown" (a central or state number whose term or year nothing
	// tells yet), "unscoped" (a local number whose province nothing tells).
	Confidence string `json:"confidence,omitempty"`
	Why        string `json:"why,omitempty"`
}

// Sighting is one citing document's context for a cited document.
type Sighting struct {
	Citing string `json:"citing"` // citing document id
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Date   string `json:"date,omitempty"`
	Body   string `json:"body,omitempty"`
	Title  string `json:"title,omitempty"`
	Term   string `json:"term,omitempty"`
	// Why is set when the citing text did not say which document it meant
	// and the graph tied the mention to this one: the reason.
	Why string `json:"why,omitempty"`
}

// Edge is citing → cited, with the evidence for it.
type Edge struct {
	From     string   `json:"from"`
	To       string   `json:"to"`
	Relation Relation `json:"relation"`
	Evidence Evidence `json:"evidence"`
}

// Evidence is where an edge was read: a span of the citing document's text.
// Statement is true when the text stated the edge between two other
// documents rather than citing the target itself.
type Evidence struct {
	Doc       string `json:"doc"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentence  string `json:"sentence"`
	Statement bool   `json:"statement,omitempty"`
}

// Graph is a node-link graph: the result of a lineage query and the input of
// every export format.
type Graph struct {
	Root      string      `json:"root,omitempty"`
	Direction string      `json:"direction,omitempty"` // "down" or "up"
	Depth     int         `json:"depth,omitempty"`
	Nodes     []Node      `json:"nodes"`
	Edges     []GraphEdge `json:"edges"`
}

// Node is one document in a Graph.
type Node struct {
	ID       string `json:"id"`
	Number   string `json:"number,omitempty"`
	Type     string `json:"type,omitempty"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Level    Level  `json:"level,omitempty"`
	Province string `json:"province,omitempty"`
	Stub     bool   `json:"stub"`
	Depth    int    `json:"depth"`
	// LagDays is the days from the root's date to this node's date, when
	// both are known.
	LagDays *int `json:"lag_days,omitempty"`
}

// GraphEdge is one edge in a Graph.
type GraphEdge struct {
	Source   string   `json:"source"`
	Target   string   `json:"target"`
	Relation Relation `json:"relation"`
	Evidence string   `json:"evidence,omitempty"`
}

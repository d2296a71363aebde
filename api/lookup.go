package api

import (
	"net/http"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// Lookup statuses of a reference found by POST /citation-lookup.
const (
	StatusFound     = "found"     // one ingested document carries the number
	StatusAmbiguous = "ambiguous" // several documents do; candidates listed
	StatusStub      = "stub"      // known only from documents citing it
	StatusUnknown   = "unknown"   // not in the store
)

// maxLookupReferences bounds the references one lookup resolves.
const maxLookupReferences = 5000

// LookupResult is the answer of POST /citation-lookup.
type LookupResult struct {
	// Normalized is set when the text read differs from the text posted
	// (Unicode NFC, line ends, a legacy encoding, HTML or DOCX read as
	// text): the offsets then point into Text, sent only then.
	Normalized bool          `json:"normalized"`
	Text       string        `json:"text,omitempty"`
	Citations  []LookupEntry `json:"citations"`
}

// LookupEntry is one reference in the looked-up text.
type LookupEntry struct {
	Number    string `json:"number"` // canonical
	AsWritten string `json:"as_written"`
	Start     int    `json:"start"` // byte offsets into the (NFC) text
	End       int    `json:"end"`
	Type      string `json:"type,omitempty"`
	Date      string `json:"date,omitempty"`
	Term      string `json:"term,omitempty"`
	Relation  string `json:"relation,omitempty"`
	Status    string `json:"status"`
	// Document is the one document meant, when Status is found or stub.
	Document *vncite.Document `json:"document,omitempty"`
	// Candidates are every document the number may mean, when ambiguous.
	Candidates []vncite.Document `json:"candidates,omitempty"`
}

// serveCitationLookup finds every reference in a text and says, for each,
// whether the store has the document it names.
func (s *Server) serveCitationLookup(w http.ResponseWriter, r *http.Request) error {
	var req IngestRequest
	if err := s.readText(w, r, s.limits.MaxLookupBytes, &req); err != nil {
		return err
	}
	ex, err := extract.Extract([]byte(req.Text))
	if err != nil {
		return &Error{Code: EInvalid, Message: "cannot read references in the text: " + err.Error(), Err: err}
	}
	if len(ex.References) > maxLookupReferences {
		return errorf(EInvalid, "the text holds %d references; at most %d are looked up at once: split it", len(ex.References), maxLookupReferences)
	}
	res := LookupResult{Citations: []LookupEntry{}}
	if req.posted != req.Text {
		res.Normalized, res.Text = true, req.Text
	}
	// A text cites the same document many times: look each up once.
	type lookupKey struct {
		number, term, date string
		year               int
	}
	seen := map[lookupKey][]vncite.Document{}
	for _, ref := range ex.References {
		if err := r.Context().Err(); err != nil {
			return err
		}
		e := LookupEntry{
			Number: ref.Number, AsWritten: ref.AsWritten, Start: ref.Start, End: ref.End,
			Type: ref.Type, Date: ref.Date, Term: ref.Term, Relation: string(ref.Relation),
		}
		k := lookupKey{ref.Number, ref.Term, ref.Date, ref.Year}
		cands, ok := seen[k]
		if !ok {
			var err error
			if cands, err = s.candidates(r.Context(), ref); err != nil {
				return err
			}
			seen[k] = cands
		}
		switch {
		case len(cands) == 0:
			e.Status = StatusUnknown
		case len(cands) > 1:
			e.Status = StatusAmbiguous
			e.Candidates = cands
		case cands[0].Stub:
			e.Status = StatusStub
			e.Document = &cands[0]
		default:
			e.Status = StatusFound
			e.Document = &cands[0]
		}
		res.Citations = append(res.Citations, e)
	}
	return writeJSON(w, http.StatusOK, res)
}

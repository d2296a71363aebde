package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract/textin"
	"github.com/vncite/vncite/graph"
)

// DocumentList is a page of GET /documents.
type DocumentList struct {
	Documents []vncite.Document `json:"documents"`
	// NextCursor, when set, fetches the next page (?cursor=).
	NextCursor string `json:"next_cursor,omitempty"`
}

// Link is one edge of a document with the document at its other end: a
// reference out (the cited document) or a citation in (the citing one).
type Link struct {
	vncite.Edge
	Document vncite.Document `json:"document"`
}

// DocumentDetail is GET /documents/{id}: the document (or stub, with its
// sightings), its references out and the documents citing it, each with
// evidence. A central document may be cited thousands of times: each list
// holds at most Limits.MaxLimit links, the totals say how many there are,
// and /references and /cited-by page through them all.
type DocumentDetail struct {
	Document vncite.Document `json:"document"`
	// Text is the stored text of an ingested document (none for a stub);
	// evidence offsets are byte offsets into it. ?text=false leaves it out.
	Text            string `json:"text,omitempty"`
	References      []Link `json:"references"`
	ReferencesTotal int    `json:"references_total"`
	CitedBy         []Link `json:"cited_by"`
	CitedByTotal    int    `json:"cited_by_total"`
}

// Links is a page of GET /documents/{id}/references or /cited-by.
type Links struct {
	Document vncite.Document `json:"document"`
	Links    []Link          `json:"links"`
	Total    int             `json:"total"`
	// NextCursor, when set, fetches the next page (?cursor=).
	NextCursor string `json:"next_cursor,omitempty"`
}

// Resolution is GET /resolve: what a number in any spelling can mean.
type Resolution struct {
	Query     string `json:"query"`
	Canonical string `json:"canonical,omitempty"`
	// Ambiguous is set when several documents carry the number (different
	// terms, years or provinces); Candidates lists them all.
	Ambiguous  bool              `json:"ambiguous"`
	Candidates []vncite.Document `json:"candidates"`
}

// ListFilter selects documents for GET /documents.
type ListFilter struct {
	Type     string
	Level    string
	Province string
	Issuer   string
	From, To string // YYYY-MM-DD, inclusive
}

// serveDocuments lists documents with filters and cursor paging, or with
// ?number= every document carrying that number (any spelling).
func (s *Server) serveDocuments(w http.ResponseWriter, r *http.Request) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	limit, err := p.intIn("limit", s.limits.DefaultLimit, 1, s.limits.MaxLimit)
	if err != nil {
		return err
	}
	f := ListFilter{Type: p.str("type"), Province: p.str("province"), Issuer: p.str("issuer")}
	if f.Level, err = p.oneOf("level", "", string(vncite.LevelCentral), string(vncite.LevelProvince), string(vncite.LevelDistrict), string(vncite.LevelCommune)); err != nil {
		return err
	}
	if f.From, err = p.date("from", false); err != nil {
		return err
	}
	if f.To, err = p.date("to", true); err != nil {
		return err
	}
	if n := p.str("number"); n != "" {
		// Every document with the number: one page, however many.
		if len(n) > maxRefBytes {
			return errorf(EInvalid, "a number is at most %d bytes", maxRefBytes)
		}
		res, err := s.resolve(r.Context(), n)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, DocumentList{Documents: res.Candidates})
	}
	cursor := p.str("cursor")
	if len(cursor) > maxRefBytes*2 {
		return errorf(EInvalid, "malformed cursor")
	}
	docs, next, err := s.listDocuments(r.Context(), f, cursor, limit)
	if err != nil {
		return err
	}
	if docs == nil {
		docs = []vncite.Document{}
	}
	return writeJSON(w, http.StatusOK, DocumentList{Documents: docs, NextCursor: next})
}

// serveDocument answers one document with its references and citers.
func (s *Server) serveDocument(w http.ResponseWriter, r *http.Request) error {
	doc, err := s.requestedDocument(r)
	if err != nil {
		return err
	}
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	withText, err := p.oneOf("text", "true", "true", "false")
	if err != nil {
		return err
	}
	var text string
	if withText == "true" && !doc.Stub {
		full, err := s.Store.Get(r.Context(), doc.ID)
		if err != nil {
			return err
		}
		text = full.Text
	}
	refs, refsTotal, err := s.references(r.Context(), doc.ID, 0, s.limits.MaxLimit)
	if err != nil {
		return err
	}
	citers, citersTotal, err := s.citedBy(r.Context(), doc.ID, 0, s.limits.MaxLimit)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, DocumentDetail{
		Document: doc, Text: text,
		References: refs, ReferencesTotal: refsTotal,
		CitedBy: citers, CitedByTotal: citersTotal,
	})
}

// serveReferences answers a page of a document's references out.
func (s *Server) serveReferences(w http.ResponseWriter, r *http.Request) error {
	return s.serveLinks(w, r, s.references)
}

// serveCitedBy answers a page of the documents citing a document.
func (s *Server) serveCitedBy(w http.ResponseWriter, r *http.Request) error {
	return s.serveLinks(w, r, s.citedBy)
}

// serveLinks answers one page of a document's links, as list says.
func (s *Server) serveLinks(w http.ResponseWriter, r *http.Request, list func(ctx context.Context, id string, offset, limit int) ([]Link, int, error)) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	limit, err := p.intIn("limit", s.limits.DefaultLimit, 1, s.limits.MaxLimit)
	if err != nil {
		return err
	}
	offset, err := decodeCursor(p.str("cursor"))
	if err != nil {
		return err
	}
	doc, err := s.requestedDocument(r)
	if err != nil {
		return err
	}
	links, total, err := list(r.Context(), doc.ID, offset, limit)
	if err != nil {
		return err
	}
	out := Links{Document: doc, Links: links, Total: total}
	if next := offset + len(links); len(links) > 0 && next < total {
		out.NextCursor = encodeCursor(next)
	}
	return writeJSON(w, http.StatusOK, out)
}

// requestedDocument finds the one document a request names, or fails with
// not found or ambiguous (listing the candidates).
func (s *Server) requestedDocument(r *http.Request) (vncite.Document, error) {
	p, err := queryParams(r)
	if err != nil {
		return vncite.Document{}, err
	}
	ref, err := docRef(r, p)
	if err != nil {
		return vncite.Document{}, err
	}
	return s.find(r.Context(), ref)
}

// serveResolve lists every document a number in any spelling can mean.
func (s *Server) serveResolve(w http.ResponseWriter, r *http.Request) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	q := p.str("number")
	if q == "" {
		q = p.str("q")
	}
	if q == "" {
		return errorf(EInvalid, "give the number to resolve: ?number=25-NQ/TW (any spelling)")
	}
	if len(q) > maxRefBytes {
		return errorf(EInvalid, "a number is at most %d bytes", maxRefBytes)
	}
	res, err := s.resolve(r.Context(), q)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// IngestRequest is the JSON body of POST /documents.
type IngestRequest struct {
	// Source says where the text came from (a file name or URL); optional.
	Source string `json:"source"`
	// Text is the document's full text.
	Text string `json:"text"`

	// posted is the text as it arrived, before textin read it.
	posted string
}

// serveIngest stores a document from its text (see readText for the
// bodies it takes) and answers it: 201 Created, or 200 when the same text
// was already stored. A JSON Lines body is a batch (serveIngestBatch).
func (s *Server) serveIngest(w http.ResponseWriter, r *http.Request) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && batchTypes[mt] {
		return s.serveIngestBatch(w, r)
	}
	var req IngestRequest
	if err := s.readText(w, r, s.limits.MaxDocumentBytes, &req); err != nil {
		return err
	}
	doc, created, err := s.ingest(r.Context(), req.Source, req.Text)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/documents/"+url.PathEscape(doc.ID))
	status := http.StatusCreated
	if !created {
		status = http.StatusOK // the same text was already stored
	}
	return writeJSON(w, status, doc)
}

// readText reads a document body of at most limit bytes into req: JSON
// {"source","text"}, or the document itself as text/plain, text/html, a
// DOCX or application/octet-stream (source then from ?source=). Text goes
// through textin, which refuses binary data, detects legacy Vietnamese
// encodings (TCVN3, VNI, VISCII, CP1258) and UTF-16, extracts HTML and
// DOCX text and normalizes to NFC. It refuses other media types (415),
// bodies over the limit (413), malformed JSON and invalid UTF-8 where UTF-8
// is declared (400): JSON decoding would otherwise replace bad bytes with
// U+FFFD silently.
func (s *Server) readText(w http.ResponseWriter, r *http.Request, limit int64, req *IngestRequest) error {
	mediaType, charset := "application/json", ""
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			return errorf(EMediaType, "malformed Content-Type %q", clip(ct, 80))
		}
		mediaType, charset = mt, strings.ToLower(params["charset"])
	}
	name, ok := bodyNames[mediaType]
	if !ok {
		return errorf(EMediaType, "send application/json {\"source\",\"text\"}, or the document as text/plain, text/html, DOCX or application/octet-stream; not %s", clip(mediaType, 80))
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var maxBytes *http.MaxBytesError
	switch {
	case errors.As(err, &maxBytes):
		return err // 413
	case err != nil:
		return &Error{Code: EInvalid, Message: "the body could not be read: " + err.Error(), Err: err}
	}
	utf8Declared := mediaType == "application/json" || charset == "utf-8" || charset == "utf8"
	if utf8Declared && !utf8.Valid(body) {
		return errorf(EInvalid, "the body is declared UTF-8 but is not valid UTF-8; send the file as application/octet-stream to have its encoding detected")
	}
	if mediaType == "application/json" {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(req); err != nil {
			if err == io.EOF {
				return errorf(EInvalid, "the body is empty: send {\"source\",\"text\"}")
			}
			return errorf(EInvalid, "malformed JSON body: %v", err)
		}
		if dec.More() {
			return errorf(EInvalid, "malformed JSON body: more than one value")
		}
		body = []byte(req.Text)
	} else {
		p, err := queryParams(r)
		if err != nil {
			return err
		}
		req.Source = p.str("source")
		if name == "" {
			name = req.Source // octet-stream: the source's extension picks the reader
		}
	}
	if len(req.Source) > 1024 || !utf8.ValidString(req.Source) {
		return errorf(EInvalid, "source must be valid UTF-8 of at most 1024 bytes")
	}
	if strings.TrimSpace(string(body)) == "" {
		return errorf(EInvalid, "the document text is empty")
	}
	text, err := textin.Options{MaxBytes: limit}.Decode(name, body)
	if err != nil {
		return err
	}
	req.posted, req.Text = string(body), text.Body
	return nil
}

// bodyNames maps the media types a document body may have to the file
// name whose extension tells textin how to read it ("" for the source's).
var bodyNames = map[string]string{
	"application/json":         "body.txt",
	"text/plain":               "body.txt",
	"text/markdown":            "body.txt",
	"text/html":                "body.html",
	"application/xhtml+xml":    "body.html",
	"application/octet-stream": "",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": "body.docx",
}

// batchTypes are the media types of a JSON Lines body: many documents.
var batchTypes = map[string]bool{"application/x-ndjson": true, "application/jsonl": true, "application/x-jsonlines": true}

// serveIngestBatch stores many documents from a JSON Lines body, one
// {"source","text"} per line, in the store's batched ingest (one Badger
// transaction and one index batch per few hundred documents), and answers
// the ingest summary. A malformed line refuses the whole body before
// anything is stored; a document that cannot be read (binary, unknown
// encoding, too large) is skipped with its reason and the others are
// stored.
func (s *Server) serveIngestBatch(w http.ResponseWriter, r *http.Request) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.limits.MaxBatchBytes))
	dec.DisallowUnknownFields()
	var inputs []graph.Input
	for line := 1; ; line++ {
		var req IngestRequest
		err := dec.Decode(&req)
		if err == io.EOF {
			break
		}
		var maxBytes *http.MaxBytesError
		if errors.As(err, &maxBytes) {
			return err
		}
		if err != nil {
			return errorf(EInvalid, "malformed JSON Lines body at document %d: %v; nothing was stored", line, err)
		}
		if len(req.Source) > 1024 {
			return errorf(EInvalid, "document %d: source is over 1024 bytes; nothing was stored", line)
		}
		if req.Source == "" {
			sum := sha256.Sum256([]byte(req.Text))
			req.Source = "api:" + hex.EncodeToString(sum[:8])
		}
		in := graph.Input{Source: req.Source}
		if int64(len(req.Text)) > s.limits.MaxDocumentBytes {
			in.Err = fmt.Errorf("%d bytes, over the %d-byte limit for one document", len(req.Text), s.limits.MaxDocumentBytes)
		} else if text, err := (textin.Options{MaxBytes: s.limits.MaxDocumentBytes}).Decode("body.txt", []byte(req.Text)); err != nil {
			in.Err = err
		} else {
			in.Text = []byte(text.Body)
		}
		inputs = append(inputs, in)
	}
	if len(inputs) == 0 {
		return errorf(EInvalid, "the body holds no documents: send one {\"source\",\"text\"} per line")
	}
	// A batch may take longer than one request's deadline; it goes on if
	// the client leaves, since what is committed stays either way.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.limits.IngestTimeout)
	defer cancel()
	sum, err := s.Store.Ingest(ctx, slices.Values(inputs), graph.IngestOptions{})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sum)
}

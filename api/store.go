package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/extract/textin"
	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// This file is where the handlers meet the graph store and the search
// index: each method below is one call (or a few) into them, so the
// handlers stay independent of their exact signatures.

// find returns the one document ref names: an id, or a number in any
// spelling. Several documents with the number → EAmbiguous with them all.
func (s *Server) find(ctx context.Context, ref string) (vncite.Document, error) {
	docs, err := s.Store.Resolve(ctx, ref)
	if errors.Is(err, graph.ErrNotFound) {
		if _, perr := extract.ParseNumber(ref); perr != nil {
			return vncite.Document{}, &Error{Code: ENotFound, Message: fmt.Sprintf("no document has the id %q, and it is not a document number", clip(ref, 80)), Err: err}
		}
		return vncite.Document{}, &Error{Code: ENotFound, Message: fmt.Sprintf("no document or stub with the number %q is stored", clip(ref, 80)), Err: err}
	}
	if err != nil {
		return vncite.Document{}, err
	}
	if len(docs) > 1 {
		return vncite.Document{}, &Error{
			Code:       EAmbiguous,
			Message:    fmt.Sprintf("%d documents have the number %q (%s); ask for one by its id", len(docs), clip(ref, 80), distinctions(docs)),
			Candidates: docs,
		}
	}
	return docs[0], nil
}

// distinctions says what sets each candidate apart, for an error message.
func distinctions(docs []vncite.Document) string {
	var parts []string
	for _, d := range docs {
		parts = append(parts, d.ID+": "+graph.Distinguish(d))
	}
	return strings.Join(parts, "; ")
}

// resolve lists every document a number in any spelling can mean. A short
// form without issuer ("Nghị quyết 25") is looked up through the search
// index's number field.
func (s *Server) resolve(ctx context.Context, q string) (Resolution, error) {
	res := Resolution{Query: q, Candidates: []vncite.Document{}}
	n, perr := extract.ParseNumber(q)
	if perr == nil && !n.Partial {
		res.Canonical = n.Canonical
	}
	docs, err := s.Store.Resolve(ctx, q)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		if perr != nil {
			return Resolution{}, &Error{Code: EInvalid, Message: fmt.Sprintf("%q is not a document number (write it as 25-NQ/TW, 16/CT-TTg, 18/2000/CT-TTg, in any spelling)", clip(q, 80)), Err: perr}
		}
		if n.Partial && s.Index != nil {
			if docs, err = s.partialCandidates(ctx, q); err != nil {
				return Resolution{}, err
			}
		}
	case err != nil:
		return Resolution{}, err
	}
	if len(docs) > 0 {
		res.Candidates = docs
	}
	res.Ambiguous = len(res.Candidates) > 1
	return res, nil
}

// partialCandidates finds the documents carrying a short-form number
// ("Nghị quyết 25": type and sequence, any issuer) through the index.
func (s *Server) partialCandidates(ctx context.Context, q string) ([]vncite.Document, error) {
	sr, err := s.Index.Search(ctx, search.Request{Query: q, Limit: 50})
	if err != nil {
		return nil, err
	}
	var out []vncite.Document
	for _, h := range sr.Hits {
		if h.Match != "number" {
			continue
		}
		docs, err := s.Store.Resolve(ctx, h.ID)
		if err != nil {
			if errors.Is(err, graph.ErrNotFound) {
				continue // deleted since it was indexed
			}
			return nil, err
		}
		out = append(out, docs...)
	}
	return out, nil
}

// candidates lists the documents a reference found in a text can mean,
// narrowed by the term or year its context states when that leaves any.
func (s *Server) candidates(ctx context.Context, ref vncite.Reference) ([]vncite.Document, error) {
	if ref.Number == "" {
		return nil, nil
	}
	docs, err := s.Store.Resolve(ctx, ref.Number)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil || len(docs) < 2 {
		return docs, err
	}
	term := ref.Term
	if term == "" && ref.Date != "" {
		term = extract.TermOf(ref.Date)
	}
	narrowed := slices.DeleteFunc(slices.Clone(docs), func(d vncite.Document) bool {
		if d.Key == nil {
			return false
		}
		switch {
		case ref.Year != 0 && d.Key.Year != 0:
			return d.Key.Year != ref.Year
		case term != "" && d.Key.Term != "":
			return d.Key.Term != term
		}
		return false
	})
	if len(narrowed) > 0 {
		return narrowed, nil
	}
	return docs, nil
}

// listDocuments pages through documents matching f, newest first. The
// search index holds every document's keyword fields and date, so it does
// the filtering; the store supplies each document.
func (s *Server) listDocuments(ctx context.Context, f ListFilter, cursor string, limit int) ([]vncite.Document, string, error) {
	if s.Index == nil {
		return nil, "", errorf(EUnavailable, "listing documents needs the search index, and this server has none")
	}
	offset, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	sr, err := s.Index.Search(ctx, search.Request{
		Type: f.Type, Level: f.Level, Province: f.Province, Issuer: f.Issuer, From: f.From, To: f.To,
		Sort: "date", Limit: limit, Offset: offset,
	})
	if err != nil {
		return nil, "", err
	}
	docs := make([]vncite.Document, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		d, err := s.Store.Resolve(ctx, h.ID)
		if errors.Is(err, graph.ErrNotFound) {
			continue // deleted since it was indexed
		}
		if err != nil {
			return nil, "", err
		}
		docs = append(docs, d[0])
	}
	next := ""
	if n := offset + len(sr.Hits); len(sr.Hits) > 0 && uint64(n) < sr.Total && n <= search.MaxOffset {
		next = encodeCursor(n)
	}
	return docs, next, nil
}

// references returns the page [offset, offset+limit) of the edges out of
// id, each with the document at its other end, and how many there are.
func (s *Server) references(ctx context.Context, id string, offset, limit int) ([]Link, int, error) {
	edges, err := s.Store.References(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	links, err := s.links(ctx, page(edges, offset, limit), func(e vncite.Edge) string { return e.To })
	return links, len(edges), err
}

// citedBy returns the page [offset, offset+limit) of the edges into id,
// each with the citing document, and how many there are.
func (s *Server) citedBy(ctx context.Context, id string, offset, limit int) ([]Link, int, error) {
	edges, err := s.Store.CitedBy(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	links, err := s.links(ctx, page(edges, offset, limit), func(e vncite.Edge) string { return e.From })
	return links, len(edges), err
}

// page returns l[offset:offset+limit], clamped.
func page[T any](l []T, offset, limit int) []T {
	if offset >= len(l) {
		return nil
	}
	return l[offset:min(offset+limit, len(l))]
}

// links pairs each edge with the document at its other end.
func (s *Server) links(ctx context.Context, edges []vncite.Edge, other func(vncite.Edge) string) ([]Link, error) {
	out := make([]Link, 0, len(edges))
	cache := map[string]vncite.Document{}
	for _, e := range edges {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		id := other(e)
		d, ok := cache[id]
		if !ok {
			docs, err := s.Store.Resolve(ctx, id)
			switch {
			case errors.Is(err, graph.ErrNotFound):
				d = vncite.Document{ID: id, Stub: true}
			case err != nil:
				return nil, err
			default:
				d = docs[0]
			}
			d.Sightings = nil // a link summarizes; GET the document for them
			cache[id] = d
		}
		out = append(out, Link{Edge: e, Document: d})
	}
	return out, nil
}

// lineage returns the lineage graph of id.
func (s *Server) lineage(ctx context.Context, id, direction string, depth int) (vncite.Graph, error) {
	return s.Store.Lineage(ctx, id, direction, depth)
}

// path returns a shortest citation path between two documents.
func (s *Server) path(ctx context.Context, from, to string) (vncite.Graph, error) {
	return s.Store.Path(ctx, from, to)
}

// coverage returns, per province, the documents implementing id.
func (s *Server) coverage(ctx context.Context, id string) (graph.Coverage, error) {
	return s.Store.Coverage(ctx, id)
}

// stats counts what the store holds.
func (s *Server) stats(ctx context.Context) (graph.Stats, error) {
	return s.Store.Stats(ctx)
}

// ingest stores one document from its text and returns it as stored, with
// created false when the same text was already there.
func (s *Server) ingest(ctx context.Context, source, text string) (doc vncite.Document, created bool, err error) {
	sum := sha256.Sum256([]byte(text))
	hash := hex.EncodeToString(sum[:])
	if source == "" {
		// Documents without a number are told apart by their source; the
		// content hash keeps re-posting the same text idempotent.
		source = "api:" + hash[:16]
	}
	in := graph.Input{Source: source, Text: []byte(text)}
	res, err := s.Store.Ingest(ctx, func(yield func(graph.Input) bool) { yield(in) }, graph.IngestOptions{BatchSize: 1})
	if err != nil {
		return vncite.Document{}, false, err
	}
	if len(res.Skipped) > 0 {
		return vncite.Document{}, false, &Error{Code: EInvalid, Message: "the document was not stored: " + res.Skipped[0].Reason}
	}
	d, err := s.storedByHash(ctx, text, source, hash)
	if err != nil {
		return vncite.Document{}, false, err
	}
	return d, res.Unchanged == 0, nil
}

// storedByHash finds the document just stored from text: among the
// documents of its number, or under the id graph gives a document without
// one, the one whose content hash is hash.
func (s *Server) storedByHash(ctx context.Context, text, source, hash string) (vncite.Document, error) {
	var probes []string
	if ex, err := extract.Extract([]byte(text)); err == nil && ex.Document.Number != "" {
		probes = append(probes, ex.Document.Number)
	}
	// graph keys a document without a number "doc-" + the first 5 bytes of
	// sha256(source), hex.
	src := sha256.Sum256([]byte(source))
	probes = append(probes, "doc-"+hex.EncodeToString(src[:5]))
	for _, p := range probes {
		docs, err := s.Store.Resolve(ctx, p)
		if errors.Is(err, graph.ErrNotFound) {
			continue
		}
		if err != nil {
			return vncite.Document{}, err
		}
		for _, d := range docs {
			if d.Hash == hash && !d.Stub {
				return d, nil
			}
		}
	}
	return vncite.Document{}, fmt.Errorf("api: ingest %s: stored, but not found again by its hash %s", source, hash)
}

// search runs q from offset in the index.
func (s *Server) search(ctx context.Context, q searchQuery, offset int) (SearchResult, error) {
	res, err := s.Index.Search(ctx, search.Request{
		Query: q.Q, Type: q.Type, Issuer: q.Issuer, Level: q.Level, Province: q.Province, Term: q.Term,
		From: q.From, To: q.To, Sort: q.Sort, Limit: q.Limit, Offset: offset, Facets: q.Facets,
	})
	if err != nil {
		return SearchResult{}, err
	}
	for i, h := range res.Hits {
		// JSON has no NaN or Inf; one such score would fail the whole page.
		if math.IsNaN(h.Score) || math.IsInf(h.Score, 0) {
			s.logger().WarnContext(ctx, "search: non-finite score", "query", q.Q, "id", h.ID, "score", h.Score)
			res.Hits[i].Score = 0
		}
	}
	out := SearchResult{Result: res}
	if next := offset + len(res.Hits); len(res.Hits) > 0 && uint64(next) < res.Total && next <= search.MaxOffset {
		out.NextCursor = encodeCursor(next)
	}
	return out, nil
}

// classifyBackend maps the errors of the store, the index and the extractor
// to API errors; nil for an error it does not know.
func classifyBackend(err error) *Error {
	switch {
	case errors.Is(err, graph.ErrNotFound):
		return &Error{Code: ENotFound, Message: strings.TrimPrefix(err.Error(), "graph: "), Err: err}
	case errors.Is(err, search.ErrBadQuery):
		return &Error{Code: EInvalid, Message: strings.TrimPrefix(err.Error(), "search: "), Err: err}
	case errors.Is(err, textin.ErrTooLarge):
		return &Error{Code: ETooLarge, Message: err.Error(), Err: err}
	case errors.Is(err, textin.ErrUnsupported):
		return &Error{Code: EMediaType, Message: err.Error(), Err: err}
	case errors.Is(err, textin.ErrEmpty), errors.Is(err, textin.ErrBinary), errors.Is(err, textin.ErrUnknownEncoding), errors.Is(err, textin.ErrCorrupt):
		return &Error{Code: EInvalid, Message: "the document cannot be read: " + err.Error(), Err: err}
	case errors.Is(err, extract.ErrNotNumber):
		return &Error{Code: EInvalid, Message: "not a document number: " + err.Error(), Err: err}
	}
	return nil
}

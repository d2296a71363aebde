package api

import (
	"context"
	"errors"
	"strings"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
	"github.com/vncite/vncite/search"
)

// This file is where the handlers meet the graph store and the search
// index: each method below is one call into them, so the handlers stay
// independent of their exact signatures.

// errNotWired is returned while a store call is not available yet.
var errNotWired = &Error{Code: EUnavailable, Message: "this part of the store is not available yet"}

// find returns the one document ref names: an id, or a number in any
// spelling. Several documents with the number → EAmbiguous with them all.
func (s *Server) find(ctx context.Context, ref string) (vncite.Document, error) {
	return vncite.Document{}, errNotWired
}

// resolve lists every document a number in any spelling can mean.
func (s *Server) resolve(ctx context.Context, q string) (Resolution, error) {
	return Resolution{}, errNotWired
}

// candidates lists the documents a reference found in a text can mean,
// narrowed by the term or year its context states when that leaves any.
func (s *Server) candidates(ctx context.Context, ref vncite.Reference) ([]vncite.Document, error) {
	return nil, errNotWired
}

func (s *Server) listDocuments(ctx context.Context, f ListFilter, cursor string, limit int) ([]vncite.Document, string, error) {
	return nil, "", errNotWired
}

func (s *Server) references(ctx context.Context, id string) ([]Link, error) { return nil, errNotWired }

func (s *Server) citedBy(ctx context.Context, id string) ([]Link, error) { return nil, errNotWired }

func (s *Server) lineage(ctx context.Context, id, direction string, depth int) (vncite.Graph, error) {
	return vncite.Graph{}, errNotWired
}

func (s *Server) path(ctx context.Context, from, to string) (any, error) { return nil, errNotWired }

func (s *Server) coverage(ctx context.Context, id string) (any, error) { return nil, errNotWired }

func (s *Server) stats(ctx context.Context) (any, error) { return nil, errNotWired }

func (s *Server) ingest(ctx context.Context, source, text string) (vncite.Document, error) {
	return vncite.Document{}, errNotWired
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
	case errors.Is(err, search.ErrBadQuery):
		return &Error{Code: EInvalid, Message: strings.TrimPrefix(err.Error(), "search: "), Err: err}
	case errors.Is(err, extract.ErrNotNumber):
		return &Error{Code: EInvalid, Message: "not a document number: " + err.Error(), Err: err}
	}
	return nil
}

package api

import (
	"bytes"
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/vncite/vncite/graph/export"
)

// serveLineage answers the lineage graph of a document: down (who
// implements or cites it, transitively) or up (what it rests on), to a
// depth. Without ?format=, or with format=json, it is the JSON graph of
// `vncite lineage --format json`; with another format (graphml, gexf, dot,
// cytoscape, csv, csv-nodes), or json and ?download=1 (networkx node-link
// JSON), a download with its media type and a file name.
func (s *Server) serveLineage(w http.ResponseWriter, r *http.Request) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	ref, err := docRef(r, p)
	if err != nil {
		return err
	}
	direction, err := p.oneOf("direction", "down", "down", "up")
	if err != nil {
		return err
	}
	depth, err := p.intIn("depth", 3, 1, s.limits.MaxDepth)
	if err != nil {
		return err
	}
	format := ""
	if f := p.str("format"); f != "" {
		ff, ok := export.Lookup(f)
		if !ok {
			return errorf(EInvalid, "format must be one of %s, not %q", strings.Join(export.Formats, ", "), clip(f, 40))
		}
		format = ff.Name
	}
	doc, err := s.find(r.Context(), ref)
	if err != nil {
		return err
	}
	g, err := s.lineage(r.Context(), doc.ID, direction, depth)
	if err != nil {
		return err
	}
	if len(g.Nodes) > s.limits.MaxGraphNodes {
		return errorf(EInvalid, "the lineage graph has %d nodes, more than the limit of %d: ask for a smaller depth", len(g.Nodes), s.limits.MaxGraphNodes)
	}
	if format == "" || (format == "json" && p.str("download") == "") {
		return writeJSON(w, http.StatusOK, g)
	}
	// Render into a buffer first so a failure is still a problem response,
	// not half a file behind a 200.
	var buf bytes.Buffer
	if err := export.Write(&buf, g, format); err != nil {
		if errors.Is(err, export.ErrUnknownFormat) {
			return &Error{Code: EInvalid, Message: err.Error(), Err: err}
		}
		return err
	}
	w.Header().Set("Content-Type", export.ContentType(format))
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": export.FileName(g, format)}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
	return nil
}

// servePath answers a citation path between two documents.
func (s *Server) servePath(w http.ResponseWriter, r *http.Request) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	from, to := p.str("from"), p.str("to")
	if from == "" || to == "" {
		return errorf(EInvalid, "give both ends: ?from=NUMBER&to=NUMBER")
	}
	if len(from) > maxRefBytes || len(to) > maxRefBytes {
		return errorf(EInvalid, "a document number or id is at most %d bytes", maxRefBytes)
	}
	a, err := s.find(r.Context(), from)
	if err != nil {
		return err
	}
	b, err := s.find(r.Context(), to)
	if err != nil {
		return err
	}
	res, err := s.path(r.Context(), a.ID, b.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// serveCoverage answers, per province, the documents found implementing a
// document.
func (s *Server) serveCoverage(w http.ResponseWriter, r *http.Request) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	ref, err := docRef(r, p)
	if err != nil {
		return err
	}
	doc, err := s.find(r.Context(), ref)
	if err != nil {
		return err
	}
	res, err := s.coverage(r.Context(), doc.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// serveStats answers counts of documents, stubs and edges.
func (s *Server) serveStats(w http.ResponseWriter, r *http.Request) error {
	res, err := s.stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

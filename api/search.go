package api

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/vncite/vncite/search"
)

// searchQuery is GET /search's parameters, checked.
type searchQuery struct {
	Q                                   string
	Type, Issuer, Level, Province, Term string
	From, To                            string // YYYY-MM-DD
	Sort                                string // "relevance", "date" (newest first) or "oldest"
	Facets                              bool
	Limit                               int
	Cursor                              string
}

// serveSearch answers a full-text and number search, as `vncite search`.
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) error {
	p, err := queryParams(r)
	if err != nil {
		return err
	}
	q := searchQuery{
		Q:        p.str("q"),
		Type:     p.str("type"),
		Issuer:   p.str("issuer"),
		Province: p.str("province"),
		Term:     p.str("term"),
		Cursor:   p.str("cursor"),
		Facets:   p.str("facets") != "false",
	}
	if err := s.checkQuery(q.Q); err != nil {
		return err
	}
	if q.Level, err = p.oneOf("level", "", "central", "province", "district", "commune"); err != nil {
		return err
	}
	if q.From, err = p.date("from", false); err != nil {
		return err
	}
	if q.To, err = p.date("to", true); err != nil {
		return err
	}
	if q.Sort, err = p.oneOf("sort", "relevance", "relevance", "date", "oldest"); err != nil {
		return err
	}
	if q.Limit, err = p.intIn("limit", s.limits.DefaultLimit, 1, s.limits.MaxLimit); err != nil {
		return err
	}
	for name, v := range map[string]string{"type": q.Type, "issuer": q.Issuer, "province": q.Province, "term": q.Term, "cursor": q.Cursor} {
		if len(v) > maxRefBytes {
			return errorf(EInvalid, "%s is at most %d bytes", name, maxRefBytes)
		}
	}
	if q.Q == "" && q.Type == "" && q.Issuer == "" && q.Level == "" && q.Province == "" && q.Term == "" && q.From == "" && q.To == "" {
		return errorf(EInvalid, "give a query ?q= (words or a number in any spelling) or a filter")
	}
	if s.Index == nil {
		return errorf(EUnavailable, "this server has no search index")
	}
	offset, err := decodeCursor(q.Cursor)
	if err != nil {
		return err
	}
	res, err := s.search(r.Context(), q, offset)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res)
}

// checkQuery refuses queries that are too long or have too many words:
// cheap checks at the edge, before the index does any work. The index
// refuses what is left (wildcards, regular expressions) with ErrBadQuery.
func (s *Server) checkQuery(q string) error {
	if len(q) > s.limits.MaxQueryBytes {
		return errorf(EInvalid, "the query is %d bytes; at most %d are allowed", len(q), s.limits.MaxQueryBytes)
	}
	terms := strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) })
	if len(terms) > s.limits.MaxQueryTerms {
		return errorf(EInvalid, "the query has %d words; at most %d are allowed", len(terms), s.limits.MaxQueryTerms)
	}
	for _, r := range q {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return errorf(EInvalid, "the query holds a control character (U+%04X)", r)
		}
	}
	return nil
}

// SearchResult is GET /search: the index's result and, when more hits
// follow, the cursor of the next page.
type SearchResult struct {
	search.Result
	NextCursor string `json:"next_cursor,omitempty"`
}

// Cursors are opaque to clients; inside, an offset into the ranked hits.
const cursorPrefix = "o"

// encodeCursor returns the cursor of the page starting at offset.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// decodeCursor returns the offset a cursor stands for, 0 for none.
func decodeCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && strings.HasPrefix(string(b), cursorPrefix) {
		digits := string(b[len(cursorPrefix):])
		n, err := strconv.Atoi(digits)
		if err == nil && n >= 0 && n <= search.MaxOffset && strconv.Itoa(n) == digits {
			return n, nil
		}
	}
	return 0, errorf(EInvalid, "malformed or expired cursor; start again without one")
}

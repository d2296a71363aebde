package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"github.com/vncite/vncite/extract"
)

// Request is one search.
type Request struct {
	// Query is what the user typed: a document number in any spelling
	// ("nq 25/tw", "Nghị quyết 25"), or words and "quoted phrases", with or
	// without diacritics; "-word" excludes. Empty matches every document.
	Query string `json:"query"`
	// Filters, matched without regard to case or diacritics.
	Type     string `json:"type,omitempty"`     // "NQ", "KH"
	Issuer   string `json:"issuer,omitempty"`   // "TW", "UBND"
	Level    string `json:"level,omitempty"`    // "central", "province", ...
	Province string `json:"province,omitempty"` // "Quảng Trị"
	Term     string `json:"term,omitempty"`     // "XI"
	// From and To bound the document date, inclusive: "2016", "2016-05" or
	// "2016-05-15".
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Sort is "relevance" (the default), "date" (newest first) or "oldest".
	Sort string `json:"sort,omitempty"`
	// Limit is the page size (default 20, at most MaxLimit); Offset skips
	// that many hits (at most MaxOffset).
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
	// Facets asks for counts by type, issuer, level, province, term, year.
	Facets bool `json:"facets,omitempty"`
}

// Paging limits.
const (
	DefaultLimit = 20
	MaxLimit     = 500
	MaxOffset    = 10000
)

// Result is one page of hits.
type Result struct {
	Total uint64 `json:"total"`
	Hits  []Hit  `json:"hits"`
	// Number is set when the query was read as a document number.
	Number *NumberMatch            `json:"number,omitempty"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
}

// NumberMatch says how a number query was read and how many documents carry
// the number, several when it exists in several terms, years or provinces:
// the hits show which.
type NumberMatch struct {
	Canonical string `json:"canonical,omitempty"` // "25-NQ/TW"; empty when Partial
	Type      string `json:"type"`
	Seq       string `json:"seq"`
	Partial   bool   `json:"partial,omitempty"` // "Nghị quyết 25": any issuer
	Carrying  uint64 `json:"carrying"`          // documents (and stubs) with this number
	Citing    uint64 `json:"citing"`            // documents citing it, other than those carrying it
}

// Hit is one matching document.
type Hit struct {
	ID       string  `json:"id"`
	Number   string  `json:"number,omitempty"`
	Type     string  `json:"type,omitempty"`
	Title    string  `json:"title,omitempty"`
	Date     string  `json:"date,omitempty"`
	Score    float64 `json:"score"`
	Issuer   string  `json:"issuer,omitempty"`
	Level    string  `json:"level,omitempty"`
	Province string  `json:"province,omitempty"`
	Term     string  `json:"term,omitempty"`
	Stub     bool    `json:"stub,omitempty"`
	// Match is why a number query found it: "number" (it carries the
	// number), "cites" or "text"; empty for word queries.
	Match string `json:"match,omitempty"`
	// Highlights maps "title" and "body" to fragments of the original text,
	// HTML-escaped, with <mark>…</mark> around each matched word.
	Highlights map[string][]string `json:"highlights,omitempty"`
}

// FacetCount is one value of a facet and its number of hits.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// facetFields are the facets a Request with Facets gets.
var facetFields = []string{fieldType, fieldIssuer, fieldLevel, fieldProvince, fieldTerm, fieldYear}

// Scoring weights. An exact-diacritics match adds to the folded match of the
// same word, so "dân vận" ranks documents saying "dân vận" above those
// saying "dẫn vấn".
const (
	boostExact  = 2.0
	boostTitle  = 3.0
	boostCiting = 5.0
)

// Search runs req. Errors about the request wrap ErrBadQuery.
func (ix *Index) Search(ctx context.Context, req Request) (Result, error) {
	if req.Limit == 0 {
		req.Limit = DefaultLimit
	}
	if req.Limit < 0 || req.Limit > MaxLimit {
		return Result{}, badQuery("limit %d out of range 1..%d", req.Limit, MaxLimit)
	}
	if req.Offset < 0 || req.Offset > MaxOffset {
		return Result{}, badQuery("offset %d out of range 0..%d", req.Offset, MaxOffset)
	}
	filter, err := ix.filterQuery(req)
	if err != nil {
		return Result{}, err
	}
	var res Result
	if num, ok := parseNumberQuery(req.Query); ok {
		res, err = ix.searchNumber(ctx, req, num, filter)
		if err != nil || res.Total > 0 {
			return res, err
		}
		// Nothing carries or cites the number: fall back to the words.
	}
	clauses, err := parseQuery(req.Query)
	if err != nil {
		return Result{}, err
	}
	if len(clauses) == 0 && strings.TrimSpace(req.Query) != "" {
		// Only empty phrases (`""`): the user typed something, so it is
		// not the empty query that lists every document.
		return Result{}, badQuery("query has no words to search for")
	}
	q, err := ix.textQuery(clauses)
	if err != nil {
		return Result{}, err
	}
	words, err := ix.run(ctx, req, q, nil, filter, "")
	if err != nil {
		return Result{}, err
	}
	words.Number = res.Number
	return words, nil
}

// parseNumberQuery reads the whole query as a document number, if it is one.
func parseNumberQuery(q string) (extract.Number, bool) {
	q = strings.TrimSpace(q)
	if q == "" || len(q) > 200 || !strings.ContainsFunc(q, unicode.IsDigit) {
		return extract.Number{}, false
	}
	q = norm.NFC.String(q)
	for _, cand := range numberSpellings(q) {
		n, err := extract.ParseNumber(cand)
		if err == nil && seqKey(n) != "" && (n.Partial || n.Canonical != "") {
			return n, true
		}
	}
	return extract.Number{}, false
}

// clauseNumber reads a word of a longer query as a full document number.
func clauseNumber(c clause) (extract.Number, bool) {
	if c.Phrase || !strings.ContainsFunc(c.Text, unicode.IsDigit) || !strings.ContainsFunc(c.Text, unicode.IsLetter) {
		return extract.Number{}, false
	}
	n, err := extract.ParseNumber(c.Text)
	if err != nil || n.Partial || n.Canonical == "" {
		return extract.Number{}, false
	}
	return n, true
}

// numberSpellings returns q and, when q is a number typed with spaces for
// its separators ("25 NQ TW", "16 CT TTg"), the forms with separators it
// may stand for.
func numberSpellings(q string) []string {
	out := []string{q}
	f := strings.Fields(q)
	if len(f) == 3 && strings.ContainsFunc(f[0], unicode.IsDigit) &&
		!strings.ContainsFunc(f[1]+f[2], unicode.IsDigit) {
		// The state form first: the extractor turns "25/NQ-TW" into the
		// party form itself, but keeps "16-CT/TTg" as typed.
		out = append(out, f[0]+"/"+f[1]+"-"+f[2], f[0]+"-"+f[1]+"/"+f[2])
	}
	return out
}

// searchNumber finds the documents carrying the number, then those citing
// it. Sorted by relevance, the carrying documents form a first
// tier paged before the rest, whatever the scores: a long document citing
// the number many times never outranks the document itself.
func (ix *Index) searchNumber(ctx context.Context, req Request, n extract.Number, filter query.Query) (Result, error) {
	var carry, cite query.Query
	var text []string
	if n.Partial {
		carry = termQuery(fieldNumberKey, seqKey(n), 1)
		cite = termQuery(fieldCiteKeys, seqKey(n), boostCiting)
		text = ix.analyze(exactAnalyzer, n.Seq+" "+n.Type)
	} else {
		carry = termQuery(fieldNumber, n.Canonical, 1)
		cite = termQuery(fieldCites, n.Canonical, boostCiting)
		text = ix.analyze(exactAnalyzer, n.Canonical)
	}
	// The number as written in the text is only looked for in the page's
	// documents, for highlighting: in the whole index it would check word
	// positions in every document holding "25", "nq" and "tw".
	highlight := []query.Query{carry, cite}
	if len(text) > 1 {
		highlight = append(highlight, bleve.NewPhraseQuery(text, fieldBody))
	}
	hl := bleve.NewDisjunctionQuery(highlight...)
	citing := bleve.NewBooleanQuery() // citing, not carrying
	citing.AddMust(cite)
	citing.AddMustNot(carry)

	m := &NumberMatch{Canonical: n.Canonical, Type: n.Type, Seq: n.Seq, Partial: n.Partial}
	var err error
	if m.Carrying, err = ix.count(ctx, carry, filter); err != nil {
		return Result{}, err
	}
	if req.Sort != "" && req.Sort != "relevance" {
		if m.Citing, err = ix.count(ctx, citing, filter); err != nil {
			return Result{}, err
		}
		res, err := ix.run(ctx, req, bleve.NewDisjunctionQuery(carry, cite), hl, filter, "cites")
		res.Number = m
		return res, err
	}

	res := Result{Number: m, Hits: []Hit{}}
	if uint64(req.Offset) < m.Carrying {
		page := req
		page.Facets = false
		page.Limit = int(min(uint64(req.Limit), m.Carrying-uint64(req.Offset)))
		first, err := ix.run(ctx, page, carry, hl, filter, "number")
		if err != nil {
			return Result{}, err
		}
		res.Hits = append(res.Hits, first.Hits...)
	}
	page := req
	page.Facets = false
	page.Offset = int(uint64(req.Offset) - min(uint64(req.Offset), m.Carrying))
	page.Limit = req.Limit - len(res.Hits)
	if page.Limit == 0 {
		// The page is full of carrying documents; this run counts the rest.
		page.Limit = 1
	}
	second, err := ix.run(ctx, page, citing, hl, filter, "cites")
	if err != nil {
		return Result{}, err
	}
	if len(res.Hits) < req.Limit {
		res.Hits = append(res.Hits, second.Hits...)
	}
	m.Citing = second.Total
	res.Total = m.Carrying + second.Total
	if req.Facets {
		all, err := ix.run(ctx, Request{Limit: 1, Facets: true}, bleve.NewDisjunctionQuery(carry, cite), nil, filter, "")
		if err != nil {
			return Result{}, err
		}
		res.Facets = all.Facets
	}
	return res, nil
}

func termQuery(field, term string, boost float64) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// analyze returns the terms the named analyzer makes of s.
func (ix *Index) analyze(analyzer, s string) []string {
	a := ix.bi.Mapping().AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	var out []string
	for _, t := range a.Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// textQuery turns parsed clauses into a Bleve query: every positive clause
// must match, in the exact or the folded fields, none of the negative ones.
func (ix *Index) textQuery(clauses []clause) (query.Query, error) {
	var must, mustNot []query.Query
	terms := 0
	for _, c := range clauses {
		exact := ix.analyze(exactAnalyzer, c.Text)
		folded := ix.analyze(foldedAnalyzer, c.Text)
		if len(exact) == 0 || len(exact) != len(folded) {
			continue // punctuation only
		}
		terms += len(exact)
		if terms > maxTerms {
			return nil, badQuery("query has more than %d terms", maxTerms)
		}
		if c.Negate {
			// A word typed with diacritics excludes only that spelling;
			// typed without, it excludes every spelling.
			if hasDiacritics(c.Text) {
				mustNot = append(mustNot, matchFields(exact, fieldTitle, fieldBody, 1))
			} else {
				mustNot = append(mustNot, matchFields(folded, fieldTitleFolded, fieldBodyFolded, 1))
			}
			continue
		}
		q := wordQuery(exact, folded)
		if n, ok := clauseNumber(c); ok {
			// "25-NQ/TW dân vận": the documents carrying or citing the
			// number, besides those with its words in a row.
			q = bleve.NewDisjunctionQuery(q,
				termQuery(fieldNumber, n.Canonical, boostCiting*2),
				termQuery(fieldCites, n.Canonical, boostCiting))
		}
		must = append(must, q)
	}
	if len(must) == 0 && len(mustNot) == 0 {
		if len(clauses) > 0 {
			return nil, badQuery("query has no words to search for")
		}
		return bleve.NewMatchAllQuery(), nil
	}
	bq := bleve.NewBooleanQuery()
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	bq.AddMust(must...)
	bq.AddMustNot(mustNot...)
	return bq, nil
}

// wordQuery matches one word, or a phrase when terms has several: in the
// folded title and body, which every spelling matches, with the exact
// fields scored on top only for the documents the folded search found
// (exact matches are a subset of folded ones, so nothing is lost, and the
// exact postings are never scanned in full).
func wordQuery(exact, folded []string) query.Query {
	bq := bleve.NewBooleanQuery()
	bq.AddMust(matchFields(folded, fieldTitleFolded, fieldBodyFolded, 1))
	bq.AddShould(matchFields(exact, fieldTitle, fieldBody, boostExact))
	return bq
}

// matchFields matches terms (one word, or a phrase when several) in the
// title and body fields given, the title weighing more.
func matchFields(terms []string, title, body string, boost float64) query.Query {
	one := func(field string, b float64) query.Query {
		if len(terms) == 1 {
			return termQuery(field, terms[0], b)
		}
		pq := bleve.NewPhraseQuery(terms, field)
		pq.SetBoost(b)
		return pq
	}
	return bleve.NewDisjunctionQuery(one(title, boost*boostTitle), one(body, boost))
}

func hasDiacritics(s string) bool {
	return string(foldTerm([]byte(strings.ToLower(s)))) != strings.ToLower(s)
}

// filterQuery builds the non-scoring part of req: filters and date range.
func (ix *Index) filterQuery(req Request) (query.Query, error) {
	var qs []query.Query
	for field, v := range map[string]string{
		fieldType: req.Type, fieldIssuer: req.Issuer, fieldLevel: req.Level,
		fieldProvince: req.Province, fieldTerm: req.Term,
	} {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if len(v) > 200 {
			return nil, badQuery("%s filter too long", field)
		}
		key := ix.analyze(filterKeyAnalyzer, norm.NFC.String(v))
		if len(key) != 1 {
			return nil, badQuery("bad %s filter %q", field, v)
		}
		qs = append(qs, termQuery(field+filterSuffix, key[0], 1))
	}
	if req.From != "" || req.To != "" {
		var from, to time.Time
		var err error
		if req.From != "" {
			if from, _, err = parsePeriod(req.From); err != nil {
				return nil, badQuery("from: %v", err)
			}
		}
		if req.To != "" {
			if _, to, err = parsePeriod(req.To); err != nil {
				return nil, badQuery("to: %v", err)
			}
		}
		if !from.IsZero() && !to.IsZero() && !from.Before(to) {
			return nil, badQuery("from %s is after to %s", req.From, req.To)
		}
		incl, excl := true, false
		dq := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
		dq.SetField(fieldDate)
		qs = append(qs, dq)
	}
	switch len(qs) {
	case 0:
		return nil, nil
	case 1:
		return qs[0], nil
	}
	return bleve.NewConjunctionQuery(qs...), nil
}

// parsePeriod reads "2016", "2016-05" or "2016-05-15" as the half-open
// interval [start, end) it names.
func parsePeriod(s string) (start, end time.Time, err error) {
	s = strings.TrimSpace(s)
	for _, p := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(p.layout, s); err == nil {
			return t, p.next(t), nil
		}
	}
	return time.Time{}, time.Time{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// count returns how many documents match q and filter.
func (ix *Index) count(ctx context.Context, q, filter query.Query) (uint64, error) {
	sr := bleve.NewSearchRequestOptions(withFilter(q, filter), 0, 0, false)
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		return 0, fmt.Errorf("search: count: %w", err)
	}
	return res.Total, nil
}

func withFilter(q, filter query.Query) query.Query {
	if filter == nil {
		return q
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	bq.AddFilter(filter)
	return bq
}

// storedFields are loaded for every hit.
var storedFields = []string{fieldTitle, fieldBody, fieldNumber, fieldType, fieldDate, fieldIssuer, fieldLevel, fieldProvince, fieldTerm, fieldStub}

// run executes q with filter and turns Bleve's answer into a Result, with
// highlights of what highlight (q when nil) matches in each hit. match is
// the Match of hits that matched neither number field ("" for word
// queries).
func (ix *Index) run(ctx context.Context, req Request, q, highlight, filter query.Query, match string) (Result, error) {
	// Every order ends on the document id, so equal keys keep one order
	// across segment merges and offset paging neither repeats nor skips.
	// Sorting on the id makes Bleve load the id of every matching document
	// (a fifth of a word query's CPU at 100k), so the search first sorts
	// on the other keys, one hit past the page: when that hit's keys differ
	// from the page's last one, the page is exactly the documents ranked
	// above it, and ordering them by id here gives the full order. Only a
	// tie across the page's end needs the search again with the id key.
	var keys bsearch.SortOrder
	switch req.Sort {
	case "", "relevance":
		keys = bsearch.SortOrder{&bsearch.SortScore{Desc: true}}
	case "date":
		keys = bsearch.SortOrder{
			&bsearch.SortField{Field: fieldDate, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortScore{Desc: true},
		}
	case "oldest":
		keys = bsearch.SortOrder{
			&bsearch.SortField{Field: fieldDate, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortScore{Desc: true},
		}
	default:
		return Result{}, badQuery("sort %q: want relevance, date or oldest", req.Sort)
	}
	end := req.Offset + req.Limit
	sr := bleve.NewSearchRequestOptions(withFilter(q, filter), end+1, 0, false)
	sr.SortByCustom(keys)
	if req.Facets {
		for _, f := range facetFields {
			sr.AddFacet(f, bleve.NewFacetRequest(f, 20))
		}
	}
	res, err := ix.search(ctx, req, sr)
	if err != nil {
		return Result{}, err
	}
	sk := newSortKeys(keys)
	if len(res.Hits) > end && sk.compare(res.Hits[end-1], res.Hits[end]) == 0 {
		sr = bleve.NewSearchRequestOptions(withFilter(q, filter), req.Limit, req.Offset, false)
		sr.SortByCustom(append(keys, &bsearch.SortDocID{}))
		again, err := ix.search(ctx, req, sr)
		if err != nil {
			return Result{}, err
		}
		res.Hits = again.Hits
	} else {
		hits := res.Hits[:min(end, len(res.Hits))]
		slices.SortStableFunc(hits, func(a, b *bsearch.DocumentMatch) int {
			if c := sk.compare(a, b); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		res.Hits = hits[min(req.Offset, len(hits)):]
	}
	out := Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits))}
	if highlight == nil {
		highlight = q
	}
	details, err := ix.details(ctx, highlight, res.Hits)
	if err != nil {
		return Result{}, err
	}
	for _, h := range res.Hits {
		d := details[h.ID]
		if d == nil {
			// Deleted between the two phases: report it without details.
			d = h
		}
		hit := makeHit(d, match)
		hit.Score = h.Score
		if math.IsNaN(hit.Score) || math.IsInf(hit.Score, 0) {
			// Bleve's TF-IDF can divide by zero on degenerate statistics;
			// the order stands, and JSON cannot carry NaN.
			hit.Score = 0
		}
		out.Hits = append(out.Hits, hit)
	}
	if req.Facets {
		out.Facets = make(map[string][]FacetCount, len(res.Facets))
		for name, fr := range res.Facets {
			counts := []FacetCount{}
			if fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
				}
			}
			out.Facets[name] = counts
		}
	}
	return out, nil
}

// search runs sr, wrapping its error with the query.
func (ix *Index) search(ctx context.Context, req Request, sr *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("search: %w", err)
		}
		return nil, fmt.Errorf("search: %q: %w", req.Query, err)
	}
	return res, nil
}

// sortKeys compares hits of one search by its sort order without Bleve's
// last resort, the hit number (which changes with segment merges):
// SortOrder.Compare's loop, returning 0 on equal keys.
type sortKeys struct {
	order           bsearch.SortOrder
	byScore, isDesc []bool
}

func newSortKeys(order bsearch.SortOrder) sortKeys {
	return sortKeys{order: order, byScore: order.CacheIsScore(), isDesc: order.CacheDescending()}
}

func (k sortKeys) compare(a, b *bsearch.DocumentMatch) int {
	for x := range k.order {
		c := 0
		if k.byScore[x] {
			c = cmp.Compare(a.Score, b.Score)
		} else {
			c = strings.Compare(a.Sort[x], b.Sort[x])
		}
		if c != 0 {
			if k.isDesc[x] {
				c = -c
			}
			return c
		}
	}
	return 0
}

// details runs q again on the page's hits only, loading their stored
// fields and term locations. Asking for locations in the main search would
// decode them for every matching document, not just the page: on a large
// index that is most of a word query's time.
func (ix *Index) details(ctx context.Context, q query.Query, hits bsearch.DocumentMatchCollection) (map[string]*bsearch.DocumentMatch, error) {
	if len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	// A conjunction, not a filter: the id searcher leads and the text
	// searchers only advance to the page's documents.
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	sr.Fields = storedFields
	sr.IncludeLocations = true
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: load hits: %w", err)
	}
	out := make(map[string]*bsearch.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out, nil
}

func makeHit(h *bsearch.DocumentMatch, match string) Hit {
	str := func(f string) string {
		s, _ := h.Fields[f].(string)
		return s
	}
	hit := Hit{
		ID: h.ID, Score: h.Score,
		Number: str(fieldNumber), Type: str(fieldType), Title: str(fieldTitle),
		Issuer: str(fieldIssuer), Level: str(fieldLevel), Province: str(fieldProvince),
		Term: str(fieldTerm), Stub: str(fieldStub) == "true",
	}
	if d := str(fieldDate); len(d) >= 10 {
		hit.Date = d[:10]
	}
	if match != "" {
		hit.Match = match
		switch {
		case len(h.Locations[fieldNumber]) > 0 || len(h.Locations[fieldNumberKey]) > 0:
			hit.Match = "number"
		case len(h.Locations[fieldCites]) > 0 || len(h.Locations[fieldCiteKeys]) > 0:
			hit.Match = "cites"
		}
	}
	hl := map[string][]string{}
	for _, f := range []struct{ name, folded string }{{fieldTitle, fieldTitleFolded}, {fieldBody, fieldBodyFolded}} {
		text := str(f.name)
		spans := matchSpans(text, h.Locations[f.name], h.Locations[f.folded])
		if len(spans) == 0 {
			continue
		}
		width := bodyFragmentBytes
		if f.name == fieldTitle {
			width = titleFragmentBytes
		}
		hl[f.name] = fragments(text, spans, maxFragments, width)
	}
	if len(hl) > 0 {
		hit.Highlights = hl
	}
	return hit
}

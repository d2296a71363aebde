package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/vncite/vncite/search"
)

// runSearch searches the store by words or by a document number.
func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "[flags] QUERY\n\nQUERY is a document number in any spelling (\"nq 25/tw\", \"Nghị quyết 25\")\nor words and \"quoted phrases\", with or without diacritics; -word excludes.")
	sf := addStoreFlags(fs, e)
	format := fs.String("format", "text", "output format: text or json")
	var req search.Request
	fs.IntVar(&req.Limit, "limit", search.DefaultLimit, fmt.Sprintf("hits per page (at most %d)", search.MaxLimit))
	fs.IntVar(&req.Offset, "offset", 0, "skip this many hits")
	fs.StringVar(&req.Type, "type", "", `only documents of this type ("NQ", "KH")`)
	fs.StringVar(&req.Issuer, "issuer", "", `only documents of this issuer ("TW", "UBND")`)
	fs.StringVar(&req.Level, "level", "", "only documents of this level: central, province, district, commune")
	fs.StringVar(&req.Province, "province", "", "only documents of this province (diacritics optional)")
	fs.StringVar(&req.Term, "term", "", `only documents of this Party term ("XI")`)
	fs.StringVar(&req.From, "from", "", "only documents dated on or after: YYYY, YYYY-MM or YYYY-MM-DD")
	fs.StringVar(&req.To, "to", "", "only documents dated on or before: YYYY, YYYY-MM or YYYY-MM-DD")
	fs.StringVar(&req.Sort, "sort", "relevance", "order: relevance, date (newest first) or oldest")
	fs.BoolVar(&req.Facets, "facets", false, "also count hits by type, issuer, level, province, term, year")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	req.Query = strings.Join(fs.Args(), " ")
	if strings.TrimSpace(req.Query) == "" && req.Type == "" && req.Issuer == "" && req.Level == "" &&
		req.Province == "" && req.Term == "" && req.From == "" && req.To == "" {
		return fmt.Errorf("%w: give a QUERY or a filter; see 'vncite search --help'", errUsage)
	}
	if *format == "json" {
		// JSON output always carries facets: scripts want them.
		req.Facets = true
	}
	a, err := openApp(ctx, sf)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.index.Search(ctx, req)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, res)
	}
	return writeSearchText(e.stdout, req, res)
}

// writeSearchText prints res as a readable list: one block per hit with
// its number, type, date and title, then its highlighted snippets with the
// matched words in [brackets].
func writeSearchText(w io.Writer, req search.Request, res search.Result) error {
	bw := &outWriter{w: w}
	if n := res.Number; n != nil {
		name := n.Canonical
		if n.Partial {
			name = fmt.Sprintf("%s số %s (any issuer)", n.Type, n.Seq)
		}
		bw.printf("Number %s: %d document(s) carry it, %d cite it.\n", name, n.Carrying, n.Citing)
		if n.Carrying > 1 {
			bw.printf("Several documents carry this number (different terms, years or places): check term, date and province below.\n")
		}
	}
	switch {
	case res.Total == 0:
		bw.printf("No documents found for %q.\n", req.Query)
		return bw.err
	case len(res.Hits) == 0:
		bw.printf("%d hits; none on this page (offset %d).\n", res.Total, req.Offset)
		return bw.err
	}
	bw.printf("%d hit(s); showing %d–%d.\n", res.Total, req.Offset+1, req.Offset+len(res.Hits))
	for i, h := range res.Hits {
		head := []string{}
		for _, s := range []string{h.Number, h.Type, h.Date, h.Term, h.Province} {
			if s != "" {
				head = append(head, s)
			}
		}
		if h.Stub {
			head = append(head, "(stub: known only from citing documents)")
		}
		switch h.Match {
		case "number":
			head = append(head, "[carries the number]")
		case "cites":
			head = append(head, "[cites it]")
		}
		bw.printf("\n%2d. %s  id=%s\n", req.Offset+i+1, strings.Join(head, "  "), h.ID)
		title := h.Title
		if t := h.Highlights["title"]; len(t) > 0 {
			title = plainSnippet(t[0])
		}
		if title != "" {
			bw.printf("    %s\n", title)
		}
		for _, frag := range h.Highlights["body"] {
			bw.printf("    %s\n", plainSnippet(frag))
		}
	}
	for _, name := range []string{"type", "issuer", "level", "province", "term", "year"} {
		counts := res.Facets[name]
		if len(counts) == 0 {
			continue
		}
		parts := make([]string, len(counts))
		for i, c := range counts {
			parts[i] = fmt.Sprintf("%s %d", c.Value, c.Count)
		}
		if name == "type" {
			bw.printf("\n")
		}
		bw.printf("%s: %s\n", name, strings.Join(parts, ", "))
	}
	return bw.err
}

// plainSnippet turns an HTML fragment into one line of plain text with the
// matched words in [brackets].
func plainSnippet(frag string) string {
	frag = strings.ReplaceAll(frag, "<mark>", "[")
	frag = strings.ReplaceAll(frag, "</mark>", "]")
	return strings.Join(strings.Fields(html.UnescapeString(frag)), " ")
}

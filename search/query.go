package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on a user query. They keep every query cheap: a query is at most
// a few dozen term lookups, never a scan of the term dictionary.
const (
	maxQueryBytes = 1024
	maxClauses    = 32
	maxTerms      = 64
)

// ErrBadQuery is wrapped by every error about a query the caller sent:
// too long, unsupported syntax, bad filter or paging values.
var ErrBadQuery = errors.New("bad query")

func badQuery(format string, args ...any) error {
	return fmt.Errorf("search: %w: %s", ErrBadQuery, fmt.Sprintf(format, args...))
}

// clause is one part of a user query: a word or a "quoted phrase", which
// documents must contain, or must not when Negate is set ("-word").
type clause struct {
	Text   string
	Phrase bool
	Negate bool
}

func (c clause) String() string {
	s := c.Text
	if c.Phrase {
		s = `"` + s + `"`
	}
	if c.Negate {
		s = "-" + s
	}
	return s
}

// parseQuery splits a user query into clauses. The syntax is deliberately
// small: words, "quoted phrases" and a leading "-" to exclude either.
// Wildcards and regular expressions are refused with an error rather than
// passed to Bleve, where a pattern could enumerate the whole term
// dictionary. The text is NFC-normalized first, so NFD input works.
func parseQuery(q string) ([]clause, error) {
	if len(q) > maxQueryBytes {
		return nil, badQuery("query is %d bytes long, at most %d allowed", len(q), maxQueryBytes)
	}
	if !utf8.ValidString(q) {
		return nil, badQuery("query is not valid UTF-8")
	}
	q = norm.NFC.String(q)
	var out []clause
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		var c clause
		if r == '-' && i+1 < len(q) {
			next, _ := utf8.DecodeRuneInString(q[i+1:])
			if !unicode.IsSpace(next) && next != '-' {
				c.Negate = true
				i++
				r = next
			}
		}
		if r == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				return nil, badQuery("unterminated quoted phrase")
			}
			c.Text = strings.TrimSpace(q[i+1 : i+1+end])
			c.Phrase = true
			i += end + 2
		} else {
			end := strings.IndexFunc(q[i:], func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
			if end < 0 {
				end = len(q) - i
			}
			c.Text = q[i : i+end]
			i += end
		}
		if err := checkSyntax(c); err != nil {
			return nil, err
		}
		if c.Text == "" {
			continue
		}
		out = append(out, c)
		if len(out) > maxClauses {
			return nil, badQuery("query has more than %d words and phrases", maxClauses)
		}
	}
	return out, nil
}

// checkSyntax refuses the query-language features vncite does not offer,
// so a user who types them learns it instead of getting odd results.
func checkSyntax(c clause) error {
	if c.Phrase {
		return nil
	}
	if strings.ContainsAny(c.Text, "*?") {
		return badQuery("wildcards (* and ?) are not supported in %q: search for whole words, with or without diacritics", c.Text)
	}
	if len(c.Text) > 2 && c.Text[0] == '/' && c.Text[len(c.Text)-1] == '/' {
		return badQuery("regular expressions are not supported: %q", c.Text)
	}
	return nil
}

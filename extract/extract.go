// Package extract finds references to Vietnamese Party and state documents in
// text. It is pure: no I/O, standard library and golang.org/x/text only.
package extract

import (
	"errors"

	"github.com/vncite/vncite"
)

// Number is a document number taken apart.
type Number struct {
	Canonical string // "25-NQ/TW"; empty when Partial
	Seq       string // "25", "12a"
	Type      string // canonical abbreviation: "NQ", "QĐ"
	TypeName  string // "Nghị quyết", when a type word was given
	Issuer    string // "TW", "TTg", "BTNMT-BNV-BTC"
	Year      int    // state numbers with a year: 18/2000/CT-TTg
	// Partial is set for a short form such as "Nghị quyết 25": a type and a
	// sequence number but no issuer.
	Partial bool
}

// ErrNotNumber is returned by ParseNumber for text that is no document number.
var ErrNotNumber = errors.New("extract: not a document number")

// Extract finds the document's own header and every reference in text.
// SKELETON: replaced by the extractor.
func Extract(text []byte) (vncite.Extraction, error) {
	return vncite.Extraction{Text: string(text)}, errors.New("extract: not implemented")
}

// ParseNumber parses a document number in any spelling, optionally preceded
// by its type word and "số" ("Nghị quyết số 25-NQ/TW", "nq 25/tw",
// "Nghị quyết 25" → Partial). SKELETON.
func ParseNumber(s string) (Number, error) { return Number{}, ErrNotNumber }

// Canonical returns the canonical form of a document number in any spelling:
// "218- QĐ/TW", "218-QD/TW", "nq 25/tw" → "218-QĐ/TW", "25-NQ/TW".
func Canonical(s string) (string, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return "", err
	}
	if n.Partial {
		return "", ErrNotNumber
	}
	return n.Canonical, nil
}

// TermOf returns the central Party term (khóa) in force on date (YYYY-MM-DD):
// "2016-05-15" → "XII"; "" when date is empty or before 1996. SKELETON.
func TermOf(date string) string { return "" }

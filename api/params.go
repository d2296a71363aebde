package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/mux"
)

// params are a request's query parameters, checked for UTF-8 once.
type params struct {
	v url.Values
}

// queryParams parses r's query string. A malformed escape or invalid UTF-8
// in a name or a value is a 400, not a silent replacement.
func queryParams(r *http.Request) (params, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return params{}, errorf(EInvalid, "malformed query string: %v", err)
	}
	for k, vs := range v {
		if !utf8.ValidString(k) {
			return params{}, errorf(EInvalid, "query parameter name is not valid UTF-8")
		}
		for _, s := range vs {
			if !utf8.ValidString(s) {
				return params{}, errorf(EInvalid, "query parameter %q is not valid UTF-8", k)
			}
		}
	}
	return params{v: v}, nil
}

// str returns the trimmed value of name, "" when absent.
func (p params) str(name string) string { return strings.TrimSpace(p.v.Get(name)) }

// intIn returns the integer value of name, def when absent, and a 400 when
// it is not an integer in [lo, hi].
func (p params) intIn(name string, def, lo, hi int) (int, error) {
	s := p.str(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, errorf(EInvalid, "%s must be an integer from %d to %d, not %q", name, lo, hi, clip(s, 40))
	}
	return n, nil
}

// oneOf returns the value of name, def when absent, and a 400 when it is
// not one of allowed.
func (p params) oneOf(name, def string, allowed ...string) (string, error) {
	s := p.str(name)
	if s == "" {
		return def, nil
	}
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	return "", errorf(EInvalid, "%s must be one of %s, not %q", name, strings.Join(allowed, ", "), clip(s, 40))
}

// date returns the value of name checked as a YYYY-MM-DD date ("" when
// absent); a year alone ("2016") or a year and month ("2016-05") are
// accepted as the first or last day they cover, as end says.
func (p params) date(name string, end bool) (string, error) {
	s := p.str(name)
	if s == "" {
		return "", nil
	}
	layouts := []struct {
		layout string
		add    func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	}
	for _, l := range layouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if end {
			t = l.add(t)
		}
		return t.Format("2006-01-02"), nil
	}
	return "", errorf(EInvalid, "%s must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not %q", name, clip(s, 40))
}

// docRef returns the document a request names: the {id} path variable (a
// number such as "25-NQ/TW" or "18/2000/CT-TTg", or an id), else the number
// or id query parameter.
func docRef(r *http.Request, p params) (string, error) {
	ref := mux.Vars(r)["id"]
	if ref == "" {
		ref = p.str("number")
	}
	if ref == "" {
		ref = p.str("id")
	}
	ref = strings.TrimSpace(ref)
	switch {
	case ref == "":
		return "", errorf(EInvalid, "name a document: a number or id in the path, or ?number=")
	case !utf8.ValidString(ref):
		return "", errorf(EInvalid, "the document number is not valid UTF-8")
	case len(ref) > maxRefBytes:
		return "", errorf(EInvalid, "a document number or id is at most %d bytes", maxRefBytes)
	}
	return ref, nil
}

// maxRefBytes bounds a document number or id given in a request; the
// longest real numbers ("03/2015/TTLT-BTNMT-BNV-BTC") are far shorter.
const maxRefBytes = 200

// clip shortens s to at most n bytes on a rune boundary, for echoing client
// input in error messages.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

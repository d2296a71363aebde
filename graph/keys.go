package graph

import (
	"bytes"
	"strconv"

	"github.com/vncite/vncite"
)

// Record kinds: the first byte of every key.
const (
	pDoc      = 'd'
	pText     = 't'
	pHash     = 'h'
	pNumber   = 'n'
	pFloat    = 'u'
	pFwd      = 'f'
	pRev      = 'r'
	pSight    = 's'
	pReadIn   = 'x'
	separator = 0
)

// key joins a prefix byte and parts with the separator.
func key(prefix byte, parts ...string) []byte {
	n := 1
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, prefix)
	for i, p := range parts {
		if i > 0 {
			b = append(b, separator)
		}
		b = append(b, p...)
	}
	return b
}

// prefixKey is key with a trailing separator, for scanning everything
// under the given parts.
func prefixKey(prefix byte, parts ...string) []byte {
	return append(key(prefix, parts...), separator)
}

func splitKey(k []byte) []string {
	raw := bytes.Split(k, []byte{separator})
	out := make([]string, len(raw))
	for i, r := range raw {
		out[i] = string(r)
	}
	return out
}

// at formats an offset for a key: base 36, short.
func at(n int) string { return strconv.FormatInt(int64(n), 36) }

func parseAt(s string) int {
	n, _ := strconv.ParseInt(s, 36, 64)
	return int(n)
}

// relCodes shorten relations in keys: shorter keys make Badger's writes
// and scans cheaper.
var relCodes = map[vncite.Relation]string{
	vncite.Cites: "c", vncite.Implements: "i", vncite.BasedOn: "b", vncite.Guides: "g",
	vncite.Amends: "a", vncite.Replaces: "p", vncite.Repeals: "x", vncite.Reviews: "v",
}

var relByCode = func() map[string]vncite.Relation {
	m := map[string]vncite.Relation{}
	for r, c := range relCodes {
		m[c] = r
	}
	return m
}()

func relCode(r vncite.Relation) string {
	if c, ok := relCodes[r]; ok {
		return c
	}
	return string(r)
}

func relOf(code string) vncite.Relation {
	if r, ok := relByCode[code]; ok {
		return r
	}
	return vncite.Relation(code)
}

// edgeRef names one stored edge: enough to rebuild its three keys.
type edgeRef struct {
	From, To string
	Rel      vncite.Relation
	Doc      string
	Start    int
}

// docPart is the evidence document in a key: empty when it is the citing
// document itself, as for every direct citation.
func (e edgeRef) docPart() string {
	if e.Doc == e.From {
		return ""
	}
	return e.Doc
}

func (e edgeRef) fwd() []byte {
	return key(pFwd, e.From, e.To, relCode(e.Rel), e.docPart(), at(e.Start))
}
func (e edgeRef) rev() []byte {
	return key(pRev, e.To, e.From, relCode(e.Rel), e.docPart(), at(e.Start))
}

// edgeFromFwd parses a forward key.
func edgeFromFwd(k []byte) (edgeRef, bool) {
	p := splitKey(k[1:])
	if len(p) != 5 {
		return edgeRef{}, false
	}
	r := edgeRef{From: p[0], To: p[1], Rel: relOf(p[2]), Doc: p[3], Start: parseAt(p[4])}
	if r.Doc == "" {
		r.Doc = r.From
	}
	return r, true
}

// edgeFromRev parses a reverse key.
func edgeFromRev(k []byte) (edgeRef, bool) {
	p := splitKey(k[1:])
	if len(p) != 5 {
		return edgeRef{}, false
	}
	r := edgeRef{To: p[0], From: p[1], Rel: relOf(p[2]), Doc: p[3], Start: parseAt(p[4])}
	if r.Doc == "" {
		r.Doc = r.From
	}
	return r, true
}

// sightRef names one stored sighting.
type sightRef struct {
	ID, Citing string
	Start      int
}

func (s sightRef) main() []byte { return key(pSight, s.ID, s.Citing, at(s.Start)) }

// readIn lists what was read in one document: the edges whose evidence it
// is and the sightings it made. It is one record per document (not a key
// per edge) so that a document's changed content can replace exactly what
// it said, at the cost of one write.
type readIn struct {
	Edges  []edgeRef  `json:"e,omitempty"`
	Sights []sightRef `json:"s,omitempty"`
}

package graph

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"

	"github.com/vncite/vncite"
)

// Stored values that queries read in bulk have a compact binary form, so
// that a lineage of hundreds of nodes decodes no JSON: a document record
// carries a node summary before its JSON, and evidence is binary.

const codecV1 = 0x01

var errCodec = errors.New("graph: malformed stored value")

// encodeDoc encodes a document record: a node summary, then the JSON.
func encodeDoc(d *vncite.Document) ([]byte, error) {
	j, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	stub := ""
	if d.Stub {
		stub = "1"
	}
	title := d.Title
	if len(title) > 300 {
		title = clip(title)
	}
	sum := strings.Join([]string{d.ID, d.Number, d.Type, title, d.Date, string(d.Level), d.Province, stub}, "\x00")
	b := make([]byte, 0, 1+binary.MaxVarintLen64+len(sum)+len(j))
	b = append(b, codecV1)
	b = binary.AppendUvarint(b, uint64(len(sum)))
	b = append(b, sum...)
	return append(b, j...), nil
}

// docJSON returns the JSON part of a stored document record.
func docJSON(v []byte) ([]byte, error) {
	if len(v) == 0 || v[0] != codecV1 {
		return v, nil // plain JSON
	}
	n, k := binary.Uvarint(v[1:])
	if k <= 0 || uint64(len(v)-1-k) < n {
		return nil, errCodec
	}
	return v[1+k+int(n):], nil
}

// decodeDoc decodes a stored document record.
func decodeDoc(v []byte, d *vncite.Document) error {
	j, err := docJSON(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(j, d)
}

// decodeNode decodes only the node summary of a stored document record.
func decodeNode(v []byte, n *nodeRec) error {
	if len(v) == 0 || v[0] != codecV1 {
		return json.Unmarshal(v, n)
	}
	l, k := binary.Uvarint(v[1:])
	if k <= 0 || uint64(len(v)-1-k) < l {
		return errCodec
	}
	f := strings.Split(string(v[1+k:1+k+int(l)]), "\x00")
	if len(f) != 8 {
		return errCodec
	}
	*n = nodeRec{ID: f[0], Number: f[1], Type: f[2], Title: f[3], Date: f[4], Level: vncite.Level(f[5]), Province: f[6], Stub: f[7] == "1"}
	return nil
}

// encodeEvidence encodes evidence: offsets, the statement flag, the
// document, then the sentence.
func encodeEvidence(e vncite.Evidence) []byte {
	b := make([]byte, 0, 16+len(e.Doc)+len(e.Sentence))
	b = append(b, codecV1)
	b = binary.AppendUvarint(b, uint64(max(e.Start, 0)))
	b = binary.AppendUvarint(b, uint64(max(e.End, 0)))
	st := byte(0)
	if e.Statement {
		st = 1
	}
	b = append(b, st)
	b = binary.AppendUvarint(b, uint64(len(e.Doc)))
	b = append(b, e.Doc...)
	return append(b, e.Sentence...)
}

// decodeEvidence decodes stored evidence (binary, or JSON as first written).
func decodeEvidence(v []byte, e *vncite.Evidence) error {
	if len(v) == 0 || v[0] != codecV1 {
		return json.Unmarshal(v, e)
	}
	p := v[1:]
	next := func() (uint64, bool) {
		x, k := binary.Uvarint(p)
		if k <= 0 {
			return 0, false
		}
		p = p[k:]
		return x, true
	}
	start, ok1 := next()
	end, ok2 := next()
	if !ok1 || !ok2 || len(p) < 1 {
		return errCodec
	}
	st := p[0]
	p = p[1:]
	dl, ok := next()
	if !ok || uint64(len(p)) < dl {
		return errCodec
	}
	*e = vncite.Evidence{Start: int(start), End: int(end), Statement: st == 1, Doc: string(p[:dl]), Sentence: string(p[dl:])}
	return nil
}

// evidenceSentence is the sentence of stored evidence, decoding nothing else.
func evidenceSentence(v []byte) string {
	var e vncite.Evidence
	if decodeEvidence(v, &e) != nil {
		return ""
	}
	return e.Sentence
}

// encodeReadIn encodes a read-in record: counts, then each edge's ends,
// relation, evidence document and offset, then each sighting's.
func encodeReadIn(r *readIn) []byte {
	n := 1 + 2*binary.MaxVarintLen32
	for _, e := range r.Edges {
		n += len(e.From) + len(e.To) + len(e.Rel) + len(e.Doc) + 5*binary.MaxVarintLen32
	}
	for _, s := range r.Sights {
		n += len(s.ID) + len(s.Citing) + 3*binary.MaxVarintLen32
	}
	b := make([]byte, 0, n)
	b = append(b, codecV1)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(r.Edges)))
	for _, e := range r.Edges {
		str(e.From)
		str(e.To)
		str(string(e.Rel))
		str(e.Doc)
		b = binary.AppendUvarint(b, uint64(max(e.Start, 0)))
	}
	b = binary.AppendUvarint(b, uint64(len(r.Sights)))
	for _, s := range r.Sights {
		str(s.ID)
		str(s.Citing)
		b = binary.AppendUvarint(b, uint64(max(s.Start, 0)))
	}
	return b
}

// decodeReadIn decodes a stored read-in record (binary, or JSON as first
// written).
func decodeReadIn(v []byte, r *readIn) error {
	if len(v) == 0 || v[0] != codecV1 {
		return json.Unmarshal(v, r)
	}
	p := v[1:]
	bad := false
	num := func() int {
		x, k := binary.Uvarint(p)
		if k <= 0 || x > 1<<40 {
			bad = true
			return 0
		}
		p = p[k:]
		return int(x)
	}
	str := func() string {
		n := num()
		if bad || n > len(p) {
			bad = true
			return ""
		}
		s := string(p[:n])
		p = p[n:]
		return s
	}
	// Every record takes at least two bytes: a count beyond that is
	// malformed, not a reason to allocate.
	ne := num()
	if bad || ne > len(p)/2 {
		return errCodec
	}
	*r = readIn{}
	if ne > 0 {
		r.Edges = make([]edgeRef, 0, ne)
	}
	for range ne {
		e := edgeRef{From: str(), To: str(), Rel: vncite.Relation(str()), Doc: str(), Start: num()}
		if bad {
			return errCodec
		}
		r.Edges = append(r.Edges, e)
	}
	ns := num()
	if bad || ns > len(p)/2 {
		return errCodec
	}
	if ns > 0 {
		r.Sights = make([]sightRef, 0, ns)
	}
	for range ns {
		s := sightRef{ID: str(), Citing: str(), Start: num()}
		if bad {
			return errCodec
		}
		r.Sights = append(r.Sights, s)
	}
	if len(p) != 0 {
		return errCodec
	}
	return nil
}

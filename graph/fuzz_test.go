package graph

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vncite/vncite"
)

// FuzzPlaces feeds bodies and place lines to the parsers: they must not
// panic, and a name they return is text of the input.
func FuzzPlaces(f *testing.F) {
	for _, s := range []string{"Ban Thường vụ Tỉnh ủy Lâm Đồng", "UBND thị xã", "Đakrông, Quảng Trị", "TP.HCM", "Thành ủy Hà Nội", "Đảng ủy xã Tân Hội", "huyện - ,", "Tỉnh ủy Bà Rịa - Vũng Tàu", "Ủy ban nhân dân tỉnh"} {
		f.Add(s, s)
	}
	g := embeddedGazetteer()
	f.Fuzz(func(t *testing.T, body, placeLine string) {
		kind, name, _ := parseBody(body)
		if name != "" && levelOfKind(kind) == "" && kind != "" {
			t.Errorf("parseBody(%q) = kind %q", body, kind)
		}
		for _, w := range strings.Fields(name) {
			if w != "-" && !strings.Contains(body, w) && utf8.ValidString(body) {
				t.Errorf("parseBody(%q): name word %q not in the body", body, w)
			}
		}
		p := g.docPlace(vncite.Document{Body: body, Place: placeLine, Issuer: "TU"}, body+" "+placeLine)
		_ = p.slug()
		_ = p.committee("UBND")
	})
}

func FuzzSplitNumber(f *testing.F) {
	for _, s := range []string{"25-NQ/TW", "16/CT-TTg", "18/2000/CT-TTg", "12a/2019/NQ-HĐND", "/", "1//", "a-/b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := splitNumber(s)
		_ = classify(p)
		if p.Year != 0 && (p.Year < 0 || p.Year > 9999) {
			t.Errorf("splitNumber(%q) year %d", s, p.Year)
		}
		_ = numberedID(s, "x")
	})
}

// FuzzDumpLine feeds malformed dump lines to the parser Restore uses: an
// error, never a panic, and an accepted record has what Restore needs.
func FuzzDumpLine(f *testing.F) {
	f.Add(`{"kind":"document","document":{"id":"a","number":"1-NQ/TW","stub":true}}`, 2)
	f.Add(`{"kind":"edge","edge":{"from":"a","to":"b","relation":"cites","evidence":{"doc":"a","start":1,"end":2,"sentence":"x"}}}`, 3)
	f.Add(`{"kind":"sighting","id":"a","sighting":{"citing":"b","start":3,"end":4}}`, 4)
	f.Add(`{"kind":"header","version":1}`, 1)
	f.Add("not json", 2)
	f.Fuzz(func(t *testing.T, line string, n int) {
		rec, err := parseDumpLine([]byte(line), n)
		if err != nil {
			return
		}
		switch rec.Kind {
		case "document":
			if rec.Document == nil || rec.Document.ID == "" {
				t.Errorf("accepted a document without id: %q", line)
			}
		case "edge":
			if rec.Edge == nil || rec.Edge.From == "" {
				t.Errorf("accepted a bad edge: %q", line)
			}
		case "sighting":
			if rec.Sighting == nil {
				t.Errorf("accepted a bad sighting: %q", line)
			}
		}
	})
}

// FuzzCodec: stored values decode without panics; encoded ones round-trip.
func FuzzCodec(f *testing.F) {
	f.Add([]byte{1, 3, 'a'}, "sentence", "doc", 3, 9, true)
	f.Add([]byte(`{"id":"x"}`), "", "", 0, 0, false)
	f.Fuzz(func(t *testing.T, raw []byte, sentence, doc string, start, end int, stmt bool) {
		var e vncite.Evidence
		_ = decodeEvidence(raw, &e)
		var n nodeRec
		_ = decodeNode(raw, &n)
		_, _ = docJSON(raw)
		in := vncite.Evidence{Doc: doc, Sentence: sentence, Start: max(start, 0), End: max(end, 0), Statement: stmt}
		var out vncite.Evidence
		if err := decodeEvidence(encodeEvidence(in), &out); err != nil || out != in {
			t.Errorf("evidence round trip: %+v → %+v (%v)", in, out, err)
		}
		if !utf8.ValidString(doc) || !utf8.ValidString(sentence) {
			return // stored text is valid UTF-8 (ingest refuses anything else)
		}
		d := &vncite.Document{ID: doc, Number: sentence, Title: sentence, Stub: stmt}
		v, err := encodeDoc(d)
		if err != nil {
			t.Fatal(err)
		}
		var back vncite.Document
		if err := decodeDoc(v, &back); err != nil || back.ID != d.ID || back.Number != d.Number {
			t.Errorf("document round trip: %q %q → %q %q (%v)", d.ID, d.Number, back.ID, back.Number, err)
		}
	})
}

package corpusgen

import (
	"fmt"
	"sort"

	"github.com/vncite/vncite"
)

// CascadeRates are the rates of Cascade: every document given as its own
// text (no news pages, nothing withheld, no NFD), with a few variant
// spellings and some noise.
func CascadeRates() Rates {
	return Rates{Variant: 0.1, Noise: 0.2, Citations: 0.3}
}

// Cascade generates one central resolution (a Nghị quyết of the Central
// Committee, khóa XII) implemented by plans of the first provinces of the
// 63, each implemented in turn by its first districtsPer districts (at most
// the 4 to 6 the generator knows per province), with realistic dates and
// lags. The first document is the resolution; every other document's
// Truth.Source is the document it implements and Truth.LagDays the days
// after it. Files are named as Generate names them.
func Cascade(seed uint64, provinces, districtsPer int) ([]Doc, error) {
	if provinces < 0 || provinces > len(provinces63) || districtsPer < 0 {
		return nil, fmt.Errorf("corpusgen: cascade: want 0..%d provinces and districtsPer ≥ 0, got %d and %d", len(provinces63), provinces, districtsPer)
	}
	rng := newRNG(seed, streamPool+99)
	root := poolDoc{kind: kTWNQ, date: mustDay("2016-03-01") + day(rng.IntN(1200))}
	nodes := shapeCascade(seed, 0, root, 1<<30, &forcedShape{provinces: provinces, districtsPer: districtsPer}, nil)
	nodes[0].body = bodyBCH
	nodes[0].parent = -1
	p := &plan{nodes: nodes, cascades: []int32{0}, centrals: []int32{0}}
	number(seed, p)
	cfg := Config{Seed: seed, Rates: CascadeRates()}
	docs := renderCascade(p, cfg, 0)
	for k := range docs {
		docs[k].Truth.File = filePath(k, docs[k].Truth.ID)
	}
	return docs, nil
}

// Truths returns the truth records of docs.
func Truths(docs []Doc) []DocTruth {
	out := make([]DocTruth, len(docs))
	for i := range docs {
		out[i] = docs[i].Truth
	}
	return out
}

// TruthEdge is a true edge of the citation graph.
type TruthEdge struct {
	From     string          `json:"from"` // DocTruth.ID of the citing document (or a statement's subject)
	To       string          `json:"to"`
	Relation vncite.Relation `json:"relation"` // of the strongest cue; "cites" when only a statement's object
}

// TruthEdges returns the true edges of a corpus, sorted: every document
// with text to every document it mentions, and every edge a text states
// between two other documents. A pair appears once, with the relation of
// its strongest cue.
func TruthEdges(docs []DocTruth) []TruthEdge {
	m := truthEdges(docs)
	out := make([]TruthEdge, 0, len(m))
	for k, info := range m {
		out = append(out, TruthEdge{From: k[0], To: k[1], Relation: info.rel})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].To < out[j].To
	})
	return out
}

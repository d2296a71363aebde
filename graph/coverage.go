package graph

import (
	"context"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/vncite/vncite"
)

// NoneRecorded is the status of a province where the store holds no
// implementing document: the store cannot tell that none exists.
const NoneRecorded = "none recorded"

// Found is the status of a province with implementing documents.
const Found = "found"

// ProvinceCoverage is one province's implementing documents.
type ProvinceCoverage struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// NewCode and NewName are the province it became part of on 2025-07-01
	// (the same province for the 34 that exist from then).
	NewCode   string        `json:"new_code,omitempty"`
	NewName   string        `json:"new_name,omitempty"`
	Status    string        `json:"status"`
	Documents []vncite.Node `json:"documents,omitempty"`
}

// Coverage is, for a document, which provinces the store holds
// implementing (citing, transitively) documents from.
type Coverage struct {
	Root vncite.Node `json:"root"`
	// Provinces are the 63 provinces for a document before 2025-07-01, the
	// 34 after; documents of a province dated after the merger count for the
	// new province in Merged.
	Provinces []ProvinceCoverage `json:"provinces"`
	// Merged lists, for a document before the merger, the new provinces
	// with documents dated from 2025-07-01.
	Merged []ProvinceCoverage `json:"merged,omitempty"`
	// Unplaced are local documents whose province is not known.
	Unplaced []vncite.Node `json:"unplaced,omitempty"`
	Found    int           `json:"found"`
	Total    int           `json:"total"`
}

// Coverage reports, per province, the documents found citing or
// implementing id at any depth; a province with none says "none recorded",
// never "not implemented".
func (s *Store) Coverage(ctx context.Context, id string) (Coverage, error) {
	g, err := s.Lineage(ctx, id, Down, 10)
	if err != nil {
		return Coverage{}, err
	}
	docs := map[string]*vncite.Document{}
	err = s.db.View(func(txn *badger.Txn) error {
		for _, n := range g.Nodes {
			d, err := readDoc(txn, n.ID)
			if err != nil {
				return err
			}
			if d != nil {
				docs[n.ID] = d
			}
		}
		return nil
	})
	if err != nil {
		return Coverage{}, err
	}
	cov := Coverage{Root: g.Nodes[0]}
	after := g.Nodes[0].Date >= mergerDay
	rows := map[string]*ProvinceCoverage{}
	merged := map[string]*ProvinceCoverage{}
	var order []string
	if after {
		for _, p := range provinceList(s.gaz.newProv) {
			rows[p.Code] = &ProvinceCoverage{Code: p.Code, Name: p.Name, NewCode: p.Code, NewName: p.Name}
			order = append(order, p.Code)
		}
	} else {
		for _, p := range provinceList(s.gaz.provinces) {
			nc, nn := s.gaz.newProvince(p.Code)
			rows[p.Code] = &ProvinceCoverage{Code: p.Code, Name: p.Name, NewCode: nc, NewName: nn}
			order = append(order, p.Code)
		}
	}
	for _, n := range g.Nodes[1:] {
		d := docs[n.ID]
		if d == nil || d.Level == vncite.LevelCentral {
			continue
		}
		code := d.ProvinceCode
		if code == "" {
			cov.Unplaced = append(cov.Unplaced, n)
			continue
		}
		postMerger := d.Date >= mergerDay
		switch {
		case after && !postMerger:
			// An old province's document counts for the province it joined.
			nc, _ := s.gaz.newProvince(code)
			if r := rows[nc]; r != nil {
				r.Documents = append(r.Documents, n)
			}
		case !after && postMerger:
			r := merged[code]
			if r == nil {
				np := s.gaz.newProv[code]
				r = &ProvinceCoverage{Code: code, Name: np.Name, NewCode: code, NewName: np.Name, Status: Found}
				merged[code] = r
			}
			r.Documents = append(r.Documents, n)
		default:
			if r := rows[code]; r != nil {
				r.Documents = append(r.Documents, n)
			} else {
				cov.Unplaced = append(cov.Unplaced, n)
			}
		}
	}
	for _, c := range order {
		r := rows[c]
		r.Status = NoneRecorded
		if len(r.Documents) > 0 {
			r.Status = Found
			cov.Found++
		}
		cov.Provinces = append(cov.Provinces, *r)
	}
	cov.Total = len(order)
	for _, r := range merged {
		cov.Merged = append(cov.Merged, *r)
	}
	sort.Slice(cov.Merged, func(i, j int) bool { return cov.Merged[i].Code < cov.Merged[j].Code })
	return cov, nil
}

func provinceList(m map[string]province) []province {
	out := make([]province, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Stats counts what the store holds.
type Stats struct {
	Documents int                  `json:"documents"` // ingested, with text
	Stubs     int                  `json:"stubs"`
	Edges     int                  `json:"edges"`
	Sightings int                  `json:"sightings"`
	Numbers   int                  `json:"numbers"` // distinct canonical numbers
	Ambiguous int                  `json:"ambiguous_numbers"`
	ByLevel   map[vncite.Level]int `json:"by_level"`
	ByType    map[string]int       `json:"by_type"`
	Unscoped  int                  `json:"unscoped"`
	Unknown   int                  `json:"term_or_year_unknown"`
}

// Stats counts documents, stubs, edges and numbers.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{ByLevel: map[vncite.Level]int{}, ByType: map[string]int{}}
	err := s.db.View(func(txn *badger.Txn) error {
		err := prefixScan(txn, []byte{pDoc}, true, func(_, v []byte) error {
			var d vncite.Document
			if err := decodeDoc(v, &d); err != nil {
				return err
			}
			if d.Stub {
				st.Stubs++
			} else {
				st.Documents++
			}
			if d.Level != "" {
				st.ByLevel[d.Level]++
			}
			if d.Type != "" {
				st.ByType[d.Type]++
			}
			if d.Key != nil {
				switch d.Key.Confidence {
				case "unscoped":
					st.Unscoped++
				case "unknown":
					st.Unknown++
				}
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		count := func(p byte) (int, error) {
			n := 0
			err := prefixScan(txn, []byte{p}, false, func(_, _ []byte) error { n++; return nil })
			return n, err
		}
		if st.Edges, err = count(pFwd); err != nil {
			return err
		}
		if st.Sightings, err = count(pSight); err != nil {
			return err
		}
		last, n := "", 0
		return prefixScan(txn, []byte{pNumber}, false, func(k, _ []byte) error {
			p := splitKey(k[1:])
			if p[0] != last {
				st.Numbers++
				last, n = p[0], 0
			}
			n++
			if n == 2 {
				st.Ambiguous++
			}
			return nil
		})
	})
	return st, err
}

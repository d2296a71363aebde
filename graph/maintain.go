package graph

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/vncite/vncite"
)

// CheckReport is how the search index differs from the store.
type CheckReport struct {
	Documents int      `json:"documents"` // documents and stubs in the store
	Indexed   int      `json:"indexed"`
	Missing   []string `json:"missing,omitempty"` // in the store, not in the index
	Extra     []string `json:"extra,omitempty"`   // in the index, not in the store
	Stale     []string `json:"stale,omitempty"`   // indexed with another hash
	Repaired  bool     `json:"repaired"`
}

// OK reports whether store and index agree.
func (r CheckReport) OK() bool { return len(r.Missing)+len(r.Extra)+len(r.Stale) == 0 }

// hashes returns id → expected index hash for every document and stub.
func (s *Store) hashes(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		var stubs []string
		err := prefixScan(txn, []byte{pDoc}, true, func(k, v []byte) error {
			var d vncite.Document
			if err := decodeDoc(v, &d); err != nil {
				return fmt.Errorf("graph: document %s: %w", k[1:], err)
			}
			if d.Stub {
				stubs = append(stubs, d.ID)
			} else {
				out[d.ID] = d.Hash
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		for _, id := range stubs {
			d, err := fullDoc(txn, id, false)
			if err != nil {
				return err
			}
			out[id] = d.Hash
		}
		return nil
	})
	return out, err
}

// Check compares the store with the Indexer's hashes; with repair it
// indexes what is missing or stale and deletes what is extra.
func (s *Store) Check(ctx context.Context, repair bool) (CheckReport, error) {
	if s.idx == nil {
		return CheckReport{}, errors.New("graph: check: no search index to check against")
	}
	want, err := s.hashes(ctx)
	if err != nil {
		return CheckReport{}, err
	}
	have, err := s.idx.Hashes(ctx)
	if err != nil {
		return CheckReport{}, fmt.Errorf("graph: check: index hashes: %w", err)
	}
	r := CheckReport{Documents: len(want), Indexed: len(have)}
	for id, h := range want {
		got, ok := have[id]
		switch {
		case !ok:
			r.Missing = append(r.Missing, id)
		case got != h:
			r.Stale = append(r.Stale, id)
		}
	}
	for id := range have {
		if _, ok := want[id]; !ok {
			r.Extra = append(r.Extra, id)
		}
	}
	sort.Strings(r.Missing)
	sort.Strings(r.Stale)
	sort.Strings(r.Extra)
	if !repair || r.OK() {
		return r, nil
	}
	if s.ro {
		return r, fmt.Errorf("graph: check --repair: store %s is open read-only", s.dir)
	}
	if len(r.Extra) > 0 {
		if err := s.idx.Delete(ctx, r.Extra); err != nil {
			return r, fmt.Errorf("graph: repair: delete: %w", err)
		}
	}
	if err := s.indexIDs(ctx, append(append([]string{}, r.Missing...), r.Stale...)); err != nil {
		return r, fmt.Errorf("graph: repair: %w", err)
	}
	r.Repaired = true
	return r, nil
}

// Reindex rebuilds the search index from the store: everything the index
// holds is deleted, then every document and stub is indexed again.
func (s *Store) Reindex(ctx context.Context) (int, error) {
	if s.idx == nil {
		return 0, errors.New("graph: reindex: no search index")
	}
	have, err := s.idx.Hashes(ctx)
	if err != nil {
		return 0, fmt.Errorf("graph: reindex: %w", err)
	}
	if len(have) > 0 {
		ids := make([]string, 0, len(have))
		for id := range have {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		if err := s.idx.Delete(ctx, ids); err != nil {
			return 0, fmt.Errorf("graph: reindex: delete: %w", err)
		}
	}
	var ids []string
	err = s.db.View(func(txn *badger.Txn) error {
		return prefixScan(txn, []byte{pDoc}, false, func(k, _ []byte) error {
			ids = append(ids, string(k[1:]))
			return ctx.Err()
		})
	})
	if err != nil {
		return 0, err
	}
	return len(ids), s.indexIDs(ctx, ids)
}

// dumpRecord is one line of a dump.
type dumpRecord struct {
	Kind     string           `json:"kind"` // "header", "document", "sighting", "edge"
	Version  int              `json:"version,omitempty"`
	Document *vncite.Document `json:"document,omitempty"`
	Text     *string          `json:"text,omitempty"`
	ID       string           `json:"id,omitempty"` // the document a sighting is of
	Sighting *vncite.Sighting `json:"sighting,omitempty"`
	Edge     *vncite.Edge     `json:"edge,omitempty"`
}

// dumpVersion is the dump format version.
const dumpVersion = 1

// Dump writes the whole store as JSON Lines: a header, then every document
// (with its text), sighting and edge. Restore reads it back.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(dumpRecord{Kind: "header", Version: dumpVersion}); err != nil {
		return fmt.Errorf("graph: dump: %w", err)
	}
	err := s.db.View(func(txn *badger.Txn) error {
		err := prefixScan(txn, []byte{pDoc}, true, func(k, v []byte) error {
			var d vncite.Document
			if err := decodeDoc(v, &d); err != nil {
				return err
			}
			rec := dumpRecord{Kind: "document", Document: &d}
			if !d.Stub {
				item, err := txn.Get(key(pText, d.ID))
				if err != nil {
					return fmt.Errorf("text of %s: %w", d.ID, err)
				}
				t, err := item.ValueCopy(nil)
				if err != nil {
					return err
				}
				ts := string(t)
				rec.Text = &ts
			}
			if err := enc.Encode(rec); err != nil {
				return err
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		err = prefixScan(txn, []byte{pSight}, true, func(k, v []byte) error {
			var sg vncite.Sighting
			if err := json.Unmarshal(v, &sg); err != nil {
				return err
			}
			return enc.Encode(dumpRecord{Kind: "sighting", ID: splitKey(k[1:])[0], Sighting: &sg})
		})
		if err != nil {
			return err
		}
		return prefixScan(txn, []byte{pFwd}, true, func(k, v []byte) error {
			r, ok := edgeFromFwd(k)
			if !ok {
				return nil
			}
			e := vncite.Edge{From: r.From, To: r.To, Relation: r.Rel}
			if err := decodeEvidence(v, &e.Evidence); err != nil {
				return err
			}
			return enc.Encode(dumpRecord{Kind: "edge", Edge: &e})
		})
	})
	if err != nil {
		return fmt.Errorf("graph: dump: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graph: dump: %w", err)
	}
	return nil
}

// RestoreSummary counts what Restore loaded.
type RestoreSummary struct {
	Documents int `json:"documents"`
	Stubs     int `json:"stubs"`
	Sightings int `json:"sightings"`
	Edges     int `json:"edges"`
}

// Restore loads a dump into an empty store and indexes it. A malformed
// line stops the restore with its line number; what was loaded before it
// stays, and the store can be emptied and the restore run again.
func (s *Store) Restore(ctx context.Context, r io.Reader) (RestoreSummary, error) {
	var sum RestoreSummary
	if s.ro {
		return sum, fmt.Errorf("graph: restore: store %s is open read-only", s.dir)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	empty := true
	if err := s.db.View(func(txn *badger.Txn) error {
		return prefixScan(txn, []byte{pDoc}, false, func(_, _ []byte) error { empty = false; return errStop })
	}); err != nil && !errors.Is(err, errStop) {
		return sum, err
	}
	if !empty {
		return sum, fmt.Errorf("graph: restore: store %s is not empty; restore into a new --data directory", s.dir)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), MaxTextBytes*2)
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	var ids []string
	floating := map[string]bool{}
	readIns := map[string]*readIn{}
	readInOf := func(doc string) *readIn {
		r := readIns[doc]
		if r == nil {
			r = &readIn{}
			readIns[doc] = r
		}
		return r
	}
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		rec, err := parseDumpLine(sc.Bytes(), line)
		if err != nil {
			return sum, err
		}
		if line == 1 {
			continue
		}
		var sets []kv
		switch rec.Kind {
		case "document":
			d := rec.Document
			v, err := encodeDoc(d)
			if err != nil {
				return sum, err
			}
			sets = append(sets, kv{key(pDoc, d.ID), v})
			if d.Number != "" {
				sets = append(sets, kv{key(pNumber, d.Number, d.ID), nil})
				if d.Key != nil && d.Key.Confidence == "unknown" {
					sets = append(sets, kv{key(pFloat, d.Number, d.ID), nil})
					floating[d.Number] = true
				}
			}
			if d.Stub {
				sum.Stubs++
			} else {
				sets = append(sets, kv{key(pText, d.ID), []byte(*rec.Text)}, kv{key(pHash, d.Hash), []byte(d.ID)})
				sum.Documents++
			}
			ids = append(ids, d.ID)
		case "sighting":
			v, err := json.Marshal(rec.Sighting)
			if err != nil {
				return sum, err
			}
			sr := sightRef{ID: rec.ID, Citing: rec.Sighting.Citing, Start: rec.Sighting.Start}
			sets = append(sets, kv{sr.main(), v})
			ri := readInOf(sr.Citing)
			ri.Sights = append(ri.Sights, sightRef{ID: sr.ID, Start: sr.Start})
			sum.Sightings++
		case "edge":
			e := rec.Edge
			v := encodeEvidence(e.Evidence)
			er := edgeRef{From: e.From, To: e.To, Rel: e.Relation, Doc: e.Evidence.Doc, Start: e.Evidence.Start}
			sets = append(sets, kv{er.fwd(), v}, kv{er.rev(), v})
			ri := readInOf(er.Doc)
			ri.Edges = append(ri.Edges, er)
			sum.Edges++
		}
		for _, e := range sets {
			if err := wb.Set(e.k, e.v); err != nil {
				return sum, fmt.Errorf("graph: restore: line %d: %w", line, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return sum, fmt.Errorf("graph: restore: line %d: %w", line+1, err)
	}
	if line == 0 {
		return sum, errors.New("graph: restore: empty dump")
	}
	for doc, ri := range readIns {
		if err := wb.Set(key(pReadIn, doc), encodeReadIn(ri)); err != nil {
			return sum, fmt.Errorf("graph: restore: %w", err)
		}
	}
	if err := wb.Flush(); err != nil {
		return sum, fmt.Errorf("graph: restore: %w", err)
	}
	if err := s.db.Sync(); err != nil {
		return sum, fmt.Errorf("graph: restore: sync: %w", err)
	}
	s.floatMu.Lock()
	for n := range floating {
		s.floating[n] = true
	}
	s.floatMu.Unlock()
	if s.idx != nil {
		if err := s.indexIDs(ctx, ids); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

var errStop = errors.New("stop")

// parseDumpLine decodes and checks line n of a dump: the header first,
// then documents, sightings and edges with what Restore needs of each.
func parseDumpLine(b []byte, n int) (dumpRecord, error) {
	var rec dumpRecord
	bad := func(what string) (dumpRecord, error) {
		return dumpRecord{}, fmt.Errorf("graph: restore: line %d: %s", n, what)
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		return bad(err.Error())
	}
	if n == 1 {
		if rec.Kind != "header" || rec.Version != dumpVersion {
			return bad(fmt.Sprintf("not a vncite dump (version %d)", dumpVersion))
		}
		return rec, nil
	}
	switch rec.Kind {
	case "document":
		d := rec.Document
		switch {
		case d == nil || d.ID == "" || strings.IndexByte(d.ID, separator) >= 0 || strings.IndexByte(d.Number, separator) >= 0:
			return bad("document without a valid id")
		case !d.Stub && (rec.Text == nil || d.Hash == ""):
			return bad("document " + d.ID + " without text or hash")
		}
	case "sighting":
		if rec.Sighting == nil || rec.ID == "" || rec.Sighting.Citing == "" || strings.ContainsRune(rec.ID+rec.Sighting.Citing, separator) {
			return bad("bad sighting")
		}
	case "edge":
		e := rec.Edge
		if e == nil || e.From == "" || e.To == "" || e.Relation == "" || e.Evidence.Doc == "" ||
			strings.ContainsRune(e.From+e.To+string(e.Relation)+e.Evidence.Doc, separator) {
			return bad("bad edge")
		}
	default:
		return bad(fmt.Sprintf("unknown record kind %q", rec.Kind))
	}
	return rec, nil
}

// Verify checks the store's own integrity: every document's text and hash
// index, both keys of every edge, every edge and sighting listed in the
// read-in record of the document it was read in, and back. Writes are
// transactional, so a problem means a bug or a damaged disk; it returns
// at most limit problems.
func (s *Store) Verify(ctx context.Context, limit int) ([]string, error) {
	var problems []string
	add := func(f string, a ...any) error {
		problems = append(problems, fmt.Sprintf(f, a...))
		if len(problems) >= limit {
			return errStop
		}
		return nil
	}
	err := s.db.View(func(txn *badger.Txn) error {
		has := func(k []byte) bool {
			_, err := txn.Get(k)
			return err == nil
		}
		err := prefixScan(txn, []byte{pDoc}, true, func(k, v []byte) error {
			var d vncite.Document
			if err := decodeDoc(v, &d); err != nil {
				return add("document %s: %v", k[1:], err)
			}
			if d.Stub {
				return ctx.Err()
			}
			if !has(key(pText, d.ID)) {
				if err := add("document %s: no text", d.ID); err != nil {
					return err
				}
			}
			item, err := txn.Get(key(pHash, d.Hash))
			if err != nil {
				return add("document %s: hash %s not indexed", d.ID, d.Hash)
			}
			return item.Value(func(v []byte) error {
				if string(v) != d.ID {
					return add("document %s: hash %s indexed as %s", d.ID, d.Hash, v)
				}
				return ctx.Err()
			})
		})
		if err != nil {
			return err
		}
		listed := map[string]bool{}
		err = prefixScan(txn, []byte{pReadIn}, true, func(k, v []byte) error {
			doc := string(k[1:])
			var ri readIn
			if err := decodeReadIn(v, &ri); err != nil {
				return add("read-in record of %s: %v", doc, err)
			}
			for _, e := range ri.Edges {
				listed[string(e.fwd())] = true
				if !has(e.fwd()) || !has(e.rev()) {
					if err := add("edge %s -%s-> %s read in %s: keys missing", e.From, e.Rel, e.To, doc); err != nil {
						return err
					}
				}
			}
			for _, sr := range ri.Sights {
				full := sightRef{ID: sr.ID, Citing: doc, Start: sr.Start}
				listed[string(full.main())] = true
				if !has(full.main()) {
					if err := add("sighting of %s by %s: missing", sr.ID, doc); err != nil {
						return err
					}
				}
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		for _, p := range []byte{pFwd, pSight} {
			err = prefixScan(txn, []byte{p}, false, func(k, _ []byte) error {
				if listed[string(k)] {
					return nil
				}
				if p == pFwd {
					r, _ := edgeFromFwd(k)
					return add("edge %s -%s-> %s: not in the read-in record of %s", r.From, r.Rel, r.To, r.Doc)
				}
				return add("sighting %q: not in a read-in record", splitKey(k[1:]))
			})
			if err != nil {
				return err
			}
		}
		return prefixScan(txn, []byte{pRev}, false, func(k, _ []byte) error {
			r, ok := edgeFromRev(k)
			if !ok || !has(r.fwd()) {
				return add("reverse edge %q without its forward key", splitKey(k[1:]))
			}
			return nil
		})
	})
	if err != nil && !errors.Is(err, errStop) {
		return problems, fmt.Errorf("graph: verify: %w", err)
	}
	return problems, nil
}

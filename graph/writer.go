package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/vncite/vncite"
)

// Limits of one write transaction, well below Badger's (15% of a 64 MB
// memtable): a batch is committed before a document would cross them.
const (
	txnMaxEntries = 20000
	txnMaxBytes   = 4 << 20
)

// writer groups whole documents into Badger transactions. Each document's
// writes go to an overlay first; only a document that was computed without
// error is copied into the transaction, so a failing document leaves no
// trace and a reader never sees half of one.
type writer struct {
	s   *Store
	ctx context.Context
	txn *badger.Txn

	entries, bytes, docs int

	sets map[string][]byte
	dels map[string]bool

	// ids written or deleted in the open transaction, and in the current
	// document, for the Indexer.
	touched, deleted       map[string]bool
	docTouched, docDeleted map[string]bool
	docFloating            []string
	pendingFloating        []string
}

func (s *Store) newWriter(ctx context.Context) *writer {
	return &writer{
		s: s, ctx: ctx, txn: s.db.NewTransaction(true),
		sets: map[string][]byte{}, dels: map[string]bool{},
		touched: map[string]bool{}, deleted: map[string]bool{},
		docTouched: map[string]bool{}, docDeleted: map[string]bool{},
	}
}

// kv is one key and value read by a scan.
type kv struct {
	k, v []byte
}

func (w *writer) get(k []byte) ([]byte, bool, error) {
	ks := string(k)
	if w.dels[ks] {
		return nil, false, nil
	}
	if v, ok := w.sets[ks]; ok {
		return v, true, nil
	}
	item, err := w.txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

func (w *writer) set(k, v []byte) {
	ks := string(k)
	delete(w.dels, ks)
	w.sets[ks] = v
}

func (w *writer) del(k []byte) {
	ks := string(k)
	delete(w.sets, ks)
	w.dels[ks] = true
}

// scan returns every key under prefix, the overlay over the transaction,
// in key order. Badger allows one iterator at a time in a read-write
// transaction, so the iterator is closed before scan returns.
func (w *writer) scan(prefix []byte, values bool) ([]kv, error) {
	var out []kv
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = values
	opt.Prefix = prefix
	it := w.txn.NewIterator(opt)
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		k := item.KeyCopy(nil)
		ks := string(k)
		if w.dels[ks] {
			continue
		}
		if _, ok := w.sets[ks]; ok {
			continue // added from the overlay below
		}
		var v []byte
		if values {
			var err error
			if v, err = item.ValueCopy(nil); err != nil {
				it.Close()
				return nil, err
			}
		}
		out = append(out, kv{k, v})
	}
	it.Close()
	added := false
	for ks, v := range w.sets {
		if len(ks) >= len(prefix) && ks[:len(prefix)] == string(prefix) {
			out = append(out, kv{[]byte(ks), v})
			added = true
		}
	}
	if added {
		sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i].k, out[j].k) < 0 })
	}
	return out, nil
}

// exists reports whether any key lies under prefix.
func (w *writer) exists(prefix []byte) (bool, error) {
	for ks := range w.sets {
		if len(ks) >= len(prefix) && ks[:len(prefix)] == string(prefix) {
			return true, nil
		}
	}
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = prefix
	it := w.txn.NewIterator(opt)
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if !w.dels[string(it.Item().Key())] {
			return true, nil
		}
	}
	return false, nil
}

// getDoc reads a document record (without text, sightings or cites).
func (w *writer) getDoc(id string) (*vncite.Document, error) {
	v, ok, err := w.get(key(pDoc, id))
	if err != nil || !ok {
		return nil, err
	}
	var d vncite.Document
	if err := json.Unmarshal(v, &d); err != nil {
		return nil, fmt.Errorf("graph: document %s: %w", id, err)
	}
	return &d, nil
}

// putDoc writes a document record and its number index.
func (w *writer) putDoc(d *vncite.Document, floating bool) error {
	rec := *d
	rec.Text, rec.Sightings, rec.Cites = "", nil, nil
	if rec.Stub {
		rec.Hash = ""
	}
	b, err := json.Marshal(&rec)
	if err != nil {
		return fmt.Errorf("graph: encode %s: %w", d.ID, err)
	}
	w.set(key(pDoc, d.ID), b)
	if d.Number != "" {
		w.set(key(pNumber, d.Number, d.ID), nil)
		if floating {
			w.set(key(pFloat, d.Number, d.ID), nil)
			w.docFloating = append(w.docFloating, d.Number)
		}
	}
	w.docTouched[d.ID] = true
	delete(w.docDeleted, d.ID)
	return nil
}

// deleteNode removes a document record and its indexes (not its edges).
func (w *writer) deleteNode(d *vncite.Document) {
	w.del(key(pDoc, d.ID))
	w.del(key(pText, d.ID))
	if d.Number != "" {
		w.del(key(pNumber, d.Number, d.ID))
		w.del(key(pFloat, d.Number, d.ID))
	}
	w.docDeleted[d.ID] = true
	delete(w.docTouched, d.ID)
}

// addEdge writes the three keys of an edge.
func (w *writer) addEdge(e vncite.Edge) error {
	v, err := json.Marshal(&e.Evidence)
	if err != nil {
		return err
	}
	r := edgeRef{From: e.From, To: e.To, Rel: e.Relation, Doc: e.Evidence.Doc, Start: e.Evidence.Start}
	w.set(r.fwd(), v)
	w.set(r.rev(), v)
	w.set(r.evid(), nil)
	return nil
}

func (w *writer) delEdge(r edgeRef) {
	w.del(r.fwd())
	w.del(r.rev())
	w.del(r.evid())
}

// addSighting writes a sighting of id by its citing document.
func (w *writer) addSighting(id string, sg vncite.Sighting) error {
	v, err := json.Marshal(&sg)
	if err != nil {
		return err
	}
	r := sightRef{ID: id, Citing: sg.Citing, Start: sg.Start}
	w.set(r.main(), v)
	w.set(r.by(), nil)
	return nil
}

// discardDoc drops the current document's overlay.
func (w *writer) discardDoc() {
	clear(w.sets)
	clear(w.dels)
	clear(w.docTouched)
	clear(w.docDeleted)
	w.docFloating = w.docFloating[:0]
}

// commitDoc moves the current document's overlay into the transaction,
// committing the transaction first when the document would not fit.
func (w *writer) commitDoc() error {
	n, size := 0, 0
	for k, v := range w.sets {
		n++
		size += len(k) + len(v) + 32
	}
	for k := range w.dels {
		n++
		size += len(k) + 32
	}
	if w.docs > 0 && (w.entries+n > txnMaxEntries || w.bytes+size > txnMaxBytes) {
		if err := w.commit(); err != nil {
			return err
		}
	}
	for k, v := range w.sets {
		if err := w.txn.Set([]byte(k), v); err != nil {
			return w.failTxn(err)
		}
	}
	for k := range w.dels {
		if err := w.txn.Delete([]byte(k)); err != nil {
			return w.failTxn(err)
		}
	}
	w.entries += n
	w.bytes += size
	w.docs++
	for id := range w.docTouched {
		w.touched[id] = true
		delete(w.deleted, id)
	}
	for id := range w.docDeleted {
		w.deleted[id] = true
		delete(w.touched, id)
	}
	w.pendingFloating = append(w.pendingFloating, w.docFloating...)
	w.discardDoc()
	return nil
}

// failTxn abandons a transaction a document did not fit in: only that
// document was in it (commitDoc commits earlier ones first).
func (w *writer) failTxn(err error) error {
	w.txn.Discard()
	w.txn = w.s.db.NewTransaction(true)
	w.entries, w.bytes, w.docs = 0, 0, 0
	clear(w.touched)
	clear(w.deleted)
	w.pendingFloating = w.pendingFloating[:0]
	w.discardDoc()
	return fmt.Errorf("graph: document too large for one transaction: %w", err)
}

// commit commits the open transaction and passes what it wrote to the
// Indexer.
func (w *writer) commit() error {
	if w.docs == 0 {
		return nil
	}
	err := w.txn.Commit()
	w.txn = w.s.db.NewTransaction(true)
	touched, deleted := w.touched, w.deleted
	w.touched, w.deleted = map[string]bool{}, map[string]bool{}
	w.entries, w.bytes, w.docs = 0, 0, 0
	if err != nil {
		w.pendingFloating = w.pendingFloating[:0]
		return fmt.Errorf("graph: commit: %w", err)
	}
	w.s.floatMu.Lock()
	for _, n := range w.pendingFloating {
		w.s.floating[n] = true
	}
	w.s.floatMu.Unlock()
	w.pendingFloating = w.pendingFloating[:0]
	return w.s.sendToIndexer(w.ctx, touched, deleted)
}

// close discards an uncommitted transaction.
func (w *writer) close() { w.txn.Discard() }

// mayFloat reports whether number may have documents of unknown term or
// year, committed or pending.
func (w *writer) mayFloat(number string) bool {
	w.s.floatMu.Lock()
	ok := w.s.floating[number]
	w.s.floatMu.Unlock()
	if ok {
		return true
	}
	for _, n := range w.pendingFloating {
		if n == number {
			return true
		}
	}
	for _, n := range w.docFloating {
		if n == number {
			return true
		}
	}
	return false
}

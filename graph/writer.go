package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"

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
//
// Reads see, newest first: the current document's layer, the open
// transaction's layer, the layer of the transaction committing in the
// background, then the database through a read-only transaction opened
// after the last completed commit. (Badger's own read-write transactions
// re-sort every pending write for each iterator, which made scans
// quadratic in the batch size.)
type writer struct {
	s   *Store
	ctx context.Context
	// rtxn reads the database; the open transaction is a layer (txnL),
	// written to Badger when committed (see commit).
	rtxn *badger.Txn
	// keys is a key-only iterator over rtxn, made once per read snapshot
	// and sought to each prefix scanned: making an iterator per scan
	// costs more than the scan, and more as the tree grows.
	keys *badger.Iterator

	entries, bytes, docs int

	doc, txnL *layer

	// ids written or deleted in the open transaction, and in the current
	// document, for the Indexer.
	touched, deleted       map[string]bool
	docTouched, docDeleted map[string]bool
	// ingested are the ids of the documents ingested (not stubs) in the
	// open transaction; docIngested is the current document's.
	ingested    map[string]bool
	docIngested string
	// laterIndex are the other ids touched (stubs whose sightings or edges
	// changed): indexed once when the ingest finishes, not in every batch
	// that touches them. A crash before then leaves the index behind on
	// them; their index hash counts their sightings, so `vncite check`
	// reports them stale and `check --repair` re-indexes them.
	laterIndex  map[string]bool
	docFloating []string

	inflight *inflightTxn
	spare    *layer // a committed transaction's layer, emptied for reuse
	// indexing is the Indexer call for the batch committed last, running
	// while the next batch is built (nil when none).
	indexing chan error
	// sources are the inputs in the open transaction.
	sources []string

	// docs caches decoded document records across the ingest (the writer
	// is the store's only writer); docDocs holds the current document's
	// changes until it is committed.
	docs_, docDocs map[string]*vncite.Document
	// readIns are the read-in records the current document changed.
	readIns map[string]*readIn
	// newRead is the id of the current document when it has no read-in
	// record yet (new, or a stub until now): nothing to read.
	newRead string
}

// layer is a set of writes not yet readable from the database, indexed
// by group (a key's prefix byte and first part) for prefix scans.
type layer struct {
	sets   map[string][]byte
	dels   map[string]bool
	groups map[string][]string // each key once, when first written
}

func newLayer(size int) *layer {
	return &layer{sets: make(map[string][]byte, size), dels: map[string]bool{}, groups: make(map[string][]string, size/2)}
}

// groupOf is the scan prefix a key falls under: its prefix byte and first
// part with the separator after it ("" for keys of one part).
func groupOf(k string) string {
	if i := strings.IndexByte(k, separator); i >= 0 {
		return k[:i+1]
	}
	return ""
}

// scanned are the record kinds writer.scan reads by prefix; only their
// keys are indexed by group.
var scanned = [256]bool{pNumber: true, pFloat: true, pSight: true, pFwd: true, pRev: true}

func (l *layer) note(k string) {
	if k == "" || !scanned[k[0]] {
		return
	}
	g := groupOf(k)
	if g == "" {
		return
	}
	l.groups[g] = append(l.groups[g], k)
}

func (l *layer) set(k string, v []byte) {
	_, had := l.sets[k]
	if !had && l.dels[k] {
		delete(l.dels, k)
		had = true
	}
	l.sets[k] = v
	if !had {
		l.note(k)
	}
}

func (l *layer) del(k string) {
	_, had := l.sets[k]
	if had {
		delete(l.sets, k)
	}
	if !had && l.dels[k] {
		return
	}
	l.dels[k] = true
	if !had {
		l.note(k)
	}
}

// lookup says whether the layer holds k: set (with its value) or deleted.
func (l *layer) lookup(k string) (v []byte, deleted, found bool) {
	if l.dels[k] {
		return nil, true, true
	}
	v, found = l.sets[k]
	return v, false, found
}

func (l *layer) reset() {
	clear(l.sets)
	clear(l.dels)
	clear(l.groups)
}

func (s *Store) newWriter(ctx context.Context) *writer {
	return &writer{
		s: s, ctx: ctx, rtxn: s.db.NewTransaction(false),
		doc: newLayer(64), txnL: newLayer(txnMaxEntries / 2),
		touched: map[string]bool{}, deleted: map[string]bool{},
		ingested: map[string]bool{}, laterIndex: map[string]bool{},
		docTouched: map[string]bool{}, docDeleted: map[string]bool{},
		docs_: map[string]*vncite.Document{}, docDocs: map[string]*vncite.Document{},
		readIns: map[string]*readIn{},
	}
}

// maxCachedDocs bounds the writer's document cache.
const maxCachedDocs = 100000

// inflightTxn is a transaction committing in the background while the
// next one is built: Badger's write goroutine then works in parallel.
type inflightTxn struct {
	layer            *layer
	touched, deleted map[string]bool
	ingested         map[string]bool
	sources          []string
	done             chan error
}

// BatchError reports a batch of documents whose commit failed.
type BatchError struct {
	Sources []string
	Err     error
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("graph: commit of %d documents: %v", len(e.Sources), e.Err)
}

func (e *BatchError) Unwrap() error { return e.Err }

// kv is one key and value read by a scan.
type kv struct {
	k, v []byte
}

// layers returns the write layers, newest first.
func (w *writer) layers() []*layer {
	ls := []*layer{w.doc, w.txnL}
	if w.inflight != nil {
		ls = append(ls, w.inflight.layer)
	}
	return ls
}

func (w *writer) get(k []byte) ([]byte, bool, error) {
	ks := string(k)
	if v, deleted, found := w.doc.lookup(ks); found {
		return v, !deleted, nil
	}
	if v, deleted, found := w.txnL.lookup(ks); found {
		return v, !deleted, nil
	}
	if w.inflight != nil {
		if v, deleted, found := w.inflight.layer.lookup(ks); found {
			return v, !deleted, nil
		}
	}
	item, err := w.rtxn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

func (w *writer) set(k, v []byte) { w.doc.set(string(k), v) }

func (w *writer) del(k []byte) { w.doc.del(string(k)) }

// scan returns every key under prefix (a key's prefix byte and first part:
// see groupOf), the layers over the database, in key order.
func (w *writer) scan(prefix []byte, values bool) ([]kv, error) {
	found := map[string][]byte{}
	it := w.keyIter()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		var v []byte
		if values {
			var err error
			if v, err = item.ValueCopy(nil); err != nil {
				return nil, err
			}
		}
		found[string(item.Key())] = v
	}
	ls := w.layers()
	for i := len(ls) - 1; i >= 0; i-- {
		l := ls[i]
		for _, k := range l.groups[string(prefix)] {
			if v, deleted, ok := l.lookup(k); ok {
				if deleted {
					delete(found, k)
				} else {
					found[k] = v
				}
			}
		}
	}
	out := make([]kv, 0, len(found))
	for k, v := range found {
		out = append(out, kv{[]byte(k), v})
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i].k, out[j].k) < 0 })
	return out, nil
}

// keyIter returns the writer's key-only iterator over the read snapshot.
// Values read through it (item.ValueCopy) are fetched on demand.
func (w *writer) keyIter() *badger.Iterator {
	if w.keys == nil {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		w.keys = w.rtxn.NewIterator(opt)
	}
	return w.keys
}

// closeKeys closes the key iterator, before its snapshot is discarded.
func (w *writer) closeKeys() {
	if w.keys != nil {
		w.keys.Close()
		w.keys = nil
	}
}

// exists reports whether any key lies under prefix (a key's prefix byte
// and first part: see groupOf), reading no further than the first.
func (w *writer) exists(prefix []byte) (bool, error) {
	ls := w.layers()
	deleted := map[string]bool{}
	// Newest layer first: a key's first mention decides it.
	seen := map[string]bool{}
	for _, l := range ls {
		for _, k := range l.groups[string(prefix)] {
			if seen[k] {
				continue
			}
			seen[k] = true
			if _, del, ok := l.lookup(k); ok {
				if !del {
					return true, nil
				}
				deleted[k] = true
			}
		}
	}
	it := w.keyIter()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		if !deleted[string(it.Item().Key())] {
			return true, nil
		}
	}
	return false, nil
}

// scanNumber returns the keys of a number index (pNumber or pFloat) of
// number; of a local number only the ids of scope ("15-kh-tu@p46." for
// scope "p46"), a slice of its group. Keys come in key order.
func (w *writer) scanNumber(prefix byte, number string, class numberClass, scope string) ([]kv, error) {
	group := prefixKey(prefix, number)
	if !class.local() {
		return w.scan(group, false)
	}
	kvs, err := w.scanUnder(group, slug(number)+"@"+scope+".")
	sort.Slice(kvs, func(i, j int) bool { return bytes.Compare(kvs[i].k, kvs[j].k) < 0 })
	return kvs, err
}

// getDoc reads a document record (without text, sightings or cites). The
// caller gets its own copy.
func (w *writer) getDoc(id string) (*vncite.Document, error) {
	d, err := w.readDoc(id)
	if d == nil || err != nil {
		return nil, err
	}
	return copyDoc(d), nil
}

// readDoc is getDoc for callers that only read: the record it returns is
// shared with the writer's cache and must not be changed.
func (w *writer) readDoc(id string) (*vncite.Document, error) {
	if d, ok := w.docDocs[id]; ok {
		return d, nil // nil: deleted in this document
	}
	if d, ok := w.docs_[id]; ok {
		return d, nil
	}
	v, ok, err := w.get(key(pDoc, id))
	if err != nil || !ok {
		return nil, err
	}
	d := &vncite.Document{}
	if err := decodeDoc(v, d); err != nil {
		return nil, fmt.Errorf("graph: document %s: %w", id, err)
	}
	if _, pending := w.doc.sets[string(key(pDoc, id))]; !pending {
		if len(w.docs_) >= maxCachedDocs {
			clear(w.docs_)
		}
		w.docs_[id] = d
	}
	return d, nil
}

// copyDoc copies a document record deeply enough that callers may change
// it: its Key is the only pointer a record holds besides IngestedAt.
func copyDoc(d *vncite.Document) *vncite.Document {
	c := *d
	if d.Key != nil {
		k := *d.Key
		c.Key = &k
	}
	return &c
}

// putDoc writes a document record and its number index.
func (w *writer) putDoc(d *vncite.Document, floating bool) error {
	rec := *d
	rec.Text, rec.Sightings, rec.Cites = "", nil, nil
	if rec.Stub {
		rec.Hash = ""
	}
	b, err := encodeDoc(&rec)
	if err != nil {
		return fmt.Errorf("graph: encode %s: %w", d.ID, err)
	}
	w.set(key(pDoc, d.ID), b)
	w.docDocs[d.ID] = copyDoc(&rec)
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
	w.docDocs[d.ID] = nil
}

// loadReadIn returns the read-in record of doc for changing.
func (w *writer) loadReadIn(doc string) (*readIn, error) {
	if r, ok := w.readIns[doc]; ok {
		return r, nil
	}
	r := &readIn{}
	if doc == w.newRead {
		w.readIns[doc] = r
		return r, nil
	}
	v, ok, err := w.get(key(pReadIn, doc))
	if err != nil {
		return nil, err
	}
	if ok {
		if err := decodeReadIn(v, r); err != nil {
			return nil, fmt.Errorf("graph: read-in record of %s: %w", doc, err)
		}
	}
	w.readIns[doc] = r
	return r, nil
}

// flushReadIns writes the read-in records the current document changed.
func (w *writer) flushReadIns() error {
	for doc, r := range w.readIns {
		if len(r.Edges) == 0 && len(r.Sights) == 0 {
			w.del(key(pReadIn, doc))
			continue
		}
		w.set(key(pReadIn, doc), encodeReadIn(r))
	}
	clear(w.readIns)
	return nil
}

// addEdge writes an edge's two keys and records it in the read-in record
// of the document it was read in.
func (w *writer) addEdge(e vncite.Edge) error {
	v := encodeEvidence(e.Evidence)
	r := edgeRef{From: e.From, To: e.To, Rel: e.Relation, Doc: e.Evidence.Doc, Start: e.Evidence.Start}
	fk := r.fwd()
	if _, exists := w.doc.sets[string(fk)]; exists {
		return nil // the same edge read twice at the same place
	}
	w.set(fk, v)
	w.set(r.rev(), v)
	ri, err := w.loadReadIn(r.Doc)
	if err != nil {
		return err
	}
	ri.Edges = append(ri.Edges, r)
	return nil
}

// delEdge deletes an edge's keys; the caller updates the read-in record.
func (w *writer) delEdge(r edgeRef) {
	w.del(r.fwd())
	w.del(r.rev())
}

// addSighting writes a sighting of id by its citing document.
func (w *writer) addSighting(id string, sg vncite.Sighting) error {
	v, err := json.Marshal(&sg)
	if err != nil {
		return err
	}
	r := sightRef{ID: id, Citing: sg.Citing, Start: sg.Start}
	mk := r.main()
	_, exists := w.doc.sets[string(mk)]
	w.set(mk, v)
	if exists {
		return nil
	}
	ri, err := w.loadReadIn(sg.Citing)
	if err != nil {
		return err
	}
	ri.Sights = append(ri.Sights, sightRef{ID: id, Start: sg.Start})
	return nil
}

// discardDoc drops the current document's overlay.
func (w *writer) discardDoc() {
	w.doc.reset()
	clear(w.docTouched)
	clear(w.docDeleted)
	w.docIngested = ""
	clear(w.docDocs)
	clear(w.readIns)
	w.newRead = ""
	w.docFloating = w.docFloating[:0]
}

// commitDoc moves the current document's overlay into the transaction,
// committing the transaction first when the document would not fit.
func (w *writer) commitDoc(source string) error {
	n, size := 0, 0
	for k, v := range w.doc.sets {
		n++
		size += len(k) + len(v) + 32
	}
	for k := range w.doc.dels {
		n++
		size += len(k) + 32
	}
	if w.docs > 0 && (w.entries+n > txnMaxEntries || w.bytes+size > txnMaxBytes) {
		if err := w.commit(); err != nil {
			return err
		}
	}
	if err := w.fitsBadger(); err != nil {
		w.discardDoc()
		return err
	}
	for k, v := range w.doc.sets {
		w.txnL.set(k, v)
	}
	for k := range w.doc.dels {
		w.txnL.del(k)
	}
	w.entries += n
	w.bytes += size
	w.docs++
	w.sources = append(w.sources, source)
	if w.docIngested != "" {
		w.ingested[w.docIngested] = true
	}
	for id := range w.docTouched {
		w.touched[id] = true
		delete(w.deleted, id)
	}
	for id := range w.docDeleted {
		w.deleted[id] = true
		delete(w.touched, id)
	}
	if len(w.docFloating) > 0 {
		// A hint only: set at once, a failed commit leaves a harmless
		// false positive.
		w.s.floatMu.Lock()
		for _, n := range w.docFloating {
			w.s.floating[n] = true
		}
		w.s.floatMu.Unlock()
	}
	for id, d := range w.docDocs {
		if d == nil {
			delete(w.docs_, id)
		} else {
			w.docs_[id] = d
		}
	}
	w.discardDoc()
	return nil
}

// fitsBadger checks that the current document alone fits in one Badger
// transaction, sized as Badger sizes it (a value from valueThreshold on
// goes to the value log and counts as a pointer). The transaction is
// filled in the background (see commit), where a rejected write would
// fail the whole batch.
func (w *writer) fitsBadger() error {
	n, size := int64(0), int64(0)
	for k, v := range w.doc.sets {
		if len(k) > maxKeyBytes {
			return fmt.Errorf("graph: document too large for one transaction: a key of %d bytes", len(k))
		}
		n++
		size += int64(len(k)) + 2
		if len(v) < valueThreshold {
			size += int64(len(v))
		} else {
			size += 12
		}
	}
	for k := range w.doc.dels {
		n++
		size += int64(len(k)) + 2
	}
	if n >= w.s.db.MaxBatchCount() || size >= w.s.db.MaxBatchSize() {
		return fmt.Errorf("graph: document too large for one transaction: %d writes, %d bytes", n, size)
	}
	return nil
}

// maxKeyBytes is below Badger's key size limit (65,000 bytes).
const maxKeyBytes = 60000

func (w *writer) resetTxnState() {
	w.entries, w.bytes, w.docs = 0, 0, 0
	w.touched, w.deleted = map[string]bool{}, map[string]bool{}
	w.ingested = map[string]bool{}
	if w.spare != nil {
		w.txnL, w.spare = w.spare, nil
	} else {
		w.txnL = newLayer(txnMaxEntries / 2)
	}
	w.sources = nil
}

// commit starts committing the open transaction in the background, after
// waiting for the one before it, and opens the next. A failed commit is
// reported as a *BatchError naming its documents, by this call or the next.
func (w *writer) commit() error {
	if w.docs == 0 {
		return nil
	}
	if err := w.wait(); err != nil {
		return err
	}
	f := &inflightTxn{layer: w.txnL, touched: w.touched, deleted: w.deleted, ingested: w.ingested, sources: w.sources, done: make(chan error, 1)}
	// The layer is not written to any more: the transaction is filled
	// from it and committed on another goroutine.
	go func() { f.done <- writeLayer(w.s.db, f.layer) }()
	w.inflight = f
	w.resetTxnState()
	return nil
}

// writeLayer writes a layer's sets and deletes in one transaction.
func writeLayer(db *badger.DB, l *layer) error {
	txn := db.NewTransaction(true)
	defer txn.Discard()
	for k, v := range l.sets {
		if err := txn.Set([]byte(k), v); err != nil {
			return err
		}
	}
	for k := range l.dels {
		if err := txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	return txn.Commit()
}

// wait waits for the transaction committing in the background, then
// hands what it wrote to the Indexer, on its own goroutine: Bleve indexes
// batch N while the writer computes batch N+1. One batch is in flight:
// the hand-off waits for the one before, whose error it returns, so
// batches reach the Indexer in commit order.
func (w *writer) wait() error {
	f := w.inflight
	if f == nil {
		return nil
	}
	err := <-f.done
	w.inflight = nil
	f.layer.reset() // written: the next transaction's layer
	w.spare = f.layer
	// A new read snapshot that holds the commit just done.
	w.closeKeys()
	w.rtxn.Discard()
	w.rtxn = w.s.db.NewTransaction(false)
	if err != nil {
		clear(w.docs_)
		return &BatchError{Sources: f.sources, Err: err}
	}
	now := make(map[string]bool, len(f.ingested))
	for id := range f.touched {
		if f.ingested[id] {
			now[id] = true
			delete(w.laterIndex, id)
		} else {
			w.laterIndex[id] = true
		}
	}
	for id := range f.deleted {
		delete(w.laterIndex, id)
	}
	if err := w.waitIndex(); err != nil {
		return err
	}
	if w.s.idx == nil || len(now)+len(f.deleted) == 0 {
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- w.s.sendToIndexer(w.ctx, now, f.deleted) }()
	w.indexing = done
	return nil
}

// waitIndex waits for the Indexer call in flight and returns its error.
func (w *writer) waitIndex() error {
	if w.indexing == nil {
		return nil
	}
	err := <-w.indexing
	w.indexing = nil
	return err
}

// finish commits what is open, waits for it, then indexes the stubs the
// ingest touched.
func (w *writer) finish() error {
	if err := w.commit(); err != nil {
		return err
	}
	if err := w.wait(); err != nil {
		return err
	}
	if err := w.waitIndex(); err != nil {
		return err
	}
	return w.indexLater()
}

// indexLater indexes the stubs committed batches touched, after the
// Indexer call in flight.
func (w *writer) indexLater() error {
	if err := w.waitIndex(); err != nil {
		slog.Warn("graph: index a batch", "err", err)
	}
	err := w.s.sendToIndexer(w.ctx, w.laterIndex, nil)
	clear(w.laterIndex)
	return err
}

// close drops what was not committed and waits for a background commit
// and Indexer call (their errors were reported, or the ingest is failing
// already).
func (w *writer) close() {
	if w.inflight != nil {
		<-w.inflight.done
		w.inflight = nil
	}
	if err := w.waitIndex(); err != nil {
		slog.Warn("graph: index a batch", "err", err)
	}
	w.closeKeys()
	w.rtxn.Discard()
}

// mayFloat reports whether number may have documents of unknown term or
// year, committed or pending.
func (w *writer) mayFloat(number string) bool {
	w.s.floatMu.Lock()
	ok := w.s.floating[number]
	w.s.floatMu.Unlock()
	if ok {
		return true
	}
	for _, n := range w.docFloating {
		if n == number {
			return true
		}
	}
	return false
}

// scanUnder is scan for the keys of group (a prefixKey of one part) that
// go on with sub, in no particular order: a slice of a large group ("the
// number 01/KH-UBND in province 72") without reading all of it.
func (w *writer) scanUnder(group []byte, sub string) ([]kv, error) {
	prefix := append(append([]byte(nil), group...), sub...)
	found := map[string][]byte{}
	it := w.keyIter()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		found[string(it.Item().Key())] = nil
	}
	ls := w.layers()
	for i := len(ls) - 1; i >= 0; i-- {
		l := ls[i]
		for _, k := range l.groups[string(group)] {
			if !strings.HasPrefix(k, string(prefix)) {
				continue
			}
			if _, deleted, ok := l.lookup(k); ok {
				if deleted {
					delete(found, k)
				} else {
					found[k] = nil
				}
			}
		}
	}
	out := make([]kv, 0, len(found))
	for k := range found {
		out = append(out, kv{k: []byte(k)})
	}
	return out, nil
}

// Package graph stores documents, stubs and citation edges in Badger and
// answers lineage, path and coverage queries over them.
//
// Identity is the hard part: Party numbers restart each term, state numbers
// each year, and local numbers ("24-CT/TU") exist in every province, so a
// document's id is derived from its Key (number + term, year or scope), and
// a cited document is keyed from what the citing text supports and no more.
// See identity.go.
//
// Key layout (one Badger key space, a one-byte prefix per record kind; 0x00
// separates the parts, which never occur in ids or numbers):
//
//	d id                         → Document JSON (no text, sightings or cites)
//	t id                         → the document's text
//	h hash                       → id of the document with that content
//	n number 0 id                → "" (a number maps to several documents)
//	u number 0 id                → "" (documents of that number whose term or year is unknown yet)
//	f from 0 to 0 rel 0 doc 0 at → Evidence JSON (forward edges)
//	r to 0 from 0 rel 0 doc 0 at → Evidence JSON (reverse edges)
//	s id 0 citing 0 at           → Sighting JSON (what citing documents said of id)
//	x doc                        → the edges and sightings read in doc (to replace them)
//
// A document, its edges, sightings and stubs are written in one transaction;
// bulk ingest groups whole documents into one transaction, so a reader never
// sees half a document.
package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/vncite/vncite"
)

// Indexer is what the store keeps in step with its documents: search.Index
// in production, a fake in tests.
type Indexer interface {
	Index(ctx context.Context, docs []vncite.Document) error
	Delete(ctx context.Context, ids []string) error
	// Hashes returns id → content hash of every indexed document.
	Hashes(ctx context.Context) (map[string]string, error)
}

// Options configure Open.
type Options struct {
	// Indexer, when set, receives every document the store writes, in the
	// same batches, after Badger has committed them.
	Indexer Indexer
	// Gazetteer resolves places to provinces, districts and communes; nil
	// uses the embedded list of the 63 + 34 provinces.
	Gazetteer *Gazetteer
	// ReadOnly opens the store for reading; several read-only opens may
	// share a directory, but not with a writer.
	ReadOnly bool
	// Logger receives Badger's warnings and errors; nil uses slog.Default.
	Logger *slog.Logger
}

// valueThreshold is the value size from which Badger keeps a value in its
// value log, out of the LSM tree. Texts, document records, sightings and
// evidence sentences all cross it: the LSM tree holds keys and small
// values only, so compactions, which rewrite the tree again and again as
// the store grows, move ~2 KB per document instead of ~10 KB. The value
// log is appended once and never compacted.
const valueThreshold = 128

// ErrLocked is returned by Open when another process holds the store.
var ErrLocked = errors.New("graph: store is in use by another process")

// ErrNotFound is returned when no document has the id or number asked for.
var ErrNotFound = errors.New("graph: not found")

// Store is the citation graph.
type Store struct {
	db      *badger.DB
	dir     string
	idx     Indexer
	gaz     *Gazetteer
	log     *slog.Logger
	ro      bool
	writeMu sync.Mutex // one ingest at a time: identity decisions read what earlier documents wrote
	// floating holds numbers that may have documents whose term or year is
	// unknown: a hint that saves a scan for every new dated document.
	floatMu  sync.Mutex
	floating map[string]bool
}

// Open opens (creating if needed) the store in dir.
//
// Durability: SyncWrites is off. Badger writes every commit to its
// write-ahead log before returning, so a process crash (kill -9, panic)
// loses nothing committed; a power loss or kernel crash can lose the last
// few seconds of commits. Ingest calls Sync once at the end of a run, so a
// finished `vncite ingest` survives a power loss too, and an interrupted
// one can simply be run again: re-ingesting unchanged content changes
// nothing. Syncing every document would cost ~100x in write throughput.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if !opts.ReadOnly {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("graph: open %s: %w", dir, err)
		}
	} else if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	bo := badger.DefaultOptions(dir).
		WithLogger(badgerLogger{log}).
		WithSyncWrites(false).
		WithReadOnly(opts.ReadOnly).
		WithMetricsEnabled(false).
		// One writer at a time (Store.writeMu), so Badger's conflict
		// tracking would only cost time.
		WithDetectConflicts(false).
		WithNumVersionsToKeep(1).
		// Texts (usually several KB) go to the value log, keeping the LSM
		// tree to keys, document records and evidence: cheaper writes and
		// compactions, and lineage scans stay in the tree.
		WithValueThreshold(valueThreshold).
		// No block compression: snappy encoding in every compaction and
		// decoding on every block read cost ~15% of ingest CPU at 100k
		// documents, for little gain on keys. Uncompressed, unencrypted
		// tables are read straight from their memory map, so no block
		// cache is needed either.
		WithCompression(options.None).
		WithBlockCacheSize(0).
		// Fewer, larger compactions: keys spread over the whole key space,
		// so every L0 → base compaction rewrites the base level; letting
		// eight memtables gather in L0 and starting the base at 64 MB
		// halves what is rewritten while a 100k-document store is built.
		// Two compactors: this is a 2-core machine's ingest.
		WithNumLevelZeroTables(8).
		WithNumLevelZeroTablesStall(16).
		WithBaseLevelSize(64 << 20).
		WithBaseTableSize(8 << 20).
		WithNumCompactors(2)
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable") {
			return nil, fmt.Errorf("%w: %s is held by another vncite process (a running `vncite serve` or ingest); stop that process, or send the work to the running server's HTTP API: %v", ErrLocked, dir, err)
		}
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	gaz := opts.Gazetteer
	if gaz == nil {
		gaz = embeddedGazetteer()
	}
	s := &Store{db: db, dir: dir, idx: opts.Indexer, gaz: gaz, log: log, ro: opts.ReadOnly, floating: map[string]bool{}}
	if err := s.loadFloating(); err != nil {
		db.Close()
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("graph: close %s: %w", s.dir, err)
	}
	return nil
}

// Dir is the directory the store lives in.
func (s *Store) Dir() string { return s.dir }

// Gazetteer is the gazetteer the store resolves places with.
func (s *Store) Gazetteer() *Gazetteer { return s.gaz }

// CollectGarbage runs Badger's value-log garbage collection until there is
// nothing left to collect; a long-running server calls it periodically.
func (s *Store) CollectGarbage() {
	for s.db.RunValueLogGC(0.7) == nil {
	}
}

func (s *Store) loadFloating() error {
	return s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = []byte{pFloat}
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			parts := splitKey(it.Item().Key()[1:])
			if len(parts) > 0 {
				s.floating[parts[0]] = true
			}
		}
		return nil
	})
}

// badgerLogger sends Badger's warnings and errors to slog and drops its
// chatty info and debug lines.
type badgerLogger struct{ log *slog.Logger }

func (l badgerLogger) Errorf(f string, a ...any) {
	l.log.Error("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (l badgerLogger) Warningf(f string, a ...any) {
	l.log.Warn("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
}
func (l badgerLogger) Infof(string, ...any)  {}
func (l badgerLogger) Debugf(string, ...any) {}

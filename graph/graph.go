// Package graph stores documents, stubs and citation edges in Badger and
// answers lineage, path and coverage queries over them. SKELETON.
package graph

import (
	"context"
	"errors"

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
	Indexer   Indexer
	Gazetteer *Gazetteer
	ReadOnly  bool
}

// Gazetteer is the administrative units, before and after the 2025 merger.
type Gazetteer struct{}

// Store is the citation graph.
type Store struct{}

// Open opens (creating if needed) the store in dir.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	return nil, errors.New("graph: not implemented")
}

// Close closes the store.
func (s *Store) Close() error { return nil }

// Package search is the Bleve full-text and document-number index. SKELETON.
package search

import (
	"context"
	"errors"

	"github.com/vncite/vncite"
)

// Options configure Open.
type Options struct{}

// Index is the search index.
type Index struct{}

// Open opens (creating if needed) the index in dir.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) {
	return nil, errors.New("search: not implemented")
}

// Index adds or replaces docs.
func (ix *Index) Index(ctx context.Context, docs []vncite.Document) error { return nil }

// Delete removes docs by id.
func (ix *Index) Delete(ctx context.Context, ids []string) error { return nil }

// Hashes returns id → content hash of every indexed document.
func (ix *Index) Hashes(ctx context.Context) (map[string]string, error) { return nil, nil }

// Close closes the index.
func (ix *Index) Close() error { return nil }

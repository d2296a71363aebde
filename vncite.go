// Package vncite holds the domain types every part of vncite shares: what the
// extractor finds in a text (Extraction, Reference, Statement, Named), what
// the graph stores (Document, Key, Edge, Evidence) and what a lineage query
// returns (Graph, Node, GraphEdge).
//
// The packages below it each own one dependency and use these types rather
// than copies of them: extract (pure text → Extraction), graph (Badger),
// search (Bleve), api (HTTP). cmd/vncite wires them together.
package vncite

import (
	"embed"
	"io/fs"
)

//go:embed testdata/seeds/*.txt
var sampleFS embed.FS

// Sample returns the bundled sample corpus: the real seed documents the
// project was created from. `vncite serve` loads it into an empty store.
func Sample() fs.FS {
	sub, err := fs.Sub(sampleFS, "testdata/seeds")
	if err != nil {
		// The embed pattern above guarantees the directory exists.
		panic("vncite: bundled sample missing: " + err.Error())
	}
	return sub
}

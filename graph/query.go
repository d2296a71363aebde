package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/vncite/vncite"
	"github.com/vncite/vncite/extract"
)

// readDoc reads a document record in a read transaction; nil when absent.
func readDoc(txn *badger.Txn, id string) (*vncite.Document, error) {
	item, err := txn.Get(key(pDoc, id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("graph: read %s: %w", id, err)
	}
	var d vncite.Document
	if err := item.Value(func(v []byte) error { return decodeDoc(v, &d) }); err != nil {
		return nil, fmt.Errorf("graph: read %s: %w", id, err)
	}
	return &d, nil
}

// prefixScan calls fn for every key (and value, when values) under prefix.
func prefixScan(txn *badger.Txn, prefix []byte, values bool, fn func(k, v []byte) error) error {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = values
	opt.PrefetchSize = 16
	opt.Prefix = prefix
	it := txn.NewIterator(opt)
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		var v []byte
		if values {
			var err error
			if v, err = item.ValueCopy(nil); err != nil {
				return err
			}
		}
		if err := fn(item.Key(), v); err != nil {
			return err
		}
	}
	return nil
}

// fullDoc reads a document with its sightings, the numbers it cites and,
// when withText, its text. A stub's Hash is a digest of what is known of it.
func fullDoc(txn *badger.Txn, id string, withText bool) (*vncite.Document, error) {
	d, err := readDoc(txn, id)
	if err != nil || d == nil {
		return d, err
	}
	err = prefixScan(txn, prefixKey(pSight, id), true, func(_, v []byte) error {
		var sg vncite.Sighting
		if err := json.Unmarshal(v, &sg); err != nil {
			return err
		}
		d.Sightings = append(d.Sightings, sg)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: sightings of %s: %w", id, err)
	}
	cited := map[string]bool{}
	err = prefixScan(txn, prefixKey(pFwd, id), false, func(k, _ []byte) error {
		if r, ok := edgeFromFwd(k); ok && !cited[r.To] {
			cited[r.To] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: cites of %s: %w", id, err)
	}
	seen := map[string]bool{}
	for to := range cited {
		t, err := readNode(txn, to) // the number is in the summary: no JSON to decode
		if err != nil {
			return nil, err
		}
		if t != nil && t.Number != "" && !seen[t.Number] {
			seen[t.Number] = true
			d.Cites = append(d.Cites, t.Number)
		}
	}
	sort.Strings(d.Cites)
	if withText && !d.Stub {
		item, err := txn.Get(key(pText, id))
		if err == nil {
			err = item.Value(func(v []byte) error { d.Text = string(v); return nil })
		}
		if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
			return nil, fmt.Errorf("graph: text of %s: %w", id, err)
		}
	}
	if d.Stub {
		d.Hash = stubHash(d)
	}
	return d, nil
}

// stubHash digests what the search index keeps of a stub, so that Check
// sees when the index's copy is stale.
func stubHash(d *vncite.Document) string {
	h := sha256.New()
	fmt.Fprintf(h, "stub\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%d", d.ID, d.Number, d.Date, d.Title, d.Body, d.Province, d.Level, len(d.Sightings))
	return "stub:" + hex.EncodeToString(h.Sum(nil)[:12])
}

// sendToIndexer passes written documents to the Indexer.
func (s *Store) sendToIndexer(ctx context.Context, touched, deleted map[string]bool) error {
	if s.idx == nil {
		return nil
	}
	if len(deleted) > 0 {
		ids := make([]string, 0, len(deleted))
		for id := range deleted {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		if err := s.idx.Delete(ctx, ids); err != nil {
			return fmt.Errorf("graph: index delete: %w (run `vncite check --repair`)", err)
		}
	}
	if len(touched) == 0 {
		return nil
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return s.indexIDs(ctx, ids)
}

// indexIDs reads documents and gives them to the Indexer in batches.
func (s *Store) indexIDs(ctx context.Context, ids []string) error {
	const chunk = 500
	for i := 0; i < len(ids); i += chunk {
		j := min(i+chunk, len(ids))
		var docs []vncite.Document
		err := s.db.View(func(txn *badger.Txn) error {
			for _, id := range ids[i:j] {
				d, err := fullDoc(txn, id, true)
				if err != nil {
					return err
				}
				if d != nil {
					docs = append(docs, *d)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := s.idx.Index(ctx, docs); err != nil {
			return fmt.Errorf("graph: index: %w (run `vncite check --repair`)", err)
		}
	}
	return nil
}

// Get returns a document by id, with its sightings, cites and text.
func (s *Store) Get(ctx context.Context, id string) (vncite.Document, error) {
	var out *vncite.Document
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		out, err = fullDoc(txn, id, true)
		return err
	})
	if err != nil {
		return vncite.Document{}, err
	}
	if out == nil {
		return vncite.Document{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return *out, ctx.Err()
}

// Resolve finds the documents a query names: an id, or a number in any
// spelling ("25-NQ/TW", "nq 25/tw"). Several documents may share a number
// (different terms, years or provinces); each carries its Key, which says
// what distinguishes it. It returns ErrNotFound when none matches.
func (s *Store) Resolve(ctx context.Context, query string) ([]vncite.Document, error) {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil, fmt.Errorf("%w: empty query", ErrNotFound)
	}
	var out []vncite.Document
	err := s.db.View(func(txn *badger.Txn) error {
		if d, err := fullDoc(txn, q, false); err != nil || d != nil {
			if d != nil {
				out = append(out, *d)
			}
			return err
		}
		numbers := []string{q}
		if c, err := extract.Canonical(q); err == nil && c != q {
			numbers = append([]string{c}, numbers...)
		}
		for _, n := range numbers {
			var ids []string
			err := prefixScan(txn, prefixKey(pNumber, n), false, func(k, _ []byte) error {
				if p := splitKey(k[1:]); len(p) == 2 {
					ids = append(ids, p[1])
				}
				return nil
			})
			if err != nil {
				return err
			}
			for _, id := range ids {
				d, err := fullDoc(txn, id, false)
				if err != nil {
					return err
				}
				if d != nil {
					out = append(out, *d)
				}
			}
			if len(out) > 0 {
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNotFound, query)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Stub != out[j].Stub {
			return !out[i].Stub
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Distinguish says in a few words what sets d apart from other documents
// of its number: term, year, scope, or that nothing pins it down.
func Distinguish(d vncite.Document) string {
	var parts []string
	if k := d.Key; k != nil {
		if k.Term != "" {
			parts = append(parts, "khóa "+k.Term)
		}
		if k.Year != 0 {
			parts = append(parts, fmt.Sprintf("year %d", k.Year))
		}
		if k.Scope != "" {
			parts = append(parts, k.Scope)
		}
		switch k.Confidence {
		case "unscoped":
			parts = append(parts, "unscoped (province unknown)")
		case "unknown":
			parts = append(parts, "term or year unknown")
		}
	}
	if d.Date != "" {
		parts = append(parts, "dated "+d.Date)
	}
	if d.Stub {
		parts = append(parts, fmt.Sprintf("stub cited %d times", len(d.Sightings)))
	} else if d.Source != "" {
		parts = append(parts, "from "+d.Source)
	}
	return strings.Join(parts, "; ")
}

// References returns the edges out of id: what it cites, and the statements
// whose subject it is.
func (s *Store) References(ctx context.Context, id string) ([]vncite.Edge, error) {
	return s.edges(ctx, pFwd, id)
}

// CitedBy returns the edges into id.
func (s *Store) CitedBy(ctx context.Context, id string) ([]vncite.Edge, error) {
	return s.edges(ctx, pRev, id)
}

func (s *Store) edges(ctx context.Context, prefix byte, id string) ([]vncite.Edge, error) {
	var out []vncite.Edge
	err := s.db.View(func(txn *badger.Txn) error {
		return prefixScan(txn, prefixKey(prefix, id), true, func(k, v []byte) error {
			r, ok := edgeFromFwd(k)
			if prefix == pRev {
				r, ok = edgeFromRev(k)
			}
			if !ok {
				return nil
			}
			e := vncite.Edge{From: r.From, To: r.To, Relation: r.Rel}
			if err := decodeEvidence(v, &e.Evidence); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph: edges of %s: %w", id, err)
	}
	return out, ctx.Err()
}

// Direction of a lineage query.
const (
	Down = "down" // who implements or cites it, transitively
	Up   = "up"   // what it rests on
)

// MaxLineageNodes caps a lineage graph.
const MaxLineageNodes = 100000

// Lineage walks from id down (who cites it) or up (what it cites) to depth
// levels (0 means 10) and returns the node-link graph. Nodes carry their
// depth and the lag in days from the root's date.
func (s *Store) Lineage(ctx context.Context, id, direction string, depth int) (vncite.Graph, error) {
	if direction == "" {
		direction = Down
	}
	if direction != Down && direction != Up {
		return vncite.Graph{}, fmt.Errorf("graph: lineage: direction %q, want down or up", direction)
	}
	if depth <= 0 {
		depth = 10
	}
	g := vncite.Graph{Root: id, Direction: direction, Depth: depth, Nodes: []vncite.Node{}, Edges: []vncite.GraphEdge{}}
	prefix := byte(pRev)
	if direction == Up {
		prefix = pFwd
	}
	err := s.db.View(func(txn *badger.Txn) error {
		root, err := readNode(txn, id)
		if err != nil {
			return err
		}
		if root == nil {
			return fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		rootDate := parseDate(root.Date)
		seen := map[string]int{id: 0}
		g.Nodes = append(g.Nodes, root.node(0, rootDate))
		type edgeKey struct {
			s, t string
			r    vncite.Relation
		}
		seenEdge := map[edgeKey]bool{}
		// One iterator, sought to each node's edges: creating an iterator
		// per node costs more than reading its edges.
		opt := badger.DefaultIteratorOptions
		opt.PrefetchSize = 8
		opt.Prefix = []byte{prefix}
		it := txn.NewIterator(opt)
		defer it.Close()
		frontier := []string{id}
		for d := 1; d <= depth && len(frontier) > 0; d++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			var next []string
			for _, cur := range frontier {
				pk := prefixKey(prefix, cur)
				for it.Seek(pk); it.ValidForPrefix(pk); it.Next() {
					k := it.Item().Key()
					var r edgeRef
					var ok bool
					if prefix == pRev {
						r, ok = edgeFromRev(k)
					} else {
						r, ok = edgeFromFwd(k)
					}
					if !ok {
						continue
					}
					other := r.From
					if direction == Up {
						other = r.To
					}
					ek := edgeKey{r.From, r.To, r.Rel}
					if !seenEdge[ek] {
						seenEdge[ek] = true
						var sentence string
						if err := it.Item().Value(func(v []byte) error { sentence = evidenceSentence(v); return nil }); err != nil {
							return err
						}
						g.Edges = append(g.Edges, vncite.GraphEdge{Source: r.From, Target: r.To, Relation: r.Rel, Evidence: sentence})
					}
					if _, ok := seen[other]; ok || len(seen) >= MaxLineageNodes {
						continue
					}
					seen[other] = d
					next = append(next, other)
				}
			}
			for _, nid := range next {
				nd, err := readNode(txn, nid)
				if err != nil {
					return err
				}
				if nd == nil {
					nd = &nodeRec{ID: nid, Stub: true}
				}
				g.Nodes = append(g.Nodes, nd.node(d, rootDate))
			}
			frontier = next
		}
		// Edges to nodes cut off by the depth or the cap are dropped, so
		// every edge joins two nodes of the graph.
		kept := g.Edges[:0]
		for _, e := range g.Edges {
			_, a := seen[e.Source]
			_, b := seen[e.Target]
			if a && b {
				kept = append(kept, e)
			}
		}
		g.Edges = kept
		return nil
	})
	return g, err
}

// nodeRec is the part of a document record a graph node needs; decoding
// only it keeps lineage queries fast.
type nodeRec struct {
	ID       string       `json:"id"`
	Number   string       `json:"number"`
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	Date     string       `json:"date"`
	Level    vncite.Level `json:"level"`
	Province string       `json:"province"`
	Stub     bool         `json:"stub"`
}

func readNode(txn *badger.Txn, id string) (*nodeRec, error) {
	item, err := txn.Get(key(pDoc, id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("graph: read %s: %w", id, err)
	}
	var n nodeRec
	if err := item.Value(func(v []byte) error { return decodeNode(v, &n) }); err != nil {
		return nil, fmt.Errorf("graph: read %s: %w", id, err)
	}
	return &n, nil
}

func (n *nodeRec) node(depth int, rootDate time.Time) vncite.Node {
	return nodeOf(&vncite.Document{ID: n.ID, Number: n.Number, Type: n.Type, Title: n.Title, Date: n.Date, Level: n.Level, Province: n.Province, Stub: n.Stub}, depth, rootDate)
}

func parseDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// nodeOf makes a graph node of a document.
func nodeOf(d *vncite.Document, depth int, rootDate time.Time) vncite.Node {
	n := vncite.Node{ID: d.ID, Number: d.Number, Type: d.Type, Title: d.Title, Date: d.Date, Level: d.Level, Province: d.Province, Stub: d.Stub, Depth: depth}
	if t := parseDate(d.Date); !t.IsZero() && !rootDate.IsZero() {
		lag := int(t.Sub(rootDate).Hours() / 24)
		n.LagDays = &lag
	}
	return n
}

// MaxPathDepth bounds Path's search.
const MaxPathDepth = 12

// Path finds a shortest citation path between a and b: a citing its way to
// b, else b to a, else through edges in either direction. The graph holds
// the path's nodes and edges in order.
func (s *Store) Path(ctx context.Context, a, b string) (vncite.Graph, error) {
	g := vncite.Graph{Root: a, Direction: "path", Nodes: []vncite.Node{}, Edges: []vncite.GraphEdge{}}
	err := s.db.View(func(txn *badger.Txn) error {
		for _, id := range []string{a, b} {
			if d, err := readDoc(txn, id); err != nil || d == nil {
				if err == nil {
					err = fmt.Errorf("%w: %s", ErrNotFound, id)
				}
				return err
			}
		}
		for _, mode := range []int{1, -1, 0} {
			from, to := a, b
			if mode == -1 {
				from, to = b, a
			}
			steps, err := s.bfsPath(ctx, txn, from, to, mode != 0)
			if err != nil {
				return err
			}
			if steps == nil {
				continue
			}
			root, _ := readDoc(txn, from)
			rootDate := parseDate(root.Date)
			for i, st := range steps {
				d, err := readDoc(txn, st.node)
				if err != nil {
					return err
				}
				g.Nodes = append(g.Nodes, nodeOf(d, i, rootDate))
				if i > 0 {
					g.Edges = append(g.Edges, st.edge)
				}
			}
			g.Root = from
			return nil
		}
		return fmt.Errorf("%w: no citation path between %s and %s", ErrNotFound, a, b)
	})
	return g, err
}

type pathStep struct {
	node string
	edge vncite.GraphEdge
}

// bfsPath searches from → to along forward edges (directed) or along
// edges either way.
func (s *Store) bfsPath(ctx context.Context, txn *badger.Txn, from, to string, directed bool) ([]pathStep, error) {
	if from == to {
		return []pathStep{{node: from}}, nil
	}
	prev := map[string]pathStep{from: {}}
	frontier := []string{from}
	for depth := 0; depth < MaxPathDepth && len(frontier) > 0; depth++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var next []string
		for _, cur := range frontier {
			prefixes := []byte{pFwd}
			if !directed {
				prefixes = append(prefixes, pRev)
			}
			for _, p := range prefixes {
				err := prefixScan(txn, prefixKey(p, cur), true, func(k, v []byte) error {
					r, ok := edgeFromFwd(k)
					other := r.To
					if p == pRev {
						r, ok = edgeFromRev(k)
						other = r.From
					}
					if !ok {
						return nil
					}
					if _, seen := prev[other]; seen {
						return nil
					}
					var ev vncite.Evidence
					_ = decodeEvidence(v, &ev)
					prev[other] = pathStep{node: cur, edge: vncite.GraphEdge{Source: r.From, Target: r.To, Relation: r.Rel, Evidence: ev.Sentence}}
					next = append(next, other)
					return nil
				})
				if err != nil {
					return nil, err
				}
			}
			if _, ok := prev[to]; ok {
				var rev []pathStep
				for n := to; n != from; n = prev[n].node {
					rev = append(rev, pathStep{node: n, edge: prev[n].edge})
				}
				steps := []pathStep{{node: from}}
				for i := len(rev) - 1; i >= 0; i-- {
					steps = append(steps, rev[i])
				}
				return steps, nil
			}
		}
		frontier = next
	}
	return nil, nil
}

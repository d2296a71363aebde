package graph

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vncite/vncite"
)

// slowIndex is a fakeIndex whose calls take a while and can fail: it
// records how many calls overlapped, which batches it was given in which
// order, and fails the failAt-th Index call (1-based; 0 never).
type slowIndex struct {
	*fakeIndex
	delay   time.Duration
	failAt  int
	calls   atomic.Int32
	active  atomic.Int32
	overlap atomic.Bool
	mu      sync.Mutex
	first   []string // the first document id of each Index call
}

var errIndexDown = errors.New("index down")

func (x *slowIndex) Index(ctx context.Context, docs []vncite.Document) error {
	if x.active.Add(1) > 1 {
		x.overlap.Store(true)
	}
	defer x.active.Add(-1)
	time.Sleep(x.delay)
	n := int(x.calls.Add(1))
	if n == x.failAt {
		return errIndexDown
	}
	if len(docs) > 0 {
		x.mu.Lock()
		x.first = append(x.first, docs[0].ID)
		x.mu.Unlock()
	}
	return x.fakeIndex.Index(ctx, docs)
}

// TestIngestIndexesInBackground checks that indexing batch N while batch
// N+1 is written loses nothing and keeps one Indexer call at a time: after
// the ingest the index holds exactly what the store holds (Check finds
// nothing), and documents were handed over in commit order.
func TestIngestIndexesInBackground(t *testing.T) {
	ctx := context.Background()
	idx := &slowIndex{fakeIndex: newFakeIndex(), delay: 10 * time.Millisecond}
	s := openTest(t, t.TempDir(), Options{Indexer: idx})
	in := benchDocs(0, 600)
	sum, err := s.Ingest(ctx, inputsOf(in...), IngestOptions{BatchSize: 50})
	if err != nil || sum.Documents != len(in) {
		t.Fatalf("ingest: %+v %v", sum, err)
	}
	if idx.overlap.Load() {
		t.Error("two Indexer calls ran at once")
	}
	rep, err := s.Check(ctx, false)
	if err != nil || !rep.OK() {
		t.Fatalf("check after ingest: %+v %v", rep, err)
	}
	// Batches of 50 ingested documents, sorted by id within a batch: the
	// first ids of successive batch calls follow the input order.
	pos := map[string]int{}
	for i, d := range in {
		pos[idOfBench(t, s, d)] = i
	}
	last := -1
	for _, id := range idx.first {
		p, ok := pos[id]
		if !ok {
			continue // a stubs-only call
		}
		if p < last {
			t.Fatalf("batch starting with input %d indexed after one with input %d", p, last)
		}
		last = p
	}
	if last < 0 {
		t.Fatal("no batch of ingested documents reached the index")
	}
}

// idOfBench resolves the id a bench input was stored under.
func idOfBench(t *testing.T, s *Store, in Input) string {
	t.Helper()
	docs, err := s.Resolve(context.Background(), in.Extraction.Document.Number)
	if err != nil || len(docs) != 1 {
		t.Fatalf("resolve %s: %v %v", in.Extraction.Document.Number, docs, err)
	}
	return docs[0].ID
}

// TestIngestIndexErrorReported checks that an Indexer failing in the
// background stops the ingest with its error, keeps what Badger committed,
// and that check --repair then brings the index in step.
func TestIngestIndexErrorReported(t *testing.T) {
	ctx := context.Background()
	idx := &slowIndex{fakeIndex: newFakeIndex(), failAt: 2}
	s := openTest(t, t.TempDir(), Options{Indexer: idx})
	in := benchDocs(0, 400)
	sum, err := s.Ingest(ctx, inputsOf(in...), IngestOptions{BatchSize: 50})
	if !errors.Is(err, errIndexDown) || !strings.Contains(err.Error(), "check --repair") {
		t.Fatalf("ingest: %v, want the Indexer's error and what to run", err)
	}
	if sum.Documents < 100 {
		t.Errorf("stored %d documents before the error, want at least the two batches committed", sum.Documents)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents < 100 {
		t.Errorf("store holds %d documents, want what was committed", st.Documents)
	}
	rep, err := s.Check(ctx, false)
	if err != nil || rep.OK() {
		t.Fatalf("check: %+v %v, want the batch the index missed", rep, err)
	}
	if rep, err = s.Check(ctx, true); err != nil || !rep.Repaired {
		t.Fatalf("repair: %+v %v", rep, err)
	}
	if rep, err = s.Check(ctx, false); err != nil || !rep.OK() {
		t.Fatalf("after repair: %+v %v", rep, err)
	}
}

package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/vncite/vncite/graph"
	"github.com/vncite/vncite/search"
)

// TestCheckRepairsIndexBehindOurBack deletes a seed document from the real
// Bleve index directly (as a crash between the two writes, or a hand edit,
// would leave it), then checks that `vncite check` finds the gap, that
// `check --repair` closes it and that search finds the document again.
func TestCheckRepairsIndexBehindOurBack(t *testing.T) {
	data := seededData(t)
	ctx := context.Background()

	// Find the district letter's id through the store, then delete it from
	// Bleve alone.
	st, err := graph.Open(ctx, filepath.Join(data, "badger"), graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Resolve(ctx, "307-CV/HU")
	st.Close()
	if err != nil || len(docs) != 1 {
		t.Fatalf("resolve 307-CV/HU: %v %v", docs, err)
	}
	id := docs[0].ID
	idx, err := search.Open(ctx, filepath.Join(data, "bleve"), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Delete(ctx, []string{id}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	var rep graph.CheckReport
	code, out, errs := runCmd(t, "check", "--data", data, "--format", "json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check: %d %q %q: %v", code, out, errs, err)
	}
	if code == 0 || len(rep.Missing) != 1 || rep.Missing[0] != id {
		t.Fatalf("check should report %s missing from the index and fail: exit %d, %+v", id, code, rep)
	}
	if code, out, errs = runCmd(t, "check", "--data", data, "--repair", "--format", "json"); code != 0 {
		t.Fatalf("check --repair: %d %s %s", code, out, errs)
	}
	rep = graph.CheckReport{}
	code, out, _ = runCmd(t, "check", "--data", data, "--format", "json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || !rep.OK() {
		t.Fatalf("after repair: exit %d %+v %v", code, rep, err)
	}
	var res struct {
		Hits []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	code, out, errs = runCmd(t, "search", "--data", data, "--format", "json", "CV 307/HU")
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("search: %d %s %s %v", code, out, errs, err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != id {
		t.Errorf("search after repair: want %s first, got %+v", id, res.Hits)
	}
}

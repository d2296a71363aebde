package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestLineageGolden keeps the node-link JSON of lineages over the seed-like
// extractions in testdata/*.golden.json (rewrite with -update).
func TestLineageGolden(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir(), Options{})
	ingestExtractions(t, s, seedLike(), seedOrders[0])
	for _, c := range []struct{ name, number, direction string }{
		{"lineage-down-114-KL-TW", "114-KL/TW", Down},
		{"lineage-up-109-KH-UBND", "109/KH-UBND", Up},
		{"lineage-down-05-CT-TW", "05-CT/TW", Down},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := resolveOne(t, s, c.number)
			g, err := s.Lineage(ctx, d.ID, c.direction, 3)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", c.name+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
				t.Errorf("%s differs from the golden file; run with -update if the change is right:\n%s", c.name, got)
			}
		})
	}
}

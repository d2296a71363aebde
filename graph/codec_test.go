package graph

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/vncite/vncite"
)

func TestReadInCodec(t *testing.T) {
	tests := []struct {
		name string
		in   readIn
	}{
		{"empty", readIn{}},
		{"edges and sightings", readIn{
			Edges: []edgeRef{
				{From: "135-kh-tu@p46.2015", To: "114-kl-tw@xi", Rel: vncite.Implements, Doc: "307-cv-hu@p46-huyen-a.2017", Start: 1234},
				{From: "a", To: "b", Rel: "custom", Doc: "a", Start: 0},
			},
			Sights: []sightRef{{ID: "25-nq-tw@xi", Start: 77}, {ID: "Đà Lạt ~ ✓", Citing: "x", Start: 1 << 30}},
		}},
		{"sightings only", readIn{Sights: []sightRef{{ID: "s"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out readIn
			if err := decodeReadIn(encodeReadIn(&tt.in), &out); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(out, tt.in) {
				t.Errorf("round trip: %+v → %+v", tt.in, out)
			}
			// Records written before the binary form are JSON.
			j, err := json.Marshal(&tt.in)
			if err != nil {
				t.Fatal(err)
			}
			var old readIn
			if err := decodeReadIn(j, &old); err != nil || !reflect.DeepEqual(old, tt.in) {
				t.Errorf("JSON record: %+v (%v), want %+v", old, err, tt.in)
			}
		})
	}
	for _, bad := range [][]byte{{codecV1}, {codecV1, 5}, {codecV1, 1, 200}, {codecV1, 0, 0, 0}, {codecV1, 0xff, 0xff, 0xff, 0xff, 0x0f}} {
		var out readIn
		if err := decodeReadIn(bad, &out); err == nil {
			t.Errorf("decodeReadIn(%v) = %+v, want an error", bad, out)
		}
	}
}

// FuzzReadIn: stored read-in records decode without panics, and what
// decodes encodes back to the same bytes.
func FuzzReadIn(f *testing.F) {
	f.Add(encodeReadIn(&readIn{Edges: []edgeRef{{From: "a", To: "b", Rel: vncite.Cites, Doc: "a", Start: 3}}, Sights: []sightRef{{ID: "b", Start: 3}}}))
	f.Add([]byte(`{"e":[{"From":"a"}]}`))
	f.Add([]byte{codecV1, 0, 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		var r readIn
		if decodeReadIn(raw, &r) != nil || len(raw) == 0 || raw[0] != codecV1 {
			return
		}
		var back readIn
		if err := decodeReadIn(encodeReadIn(&r), &back); err != nil || !reflect.DeepEqual(back, r) {
			t.Errorf("re-encoded %+v decodes to %+v (%v)", r, back, err)
		}
	})
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\r\nb", "Đảng  ủy", "a\u00a0b", "a\u0085 b", "  x  y  ", "trailing \n"} {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzCollapseSpace: collapseSpace is strings.Fields joined by spaces.
func FuzzCollapseSpace(f *testing.F) {
	f.Add("a  b\t c ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

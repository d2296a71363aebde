package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vncite/vncite/search"
)

func TestSearchCommand(t *testing.T) {
	data := seededData(t)

	code, out, errs := runCmd(t, "search", "--data", data, "--format", "json", "nq 25/tw")
	if code != 0 {
		t.Fatalf("search json: %d %s", code, errs)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if res.Number == nil || res.Number.Canonical != "25-NQ/TW" || len(res.Hits) < 4 || res.Total != uint64(len(res.Hits)) {
		t.Fatalf("nq 25/tw: number %+v, %d hits of %d", res.Number, len(res.Hits), res.Total)
	}
	if h := res.Hits[0]; h.Number != "25-NQ/TW" || h.Match != "number" {
		t.Errorf("first hit %+v, want the document 25-NQ/TW", h)
	}
	for _, h := range res.Hits[1:] {
		if h.Match != "cites" && h.Match != "text" {
			t.Errorf("hit %s: match %q", h.ID, h.Match)
		}
	}
	for _, key := range []string{`"total"`, `"hits"`, `"id"`, `"number"`, `"type"`, `"title"`, `"score"`, `"highlights"`, `"facets"`, "<mark>"} {
		if !strings.Contains(out, key) {
			t.Errorf("json output lacks %s", key)
		}
	}

	code, out, errs = runCmd(t, "search", "--data", data, "--limit", "3", "dan van chinh quyen")
	if code != 0 {
		t.Fatalf("search text: %d %s", code, errs)
	}
	if !strings.Contains(out, "[dân] [vận] [chính] [quyền]") || strings.Count(out, "id=") != 3 {
		t.Errorf("text output:\n%s", out)
	}

	code, out, errs = runCmd(t, "search", "--data", data, "--format", "json", "--type", "kh", "--from", "2015", "--to", "2024-12-31", "--sort", "oldest", "dân vận")
	if code != 0 {
		t.Fatalf("search filters: %d %s", code, errs)
	}
	res = search.Result{}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatalf("no KH documents from 2015 on")
	}
	for i, h := range res.Hits {
		if h.Type != "KH" || h.Date < "2015" || (i > 0 && h.Date < res.Hits[i-1].Date) {
			t.Errorf("hit %d: %s %s %s breaks the filters or the order", i, h.ID, h.Type, h.Date)
		}
	}
}

func TestSearchCommandErrors(t *testing.T) {
	data := t.TempDir()
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"search", "--data", data}, 2, "give a QUERY"},
		{[]string{"search", "--data", data, "--format", "xml", "x"}, 2, "--format"},
		{[]string{"search", "--data", data, "dâ*"}, 1, "wildcards"},
		{[]string{"search", "--data", data, "--from", "hôm qua", "x"}, 1, "YYYY"},
		{[]string{"search", "--data", data, strings.Repeat("từ ", 50)}, 1, "bad query"},
		{[]string{"search", "--help"}, 0, "Usage: vncite search"},
	}
	for _, tt := range tests {
		code, _, errs := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args[len(tt.args)-1], code, errs, tt.code, tt.msg)
		}
	}
}

package server

import (
	"encoding/json"
	"math"
	"net/http"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/wire"
)

// diffDoc is the part of /api/diff's answer the tests read.
type diffDoc struct {
	Known    *string `json:"known"` // with known=: the map as known then
	Features []struct {
		ID         string
		Properties struct {
			PCode      string            `json:"pcode"`
			Name       string            `json:"name"`
			StatusFrom string            `json:"status_from"`
			StatusTo   string            `json:"status_to"`
			AreaKm2    float64           `json:"area_km2"`
			Sources    []json.RawMessage `json:"sources"`
		}
	}
	Balance map[string]struct {
		Gained float64 `json:"gained_km2"`
		Lost   float64 `json:"lost_km2"`
		Net    float64 `json:"net_km2"`
	}
	Changes []struct {
		Date data.Day `json:"date"`
	}
}

func TestDiffAPI(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	rec := get(t, h, http.MethodGet, "/api/diff?from=2021-08-10&to=2021-09-20")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != wire.TypeGeoJSON {
		t.Fatalf("got %d %s", rec.Code, rec.Body)
	}
	var fc diffDoc
	if err := json.Unmarshal(rec.Body.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	// The districts the expectations file says changed between the two
	// days are listed, from and to what it expects, with sources.
	exp := datatest.LoadExpectations(t)
	before, after := exp.StatusesOn("2021-08-10"), exp.StatusesOn("2021-09-20")
	listed := map[string]bool{}
	var changed float64
	for _, f := range fc.Features {
		p := f.Properties
		changed += p.AreaKm2
		listed[p.PCode] = true
		if b, a := before[p.PCode], after[p.PCode]; b != "" && a != "" && (p.StatusFrom != string(b) || p.StatusTo != string(a) || len(p.Sources) == 0) {
			t.Errorf("%s: %s → %s with %d sources, want %s → %s", p.Name, p.StatusFrom, p.StatusTo, len(p.Sources), b, a)
		}
	}
	for pc, b := range before {
		if a := after[pc]; a != "" && a != b && !listed[pc] {
			t.Errorf("%s changed from %s to %s but is not listed", pc, b, a)
		}
	}
	var gained, lost float64
	for _, b := range fc.Balance {
		gained += b.Gained
		lost += b.Lost
		if math.Abs(b.Net-(b.Gained-b.Lost)) > 0.11 {
			t.Errorf("net %v is not gained %v minus lost %v", b.Net, b.Gained, b.Lost)
		}
	}
	if math.Abs(gained-changed) > 1 || math.Abs(lost-changed) > 1 {
		t.Errorf("gained %.1f, lost %.1f, changed districts %.1f km²: they must add up", gained, lost, changed)
	}
	if len(fc.Changes) == 0 || fc.Changes[0].Date.String() < "2021-08-11" {
		t.Errorf("changes between the dates: %+v", fc.Changes)
	}
}

// TestDiffAPIRejects: dates out of order, missing or impossible, and unknown
// parameters are 400s that name the parameter.
func TestDiffAPIRejects(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	for _, bad := range []struct{ target, param string }{
		{"/api/diff?from=2021-09-20&to=2021-08-10", "to"},
		{"/api/diff?from=2021-08-10", "from"},
		{"/api/diff?from=2021-02-30&to=2021-09-20", "from"},
		{"/api/diff?from=2021-08-10&to=2021-09-20&x=1", "x"},
	} {
		rec := get(t, h, http.MethodGet, bad.target)
		var p problem
		_ = json.Unmarshal(rec.Body.Bytes(), &p)
		if rec.Code != 400 || p.Param != bad.param {
			t.Errorf("%s: got %d naming %q, want 400 naming %q", bad.target, rec.Code, p.Param, bad.param)
		}
	}
}

func TestStatsAPI(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	rec := get(t, s.Handler(), http.MethodGet, "/api/stats")
	var st struct {
		Total float64 `json:"total_km2"`
		Days  []struct {
			Date     string
			Assessed struct {
				Km2   map[data.Status]float64 `json:"km2"`
				Share map[data.Status]float64 `json:"share"`
			}
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil || rec.Code != 200 {
		t.Fatalf("%d %v", rec.Code, err)
	}
	for _, d := range st.Days {
		var km2, share float64
		for k, v := range d.Assessed.Km2 {
			km2 += v
			share += d.Assessed.Share[k]
		}
		if math.Abs(km2-st.Total) > 1 || math.Abs(share-1) > 0.001 {
			t.Errorf("%s: %.1f km² (share %.4f), want %.1f (1)", d.Date, km2, share, st.Total)
		}
	}
	if len(st.Days) < len(s.ds.ChangeDays()) {
		t.Errorf("%d days, want at least the %d change days", len(st.Days), len(s.ds.ChangeDays()))
	}
}

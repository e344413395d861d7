package datatest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/controlmap/controlmap/data"
)

// Expectations are the facts about the real dataset that tests check, in
// the one file an editor updates with a correction that changes them
// (data/testdata/expectations.json), each with why.
type Expectations struct {
	Statuses []struct {
		Day    string      `json:"day"`
		PCodes []string    `json:"pcodes"`
		Status data.Status `json:"status"`
		Why    string      `json:"why"`
	} `json:"statuses"`
	Disputed []struct {
		Day, Province, Why string
	} `json:"disputed"`
	Countryside []struct {
		Day             string                `json:"day"`
		Active          []string              `json:"active"`
		Presence        map[string]data.Party `json:"presence"`
		QuietEverywhere bool                  `json:"quiet_everywhere"`
		Why             string                `json:"why"`
	} `json:"countryside"`
	KnownAtTheTime []struct {
		Date, Known, Differs, PCode, Status, Hindsight string
	} `json:"known_at_the_time"`
	AsPublished struct {
		Known, Date, PCode, Status, Hindsight string
	} `json:"as_published"`
	RevisedDistricts   []string `json:"revised_districts"`
	RevisionsPublished []string `json:"revisions_published"`
	Updated            string   `json:"updated"`
	// Provinces: on Day, the capitals the Taliban hold (Taliban) and the
	// provinces whose capital someone else holds (Holdouts), each list
	// complete: the national map of the 2021 offensive.
	Provinces []struct {
		Day      string   `json:"day"`
		Taliban  []string `json:"taliban"`
		Holdouts []string `json:"holdouts"`
		Why      string   `json:"why"`
	} `json:"provinces"`
}

// LoadExpectations reads data/testdata/expectations.json from any package
// of the module.
func LoadExpectations(t testing.TB) Expectations {
	t.Helper()
	root, err := data.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "data", "testdata", "expectations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e Expectations
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("expectations.json: %v", err)
	}
	return e
}

// StatusesOn returns the statuses the expectations give for day, by P-code.
func (e Expectations) StatusesOn(day string) map[string]data.Status {
	out := map[string]data.Status{}
	for _, s := range e.Statuses {
		if s.Day == day {
			for _, pc := range s.PCodes {
				out[pc] = s.Status
			}
		}
	}
	return out
}

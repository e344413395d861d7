package wire

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/controlmap/controlmap/data"
)

func fixture(t *testing.T) *data.Dataset {
	t.Helper()
	fsys := os.DirFS("../data/testdata/fixture")
	ds, err := data.Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// fixtureBook is the fixture dataset and its source book.
func fixtureBook(t *testing.T) (*data.Dataset, *Book) {
	t.Helper()
	ds := fixture(t)
	book, err := NewBook(ds)
	if err != nil {
		t.Fatal(err)
	}
	return ds, book
}

// The flat and API forms of one interval: nulls, days, lists and source
// URLs as each format needs them.
func TestIntervalForms(t *testing.T) {
	t.Parallel()
	ds, book := fixtureBook(t)
	a := &ds.Areas[0]
	ivs := ds.Intervals[a.PCode]
	first, last := IntervalRec{a, &ivs[0], book}, IntervalRec{a, &ivs[len(ivs)-1], book}
	tests := []struct {
		name string
		rec  IntervalRec
		want map[string]any
	}{
		{"closed interval", first, map[string]any{"pcode": "AF0001", "valid_from": "2021-09-01", "valid_to": "2021-09-05",
			"status": "resistance", "source_ids": "S1"}},
		{"open interval", last, map[string]any{"valid_from": "2021-09-05", "valid_to": nil, "source_ids": "S2;S3"}},
	}
	for _, tt := range tests {
		got := Intervals.FlatProps(tt.rec)
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: %s = %#v, want %#v", tt.name, k, got[k], v)
			}
		}
		if _, ok := got["sources"]; ok {
			t.Errorf("%s: the flat form carries the API-only sources", tt.name)
		}
		if len(Intervals.FlatValues(tt.rec)) != len(Intervals.FlatNames()) {
			t.Errorf("%s: values and names differ in length", tt.name)
		}
	}
	var buf bytes.Buffer
	if err := Intervals.AppendJSON(&buf, last); err != nil {
		t.Fatal(err)
	}
	var api map[string]any
	if err := json.Unmarshal(buf.Bytes(), &api); err != nil {
		t.Fatalf("API form is not JSON: %v\n%s", err, buf.Bytes())
	}
	if api["valid_to"] != nil || len(api["sources"].([]any)) != 2 {
		t.Errorf("API form: valid_to %v, sources %v; want null and two records", api["valid_to"], api["sources"])
	}
	if _, ok := api["source_urls"]; ok {
		t.Error("the API form carries the flat-only source_urls")
	}
}

// Every flat field appears in the JSON Schema with its type; nullable
// fields accept null.
func TestJSONSchema(t *testing.T) {
	t.Parallel()
	s := Intervals.JSONSchema("http://x/schema")
	props := s["properties"].(map[string]any)
	if len(props) != len(Intervals.Flat()) {
		t.Fatalf("%d properties, want %d", len(props), len(Intervals.Flat()))
	}
	validTo := props["valid_to"].(map[string]any)
	if !reflect.DeepEqual(validTo["type"], []string{"string", "null"}) || validTo["format"] != "date" {
		t.Errorf("valid_to: %v", validTo)
	}
	if _, ok := props["sources"]; ok {
		t.Error("the schema lists the API-only sources")
	}
}

func TestSQLType(t *testing.T) {
	t.Parallel()
	want := map[string]string{"pcode": "TEXT", "valid_from": "DATE", "valid_to": "DATE"}
	for _, f := range Intervals.Flat() {
		if w, ok := want[f.Name]; ok && SQLType(f) != w {
			t.Errorf("%s: %s, want %s", f.Name, SQLType(f), w)
		}
	}
	for _, f := range Events.Flat() {
		if f.Name == "fatalities" && SQLType(f) != "INTEGER" || f.Name == "latitude" && SQLType(f) != "REAL" {
			t.Errorf("%s: %s", f.Name, SQLType(f))
		}
	}
}

// The day layer's date member is whatever the caller says, so a template
// can hold a placeholder there; the claims report CurrentOn.
func TestDayForm(t *testing.T) {
	t.Parallel()
	ds := fixture(t)
	enc, err := NewEncoder(ds)
	if err != nil {
		t.Fatal(err)
	}
	day, _ := data.ParseDay("2021-09-05")
	b, err := enc.ControlWithDate(day, data.DetailDisplay, DateSentinel)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, SentinelJSON); n != 1+len(ds.Areas) {
		t.Errorf("%d placeholders, want one per feature and one for the collection (%d)", n, 1+len(ds.Areas))
	}
	plain, err := enc.Control(day, data.DetailDisplay)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.ReplaceAll(b, SentinelJSON, []byte(`"2021-09-05"`)), plain) {
		t.Error("filling the placeholders does not give the day's answer")
	}
}

// TestDocumentsAreFormsOfTheLayers: every document that shows a layer's
// fields beside its own names them from the layer's schema, so a name that
// is not an API field of the layer fails here, and the timeline's district,
// interval and claim carry exactly those members, with the layer's values.
func TestDocumentsAreFormsOfTheLayers(t *testing.T) {
	t.Parallel()
	ds, book := fixtureBook(t)
	a := &ds.Areas[0]
	iv := &ds.Intervals[a.PCode][0]
	c := &ds.Claims[0]
	check := func(name string, write func(*bytes.Buffer, ...string) error, members []string) {
		var buf bytes.Buffer
		if err := write(&buf, members...); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if err := write(&bytes.Buffer{}, "no_such_field"); err == nil {
			t.Errorf("%s: an unknown member was written", name)
		}
	}
	check("timeline area", func(b *bytes.Buffer, n ...string) error { return Areas.AppendMembers(b, a, n...) }, timelineAreaMembers)
	check("diff area", func(b *bytes.Buffer, n ...string) error { return Areas.AppendMembers(b, a, n...) }, diffAreaMembers)
	check("timeline interval", func(b *bytes.Buffer, n ...string) error {
		return Intervals.AppendMembers(b, IntervalRec{a, iv, book.IDs()}, n...)
	}, timelineIntervalMembers)
	for name, members := range map[string][]string{"day claim": dayClaimMembers, "timeline claim": timelineClaimMembers} {
		check(name, func(b *bytes.Buffer, n ...string) error {
			return Claims.AppendMembers(b, ClaimRec{Claim: c, Day: c.Date, Book: book, Dataset: ds}, n...)
		}, members)
	}

	// The timeline's first district and interval are the layers' API forms.
	enc, err := NewEncoder(ds)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := enc.Timeline(ds.LastChange)
	if err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Areas []map[string]json.RawMessage `json:"areas"`
	}
	if err := json.Unmarshal(raw, &tl); err != nil {
		t.Fatal(err)
	}
	var ivs []map[string]json.RawMessage
	if err := json.Unmarshal(tl.Areas[0]["intervals"], &ivs); err != nil {
		t.Fatal(err)
	}
	for _, m := range timelineAreaMembers {
		f, _ := Areas.Field(m)
		want, _ := json.Marshal(apiValue(f, f.Value(a)))
		if string(tl.Areas[0][m]) != string(want) {
			t.Errorf("timeline area %s = %s, the Areas layer says %s", m, tl.Areas[0][m], want)
		}
	}
	for _, m := range timelineIntervalMembers {
		f, _ := Intervals.Field(m)
		want, _ := json.Marshal(apiValue(f, f.Value(IntervalRec{a, iv, book.IDs()})))
		if string(ivs[0][m]) != string(want) {
			t.Errorf("timeline interval %s = %s, the Intervals layer says %s", m, ivs[0][m], want)
		}
	}
}

// TestSharedFieldsDeclaredOnce: the control and day layers' common fields
// come from one declaration (assessment, Via), so their descriptions and
// types cannot drift apart.
func TestSharedFieldsDeclaredOnce(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"pcode", "name", "status", "confidence", "note", "sources", "source_ids", "source_urls"} {
		iv, ok1 := Intervals.Field(name)
		day, ok2 := Days.Field(name)
		if !ok1 || !ok2 {
			t.Fatalf("%s: in control %v, in day %v", name, ok1, ok2)
		}
		if iv.Type != day.Type || iv.Form != day.Form || (name != "status" && name != "confidence" && iv.Description != day.Description) {
			t.Errorf("%s: control %q (%s) and day %q (%s) differ", name, iv.Description, iv.Type, day.Description, day.Type)
		}
	}
}

// The provinces document: each province's runs and fields from the layer,
// its geometry, and the sources in full.
func TestProvincesDocument(t *testing.T) {
	t.Parallel()
	ds := fixture(t)
	enc, err := NewEncoder(ds)
	if err != nil {
		t.Fatal(err)
	}
	b, err := enc.Provinces()
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			ID         string `json:"id"`
			Geometry   struct{ Type string }
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) != 3 {
		t.Fatalf("%d provinces", len(fc.Features))
	}
	east := fc.Features[1]
	runs, _ := json.Marshal(east.Properties["runs"])
	if east.ID != "AF02" || east.Geometry.Type != "MultiPolygon" || east.Properties["fell"] != "2021-09-03" ||
		string(runs) != `[{"confidence":"","from":"2021-09-01","opacity":0.85,"status":"republic","to":"2021-09-03"},{"confidence":"medium","from":"2021-09-03","opacity":0.6,"status":"taliban","to":null}]` {
		t.Errorf("Eastland: %s %s %v runs %s", east.ID, east.Geometry.Type, east.Properties["fell"], runs)
	}
	if src, _ := east.Properties["sources"].([]any); len(src) != 1 || src[0].(map[string]any)["url"] != "https://example.org/a" {
		t.Errorf("Eastland's sources: %v", east.Properties["sources"])
	}
	if mid := fc.Features[0].Properties; mid["follows"] != "AF0001" || mid["fell"] != nil {
		t.Errorf("Middleland: %v", mid)
	}
	for name := range fc.Features[0].Properties {
		if _, ok := Provinces.Field(name); !ok {
			t.Errorf("%s is not a field of the layer", name)
		}
	}
}

package wire

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

// ProvinceRec is one province of the country with the runs of what the
// national map draws for it (data.Dataset.ProvinceRanges).
type ProvinceRec struct {
	Province *data.Province
	Ranges   []data.ProvinceRun
	Book     *Book
}

// provinceRun is one run of a province in the API form: [from, to), to
// null for the last, open run; its status and the confidence in it (empty:
// no doubt to show).
type provinceRun struct {
	From       data.Day        `json:"from"`
	To         *data.Day       `json:"to"`
	Status     data.Status     `json:"status"`
	Confidence data.Confidence `json:"confidence"`
	Opacity    float64         `json:"opacity"` // the fill's, by the confidence (OpacityOf)
}

func (r ProvinceRec) runs() []provinceRun {
	out := make([]provinceRun, len(r.Ranges))
	for i, v := range r.Ranges {
		out[i] = provinceRun{v.From, dayOrNil(v.To), v.Status, v.Confidence, OpacityOf(v.Confidence)}
	}
	return out
}

// Provinces is the country around the mapped districts (/api/provinces,
// the OGC collection "provinces"): each province with the day its capital
// fell to the Taliban in 2021 and the sources that say so, or the mapped
// district whose assessed status it takes. A province's status is its
// capital's (docs/methodology.md, "Provinces").
var Provinces = &Schema[ProvinceRec]{Name: "provinces", Title: "Provinces and the fall of their capitals",
	Description: "Each province (the boundary source's admin level 1) with the day its capital fell to the ruling side, the confidence in that day and its sources; a province whose capital is a mapped district follows that district. Status means the capital's, not every district's.",
	Fields: []Field[ProvinceRec]{
		{Name: "pcode", Type: "string", Description: "Province P-code (the boundary source's)", Value: func(r ProvinceRec) any { return r.Province.PCode }},
		{Name: "name", Type: "string", Description: "Province name (the boundary source's)", Value: func(r ProvinceRec) any { return r.Province.Name }},
		{Name: "name_fa", Type: "string", Description: "Province name in Dari (the boundary source's)", Value: func(r ProvinceRec) any { return r.Province.NameFa }},
		{Name: "capital", Type: "string", Description: "The provincial capital", Value: func(r ProvinceRec) any { return r.Province.Capital }},
		{Name: "fell", Type: "string", Format: "date", Nullable: true, Description: "The day the capital fell to the ruling side; null when no source written at the time gives it, or when the province follows a mapped district", Value: func(r ProvinceRec) any { return dayOrNil(r.Province.Fell) }},
		{Name: "follows", Type: "string", Description: "The mapped district (P-code) whose assessed status the province takes day by day: its capital's district; empty otherwise", Value: func(r ProvinceRec) any { return r.Province.Follows }},
		{Name: "confidence", Type: "string", Description: "Confidence in the day the capital fell (high, medium, low); empty without a day (a province that follows a district has its district's confidence on each run)", Value: func(r ProvinceRec) any { return string(r.Province.Confidence) }},
		{Name: "note", Type: "string", Description: "Who reported what, and where the sources disagree", Value: func(r ProvinceRec) any { return r.Province.Note }},
		{Name: "area_km2", Type: "number", Description: "Area in km²", Value: func(r ProvinceRec) any { return r.Province.AreaKm2 }},
		{Name: "label", Form: APIOnly, Description: "[lon, lat] of a label point inside the province", Value: func(r ProvinceRec) any {
			return [2]float64{Round(r.Province.Label[0], 1e5), Round(r.Province.Label[1], 1e5)}
		}},
		{Name: "runs", Form: APIOnly, Description: "[from, to) runs of what the national map draws (to null: open), from the dataset's first day: the capital's status, the confidence in it (empty: none to show) and the fill's opacity by it", Value: func(r ProvinceRec) any { return r.runs() }},
		{Name: "sources", Form: APIOnly, Description: "The cited sources", Value: func(r ProvinceRec) any { return r.Book.List(r.Province.Sources) }},
		{Name: "source_ids", Type: "string", Form: FlatOnly, Description: "Source ids, separated by ';'", Value: func(r ProvinceRec) any { return nonNil(r.Province.Sources) }},
		{Name: "source_urls", Type: "string", Form: FlatOnly, Description: "The cited sources' URLs, separated by spaces", Value: func(r ProvinceRec) any { return r.Book.URLs(r.Province.Sources) }},
	}}

// ProvinceRecs are ds's provinces as records of the layer, each with its
// runs, citing book: what every writer of the layer (the API, the OGC
// collection, the GeoPackage, the CSV, the KML) goes through.
func ProvinceRecs(ds *data.Dataset, book *Book) []ProvinceRec {
	out := make([]ProvinceRec, len(ds.Provinces))
	for i := range ds.Provinces {
		p := &ds.Provinces[i]
		out[i] = ProvinceRec{p, ds.ProvinceRanges(p), book}
	}
	return out
}

// Provinces writes /api/provinces: a GeoJSON FeatureCollection of the
// provinces in the layer's API form, simplified for a national map; empty
// for a dataset without them.
func (e *Encoder) Provinces() ([]byte, error) {
	recs := ProvinceRecs(e.ds, e.book)
	return featureCollection(e.meta(), len(recs), func(i int, buf *bytes.Buffer) error {
		g, err := json.Marshal(geojson.NewGeometry(recs[i].Province.Geometry))
		if err != nil {
			return fmt.Errorf("wire: province %s: %w", recs[i].Province.PCode, err)
		}
		return writeFeature(buf, Provinces, recs[i].Province.PCode, g, recs[i])
	})
}

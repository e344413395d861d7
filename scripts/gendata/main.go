// Command gendata writes a synthetic controlmap dataset for growth
// benchmarks: AREAS square districts in a grid, each with CHANGES assessed
// changes (one every few days, cycling through the statuses), a claim for
// every fifth change, a few events, and the derived boundary files, so that
// 'controlmap serve --data DIR --boundaries DIR' serves it.
//
//	go run ./scripts/gendata -areas 400 -changes 2000 -out /tmp/synthetic
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

func main() {
	areas := flag.Int("areas", 400, "number of districts")
	changes := flag.Int("changes", 2000, "assessed changes per district")
	out := flag.String("out", "", "folder to write to")
	flag.Parse()
	if *out == "" {
		log.Fatal("gendata: -out is required")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := write(*out, *areas, *changes); err != nil {
		log.Fatal(err)
	}
}

func create(dir, name string, fn func(w *bufio.Writer)) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fn(w)
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// region is the synthetic data's region: the Panjshir map's parties and
// zone, in English only.
const region = `key,value
name.en,Synthetic districts
place.en,Synthetic
title,controlmap: synthetic benchmark data
description,Synthetic districts for the benchmarks.
credit,Synthetic boundaries
utc_offset,+04:30
languages,en
boundaries.districts.pcode,PCODE
boundaries.districts.name,NAME
boundaries.context_padding_degrees,0
party.republic.role,former
party.republic.name.en,Islamic Republic
party.republic.short.en,Republic
party.republic.colour,#0072B2
party.republic.ink,#005A8C
party.taliban.role,ruling
party.taliban.name.en,Taliban
party.taliban.short.en,Taliban
party.taliban.colour,#D55E00
party.taliban.ink,#B34F00
party.resistance.role,insurgent
party.resistance.name.en,Resistance
party.resistance.short.en,Resistance
party.resistance.colour,#009E73
party.resistance.ink,#007A59
actor.A,resistance
`

func write(dir string, areas, changes int) error {
	pcode := func(i int) string { return fmt.Sprintf("ZZ%06d", i) }
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	day := func(n int) string { return start.AddDate(0, 0, n).Format(time.DateOnly) }
	statuses := []string{"republic", "taliban", "resistance", "contested"}
	parties := []string{"taliban", "resistance", "independent"}
	steps := []error{
		create(dir, "region.csv", func(w *bufio.Writer) { fmt.Fprint(w, region) }),
		create(dir, "areas.csv", func(w *bufio.Writer) {
			fmt.Fprintln(w, "pcode,name,name_fa,province,aliases")
			for i := 0; i < areas; i++ {
				fmt.Fprintf(w, "%s,District %d,ولسوالی %d,Synthetic,\n", pcode(i), i, i)
			}
		}),
		create(dir, "sources.csv", func(w *bufio.Writer) {
			fmt.Fprintln(w, "id,publisher,title,url,published,published_precision,tier,copy_of,affiliation,title_kind")
			fmt.Fprintln(w, "G1,Generator,Synthetic report,https://example.org/synthetic,2000-01-01,day,wire,,independent,headline")
		}),
		create(dir, "control.csv", func(w *bufio.Writer) {
			fmt.Fprintln(w, "pcode,from,date_precision,status,confidence,sources,note")
			for i := 0; i < areas; i++ {
				for c := 0; c < changes; c++ {
					fmt.Fprintf(w, "%s,%s,day,%s,medium,G1,Synthetic change %d.\n", pcode(i), day(c*3+i%3), statuses[(c+i)%4], c)
				}
			}
		}),
		create(dir, "claims.csv", func(w *bufio.Writer) {
			fmt.Fprintln(w, "date,pcodes,party,kind,status,sources,note")
			for c := 0; c < changes; c += 5 {
				for i := 0; i < areas; i += 7 {
					fmt.Fprintf(w, "%s,%s,%s,claim,%s,G1,Synthetic claim.\n", day(c*3+1), pcode(i), parties[(c+i)%3], statuses[(c+i+1)%4])
				}
			}
		}),
		create(dir, "events.csv", func(w *bufio.Writer) {
			fmt.Fprintln(w, "event_id,event_date,time_precision,event_type,sub_event_type,actor1,actor2,admin1,admin2,pcode,location,latitude,longitude,geo_precision,fatalities,notes,sources")
			for c := 0; c < changes; c += 50 {
				fmt.Fprintf(w, "GE%d,%s,1,Battles,Armed clash,A,B,Synthetic,District %d,%s,Somewhere,,,3,,Synthetic event.,G1\n", c, day(c*3), c%areas, pcode(c%areas))
			}
		}),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return writeGrid(dir, areas, pcode)
}

// writeGrid writes the boundaries: a grid of 0.05° squares, the same
// geometry for both details.
func writeGrid(dir string, areas int, pcode func(int) string) error {
	cols := 20
	var feats []map[string]any
	for i := 0; i < areas; i++ {
		x, y := 60+float64(i%cols)*0.05, 30+float64(i/cols)*0.05
		ring := [][]float64{{x, y}, {x + 0.05, y}, {x + 0.05, y + 0.05}, {x, y + 0.05}, {x, y}}
		feats = append(feats, map[string]any{"type": "Feature", "id": pcode(i),
			"geometry":   map[string]any{"type": "Polygon", "coordinates": [][][]float64{ring}},
			"properties": map[string]any{"area_km2": 25.0, "label": []float64{x + 0.025, y + 0.025}}})
	}
	fc, err := json.Marshal(map[string]any{"type": "FeatureCollection", "features": feats})
	if err != nil {
		return err
	}
	for _, name := range []string{"areas.geojson", "areas-display.geojson"} {
		if err := os.WriteFile(filepath.Join(dir, name), fc, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "context.geojson"), []byte(`{"type":"FeatureCollection","features":[]}`), 0o644)
}

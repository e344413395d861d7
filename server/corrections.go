package server

import (
	"bytes"
	"fmt"

	"github.com/controlmap/controlmap/data"
)

// correctionsPage is /corrections: the three dates, then each publication,
// newest first, with the revisions it published (data/revisions.csv). In
// Dari the headings are Dari and the log, written in English, is marked
// as English. Each revision has an anchor (#R012) that the feed links to.
var correctionsPage = textPage("corrections", `{{template "head" .}}
<body>
<header class="masthead"><nav><a href="{{.Map}}">{{.Back}}</a> · <a href="{{.About}}">{{.AboutName}}</a> · <a href="feed.atom">{{.Feed}}</a> · <a href="api/revisions">JSON</a></nav></header>
<main class="about">
<h1>{{.Heading}}</h1>
<p>{{.Intro}}</p>
<dl class="dates">
<dt>{{.UpdatedLabel}}</dt><dd><bdi>{{.Updated}}</bdi></dd>
<dt>{{.EvidenceLabel}}</dt><dd><bdi>{{.Evidence}}</bdi></dd>
<dt>{{.VersionLabel}}</dt><dd><code>{{.Version}}</code></dd>
</dl>
{{- range .Publications}}
<section id="publication-{{.Day}}">
<h2><bdi>{{.Day}}</bdi></h2>
<p lang="en" dir="ltr">{{.Summary}}</p>
{{- if .Revisions}}
<ol class="revisions" lang="en" dir="ltr">
{{- range .Revisions}}
<li id="{{.ID}}"><strong>{{.Summary}}</strong>. {{.Reason}}{{if .Sources}} Sources: {{range $i, $s := .Sources}}{{if $i}}, {{end}}<a href="{{$s.URL}}">{{$s.ID}}</a>{{end}}.{{end}} <small>{{.ID}}</small></li>
{{- end}}
</ol>
{{- end}}
</section>
{{- end}}
</main>
</body>
</html>
`)

type correctionsText struct {
	Lang, Dir, Title, Map, Back, About, AboutName, Feed, Heading, Intro, UpdatedLabel, EvidenceLabel, VersionLabel string
	Font                                                                                                           bool
}

var correctionsTexts = map[string]correctionsText{
	"en": {Lang: "en", Dir: "ltr", Title: "Corrections: controlmap", Map: "./", Back: "← Back to the map", About: "about",
		AboutName: "About this map", Feed: "Feed of corrections (Atom)", Heading: "Corrections and publications",
		Intro:        "Every change to a published assessment, and what each publication brought. The map can be shown as it was known at the time: a day as the evidence published by then allowed, and from the first publication the map as it was published.",
		UpdatedLabel: "Last updated (the dataset's last edit)", EvidenceLabel: "Evidence up to (the latest evidence about control)", VersionLabel: "Dataset version"},
	"fa": {Lang: "fa", Dir: "rtl", Title: "اصلاحات: controlmap", Map: "./?lang=fa", Back: "→ بازگشت به نقشه", About: "about?lang=fa",
		AboutName: "دربارهٔ این نقشه", Feed: "خوراک اصلاحات (Atom)", Heading: "اصلاحات و انتشارها", Font: true,
		Intro:        "هر تغییری در ارزیابی منتشرشده، و آنچه هر انتشار افزود. فهرست به انگلیسی است. نقشه را می‌توان آن‌گونه که در همان زمان دانسته می‌شد دید.",
		UpdatedLabel: "آخرین به‌روزرسانی (آخرین ویرایش داده‌ها)", EvidenceLabel: "شواهد تا (تازه‌ترین شاهد دربارهٔ کنترل)", VersionLabel: "نسخهٔ داده‌ها"},
}

// renderCorrections renders /corrections in lang from ds.
func renderCorrections(ds *data.Dataset, lang string) ([]byte, error) {
	text, ok := correctionsTexts[lang]
	if !ok {
		return nil, fmt.Errorf("server: no corrections page in %q", lang)
	}
	type source struct{ ID, URL string }
	type revision struct {
		ID, Summary, Reason string
		Sources             []source
	}
	type publication struct {
		Day       data.Day
		Summary   string
		Revisions []revision
	}
	page := struct {
		correctionsText
		Updated, Evidence data.Day
		Version           string
		Publications      []publication
	}{correctionsText: text, Updated: ds.Updated(), Evidence: ds.EvidenceUpTo(), Version: ds.Version}
	for i := len(ds.Publications) - 1; i >= 0; i-- {
		p := publication{Day: ds.Publications[i].Published, Summary: ds.Publications[i].Summary}
		for j := len(ds.Revisions) - 1; j >= 0; j-- {
			rv := &ds.Revisions[j]
			if rv.Published != p.Day {
				continue
			}
			r := revision{ID: rv.ID, Summary: rv.Summary(ds.AreaNames(rv.PCodes)), Reason: rv.Why()}
			for _, id := range rv.Sources {
				s, _ := ds.Source(id)
				r.Sources = append(r.Sources, source{s.ID, s.URL})
			}
			p.Revisions = append(p.Revisions, r)
		}
		page.Publications = append(page.Publications, p)
	}
	var out bytes.Buffer
	err := correctionsPage.Execute(&out, page)
	return out.Bytes(), err
}

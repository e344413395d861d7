// Package docs embeds the project's documents that the server publishes:
// the methodology, served as the page "About this map" at /about, so that
// the page and the repository never say different things.
package docs

import _ "embed"

// Methodology is docs/methodology.md, in Markdown.
//
//go:embed methodology.md
var Methodology []byte

// AboutFa is docs/about.fa.md: the method summed up in Dari, which /about
// in Dari shows above the whole methodology in English.
//
//go:embed about.fa.md
var AboutFa []byte

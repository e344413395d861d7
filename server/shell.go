package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/url"

	xhtml "golang.org/x/net/html"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// dariFontPreloads are the head's tags of a Dari page: the Naskh faces the
// masthead and the headline are written in (regular and bold), fetched
// with the page, and their stylesheet.
const dariFontPreloads = `<link rel="preload" as="font" type="font/woff2" crossorigin href="vendor/fonts/files/noto-naskh-arabic-arabic-400-normal.woff2">
<link rel="preload" as="font" type="font/woff2" crossorigin href="vendor/fonts/files/noto-naskh-arabic-arabic-700-normal.woff2">
<link rel="stylesheet" href="vendor/fonts/naskh.css">
`

// shellIn is the page's shell (index.html) in the speaker's language, as
// the page itself would write it once its script ran (i18n.js
// applyLanguage): the document's language and direction, the text of each
// element that names its word (data-i18n) and the aria-label of each that
// names its label (data-i18n-label), and for Dari the Naskh font in the
// head. A Dari page is thus drawn once, in Dari and in its font, instead of
// in English and then again (the layout shift of 0.04 to 0.12 that the
// screens test measured). In every language the shell carries the region
// (<html data-region>, wire.RegionJSON), from which the page takes its
// parties' names and colours and its place names before any document
// arrives, and the region's title and description in its head: the shell
// as written names no region.
func shellIn(page []byte, sp speaker) ([]byte, error) {
	rs := sp.shell
	if rs == nil {
		var err error
		if rs, err = shellOf(sp.ds); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	out.Grow(len(page) + 1024)
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	skip := "" // inside an element whose text is replaced: its tag name
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if skip != "" {
				return nil, fmt.Errorf("server: the page's shell: <%s data-i18n> is not closed", skip)
			}
			return out.Bytes(), nil
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if skip != "" {
				return nil, fmt.Errorf("server: the page's shell: <%s data-i18n> holds an element", skip)
			}
			tok := z.Token()
			text, changed := "", false
			for _, a := range tok.Attr {
				switch a.Key {
				case "data-i18n":
					text, changed = sp.w.t(a.Val), true
				case "data-i18n-label":
					tok.Attr = setAttr(tok.Attr, "aria-label", sp.w.t(a.Val))
					changed = true
				}
			}
			switch {
			case tok.Data == "html":
				tok.Attr = setAttr(setAttr(tok.Attr, "lang", sp.lang), "data-region", rs.attr)
				if sp.fa() {
					tok.Attr = setAttr(tok.Attr, "dir", "rtl")
				}
				changed = true
			case attr(tok.Attr, "id") == "lang-switch" && len(sp.ds.Region.Languages) < 2:
				tok.Attr = setAttr(tok.Attr, "hidden", "") // no other language to switch to
				changed = true
			case tok.Data == "link" && attr(tok.Attr, "rel") == "icon":
				tok.Attr = setAttr(tok.Attr, "href", rs.icon)
				changed = true
			case tok.Data == "title":
				text, changed = sp.ds.Region.Title, true
			case tok.Data == "meta" && attr(tok.Attr, "name") == "description":
				tok.Attr = setAttr(tok.Attr, "content", sp.ds.Region.Description)
				changed = true
			}
			if !changed {
				out.Write(z.Raw())
				continue
			}
			if text != "" && (tt == xhtml.SelfClosingTagToken || voidElements[tok.Data]) {
				return nil, fmt.Errorf("server: the page's shell: <%s data-i18n> has no text to replace (use data-i18n-label)", tok.Data)
			}
			writeTag(&out, tok)
			if text != "" {
				out.WriteString(html.EscapeString(text))
				skip = tok.Data
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if skip != "" && string(name) != skip {
				return nil, fmt.Errorf("server: the page's shell: <%s data-i18n> holds an element", skip)
			}
			if string(name) == "head" && sp.fa() {
				out.WriteString(dariFontPreloads)
			}
			skip = ""
			out.Write(z.Raw())
		default:
			if skip == "" {
				out.Write(z.Raw())
			}
		}
	}
}

// voidElements are the HTML elements that have no content (and no end tag).
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// setAttr is attrs with key set to val (replaced, or added at the end).
func setAttr(attrs []xhtml.Attribute, key, val string) []xhtml.Attribute {
	for i := range attrs {
		if attrs[i].Key == key {
			attrs[i].Val = val
			return attrs
		}
	}
	return append(attrs, xhtml.Attribute{Key: key, Val: val})
}

// regionShell is what the page's shell takes from the region: the
// data-region attribute (wire.RegionJSON) and the icon.
type regionShell struct{ attr, icon string }

// shellOf is ds's regionShell.
func shellOf(ds *data.Dataset) (*regionShell, error) {
	b, err := json.Marshal(wire.RegionOf(ds))
	if err != nil {
		return nil, fmt.Errorf("server: the region for the page's shell: %w", err)
	}
	return &regionShell{attr: string(b), icon: iconOf(ds.Region)}, nil
}

// iconOf is the page's icon in the region's colours: two mountains, the
// ruling side's and the insurgent side's.
func iconOf(r data.Region) string {
	c := wire.Colours(r)
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#222"/>`+
		`<path d="M4 24 L12 8 L18 18 L22 12 L28 24 Z" fill="%s"/><path d="M12 8 L18 18 L14 24 L4 24 Z" fill="%s"/></svg>`,
		c[r.StatusAs(data.RoleRuling)], c[r.StatusAs(data.RoleInsurgent)])
	return "data:image/svg+xml," + url.PathEscape(svg)
}

// attr is the value of attrs' key, "" without one.
func attr(attrs []xhtml.Attribute, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// writeTag writes tok's start tag with its attributes, escaped.
func writeTag(b *bytes.Buffer, tok xhtml.Token) {
	b.WriteString("<" + tok.Data)
	for _, a := range tok.Attr {
		fmt.Fprintf(b, ` %s="%s"`, a.Key, html.EscapeString(a.Val))
	}
	b.WriteString(">")
}

package ogc

import (
	"net/url"
	"strconv"

	"github.com/controlmap/controlmap/wire"
)

// selfLinks are the self and alternate links of a resource at path.
func selfLinks(base, path string, html bool, jsonType string) []wire.Link {
	jsonLink := wire.Link{Href: base + path + "?f=json", Rel: wire.RelSelf, Type: jsonType, Title: "This document as JSON"}
	htmlLink := wire.Link{Href: base + path + "?f=html", Rel: wire.RelAlternate, Type: "text/html", Title: "This document as HTML"}
	if html {
		jsonLink.Rel, htmlLink.Rel = wire.RelAlternate, wire.RelSelf
	}
	return []wire.Link{jsonLink, htmlLink}
}

func itemPath(collection, fid string) string {
	return "/ogc/collections/" + collection + "/items/" + url.PathEscape(fid)
}

// itemLinks builds self, alternate, next, prev and collection links that
// keep the request's other parameters.
func itemLinks(base, id string, q ItemsQuery, html bool, matched int) []wire.Link {
	path := base + "/ogc/collections/" + id + "/items"
	with := func(f string, off int) string {
		v := url.Values{}
		for _, p := range q.Keep {
			if p[0] != "f" && p[0] != "offset" {
				v.Add(p[0], p[1]) // Add: datetime may be given twice
			}
		}
		v.Set("f", f)
		if off > 0 {
			v.Set("offset", strconv.Itoa(off))
		}
		return path + "?" + v.Encode()
	}
	self := wire.Link{Href: with("json", q.Offset), Rel: wire.RelSelf, Type: wire.TypeGeoJSON, Title: "This page"}
	alt := wire.Link{Href: with("html", q.Offset), Rel: wire.RelAlternate, Type: "text/html", Title: "This page as HTML"}
	f, ft := "json", wire.TypeGeoJSON
	if html {
		self.Rel, alt.Rel = wire.RelAlternate, wire.RelSelf
		f, ft = "html", "text/html"
	}
	links := []wire.Link{self, alt, {Href: base + "/ogc/collections/" + id, Rel: wire.RelCollection, Type: wire.TypeJSON, Title: "The collection"}}
	if q.Offset < matched-q.Limit {
		links = append(links, wire.Link{Href: with(f, q.Offset+q.Limit), Rel: wire.RelNext, Type: ft, Title: "Next page"})
	}
	if q.Offset > 0 {
		links = append(links, wire.Link{Href: with(f, max(0, q.Offset-q.Limit)), Rel: wire.RelPrev, Type: ft, Title: "Previous page"})
	}
	return links
}

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// Manifest lists a published folder's files with the Cache-Control each
// deserves: immutable for the content-hashed assets, short for the entry
// page and the documents (they change when the dataset does).
type Manifest struct {
	Assets string            `json:"assets"` // the hashed folder of the page's files
	Files  map[string]string `json:"files"`  // path → Cache-Control
	Bytes  int64             `json:"bytes"`
}

// Cache policies of the published files.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheShort     = "public, max-age=300"
)

// staticMarker tells the page (api.js) that it is served as files: it asks
// for file names instead of query strings.
const staticMarker = `<meta name="controlmap-static" content="1">` + "\n"

// Publish writes a static copy of the map into dir, for any static server
// or CDN: the page with its files under assets/HASH/, the documents the page
// loads, the GeoJSON of every day, the picture of every change day, the GIS
// exports, the animation, and manifest.json. Every file is fetched through
// the server's own handler, so the copy is byte for byte what the server
// answers; s.cfg.PublicURL (with the base path) is what the link previews
// name.
func (s *Server) Publish(dir string) (*Manifest, error) {
	m := &Manifest{Files: map[string]string{}}
	assets, err := s.publishAssets(dir, m)
	if err != nil {
		return nil, err
	}
	m.Assets = assets
	for _, f := range s.publishedDocuments() {
		if err := s.publishURL(dir, f[1], f[0], cacheShort, m); err != nil {
			return nil, err
		}
	}
	for _, p := range [][2]string{{"index.html", "/"}, {"about.html", "/about"}, {"about.fa.html", "/about?lang=fa"},
		{"corrections.html", "/corrections"}, {"corrections.fa.html", "/corrections?lang=fa"}} {
		page, err := s.get(p[1])
		if err != nil {
			return nil, err
		}
		if err := m.write(dir, p[0], staticPage(page, assets), cacheShort); err != nil {
			return nil, err
		}
	}
	b, _ := json.MarshalIndent(m, "", " ")
	return m, os.WriteFile(filepath.Join(dir, "manifest.json"), b, 0o644)
}

// staticRefs are what a page served as files names differently: its files
// (under the hashed folder), the documents it preloads (as file names), and
// the About page.
var staticRefs = [][2]string{
	{`href="api/areas"`, `href="api/areas.geojson"`}, {`href="api/timeline"`, `href="api/timeline.json"`},
	{`href="api/context"`, `href="api/context.geojson"`}, {`href="api/stats"`, `href="api/stats.json"`},
	{`href="api/periods"`, `href="api/periods.json"`}, {`href="api/places"`, `href="api/places.geojson"`},
	{`href="api/sources"`, `href="api/sources.json"`}, {`href="about"`, `href="about.html"`},
	{`href="about?lang=fa"`, `href="about.fa.html"`}, {`href="corrections"`, `href="corrections.html"`},
	{`href="corrections?lang=fa"`, `href="corrections.fa.html"`}, {`href="api/revisions"`, `href="api/revisions.json"`},
}

// staticPage marks a page as served from files (api.js then asks for file
// names) and points its references at the published files.
func staticPage(page []byte, assets string) []byte {
	page = bytes.Replace(page, []byte("</head>"), []byte(staticMarker+"</head>"), 1)
	for _, ref := range []string{`href="vendor/`, `src="vendor/`, `href="css/`, `src="bundle/`, `href="bundle/`, `href="favicon.svg"`} {
		page = bytes.ReplaceAll(page, []byte(ref), []byte(strings.Replace(ref, `"`, `"`+assets+"/", 1)))
	}
	for _, r := range staticRefs {
		page = bytes.ReplaceAll(page, []byte(r[0]), []byte(r[1]))
	}
	return page
}

// publishedDocuments are the files written besides the page: [file, URL].
func (s *Server) publishedDocuments() [][2]string {
	docs := [][2]string{
		{"api/areas.geojson", "/api/areas"}, {"api/timeline.json", "/api/timeline"}, {"api/context.geojson", "/api/context"},
		{"api/stats.json", "/api/stats"}, {"api/sources.json", "/api/sources"}, {"api/revisions.json", "/api/revisions"}, {"feed.atom", "/feed.atom"}, {"api/sources", "/api/sources"}, {"api/history.geojson", "/api/history?detail=full"},
		{"api/export/history.gpkg", "/api/export/history.gpkg"}, {"api/export/history.kml", "/api/export/history.kml"},
		{"api/export/history.csv", "/api/export/history.csv"}, {"api/export/events.csv", "/api/export/events.csv"},
		{"api/periods.json", "/api/periods"}, {"api/places.geojson", "/api/places"},
		{"api/export/animation.gif", "/api/export/animation.gif?width=800"},
	}
	for d := s.ds.First; d <= s.today(); d++ {
		docs = append(docs, [2]string{"api/control/" + d.String() + ".geojson", "/api/control?date=" + d.String()})
	}
	for _, d := range append([]data.Day{s.ds.First}, s.ds.ChangeDays()...) {
		docs = append(docs, [2]string{"api/export/map/" + d.String() + ".png", "/api/export/map.png?preset=social&date=" + d.String()})
	}
	return docs
}

// publishAssets copies the page's files (all but index.html) under
// assets/HASH/, HASH the digest of them all: a new build is a new folder,
// so each may be cached for ever. Relative imports between them still hold.
func (s *Server) publishAssets(dir string, m *Manifest) (string, error) {
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range s.docs.static {
			if name != "index.html" && !yield(name) {
				return
			}
		}
	})
	h := sha256.New()
	bodies := map[string][]byte{}
	for _, name := range names {
		b, err := s.docs.static[name].Body()
		if err != nil {
			return "", err
		}
		bodies[name] = b
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
	}
	assets := "assets/" + hex.EncodeToString(h.Sum(nil))[:12]
	for _, name := range names {
		if err := m.write(dir, path.Join(assets, name), bodies[name], cacheImmutable); err != nil {
			return "", err
		}
	}
	return assets, nil
}

func (s *Server) publishURL(dir, target, file, cache string, m *Manifest) error {
	b, err := s.get(target)
	if err != nil {
		return err
	}
	return m.write(dir, file, b, cache)
}

// get answers target through the server's handler, as a client would get it.
func (s *Server) get(target string) ([]byte, error) {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("server: publish %s: %d %s", target, rec.Code, rec.Body.String())
	}
	return rec.Body.Bytes(), nil
}

func (m *Manifest) write(dir, name string, b []byte, cache string) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	m.Files[name], m.Bytes = cache, m.Bytes+int64(len(b))
	return nil
}

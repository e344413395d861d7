package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
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
// deserves (immutable for the content-hashed assets, short for the entry
// page and the documents: they change when the dataset does), their size
// and SHA-256. The next publish into the folder reads it: a file whose
// bytes are the same is left as it is (bytes and modification time, so a
// sync uploads only what changed), and a file it listed that is no longer
// made is removed (only those: never a file the publisher did not make).
type Manifest struct {
	Assets string                  `json:"assets"` // the hashed folder of the page's files
	Files  map[string]ManifestFile `json:"files"`  // by path in the folder
	Bytes  int64                   `json:"bytes"`

	// What this publish did: files written, files left as they were, and
	// the files of the previous publish it removed.
	Written, Unchanged int      `json:"-"`
	Removed            []string `json:"-"`

	previous map[string]ManifestFile
}

// ManifestFile is one published file.
type ManifestFile struct {
	CacheControl string `json:"cache_control"`
	Size         int64  `json:"size"`
	SHA256       string `json:"sha256"`
}

// manifestFile is the manifest's name in the published folder.
const manifestFile = "manifest.json"

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
	m := &Manifest{Files: map[string]ManifestFile{}, previous: previousManifest(dir)}
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
	if err := m.removeStale(dir); err != nil {
		return nil, err
	}
	b, _ := json.MarshalIndent(m, "", " ")
	return m, writeIfChanged(filepath.Join(dir, manifestFile), b)
}

// previousManifest reads the manifest a previous publish left in dir; nil
// when there is none or it cannot be read (then nothing is removed, and
// every file is compared byte for byte before it is written).
func previousManifest(dir string) map[string]ManifestFile {
	b, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return nil
	}
	var prev struct {
		Files map[string]ManifestFile `json:"files"`
	}
	if json.Unmarshal(b, &prev) != nil {
		return nil
	}
	return prev.Files
}

// removeStale removes the files the previous publish made that this one
// did not, and the folders that leaves empty (an old assets/HASH folder).
// A name that would lead outside dir is never followed.
func (m *Manifest) removeStale(dir string) error {
	for _, name := range slices.Sorted(maps.Keys(m.previous)) {
		if _, ok := m.Files[name]; ok || !filepath.IsLocal(filepath.FromSlash(name)) || name == manifestFile {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("server: publish: %w", err)
		}
		m.Removed = append(m.Removed, name)
		for d := filepath.Dir(p); d != filepath.Clean(dir); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break // not empty: it holds files of this publish (or someone's)
			}
		}
	}
	return nil
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
	// The first day and the change days: the first is often a change day too.
	for _, d := range slices.Compact(slices.Sorted(slices.Values(append([]data.Day{s.ds.First}, s.ds.ChangeDays()...)))) {
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

// write puts b at name in dir unless the file there already holds it: the
// previous manifest's digest and the file's size tell without reading it.
func (m *Manifest) write(dir, name string, b []byte, cache string) error {
	sum := sha256.Sum256(b)
	f := ManifestFile{CacheControl: cache, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}
	m.Files[name], m.Bytes = f, m.Bytes+f.Size
	p := filepath.Join(dir, filepath.FromSlash(name))
	if prev, ok := m.previous[name]; ok && prev.SHA256 == f.SHA256 {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Size() == f.Size {
			m.Unchanged++
			return nil
		}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	if err := writeIfChanged(p, b); err != nil {
		return err
	}
	m.Written++
	return nil
}

// writeIfChanged writes b to p through a temporary file renamed over it (a
// reader or a sync never sees half a file), unless p already holds b.
func writeIfChanged(p string, b []byte) error {
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
		return nil
	}
	tmp := p + ".publishing"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("server: publish: %w", err)
	}
	return nil
}

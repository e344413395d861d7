package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

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
	old      string // the folder of the previous copy
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

// staticDoc is one document of the static copy: the name the page knows
// it by (api.js; "" for one the page never asks for), the URL the server
// answers it at and the file it is published as. A "{date}" in both stands
// for every day the file is published for.
type staticDoc struct{ key, url, file string }

// staticDocs is the one list of the static copy's files: the publisher
// writes them from it, rewrites the page's references with it, and hands
// the page its names (staticMarker), so that api.js asks for the files.
var staticDocs = []staticDoc{
	{"areas", "/api/areas", "api/areas.geojson"}, {"timeline", "/api/timeline", "api/timeline.json"},
	{"context", "/api/context", "api/context.geojson"}, {"stats", "/api/stats", "api/stats.json"},
	{"sources", "/api/sources", "api/sources.json"}, {"", "/api/sources", "api/sources"},
	{"revisions", "/api/revisions", "api/revisions.json"}, {"feed", "/feed.atom", "feed.atom"},
	{"history", "/api/history?detail=full", "api/history.geojson"},
	{"gpkg", "/api/export/history.gpkg", "api/export/history.gpkg"}, {"kml", "/api/export/history.kml", "api/export/history.kml"},
	{"csv", "/api/export/history.csv", "api/export/history.csv"}, {"eventsCSV", "/api/export/events.csv", "api/export/events.csv"},
	{"provincesCSV", "/api/export/provinces.csv", "api/export/provinces.csv"},
	{"periods", "/api/periods", "api/periods.json"}, {"places", "/api/places", "api/places.geojson"},
	{"provinces", "/api/provinces", "api/provinces.geojson"},
	{"animation", "/api/export/animation.gif?width=800", "api/export/animation.gif"},
	{"animationFa", "/api/export/animation.gif?width=800&lang=fa", "api/export/animation.fa.gif"},
	{"controlOn", "/api/control?date={date}", "api/control/{date}.geojson"},
	{"picture", "/api/export/map.png?preset=social&date={date}", "api/export/map/{date}.png"},
	{"pictureFa", "/api/export/map.png?preset=social&lang=fa&date={date}", "api/export/map/{date}.fa.png"},
	{"about", "/about", "about.html"}, {"aboutFa", "/about?lang=fa", "about.fa.html"},
	{"corrections", "/corrections", "corrections.html"}, {"correctionsFa", "/corrections?lang=fa", "corrections.fa.html"},
}

// staticPages are the staticDocs that are pages (their references are
// rewritten to the published files); the entry page is index.html.
var staticPages = map[string]bool{"about.html": true, "about.fa.html": true, "corrections.html": true, "corrections.fa.html": true}

// staticMarker tells the page (api.js) that it is served as files: what
// each file is called, the day the copy was published and the days it has
// a picture of.
func (s *Server) staticMarker() string {
	files := map[string]string{}
	for _, d := range staticDocs {
		if d.key != "" && s.publishes(d) {
			files[d.key] = d.file
		}
	}
	b, _ := json.Marshal(map[string]any{"files": files, "published": s.today(), "picture_days": s.pictureDays()})
	return `<meta name="controlmap-static" content="` + html.EscapeString(string(b)) + `">` + "\n"
}

// staticDocNamed is the staticDocs entry the page knows as key.
func staticDocNamed(key string) staticDoc {
	for _, d := range staticDocs {
		if d.key == key {
			return d
		}
	}
	panic("server: no static document " + key)
}

// pictureDays are the days the static copy has a picture of, in English
// and in Dari: the first day and each day the map changed. The pictures
// are of the assessed map (the page says so in a claims view).
func (s *Server) pictureDays() []data.Day {
	return slices.Compact(slices.Sorted(slices.Values(append([]data.Day{s.ds.First}, s.ds.ChangeDays()...))))
}

// Publish writes a static copy of the map into dir, for any static server
// or CDN: the page with its files under assets/HASH/, the documents the page
// loads, the GeoJSON of every day, the picture of every change day, the GIS
// exports, the animation, and manifest.json. Every file is fetched through
// the server's own handler, so the copy is byte for byte what the server
// answers; s.cfg.PublicURL (with the base path) is what the link previews
// name.
//
// The copy is built in a new folder beside dir and swapped in at once
// (renameat2 RENAME_EXCHANGE), so a publish that fails (a full disk, a
// crash) leaves the previous copy whole, and a reader never sees half of
// one. The new folder is the publisher's own: nothing is written through
// a symbolic link planted in dir, and dir itself must not be one. A file
// the previous publish made with the same bytes is hard-linked, keeping
// its modification time (a sync uploads only what changed); files in dir
// that no publish made are carried over (a symbolic link as a link, never
// followed).
func (s *Server) Publish(dir string) (*Manifest, error) {
	dir = filepath.Clean(dir)
	if st, err := os.Lstat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("server: publish: %s is not a folder (a symbolic link is not followed)", dir)
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("server: publish: %w", err)
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+publishingSuffix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("server: publish: %w", err)
	}
	done := false
	defer func() {
		if !done {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("server: publish: %w", err)
	}
	m, err := s.publishInto(tmp, dir)
	if err != nil {
		return nil, err
	}
	if err := swapIn(tmp, dir); err != nil {
		return nil, err
	}
	done = true
	if err := os.RemoveAll(tmp); err != nil { // the previous copy, swapped out: the new one is live
		s.log.Warn("publish: the previous copy was not all removed", "path", tmp, "err", err)
	}
	return m, nil
}

// publishingSuffix names the folders a publish builds in:
// ".DIR.publishing-PID-*" beside DIR. One a crashed publish left (its
// process is gone) is removed by the next; one another publish is still
// building is left alone.
const publishingSuffix = ".publishing-"

func removeLeftovers(parent, base string) {
	entries, _ := os.ReadDir(parent)
	prefix := "." + base + publishingSuffix
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		pid, _, _ := strings.Cut(rest, "-")
		if n, err := strconv.Atoi(pid); err == nil && n > 0 && processAlive(n) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// processAlive reports whether a process with id pid exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// publishInto writes the copy into the empty folder tmp, dir holding the
// previous one (or nothing).
func (s *Server) publishInto(tmp, dir string) (*Manifest, error) {
	m := &Manifest{Files: map[string]ManifestFile{}, previous: previousManifest(dir), old: dir}
	assets, err := s.publishAssets(tmp, m)
	if err != nil {
		return nil, err
	}
	m.Assets = assets
	for _, f := range s.publishedDocuments() {
		if err := s.publishURL(tmp, f[1], f[0], cacheShort, m); err != nil {
			return nil, err
		}
	}
	for _, p := range append([]staticDoc{{"", "/", "index.html"}}, s.pageDocs()...) {
		page, err := s.get(p.url)
		if err != nil {
			return nil, err
		}
		if err := m.write(tmp, p.file, s.staticPage(page, assets), cacheShort); err != nil {
			return nil, err
		}
	}
	for name := range m.previous {
		if _, ok := m.Files[name]; !ok && name != manifestFile && filepath.IsLocal(filepath.FromSlash(name)) {
			m.Removed = append(m.Removed, name)
		}
	}
	slices.Sort(m.Removed)
	if err := m.carryForeign(dir, tmp); err != nil {
		return nil, err
	}
	b, _ := json.MarshalIndent(m, "", " ")
	old := filepath.Join(dir, manifestFile)
	if !plainFile(dir, manifestFile) {
		old = ""
	}
	if prev, err := os.ReadFile(old); old != "" && err == nil && bytes.Equal(prev, b) && os.Link(old, filepath.Join(tmp, manifestFile)) == nil {
		return m, nil // unchanged, modification time included
	}
	if err := os.WriteFile(filepath.Join(tmp, manifestFile), b, 0o644); err != nil {
		return nil, fmt.Errorf("server: publish: %w", err)
	}
	return m, nil
}

// previousManifest reads the manifest a previous publish left in dir; nil
// when there is none, it is not a regular file, or it cannot be read (then
// every file is written anew and nothing is counted as removed).
func previousManifest(dir string) map[string]ManifestFile {
	p := filepath.Join(dir, manifestFile)
	if !plainFile(dir, manifestFile) {
		return nil
	}
	b, err := os.ReadFile(p)
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

// plainFile reports whether name (slash-separated, local) under dir is a
// regular file reached through real folders only: no symbolic link on the
// way is followed.
func plainFile(dir, name string) bool {
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return false
	}
	p := dir
	parts := strings.Split(name, "/")
	for i, part := range parts {
		p = filepath.Join(p, part)
		st, err := os.Lstat(p)
		if err != nil {
			return false
		}
		if i < len(parts)-1 && !st.IsDir() || i == len(parts)-1 && !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// carryForeign copies into tmp what dir holds that no publish made (a
// CNAME, a .well-known folder): regular files hard-linked, symbolic links
// re-made as links, never followed (folders come with what they hold; an
// empty one is not kept). A name this publish wrote wins.
func (m *Manifest) carryForeign(dir, tmp string) error {
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("server: publish: %w", err)
		}
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		if rel == "." || name == manifestFile {
			return nil
		}
		if _, ours := m.previous[name]; ours {
			return nil
		}
		if _, ours := m.Files[name]; ours {
			return nil
		}
		dst := filepath.Join(tmp, rel)
		if d.IsDir() {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("server: publish: %w", err)
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err == nil {
				err = os.Symlink(target, dst)
			}
			if err != nil && !errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("server: publish: keep %s: %w", name, err)
			}
		case d.Type().IsRegular():
			if err := linkOrCopy(p, dst); err != nil && !errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("server: publish: keep %s: %w", name, err)
			}
		}
		return nil
	})
}

// linkOrCopy hard-links src at dst, or copies it (mode and modification
// time kept) where the system refuses the link (protected_hardlinks, a
// file system without links).
func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	st, err := os.Lstat(src)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(dst, b, st.Mode().Perm()); err != nil {
		return err
	}
	return os.Chtimes(dst, st.ModTime(), st.ModTime())
}

// swapIn puts the folder tmp at dir: exchanged with the previous copy in
// one step where the system can (the previous copy is then at tmp), else
// the previous copy is moved aside first.
func swapIn(tmp, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("server: publish: %w", err)
		}
		return nil
	}
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE); err == nil {
		return nil
	}
	aside := tmp + ".old"
	if err := os.Rename(dir, aside); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(aside, dir)
		return fmt.Errorf("server: publish: %w", err)
	}
	_ = os.RemoveAll(tmp) // empty now; the caller removes the previous copy from there
	_ = os.Rename(aside, tmp)
	return nil
}

// staticRefs are what a page served as files names differently: the
// documents it preloads and the pages it links, as their files.
var staticRefs = func() [][2]string {
	var refs [][2]string
	for _, d := range staticDocs {
		if d.key != "" && !strings.Contains(d.url, "{date}") {
			refs = append(refs, [2]string{`href="` + strings.TrimPrefix(d.url, "/") + `"`, `href="` + d.file + `"`})
		}
	}
	return refs
}()

// Link-preview references the static copy cannot answer: the picture of a
// day that is not a change day, and the oEmbed endpoint (no server).
var (
	previewPicture = regexp.MustCompile(`api/export/map\.png\?[^"]*`)
	oembedLink     = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed"[^>]*>\n?`)
)

// staticPage marks a page as served from files (api.js then asks for file
// names) and points its references at the published files: its preview
// picture at the last picture the copy has, and no oEmbed link.
func (s *Server) staticPage(page []byte, assets string) []byte {
	page = bytes.Replace(page, []byte("</head>"), []byte(s.staticMarker()+"</head>"), 1)
	days := s.pictureDays()
	page = previewPicture.ReplaceAll(page, []byte(dated(staticDocNamed("picture"), days[len(days)-1])[0]))
	page = oembedLink.ReplaceAll(page, nil)
	for _, ref := range []string{`href="vendor/`, `src="vendor/`, `href="css/`, `src="bundle/`, `href="bundle/`, `href="favicon.svg"`} {
		page = bytes.ReplaceAll(page, []byte(ref), []byte(strings.Replace(ref, `"`, `"`+assets+"/", 1)))
	}
	for _, r := range staticRefs {
		page = bytes.ReplaceAll(page, []byte(r[0]), []byte(r[1]))
	}
	return page
}

// publishes reports whether the region's copy has d: its Dari files only
// when the region is offered in Dari, its provinces' only when it maps
// them.
func (s *Server) publishes(d staticDoc) bool {
	switch {
	case strings.Contains(d.url, "lang=fa"):
		return s.ds.Region.Offers("fa")
	case strings.HasPrefix(d.key, "provinces"):
		return len(s.ds.Provinces) > 0
	}
	return true
}

// pageDocs are the staticDocs that are pages.
func (s *Server) pageDocs() []staticDoc {
	var out []staticDoc
	for _, d := range staticDocs {
		if staticPages[d.file] && s.publishes(d) {
			out = append(out, d)
		}
	}
	return out
}

// publishedDocuments are the files written besides the pages: [file, URL],
// the daily ones for every day (the GeoJSON) or the change days (the
// pictures: the first day and each day the map changed).
func (s *Server) publishedDocuments() [][2]string {
	var docs [][2]string
	for _, d := range staticDocs {
		switch {
		case staticPages[d.file] || !s.publishes(d):
		case d.key == "controlOn":
			for day := s.ds.First; day <= s.today(); day++ {
				docs = append(docs, dated(d, day))
			}
		case d.key == "picture" || d.key == "pictureFa":
			for _, day := range s.pictureDays() {
				docs = append(docs, dated(d, day))
			}
		default:
			docs = append(docs, [2]string{d.file, d.url})
		}
	}
	return docs
}

// dated is d's [file, URL] for day.
func dated(d staticDoc, day data.Day) [2]string {
	return [2]string{strings.ReplaceAll(d.file, "{date}", day.String()), strings.ReplaceAll(d.url, "{date}", day.String())}
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

// publishFault, when set (by tests), fails the write of a file: a full
// disk half-way through a publish.
var publishFault func(name string) error

// write puts b at name in tmp: a hard link to the previous copy's file when
// that holds the same bytes (the previous manifest's digest and the file's
// size tell without reading it), else a new file.
func (m *Manifest) write(tmp, name string, b []byte, cache string) error {
	sum := sha256.Sum256(b)
	f := ManifestFile{CacheControl: cache, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])}
	m.Files[name], m.Bytes = f, m.Bytes+f.Size
	p := filepath.Join(tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	if prev, ok := m.previous[name]; ok && prev.SHA256 == f.SHA256 && plainFile(m.old, name) {
		old := filepath.Join(m.old, filepath.FromSlash(name))
		if st, err := os.Lstat(old); err == nil && st.Size() == f.Size && os.Link(old, p) == nil {
			m.Unchanged++
			return nil
		}
	}
	if publishFault != nil {
		if err := publishFault(name); err != nil {
			return fmt.Errorf("server: publish: %s: %w", name, err)
		}
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return fmt.Errorf("server: publish: %w", err)
	}
	m.Written++
	return nil
}

package web_test

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/server"
	"github.com/controlmap/controlmap/web"
)

// nginxConf serves a published folder under a base path, as the README's
// recipe does. The one extra location maps the API's dated query onto the
// day files, so that the test's own expectations (apiStatuses) can read
// them; the page itself never asks for it.
const nginxConf = `daemon off; worker_processes 1; pid %[1]s/nginx.pid; error_log %[1]s/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  types { application/geo+json geojson; application/geopackage+sqlite3 gpkg; text/csv csv; }
  access_log off;
  client_body_temp_path %[1]s/tmp; proxy_temp_path %[1]s/tmp; fastcgi_temp_path %[1]s/tmp; uwsgi_temp_path %[1]s/tmp; scgi_temp_path %[1]s/tmp;
  server {
    listen 127.0.0.1:%[2]d;
    root %[3]s;
    location = /maps/panjshir/api/control { try_files /maps/panjshir/api/control/$arg_date.geojson =404; }
    location /maps/panjshir/assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
    location /maps/panjshir/ { add_header Cache-Control "public, max-age=300"; }
  }
}
`

// TestPublishedThroughNginx publishes the map into a temporary folder
// under /maps/panjshir/, serves it with nginx on loopback, and runs the
// page's core checks against it in Chromium.
func TestPublishedThroughNginx(t *testing.T) {
	if testing.Short() {
		t.Skip("publishes the site, starts nginx and Chromium; not run under -short")
	}
	// Like the GDAL and QGIS tests, it fails without its client: a skip
	// would let CI pass without ever serving the static copy.
	if _, err := exec.LookPath("nginx"); err != nil {
		t.Fatal("no nginx: 'make test' installs it (apt package nginx)")
	}
	root := t.TempDir()
	for _, d := range []string{root, filepath.Dir(root)} { // nginx's workers are not root: let them read
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	live := httptest.NewServer(publish(t, filepath.Join(root, "site", "maps", "panjshir")))
	t.Cleanup(live.Close)
	base := startNginx(t, filepath.Join(root, "site"))
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Fatalf("the entry page: %d %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))
	runChecks(t, p, &httptest.Server{URL: base}, []pageCheck{
		{"districts are drawn and the latest date is shown", checkDistrictsDrawn},
		{"fills on two dates follow the data", checkFillsFollowData},
		{"play advances the date and pause stops it", checkPlayAndPause},
		{"permalink round-trips and back/forward work", checkPermalink},
		{"clicking a district shows its status and sources", checkDistrictClick},
		{"a claims view differs from the assessed view on a disputed day", checkClaimsView},
		{"changes fade and scrubbing fetches nothing", checkFadeAndScrub},
		{"compare mode works without the server", checkCompare("/maps/panjshir/api/export/animation.gif")},
		{"the page's diff equals the server's", checkLocalDiff(live.URL)},
		{"'About this map' opens, in the page's language", checkAboutLinks},
		{"every URL the entry page names resolves", checkAdvertisedURLsResolve},
		{"every file goes out with its type", checkTypes},
		{"Share offers a picture on any day", checkPictureOfAnyDay},
		{"the copy says when it was made and follows the reader's clock", checkCopySaysWhen},
	})
	for _, r := range p.requestList() {
		if !strings.HasPrefix(r, base+"/") && !strings.HasPrefix(r, "data:") {
			t.Errorf("a request outside the published folder: %s", r)
		}
	}
	if errs := p.errorList(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// publish writes the static copy into dir and returns the server it was
// published from, to compare the copy with.
func publish(t *testing.T, dir string) *server.Server {
	t.Helper()
	assets, err := web.FS("")
	if err != nil {
		t.Fatal(err)
	}
	s, err := server.New(server.Config{Version: "test", PublicURL: "http://127.0.0.1/maps/panjshir/",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, datatest.Embedded(t), assets)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(dir); err != nil {
		t.Fatal(err)
	}
	return s
}

// startNginx serves root on a free loopback port until the test ends; it
// returns the base URL of the published map.
func startNginx(t *testing.T, root string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	prefix := t.TempDir()
	if err := os.MkdirAll(filepath.Join(prefix, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(conf, fmt.Appendf(nil, nginxConf, prefix, port, root), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("nginx", "-c", conf, "-p", prefix)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not start: %s", stderr.String())
		}
	}
	return "http://" + addr + "/maps/panjshir"
}

package server

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/controlmap/controlmap/data/datatest"
)

type controlDoc struct {
	DatasetVersion string  `json:"dataset_version"`
	Updated        *string `json:"updated"`
	Known          *string `json:"known"`
	Features       []struct {
		Properties struct {
			PCode   string `json:"pcode"`
			Status  string `json:"status"`
			Sources []struct {
				ID        string  `json:"id"`
				KnownFrom *string `json:"known_from"`
			} `json:"sources"`
			Claims []struct {
				Sources []struct {
					ID        string  `json:"id"`
					KnownFrom *string `json:"known_from"`
				} `json:"sources"`
			} `json:"claims"`
		} `json:"properties"`
	} `json:"features"`
}

func controlOf(t *testing.T, s *Server, target string) (controlDoc, *http.Response) {
	t.Helper()
	rec := get(t, s.Handler(), http.MethodGet, target)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
	}
	var doc controlDoc
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc, rec.Result()
}

// TestKnownAtTheTime: the map of a day as known then cites no source
// published after the day, and differs from hindsight where the evidence
// says it should (data/testdata/expectations.json).
func TestKnownAtTheTime(t *testing.T) {
	t.Parallel()
	s, exp := newEmbeddedServer(t), datatest.LoadExpectations(t)
	for _, k := range exp.KnownAtTheTime {
		t.Run(k.Date, func(t *testing.T) {
			at, resp := controlOf(t, s, "/api/control?date="+k.Date+"&known="+k.Known)
			hind, _ := controlOf(t, s, "/api/control?date="+k.Date)
			if at.Known == nil || *at.Known > k.Known || at.DatasetVersion == hind.DatasetVersion {
				t.Errorf("known %v, version %s (hindsight %s): the answer does not say it is the map at the time", at.Known, at.DatasetVersion, hind.DatasetVersion)
			}
			if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "s-maxage=1800") {
				t.Errorf("Cache-Control %q", cc)
			}
			differs := false
			for i, f := range at.Features {
				p, h := f.Properties, hind.Features[i].Properties
				cited := p.Sources
				for _, c := range p.Claims {
					cited = append(cited, c.Sources...)
				}
				for _, src := range cited {
					if src.KnownFrom == nil || *src.KnownFrom > k.Known {
						t.Errorf("%s cites %s, published %v, after %s", p.PCode, src.ID, src.KnownFrom, k.Known)
					}
				}
				if len(p.Sources) != len(h.Sources) || p.Status != h.Status {
					differs = true
				}
				if p.PCode == k.PCode && (p.Status != k.Status || h.Status != k.Hindsight) {
					t.Errorf("%s at the time %s, with hindsight %s; want %s and %s", p.PCode, p.Status, h.Status, k.Status, k.Hindsight)
				}
			}
			if !differs {
				t.Error("the map at the time is the map with hindsight")
			}
		})
	}
	// As published: from the first publication on, revisions published
	// later are undone.
	ap := exp.AsPublished
	at, _ := controlOf(t, s, "/api/control?date="+ap.Date+"&known="+ap.Known)
	hind, _ := controlOf(t, s, "/api/control?date="+ap.Date)
	for i, f := range at.Features {
		if f.Properties.PCode == ap.PCode && (f.Properties.Status != ap.Status || hind.Features[i].Properties.Status != ap.Hindsight) {
			t.Errorf("as published on %s, %s was %s (now %s); want %s (%s)", ap.Known, ap.PCode, f.Properties.Status,
				hind.Features[i].Properties.Status, ap.Status, ap.Hindsight)
		}
	}
	if hind.Updated == nil || *hind.Updated != exp.Updated {
		t.Errorf("updated %v, want %s", hind.Updated, exp.Updated)
	}
}

// TestKnownTimelineHoldsForItsDays: the timeline as known on a day says
// the days it holds for, and a day inside them gets the same document.
func TestKnownTimelineHoldsForItsDays(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	var tl struct{ Known, KnownUntil string }
	var raw map[string]any
	rec := get(t, h, http.MethodGet, "/api/timeline?known=2021-09-07")
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(rec.Code, err)
	}
	tl.Known, _ = raw["known"].(string)
	tl.KnownUntil, _ = raw["known_until"].(string)
	if tl.Known == "" || tl.Known > "2021-09-07" || tl.KnownUntil <= "2021-09-07" {
		t.Fatalf("known %q until %q does not hold 2021-09-07", tl.Known, tl.KnownUntil)
	}
	other := get(t, h, http.MethodGet, "/api/timeline?known="+tl.Known)
	if other.Header().Get("ETag") != rec.Header().Get("ETag") {
		t.Error("two days of one knowledge epoch got different timelines")
	}
	if bad := get(t, h, http.MethodGet, "/api/timeline?known=2021-13-01"); bad.Code != http.StatusBadRequest {
		t.Errorf("known=2021-13-01: %d", bad.Code)
	}
}

// TestRevisionsAPI: newest first, since= filters, and every revised
// district of the expectations has a revision.
func TestRevisionsAPI(t *testing.T) {
	t.Parallel()
	h, exp := newEmbeddedServer(t).Handler(), datatest.LoadExpectations(t)
	var doc struct {
		Revisions []struct {
			ID, Published, Summary, Reason string
			PCodes                         []string `json:"pcodes"`
		} `json:"revisions"`
		Publications []struct{ Published string } `json:"publications"`
	}
	getJSONInto2(t, h, "/api/revisions", &doc)
	if len(doc.Revisions) == 0 || len(doc.Publications) == 0 {
		t.Fatal("no revisions or publications")
	}
	var days, pcodes []string
	for i, r := range doc.Revisions {
		if i > 0 && r.Published > doc.Revisions[i-1].Published {
			t.Fatalf("%s (%s) after %s: not newest first", r.ID, r.Published, doc.Revisions[i-1].Published)
		}
		if r.Summary == "" || r.Reason == "" {
			t.Errorf("%s has no words", r.ID)
		}
		days = append(days, r.Published)
		pcodes = append(pcodes, r.PCodes...)
	}
	for _, d := range exp.RevisionsPublished {
		if !slices.Contains(days, d) {
			t.Errorf("no revision published on %s", d)
		}
	}
	for _, pc := range exp.RevisedDistricts {
		if !slices.Contains(pcodes, pc) {
			t.Errorf("%s has no revision", pc)
		}
	}
	last := exp.RevisionsPublished[len(exp.RevisionsPublished)-1]
	var since struct {
		Revisions []struct{ Published string } `json:"revisions"`
	}
	getJSONInto2(t, h, "/api/revisions?since="+last, &since)
	if len(since.Revisions) == 0 || len(since.Revisions) >= len(doc.Revisions) {
		t.Errorf("since=%s: %d of %d revisions", last, len(since.Revisions), len(doc.Revisions))
	}
	for _, r := range since.Revisions {
		if r.Published < last {
			t.Errorf("since=%s lists one of %s", last, r.Published)
		}
	}
}

func getJSONInto2(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	rec := get(t, h, http.MethodGet, target)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: %d", target, rec.Code)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("%s: %v", target, err)
	}
}

// TestFeed: /feed.atom is well-formed XML (xmllint) and meets RFC 4287's
// requirements: the feed and every entry have exactly one id (an absolute
// IRI), title and updated (an RFC 3339 date-time); the feed has an author
// and a self link; entry ids are unique (4.1.1, 4.1.2, 4.2.6, 4.2.14,
// 4.2.15, 3.3).
func TestFeed(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	rec := get(t, h, http.MethodGet, "/feed.atom")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	path := filepath.Join(t.TempDir(), "feed.atom")
	if err := os.WriteFile(path, rec.Body.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("xmllint", "--noout", path).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
	type link struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	}
	var feed struct {
		XMLName xml.Name
		ID      []string `xml:"id"`
		Title   []string `xml:"title"`
		Updated []string `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Links   []link `xml:"link"`
		Entries []struct {
			ID      []string `xml:"id"`
			Title   []string `xml:"title"`
			Updated []string `xml:"updated"`
			Summary string   `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(rec.Body.Bytes(), &feed); err != nil {
		t.Fatal(err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.XMLName.Local != "feed" {
		t.Fatalf("root %v", feed.XMLName)
	}
	once := func(what string, v []string, date bool) {
		t.Helper()
		if len(v) != 1 || v[0] == "" {
			t.Errorf("%s: %d values", what, len(v))
			return
		}
		if date {
			if _, err := time.Parse(time.RFC3339, v[0]); err != nil {
				t.Errorf("%s %q is not RFC 3339", what, v[0])
			}
		}
	}
	once("feed id", feed.ID, false)
	once("feed title", feed.Title, false)
	once("feed updated", feed.Updated, true)
	if len(feed.Author) != 1 || feed.Author[0].Name == "" {
		t.Error("the feed has no author")
	}
	if !slices.ContainsFunc(feed.Links, func(l link) bool { return l.Rel == "self" && strings.HasSuffix(l.Href, "/feed.atom") }) {
		t.Error("no self link")
	}
	ids := map[string]bool{}
	for _, e := range feed.Entries {
		once("entry id", e.ID, false)
		once("entry title", e.Title, false)
		once("entry updated", e.Updated, true)
		if len(e.ID) == 1 {
			if !strings.HasPrefix(e.ID[0], "http://") && !strings.HasPrefix(e.ID[0], "https://") || ids[e.ID[0]] {
				t.Errorf("entry id %q is not an absolute IRI or is used twice", e.ID[0])
			}
			ids[e.ID[0]] = true
		}
	}
	if len(feed.Entries) < 3 {
		t.Errorf("%d entries", len(feed.Entries))
	}
}

// TestCorrectionsPage: both languages list the revisions with anchors.
func TestCorrectionsPage(t *testing.T) {
	t.Parallel()
	h, exp := newEmbeddedServer(t).Handler(), datatest.LoadExpectations(t)
	for _, target := range []string{"/corrections", "/corrections?lang=fa"} {
		rec := get(t, h, http.MethodGet, target)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, `id="R001"`) || !strings.Contains(body, `href="feed.atom"`) {
			t.Errorf("%s: %d, anchors or feed link missing", target, rec.Code)
		}
		// The three dates, each under its name.
		for _, want := range []string{"<bdi>" + exp.Updated + "</bdi>", "<code>"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: no %s", target, want)
			}
		}
		if strings.Contains(body, "<dt>2026") {
			t.Errorf("%s: a date stands where a date's name belongs", target)
		}
	}
}

// TestKnownPicturesAndDiff: the pictures and /api/diff take known= too; a
// picture at the time says so under its title, and the diff is the one of
// the map as known then.
func TestKnownPicturesAndDiff(t *testing.T) {
	t.Parallel()
	h, exp := newEmbeddedServer(t).Handler(), datatest.LoadExpectations(t)
	k := exp.KnownAtTheTime[len(exp.KnownAtTheTime)-1] // the one with a status that differs
	at := get(t, h, http.MethodGet, "/api/export/map.svg?date="+k.Date+"&known="+k.Known)
	hind := get(t, h, http.MethodGet, "/api/export/map.svg?date="+k.Date)
	if at.Code != http.StatusOK || !strings.Contains(at.Body.String(), "as known at the time") {
		t.Errorf("the picture at the time: %d, says so: %v", at.Code, strings.Contains(at.Body.String(), "as known at the time"))
	}
	if strings.Contains(hind.Body.String(), "as known at the time") || at.Body.String() == hind.Body.String() {
		t.Error("the picture with hindsight is the one at the time")
	}
	if at.Header().Get("ETag") == hind.Header().Get("ETag") {
		t.Error("one ETag for both pictures")
	}
	var diffAt, diffHind diffDoc
	getJSONInto2(t, h, "/api/diff?from=2021-08-01&to="+k.Date+"&known="+k.Known, &diffAt)
	getJSONInto2(t, h, "/api/diff?from=2021-08-01&to="+k.Date, &diffHind)
	if diffAt.Known == nil || diffAt.to()[k.PCode] != k.Status || diffHind.to()[k.PCode] != k.Hindsight {
		t.Errorf("diff to %s: %s at the time %q, with hindsight %q; want %s and %s", k.Date, k.PCode, diffAt.to()[k.PCode], diffHind.to()[k.PCode], k.Status, k.Hindsight)
	}
}

// to gives each listed district's later status.
func (d diffDoc) to() map[string]string {
	out := map[string]string{}
	for _, f := range d.Features {
		out[f.Properties.PCode] = f.Properties.StatusTo
	}
	return out
}

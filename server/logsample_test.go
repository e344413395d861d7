package server

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// A flood of one warning keeps logBurst lines a second and then says how
// many it dropped; errors and other messages pass (issue 24).
func TestLogSampling(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	now := time.Unix(1_700_000_000, 0)
	log := slog.New(newSampled(slog.NewTextHandler(&buf, nil), logBurst, func() time.Time { return now }))
	for range 1000 {
		log.Warn("bad request", "path", "/api/control", "status", 400)
	}
	log.Info("serving")
	log.Error("request failed", "status", 500)
	now = now.Add(time.Second)
	log.Warn("bad request", "path", "/api/control", "status", 400)
	out := buf.String()
	if n := strings.Count(out, "msg=\"bad request\""); n != logBurst+1 {
		t.Errorf("%d bad-request lines, want %d in the first second and 1 in the next", n, logBurst+1)
	}
	if !strings.Contains(out, `msg="log lines dropped" kind="bad request" dropped=980`) {
		t.Errorf("no line counts the dropped ones:\n%s", out)
	}
	for _, want := range []string{"msg=serving", `msg="request failed"`} {
		if !strings.Contains(out, want) {
			t.Errorf("%s was dropped", want)
		}
	}
	if len(out) > 10_000 {
		t.Errorf("%d bytes of log for 1,000 bad requests", len(out))
	}
}

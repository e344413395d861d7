// Command barego is the benchmark's ceiling for Go's HTTP stack: a bare
// net/http server that writes the same bytes as controlmap from memory, with
// Content-Length, gzip when the client accepts it. No routing, no lookup.
//
//	go run ./scripts/barego -addr 127.0.0.1:18082 -body control.json -gzip control.json.gz [-headers h.txt]
//
// With -headers (a file of "Name: value" lines, as curl -D writes them) it
// also sends those headers, so that its responses are byte for byte the
// ones it stands in for.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18082", "HOST:PORT to listen on")
	bodyFile := flag.String("body", "", "file with the identity body")
	gzFile := flag.String("gzip", "", "file with the gzip body")
	headerFile := flag.String("headers", "", "file of extra response headers (Name: value per line)")
	flag.Parse()
	extra := http.Header{}
	if *headerFile != "" {
		raw, err := os.ReadFile(*headerFile)
		if err != nil {
			log.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			switch strings.ToLower(k) {
			case "", "date", "content-length", "content-type", "content-encoding":
				continue
			}
			if ok {
				extra.Add(k, strings.TrimSpace(v))
			}
		}
	}
	body, err := os.ReadFile(*bodyFile)
	if err != nil {
		log.Fatal(err)
	}
	gz, err := os.ReadFile(*gzFile)
	if err != nil {
		log.Fatal(err)
	}
	bodyLen, gzLen := strconv.Itoa(len(body)), strconv.Itoa(len(gz))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range extra {
			h[k] = v
		}
		h.Set("Content-Type", "application/geo+json")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.Set("Content-Encoding", "gzip")
			h.Set("Content-Length", gzLen)
			_, _ = w.Write(gz)
			return
		}
		h.Set("Content-Length", bodyLen)
		_, _ = w.Write(body)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}

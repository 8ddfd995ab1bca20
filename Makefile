# Two commands do everything on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
# The interpreter .venv is made with; empty: the first Python 3.11+ found (tools/setup/system.sh)
PYTHON ?=
VENV := .venv
PY := $(VENV)/bin/python
SOURCE ?= ../shared/corpus
OUT ?= build/converted
GENERATED := docs/library
REPORT := build/report.json
REGISTRY ?= tools/data/registry.yml
CACHE := build/cache/converter
# the converter as `make pages` and `make serve` run it (a preview card per page, named after mkdocs.yml's site)
PAGES_ARGS = --source "$(SOURCE)" --out $(GENERATED) --report $(REPORT) --registry "$(REGISTRY)" --cache $(CACHE) --site mkdocs.yml
export PYTHONPATH := $(CURDIR)/tools
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# nbconvert otherwise loads all 28 of its exporters when mkdocs-jupyter is imported, to list the enabled ones
export NBCONVERT_DISABLE_CONFIG_EXPORTERS := 1

# MkDocs' log without its INFO entries (and their indented continuation lines): --quiet would
# hide the warnings too, and --strict counts only the warnings that are logged
WARNINGS_ONLY := awk 'BEGIN { shown = 1 } /^[A-Z]+ +- / { shown = $$1 != "INFO" } shown'

.PHONY: site convert pages serve test test-fast browser-packages check search-check search-bench bench bench-cards field clean og-image

$(VENV)/.installed: requirements.txt constraints.txt
	python=$$(bash tools/setup/system.sh python "$(PYTHON)") && "$$python" -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

## site: convert SOURCE into docs/library and build the site into site/, for the public address
## SITE_URL=https://…/ (on the command line or in the environment; else mkdocs.yml's site_url)
site: pages
	set -o pipefail; $(PY) -m mkdocs build --strict 2>&1 | $(WARNINGS_ONLY)

## pages: convert SOURCE into the git-ignored docs/library (report in build/report.json);
## updates the committed registry of permanent numbers, REGISTRY
pages: $(VENV)/.installed
	$(PY) -m converter $(PAGES_ARGS)

## convert: convert SOURCE into OUT, with OUT/report.json
convert: $(VENV)/.installed
	$(PY) -m converter --source "$(SOURCE)" --out "$(OUT)"

## serve: convert, then serve the site on http://127.0.0.1:8000 with live reload; after a
## save, only the pages whose generated Markdown changed are rendered again (--dirty: the
## converter leaves the others untouched, and rewrites all when the navigation changes)
serve: pages
	$(PY) -m converter $(PAGES_ARGS) --watch & \
	  trap "kill $$!" EXIT; $(PY) -m mkdocs serve --dirty

## test: the whole test suite (unit, corpus integration, site build, browser)
test: $(VENV)/.installed browser-packages
	$(PY) -m pytest -q

## test-fast: the unit tests alone (no run on ../shared, no site build, no browser), in under a minute
test-fast: $(VENV)/.installed
	$(PY) -m pytest -q -m "not integration"

## browser-packages: Debian's chromium and a Devanagari font for the browser tests, installed
## when missing (as root; otherwise one line names the command)
browser-packages:
	@bash tools/setup/system.sh browser

## check: count rendering defects in the built site (run `make site` first)
check: $(VENV)/.installed
	$(PY) -m checks.defects site

## search-check: measure search in a real browser: title, typo, concept, natural and held-out queries (run `make site` first)
search-check: $(VENV)/.installed
	$(PY) -m checks.search site $(REPORT) --concepts tests/data/search_concepts.yml \
	  --natural tests/data/search_natural.yml --heldout tests/data/search_heldout.yml --json build/search.json

## bench: build speed and size on synthetic corpora 1, 10 and 30 times the real one (BENCH_TIMES),
## then the time from saving a raw document to the rebuilt page in `make serve`, then the time on
## long adversarial lines (benchmarks/adversarial.py);
## prints a table, figures in build/bench/bench.json and build/bench/serve.json
BENCH_TIMES ?= 1 10 30
bench: $(VENV)/.installed
	$(PY) benchmarks/bench.py --times $(BENCH_TIMES) --source "$(SOURCE)" --json build/bench/bench.json
	$(PY) benchmarks/serve.py --source "$(SOURCE)" --json build/bench/serve.json
	$(PY) benchmarks/adversarial.py --json build/bench/adversarial.json

## field: convert ../shared/field/documents with no hints and print its score against the answer
## key (questions with a page of their own, extra entries, chapters) and the converter's time
field: $(VENV)/.installed
	$(PY) benchmarks/field.py --json build/bench/field.json

## bench-cards: what the link-preview cards add to `make site` at 1 and 30 times the corpus (CARD_TIMES),
## first build and after one document's edit; figures in build/bench/cards.json
CARD_TIMES ?= 1 30
bench-cards: $(VENV)/.installed
	$(PY) benchmarks/cards.py --times $(CARD_TIMES) --source "$(SOURCE)" --json build/bench/cards.json

## search-bench: compare the search backends on a synthetic corpus TIMES the real one (default 30;
## builds the site twice, about 50 minutes at 30); figures in build/bench/search-xTIMES.json
TIMES ?= 30
search-bench: $(VENV)/.installed
	$(PY) benchmarks/build.py --times $(TIMES) --source "$(SOURCE)" --out build/bench/x$(TIMES)
	$(PY) benchmarks/search.py build/bench/x$(TIMES)/site-material build/bench/x$(TIMES)/site-pagefind \
	  --json build/bench/search-x$(TIMES).json

## og-image: redraw the link-preview image with Chromium (the result is committed)
og-image: $(VENV)/.installed
	$(PY) tools/assets/og_card.py

clean:
	rm -rf site build $(GENERATED) .cache

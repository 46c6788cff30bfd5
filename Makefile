# Two commands do everything on a fresh machine:
#   make serve   preview the site at http://127.0.0.1:8000 (sets up .venv on first run)
#   make test    run the whole test suite (needs Chromium, Firefox ESR, Node and Java: see .ci/run)
# and `make bench` measures speed (Lighthouse, build time; see PERFORMANCE.md).
# Helpers, each setting up .venv itself:
#   make grade PAGE=docs/safety.md   the reading grade of one page (or of all, without PAGE)
#   make images                      redraw the share image and icons (needs Chromium)
#   make translations-current FILE=docs/safety.es.md   after updating a Spanish file (FILE=all: every one)
#   make offline                     massage-guide-offline.zip, the guide for a tablet without internet
#   make kit                         print the PDFs for practices into kit/, then build the site with them (needs Chromium)

VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
export NO_MKDOCS_2_WARNING = 1

.PHONY: serve build test test-fast bench grade images translations-current offline kit clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-test.txt pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve

build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

# Firefox's printouts (tests/test_firefox_print.py) are made by puppeteer-core, from npm.
tests/firefox/node_modules/.package-lock.json: tests/firefox/package.json tests/firefox/package-lock.json
	npm ci --prefix tests/firefox --no-audit --no-fund

# On every core (pytest-xdist; at most 4 workers, each with its own Chromium), a test file per
# worker at a time, the longest files first (tests/conftest.py, LONGEST_FIRST);
# `TEST_WORKERS=0 make test` runs it in one process.
TEST_WORKERS ?= auto
test: $(VENV)/.test-deps tests/firefox/node_modules/.package-lock.json
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder

# Unit and golden tests only (no site build, no browser): seconds, for every change.
test-fast: $(VENV)/.test-deps
	$(BIN)/python -m pytest -m "not slow" -n $(TEST_WORKERS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder

# Speed benchmark (not part of the tests; takes a few minutes): Lighthouse on key pages and the
# build time against plain Material. Needs Node 20 and Chromium; results go in PERFORMANCE.md.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

bench: $(VENV)/.site-deps bench/node_modules/.package-lock.json
	$(BIN)/python scripts/bench.py

# The reading grade (Flesch-Kincaid) of the page you are writing; every page must be 8 or lower.
PAGE ?= docs/*.md docs/differences/*.md
grade: $(VENV)/.test-deps
	$(BIN)/python scripts/grade.py $(PAGE)

# After changing docs/assets/icons/favicon.svg, the site's name or extra.share_tagline.
images: $(VENV)/.test-deps
	$(BIN)/python scripts/make_images.py

# After bringing a Spanish file up to date with its English twin (the build lists those behind):
# records the English version it now follows in docs/translations.yml, and nothing else.
translations-current: $(VENV)/.site-deps
	$(BIN)/python scripts/translations_current.py $(FILE)

# The guide as one zip for a waiting-room tablet: unzipped, its index.html opens from the folder
# (file://), with search, and asks no website for anything (scripts/make_offline.py).
offline: $(VENV)/.site-deps
	$(BIN)/python scripts/make_offline.py

# The practice kit: the handout, the booklet, the quiz worksheet and a front-desk poster as PDFs
# (Letter and A4, each language), printed by Chromium into kit/; the build then publishes them,
# and the link kit and the handout page offer them. Run it again after changing the guide.
kit: $(VENV)/.test-deps
	$(BIN)/python scripts/make_kit.py
	$(BIN)/mkdocs build --strict

clean:
	rm -rf site kit $(VENV) bench/node_modules massage-guide-offline.zip

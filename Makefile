# Two entry points for a fresh machine (see README): `make run` and `make test`.
# Both create .venv and install the project into it; nothing needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint clean browser

# The HTML report's browser test drives Debian's chromium (Playwright, no browser
# download) and the PDF check uses poppler's pdftoppm: install them when missing.
browser:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/framing report

test: $(STAMP) browser
	$(BIN)/ruff check framing tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n auto --dist loadfile

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Rebuild the shipped loaded-language model and discovery's word-case counts from ../shared/datasets
# (seeded; see models/README.md and framing/models/common_words/SOURCE.md).
.PHONY: model
model: $(STAMP)
	$(BIN)/framing train --output models/loaded_terms.json
	$(BIN)/python -m framing.evaluation.build_common_words --data ../shared/datasets

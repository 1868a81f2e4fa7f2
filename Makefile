# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test lint bench bench-parsing bench-big bench-recoll screenshots translations clean

$(STAMP): setup.cfg pyproject.toml
	@bash scripts/ensure-system-libs.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench $(ARGS)

bench-parsing: $(STAMP)
	$(BIN)/python -m bench.parsing $(ARGS)

bench-big: $(STAMP)
	$(BIN)/python -m bench.big_documents $(ARGS)

bench-recoll: $(STAMP)
	$(BIN)/python -m bench.recoll $(ARGS)

# Collect the app's strings into the .ts files (keeping their translations) and compile them to .qm.
# English, the source language, needs only its plural forms ("%Ln document(s)": "1 document", "2 documents").
TRANSLATIONS := resources/translations
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete -target-language fr_FR ui app/search/notices.py -ts $(TRANSLATIONS)/dossier_fr.ts
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete -pluralonly -target-language en_US ui app/search/notices.py -ts $(TRANSLATIONS)/dossier_en.ts
	for ts in $(TRANSLATIONS)/*.ts; do $(BIN)/pyside6-lrelease $$ts -qm $${ts%.ts}.qm; done

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info

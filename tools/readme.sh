#!/usr/bin/env bash
# Writes README.md from nbs/index.ipynb (nbdev_readme needs Quarto, which this project cannot rely on).
# Links between notebooks are relative to nbs/ on the site; in the repository they need the folder.
set -euo pipefail
out=${1:-README.md}
jupyter nbconvert --to markdown --stdout nbs/index.ipynb 2>/dev/null \
  | sed -E 's#\]\(([0-9][0-9]_[a-z_]+\.ipynb)\)#](nbs/\1)#g' > "$out"

#!/usr/bin/env bash
# Runs nbdev_export and nbdev_clean on a scratch copy of the project, so that a hand edit in d2lblocks/
# an unclean notebook or a stale README is reported and never overwritten.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -rL settings.ini _quarto.yml nbs d2lblocks tools exercises "$scratch"/
(cd "$scratch" && nbdev_export && nbdev_clean && nbdev_clean --fname exercises && tools/readme.sh README.md) >/dev/null

status=0
if ! diff -r -q -x __pycache__ d2lblocks "$scratch/d2lblocks" >/dev/null; then
  echo "ERROR: d2lblocks/ is not what the notebooks export:" >&2
  diff -r -u -x __pycache__ d2lblocks "$scratch/d2lblocks" | head -40 >&2 || true
  echo "The notebooks in nbs/ are the source. Make the change in the notebook named at the top of" >&2
  echo "each module ("File to edit: ..."), then run 'make export'." >&2
  status=1
fi

for folder in nbs exercises; do
  if ! diff -r -q -x __pycache__ "$folder" "$scratch/$folder" >/dev/null; then
    echo "ERROR: these notebooks are not clean (nbdev_clean would change them):" >&2
    diff -r -q -x __pycache__ "$folder" "$scratch/$folder" >&2 || true
    echo "Run '.venv/bin/nbdev_clean --fname $folder' and commit the result." >&2
    status=1
  fi
done
if ! diff -q README.md "$scratch/README.md" >/dev/null; then
  echo "ERROR: README.md is not what nbs/index.ipynb generates. Edit the notebook, then run 'make export'." >&2
  status=1
fi
[ $status -eq 0 ] && echo "check-sync: d2lblocks/ matches nbs/, notebooks are clean"
exit $status

"""Prepare `_proc/` for rendering: nbdev's `nbdev_proc_nbs` steps, minus its Quarto installer.

`nbdev_proc_nbs` calls `_ensure_quarto` first, which, when Quarto is missing, runs `sudo` to install it and
then `pip install -e ".[dev]"` with whatever `pip` is first on PATH. The site renders with smalldocs where
Quarto is absent, so the installer is never wanted; the remaining steps are nbdev's own, called in its order.
"""
import sys

import nbdev.doclinks
from nbdev.config import get_config
from nbdev.quarto import nbdev_sidebar, refresh_quarto_yml
from nbdev.serve import proc_nbs


def prepare_docs(n_workers: int = 2):
    "Write `_proc/` from the notebooks as `nbdev_proc_nbs` does, without installing anything."
    notebooks = get_config().nbs_path
    refresh_quarto_yml()
    nbdev.doclinks._build_modidx()
    nbdev_sidebar.__wrapped__(path=notebooks)
    return proc_nbs(notebooks, n_workers=n_workers)


if __name__ == "__main__":
    print(f"Notebooks processed into {prepare_docs(int(sys.argv[1]) if len(sys.argv) > 1 else 2)}")

#!/usr/bin/env python
"""Re-executes notebooks and stores their outputs as nbval will compare them.

Usage: .venv/bin/python tools/refresh_outputs.py NOTEBOOK [...]

Each notebook runs top to bottom in a fresh kernel from its own folder (as nbval runs it). The C++ log
lines TensorFlow writes to stderr at import carry timestamps and process ids and are not part of a page,
so those outputs are dropped (the same test `tests/nbval_cleaned.py` applies when comparing). Then
`nbdev_clean` normalises the files. Check the diff of the stored outputs before committing them.
"""
import subprocess, sys
from pathlib import Path
import nbformat
from nbclient import NotebookClient

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "tests"))
from nbval_cleaned import is_native_log


def refresh(path: Path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        if cell.cell_type == "code": cell.outputs = [o for o in cell.outputs if not is_native_log(o)]
    nbformat.write(nb, path)


if __name__ == "__main__":
    if len(sys.argv) < 2: sys.exit(__doc__)
    paths = [Path(p).resolve() for p in sys.argv[1:]]
    missing = [str(p) for p in paths if p.suffix != ".ipynb" or not p.is_file()]
    if missing: sys.exit(f"not a notebook: {', '.join(missing)}")
    for p in paths:
        print(f"executing {p.relative_to(root)}", flush=True)
        refresh(p)
    for p in paths: subprocess.run([str(Path(sys.executable).parent / "nbdev_clean"), "--fname", str(p)], check=True, cwd=root)

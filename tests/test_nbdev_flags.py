"""nbdev's test flags as the project sets them: `nbdev_test` (run by `make test`) skips cells marked `#| gpu`
or `#| slow` unless asked for them with `--flags`."""
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBDEV_TEST = Path(sys.executable).parent / "nbdev_test"


def write_notebook(path:Path, sources:list):
    cells = [{"cell_type": "code", "execution_count": None, "id": f"cell{i}", "metadata": {}, "outputs": [], "source": s}
             for i, s in enumerate(sources)]
    kernel = {"display_name": "python3", "language": "python", "name": "python3"}
    path.write_text(json.dumps({"cells": cells, "metadata": {"kernelspec": kernel}, "nbformat": 4, "nbformat_minor": 5}))


def nbdev_test(notebook:Path, flags:str=""):
    # Run from the repository root so that nbdev reads the project's settings.ini.
    args = [str(NBDEV_TEST), "--path", str(notebook), "--n_workers", "0"] + (["--flags", flags] if flags else [])
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_gpu_and_slow_cells_are_skipped_unless_asked_for(tmp_path):
    nb = tmp_path / "flags.ipynb"
    write_notebook(nb, ["x = 1", "#| gpu\nraise RuntimeError('the gpu cell ran')",
                        "#| slow\nraise RuntimeError('the slow cell ran')"])
    skipped = nbdev_test(nb)
    assert skipped.returncode == 0, skipped.stderr
    for flag in ("gpu", "slow"):
        forced = nbdev_test(nb, flag)
        assert forced.returncode != 0 and f"the {flag} cell ran" in forced.stdout + forced.stderr, (flag, forced.stderr)

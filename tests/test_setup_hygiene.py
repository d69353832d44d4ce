"""Set-up touches nothing outside the project: `make docs` installs nothing into a system Python and never runs sudo.

nbdev's `nbdev_proc_nbs` did both where Quarto is missing (sudo to install Quarto, then `pip install -e ".[dev]"`
with the first pip on PATH); `make docs` now prepares the site with tools/proc_docs.py. The test runs the real
`make docs` with a `sudo` on PATH that records its arguments and fails, and compares every distribution the
system interpreters can see before and after.
"""
import os, re, shutil, subprocess, sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"

# What pip list reads (installed distributions), plus the .pth files an editable install leaves behind.
LIST_DISTRIBUTIONS = r"""
import importlib.metadata as md, site, sys, pathlib
for d in md.distributions():
    print("dist", d.metadata["Name"], d.version, d._path)
for folder in {*site.getsitepackages(), site.getusersitepackages()}:
    for pth in sorted(pathlib.Path(folder).glob("*.pth")):
        print("pth", pth, pth.stat().st_mtime_ns)
"""


def path_without_venv() -> str:
    return os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                           if Path(p).resolve() != VENV_BIN.resolve() and "/.venv/" not in p + "/")


def system_interpreters() -> list[str]:
    "The python3 first on PATH once .venv is left out, and Debian's own 3.11."
    found = [shutil.which("python3", path=path_without_venv()), "/usr/bin/python3.11"]
    return list(dict.fromkeys(p for p in found if p and os.access(p, os.X_OK)))


def distributions(python: str) -> list[str]:
    proc = subprocess.run([python, "-c", LIST_DISTRIBUTIONS], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return sorted(proc.stdout.splitlines())


def recording_sudo(folder: Path, log: Path) -> Path:
    "A `sudo` that writes its arguments to `log` and fails, so a call is both seen and harmless."
    shim = folder / "sudo"
    shim.write_text(f'#!/bin/sh\necho "sudo $*" >> "{log}"\nexit 1\n')
    shim.chmod(0o755)
    return folder


def test_the_makefile_runs_pip_only_from_the_venv():
    lines = (ROOT / "Makefile").read_text().splitlines()
    recipes = [line.strip() for line in lines if line.startswith("\t")]
    # recipes and the variables they use (PIP_INSTALL)
    pip_lines = [line.strip() for line in lines if re.search(r"\bpip install\b", line) and not line.lstrip().startswith("#")]
    assert pip_lines, "the Makefile installs with pip somewhere"
    for line in pip_lines:
        assert "$(BIN)/python -m pip" in line, f"a pip outside .venv: {line}"
    for line in recipes:
        assert not re.search(r"\bsudo\b|nbdev_proc_nbs|nbdev_install", line), f"a recipe that may install outside the project: {line}"


@pytest.mark.skipif(not (VENV_BIN / "python").exists(), reason="no .venv: run `make install` first")
def test_make_docs_leaves_system_python_alone_and_calls_no_sudo(tmp_path):
    interpreters = system_interpreters()
    assert interpreters, "no system python3 found to compare"
    before = {python: distributions(python) for python in interpreters}
    log = tmp_path / "sudo.log"
    shims = recording_sudo(tmp_path, log)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(["make", "-C", str(ROOT), "docs"], env=env, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert not log.exists(), f"make docs called sudo: {log.read_text()}"
    assert "Quarto is not installed" not in proc.stdout + proc.stderr
    assert (ROOT / "_docs" / "index.html").is_file()
    for python in interpreters:
        assert distributions(python) == before[python], f"make docs changed what {python} has installed"

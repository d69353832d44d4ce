"""The student tier end to end: a release whose CI holds no secret, a grader wheel with no exercise in it,
and `d2lblocks check` (nbval) through the real command line.

`check` runs every notebook in a fresh kernel: the nine released stubs (no notebook passes) and a copy with
the masters' answers in the answer cells (every notebook passes; PyTorch's three, to keep the run short).
"""
import json, os, re, shutil, subprocess, sys, zipfile
from configparser import ConfigParser
from pathlib import Path
import pytest
from d2lblocks.core import cell_source
from d2lblocks.grader.grade import is_answer
from d2lblocks.grader.release import build_wheel, find_leaks, solution_lines, wheel_leaks

ROOT = Path(__file__).resolve().parents[1]
MASTERS = sorted((ROOT / "exercises").glob("*/*.ipynb"))  # <nn>_<name>/<framework>.ipynb


def released_path(master: Path) -> Path:
    """Where the release puts a master: `<framework>/<n>_<name>.ipynb`."""
    number, name = master.parent.name.split("_", 1)
    return Path(master.stem) / f"{int(number)}_{name}.ipynb"
CLI = Path(sys.executable).with_name("d2lblocks")
CHAPTER = [ROOT / "nbs" / n for n in ("01_mxnet.ipynb", "02_torch.ipynb", "03_tensorflow.ipynb")]


def settings():
    cfg = ConfigParser(delimiters=["="])
    cfg.read(ROOT / "settings.ini")
    return cfg["DEFAULT"]


def master_secrets() -> list:
    """Every solution line of every master."""
    return [l for m in MASTERS for c in json.loads(m.read_text())["cells"] if c["cell_type"] == "code"
            for l in solution_lines(cell_source(c))]


def cli(*args, env=None, cwd=None) -> subprocess.CompletedProcess:
    """The installed `d2lblocks` command, as a student or an instructor runs it."""
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, timeout=900,
                          env={**os.environ, **(env or {})}, cwd=cwd)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    return build_wheel(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def released(tmp_path_factory, wheel):
    root = tmp_path_factory.mktemp("release")
    proc = cli("release", root / "student", "--bundle", root / "bundle", "--source", ROOT / "exercises", "--wheel", wheel)
    assert proc.returncode == 0, proc.stderr
    return root / "student"


def solved_copy(student_dir: Path, dest: Path) -> Path:
    """The released repository with each master's answer cells put into the student's answer cells."""
    shutil.copytree(student_dir, dest)
    for master in MASTERS:
        rel = released_path(master)
        answers = [cell_source(c) for c in json.loads(master.read_text())["cells"] if is_answer(c)]
        nb = json.loads((dest / rel).read_text())
        cells = [c for c in nb["cells"] if is_answer(c)]
        assert len(cells) == len(answers) >= 1
        for cell, answer in zip(cells, answers): cell["source"] = answer
        (dest / rel).write_text(json.dumps(nb))
    return dest


# The grader wheel ------------------------------------------------------------------------------------------

def exercise_content(wheel: Path, secrets: list) -> list:
    """What of the exercises a wheel holds: exercise files, hidden-test lines, solution lines (member: what)."""
    found = []
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            parts, text = Path(name).parts, z.read(name).decode("utf-8", errors="replace")
            if "exercises" in parts or name.endswith(".ipynb") or parts[-1] in ("hidden_tests.py", "exercise.py"): found.append(name)
            found += [f"{name}: {m[0]}" for m in re.finditer(r"^\s*@hidden_test\(|^SEED\s*=", text, re.M)]
            found += [f"{name}: {s}" for s in secrets if s in text]
    return found


def test_make_dist_wheel_holds_no_exercise_content(wheel, tmp_path):
    cfg = settings()
    assert wheel.name == f"{cfg['lib_name']}-{cfg['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z: names = z.namelist()
    assert all(n.startswith(("d2lblocks/", f"d2lblocks-{cfg['version']}.dist-info/")) for n in names), names
    assert "d2lblocks/grader/release.py" in names and "d2lblocks/cli.py" in names
    # A solution line that the published chapter itself prints (`return X`) is no secret; every other one is.
    chapter = "\n".join(cell_source(c) for p in CHAPTER for c in json.loads(p.read_text())["cells"])
    secrets = [s for s in master_secrets() if s not in chapter]
    assert len(set(secrets)) >= 7, secrets
    assert exercise_content(wheel, secrets) == []
    assert wheel_leaks(wheel, master_secrets()) == []
    # The same scan finds each kind of exercise content once it is in a wheel.
    planted = tmp_path / wheel.name
    shutil.copy(wheel, planted)
    with zipfile.ZipFile(planted, "a") as z:
        z.writestr("d2lblocks/grader/answers.py", f"SEED = 20260511\n    {secrets[0]}\n")
        z.writestr("d2lblocks/exercises/torch/2_parallel.ipynb", "{}")
        z.write(ROOT / "exercises" / "02_parallel" / "exercise.py", "d2lblocks/exercise.py")
    found = exercise_content(planted, secrets)
    assert any(secrets[0] in f for f in found) and "d2lblocks/exercises/torch/2_parallel.ipynb" in found
    assert any("@hidden_test(" in f for f in found) and any("SEED" in f for f in found)
    assert len(wheel_leaks(planted, master_secrets())) >= 4


def test_installing_the_wheel_needs_no_instructor_repository(wheel, tmp_path):
    with zipfile.ZipFile(wheel) as z:
        meta = z.read(f"d2lblocks-{settings()['version']}.dist-info/METADATA").decode()
        entry_points = z.read(f"d2lblocks-{settings()['version']}.dist-info/entry_points.txt").decode()
    requires = [l for l in meta.splitlines() if l.startswith("Requires-Dist:")]
    assert requires and not [r for r in requires if " @ " in r or "git+" in r], requires
    assert 'Requires-Dist: nbval; extra == "check"' in meta
    assert "d2lblocks = d2lblocks.cli:main" in entry_points
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    # -S: no site-packages, so neither this source tree's editable install nor anything else is importable.
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import d2lblocks, d2lblocks.cli as cli, d2lblocks.grader.release as r; "
            "print(d2lblocks.__file__); print(r.project_root()); cli.main(['check', '--help'])")
    proc = subprocess.run([sys.executable, "-S", "-c", code, str(site)], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    where, root = proc.stdout.splitlines()[:2]
    assert Path(where).is_relative_to(site) and root == "None"
    assert "Points X/Y" in proc.stdout


# The release --------------------------------------------------------------------------------------------

def test_release_ships_a_student_tier_and_no_secret(released, wheel):
    workflow = (released / ".github" / "workflows" / "grade.yml").read_text()
    assert "d2lblocks check ." in workflow
    frameworks = ",".join(sorted({m.stem for m in MASTERS}))
    assert f'"./.github/grader/{wheel.name}[check,{frameworks}]"' in workflow
    assert "pip install -c requirements.txt" in workflow
    for handed_over in ("secrets.", "${{", "git+", "curl", "openssl", "bundle", "KEY"):
        assert handed_over not in workflow, handed_over
    assert (released / ".github" / "grader" / wheel.name).read_bytes() == wheel.read_bytes()
    lock = (ROOT / "requirements" / "constraints.txt").read_text()
    assert (released / "requirements.txt").read_text().endswith(lock)
    assert find_leaks(released, master_secrets()) == []
    assert not list(released.rglob("*.py"))


def test_release_refuses_a_solution_outside_an_answer_cell(tmp_path, wheel):
    source = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", source)
    path = source / "02_parallel" / "torch.ipynb"
    nb = json.loads(path.read_text())
    checks = max(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code")
    nb["cells"][checks]["source"] = "### BEGIN SOLUTION\nnet = None\n### END SOLUTION\n" + cell_source(nb["cells"][checks])
    path.write_text(json.dumps(nb))
    proc = cli("release", tmp_path / "student", "--bundle", tmp_path / "bundle", "--source", source, "--wheel", wheel)
    assert proc.returncode == 2
    assert f"{path}: cell {checks}" in proc.stderr and "not tagged 'answer'" in proc.stderr, proc.stderr
    assert not (tmp_path / "student").exists() and not (tmp_path / "bundle").exists()


# d2lblocks check ------------------------------------------------------------------------------------------

def test_check_gives_the_released_stubs_no_point(released, tmp_path):
    summary = tmp_path / "summary.md"
    proc = cli("check", released, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 0, proc.stderr
    n = len(MASTERS)
    assert re.search(rf"^Points 0/{n}$", proc.stdout, re.M), proc.stdout
    assert f"::notice title=Autograding complete,file=.github,line=1::Points 0/{n}" in proc.stdout
    table = summary.read_text()
    assert table.startswith(f"## Public checks: Points 0/{n}")
    assert len(re.findall(r"^\| `\w+/\d+_\w+\.ipynb` \| fails \| .*NotImplementedError", table, re.M)) == n, table


def test_check_gives_the_masters_answers_every_point(released, tmp_path):
    solved = solved_copy(released, tmp_path / "solved")
    # PyTorch's notebooks only: the other frameworks' fresh kernels would double this file's run time.
    for other in {m.stem for m in MASTERS} - {"torch"}: shutil.rmtree(solved / other)
    n = sum(m.stem == "torch" for m in MASTERS)
    proc = cli("check", solved, env={"GITHUB_STEP_SUMMARY": ""})
    assert proc.returncode == 0, proc.stderr
    assert re.search(rf"^Points {n}/{n}$", proc.stdout, re.M), proc.stdout
    # Plain nbval in this environment agrees on a notebook, solved and as released.
    plain = lambda repo: subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q",
                                         "torch/2_parallel.ipynb"], capture_output=True, text=True, cwd=repo, timeout=600)
    assert plain(solved).returncode == 0
    assert plain(released).returncode == 1


def test_check_cannot_run_without_notebooks(tmp_path):
    proc = cli("check", tmp_path)
    assert proc.returncode == 2 and "no exercise notebooks" in proc.stderr
    assert "Points" not in proc.stdout

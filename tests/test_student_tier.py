"""The student tier end to end: a release sized to the course (frameworks and exercises chosen), whose CI holds no
secret and runs on Node 24 actions, a grader wheel with no exercise in it, the release's refusals, and
`d2lblocks check` (nbval) through the real command line.

`check` runs every notebook in a fresh kernel, so its tests use a PyTorch-only release (four notebooks): the
stubs (no notebook passes, the job is red), the masters' answers (every notebook passes) and the structural
problems a student makes (a missing, renamed or untagged notebook, an extra cell).
"""
import json, os, re, shutil, subprocess, sys, zipfile
from configparser import ConfigParser
from pathlib import Path
import pytest
from d2lblocks.core import cell_source
from d2lblocks.grader.notebook import is_answer
from students import TORCH_PARALLEL, answered
from d2lblocks.grader.ledger import bundle_id
from d2lblocks.grader.leaks import find_leaks, wheel_leaks
from d2lblocks.grader.notebook import solution_lines
from d2lblocks.grader.release import build_wheel
from d2lblocks.grader.student_tier import RELEASE_FILE

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


@pytest.fixture(scope="module")
def torch_course(tmp_path_factory, wheel):
    """A course that teaches PyTorch only: every exercise, one framework."""
    root = tmp_path_factory.mktemp("torch-course")
    proc = cli("release", root / "student", "--bundle", root / "bundle", "--source", ROOT / "exercises", "--wheel", wheel,
               "--frameworks", "torch")
    assert proc.returncode == 0, proc.stderr
    return root / "student"


def solved_copy(student_dir: Path, dest: Path) -> Path:
    """The released repository with each master's answer cells put into the student's answer cells."""
    shutil.copytree(student_dir, dest)
    for master in MASTERS:
        rel = released_path(master)
        if not (dest / rel).exists(): continue  # a framework or exercise this course does not release
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
            if "exercises" in parts or name.endswith(".ipynb") or parts[-1] == "exercise.py": found.append(name)
            found += [f"{name}: {m[0]}" for m in re.finditer(r"^\s*@hidden_test\(|^SEED\s*=", text, re.M)]
            found += [f"{name}: {s}" for s in secrets if s in text]
    return found


def test_make_dist_wheel_holds_no_exercise_content(wheel, tmp_path):
    cfg = settings()
    assert wheel.name == f"{cfg['lib_name']}-{cfg['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z: names = z.namelist()
    assert all(n.startswith(("d2lblocks/", f"d2lblocks-{cfg['version']}.dist-info/")) for n in names), names
    assert {"d2lblocks/grader/release.py", "d2lblocks/grader/student_tier.py", "d2lblocks/cli.py"} <= set(names)
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
    # -S: no site-packages, so this source tree's editable install is not importable (its .pth file is not read);
    # the wheel's declared dependencies are, as pip installs them beside it: numpy's folder comes after the wheel's.
    import numpy
    dependencies = Path(numpy.__file__).resolve().parent.parent
    code = ("import sys; sys.path.insert(0, sys.argv[1]); sys.path.append(sys.argv[2]); "
            "import d2lblocks, d2lblocks.cli as cli, d2lblocks.grader.release as r; "
            "print(d2lblocks.__file__); print(r.project_root()); cli.main(['check', '--help'])")
    proc = subprocess.run([sys.executable, "-S", "-c", code, str(site), str(dependencies)], capture_output=True, text=True, cwd=tmp_path)
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
    assert "pip install --no-cache-dir -c requirements.txt --extra-index-url https://download.pytorch.org/whl/cpu" in workflow
    for handed_over in ("secrets.", "github.token", "git+", "curl", "openssl", "bundle", "KEY"):
        assert handed_over not in workflow, handed_over
    # The only expressions: the cache key and the step that reads whether it hit.
    assert set(re.findall(r"\$\{\{ ([^}]*) \}\}", workflow)) == {
        "runner.os", "steps.python.outputs.python-version", "hashFiles('requirements.txt', '.github/grader/*.whl')"}
    assert (released / ".github" / "grader" / wheel.name).read_bytes() == wheel.read_bytes()
    lock = (ROOT / "requirements" / "constraints.txt").read_text()
    assert (released / "requirements.txt").read_text().endswith(lock)
    assert find_leaks(released, master_secrets()) == []
    assert not list(released.rglob("*.py"))
    assert ".ipynb_checkpoints/" in (released / ".gitignore").read_text().splitlines()


def test_student_workflow_runs_on_node24_actions_with_its_environment_cached_on_the_lock(released):
    steps = (released / ".github" / "workflows" / "grade.yml").read_text()
    uses = re.findall(r"uses: (\S+)", steps)
    # Node 24 majors (Node 20 left hosted runners on 2026-09-23): checkout v6, setup-python v6 and later, cache v5.
    assert uses == ["actions/checkout@v7", "actions/setup-python@v7", "actions/cache@v5"], uses
    # The checks' virtual environment is cached, keyed on the lock and the wheel: a hit installs nothing.
    assert "hashFiles('requirements.txt', '.github/grader/*.whl')" in steps
    assert "if: steps.checks.outputs.cache-hit != 'true'" in steps and "run: ~/checks-venv/bin/d2lblocks check ." in steps
    assert "timeout-minutes: 15" in steps


def test_release_record_names_the_bundle_and_every_notebook(released):
    record = json.loads((released / RELEASE_FILE).read_text())
    bundle = released.parent / "bundle"
    assert record == json.loads((bundle / "release.json").read_text())
    assert record["bundle_id"] == bundle_id(bundle) == bundle_id(ROOT / "exercises")  # every framework, every exercise
    assert record["frameworks"] == sorted({m.stem for m in MASTERS})
    assert record["exercises"] == [m.name.split("_", 1)[1] for m in sorted((ROOT / "exercises").glob("*_*")) if (m / "exercise.py").is_file()]
    assert sorted(n["path"] for n in record["notebooks"]) == sorted(released_path(m).as_posix() for m in MASTERS)
    assert {n["answer_cells"] for n in record["notebooks"]} == {1}
    assert record["grader_version"] == settings()["version"]


def test_release_writes_nothing_at_the_paths_classroom50_owns(released):
    for reserved in (".github/workflows/autograde.yaml", ".classroom50.yaml"):
        assert not (released / reserved).exists()


def test_release_ships_only_the_chosen_frameworks_and_exercises(tmp_path, wheel):
    proc = cli("release", tmp_path / "student", "--bundle", tmp_path / "bundle", "--source", ROOT / "exercises",
               "--wheel", wheel, "--frameworks", "torch", "--exercises", "parallel,repeat")
    assert proc.returncode == 0, proc.stderr
    student = tmp_path / "student"
    assert sorted(p.relative_to(student).as_posix() for p in student.rglob("*.ipynb")) == ["torch/2_parallel.ipynb", "torch/4_repeat.ipynb"]
    workflow = (student / ".github" / "workflows" / "grade.yml").read_text()
    assert f'"./.github/grader/{wheel.name}[check,torch]"' in workflow and "--extra-index-url https://download.pytorch.org/whl/cpu" in workflow
    bundle = tmp_path / "bundle"
    assert sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()) == [
        "02_parallel/exercise.py", "02_parallel/torch.ipynb", "04_repeat/exercise.py", "04_repeat/torch.ipynb", "release.json"]
    record = json.loads((bundle / "release.json").read_text())
    assert (record["frameworks"], record["exercises"]) == (["torch"], ["parallel", "repeat"])
    assert record["bundle_id"] == bundle_id(bundle) != bundle_id(ROOT / "exercises")
    # One framework without the CPU index: TensorFlow comes from PyPI.
    proc = cli("release", tmp_path / "tf", "--bundle", tmp_path / "tf-bundle", "--source", ROOT / "exercises",
               "--wheel", wheel, "--frameworks", "tensorflow")
    assert proc.returncode == 0, proc.stderr
    assert "download.pytorch.org" not in (tmp_path / "tf" / ".github" / "workflows" / "grade.yml").read_text()
    proc = cli("release", tmp_path / "x", "--bundle", tmp_path / "xb", "--source", ROOT / "exercises", "--wheel", wheel,
               "--frameworks", "pytorch")
    assert proc.returncode == 2 and "unknown framework(s) pytorch: this bundle has jax, mxnet, tensorflow, torch" in proc.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path / "xb").exists()


def test_release_refuses_to_overwrite_answered_notebooks(tmp_path, wheel):
    args = ("release", tmp_path / "student", "--bundle", tmp_path / "bundle", "--source", ROOT / "exercises", "--wheel", wheel,
            "--frameworks", "torch", "--exercises", "parallel")
    assert cli(*args).returncode == 0
    assert cli(*args).returncode == 0, "re-releasing over untouched stubs is allowed"
    path = tmp_path / "student" / "torch" / "2_parallel.ipynb"
    path.write_text(json.dumps(answered(json.loads(path.read_text()), TORCH_PARALLEL)))
    mine = path.read_bytes()
    proc = cli(*args)
    assert proc.returncode == 2 and "torch/2_parallel.ipynb" in proc.stderr and "--force" in proc.stderr, proc.stderr
    assert path.read_bytes() == mine
    assert cli(*args, "--force").returncode == 0
    assert path.read_bytes() != mine and "NotImplementedError" in path.read_text()


def test_release_cleans_a_reused_bundle_folder_and_refuses_a_foreign_one(tmp_path, wheel):
    base = ("--source", ROOT / "exercises", "--wheel", wheel, "--frameworks", "torch")
    assert cli("release", tmp_path / "s", "--bundle", tmp_path / "bundle", *base).returncode == 0
    assert cli("release", tmp_path / "s2", "--bundle", tmp_path / "bundle", *base, "--exercises", "parallel").returncode == 0
    assert sorted(p.name for p in (tmp_path / "bundle").iterdir()) == ["02_parallel", "release.json"]  # no stale exercise left
    foreign = tmp_path / "notes"
    foreign.mkdir(); (foreign / "mine.txt").write_text("keep me")
    proc = cli("release", tmp_path / "s3", "--bundle", foreign, *base)
    assert proc.returncode == 2 and "was not written by release" in proc.stderr
    assert (foreign / "mine.txt").read_text() == "keep me"
    copy = tmp_path / "masters"
    shutil.copytree(ROOT / "exercises", copy)
    proc = cli("release", tmp_path / "s4", "--bundle", copy, "--source", copy, "--wheel", wheel)
    assert proc.returncode == 2 and "must lie apart from" in proc.stderr, proc.stderr
    assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in (ROOT / "exercises").iterdir())


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

def test_check_gives_the_released_stubs_no_point_and_fails_the_job(torch_course, tmp_path):
    summary = tmp_path / "summary.md"
    proc = cli("check", torch_course, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    n = sum(m.stem == "torch" for m in MASTERS)
    assert proc.returncode == 1, proc.stderr  # red: a check failed
    assert re.search(rf"^Points 0/{n}$", proc.stdout, re.M), proc.stdout
    assert len(re.findall(r"^::error file=torch/\d+_\w+\.ipynb,title=Public check::code cell \d+: NotImplementedError", proc.stdout, re.M)) == n
    table = summary.read_text()
    assert table.startswith(f"## Public checks: Points 0/{n}")
    assert len(re.findall(r"^\| `torch/\d+_\w+\.ipynb` \| fails \| .*NotImplementedError", table, re.M)) == n, table


def test_check_gives_the_masters_answers_every_point(torch_course, tmp_path):
    solved = solved_copy(torch_course, tmp_path / "solved")
    n = sum(m.stem == "torch" for m in MASTERS)
    proc = cli("check", solved, env={"GITHUB_STEP_SUMMARY": ""})
    assert proc.returncode == 0, proc.stderr
    assert re.search(rf"^Points {n}/{n}$", proc.stdout, re.M), proc.stdout
    # A framework by name, from the repository's root, and one notebook.
    proc = cli("check", "torch", cwd=solved)
    assert proc.returncode == 0 and re.search(rf"^Points {n}/{n}$", proc.stdout, re.M), proc.stdout + proc.stderr
    proc = cli("check", "torch/2_parallel.ipynb", cwd=solved)
    assert proc.returncode == 0 and re.search(r"^Points 1/1$", proc.stdout, re.M), proc.stdout + proc.stderr
    # Plain nbval in this environment agrees on a notebook, solved and as released.
    plain = lambda repo: subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q",
                                         "torch/2_parallel.ipynb"], capture_output=True, text=True, cwd=repo, timeout=600)
    assert plain(solved).returncode == 0
    assert plain(torch_course).returncode == 1


def test_check_reports_structure_with_the_fix_and_counts_every_released_notebook(torch_course, tmp_path):
    """Each notebook below would pass its own checks; each is a structural problem the hidden tier would punish."""
    repo = solved_copy(torch_course, tmp_path / "repo")
    n = sum(m.stem == "torch" for m in MASTERS)
    (repo / "torch" / "1_list_storage.ipynb").unlink()                                            # missing
    (repo / "torch" / "2_parallel.ipynb").rename(repo / "torch" / "Copy of 2_parallel.ipynb")      # renamed
    untagged = json.loads((repo / "torch" / "3_factory.ipynb").read_text())
    for cell in untagged["cells"]: cell["metadata"].pop("tags", None)                             # answer tag removed
    (repo / "torch" / "3_factory.ipynb").write_text(json.dumps(untagged))
    extra = json.loads((repo / "torch" / "4_repeat.ipynb").read_text())
    at = next(i for i, c in enumerate(extra["cells"]) if is_answer(c))
    helper = dict(extra["cells"][at], source="def helper(x):\n    return x\n", metadata={})
    extra["cells"].insert(at, helper)                                                             # a helper in an extra cell
    (repo / "torch" / "4_repeat.ipynb").write_text(json.dumps(extra))
    proc = cli("check", repo, "--json", tmp_path / "checks.json")
    assert proc.returncode == 1
    assert re.search(rf"^Points 0/{n}$", proc.stdout, re.M), proc.stdout
    reasons = {r["notebook"]: r["reason"] for r in json.loads((tmp_path / "checks.json").read_text())["notebooks"]}
    assert reasons["torch/1_list_storage.ipynb"].startswith("torch/1_list_storage.ipynb is missing: restore it as released with "
                                                            "`git checkout $(git rev-list --max-parents=0 HEAD) -- torch/1_list_storage.ipynb`")
    assert reasons["torch/2_parallel.ipynb"].startswith('it is at `torch/Copy of 2_parallel.ipynb`, where the grader does not look: '
                                                        'move it back with `git mv "torch/Copy of 2_parallel.ipynb" torch/2_parallel.ipynb`')
    assert reasons["torch/3_factory.ipynb"].startswith("0 of its cells are tagged `answer`, the release had 1")
    assert "(`def helper(x):`) is not a cell of the release, and the grader never runs it: move your code into the answer cell" \
        in reasons["torch/4_repeat.ipynb"], reasons
    # The student's own copy of the record cannot shrink the total: a platform passes the bundle's.
    (repo / RELEASE_FILE).write_text(json.dumps(dict(notebooks=[])))
    proc = cli("check", repo, "--manifest", torch_course / RELEASE_FILE)
    assert proc.returncode == 1 and re.search(rf"^Points 0/{n}$", proc.stdout, re.M), proc.stdout


def test_check_cannot_run_without_notebooks(tmp_path):
    proc = cli("check", tmp_path)
    assert proc.returncode == 2 and "no exercise notebooks" in proc.stderr
    assert "Points" not in proc.stdout

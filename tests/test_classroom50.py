"""Classroom 50 end to end, the way its runner runs an assignment's teacher bundle.

A PyTorch course is released with its teacher bundle; the template goes to a bare repository named as Classroom 50
names it (`<classroom>-<assignment>-<username>`), gets Classroom 50's accept commit and the student's work, and is
cloned fresh, as the runner's checkout step does. The bundle travels as Classroom 50 serves it (a .tar.gz,
extracted under $RUNNER_TEMP), and `python autograder.py` runs in the checkout with Debian's /usr/bin/python3.11
(not this project's venv), a PATH without the venv, an empty HOME and the variables the runner sets. The
autograder builds its own virtual environment from the bundle (pip reaches packages the way this machine's pip
is configured: PIP_* variables and /etc/pip.conf; PyTorch's CPU index is unreachable here, see PIP_HERE). result.json is then checked field by field against the
`classroom50/result/v1` contract, independently of the module's own validator.
"""
import json, os, re, shutil, subprocess, tarfile, time
from pathlib import Path
import pytest
from d2lblocks.core import cell_source
from d2lblocks.grader.classroom50 import RUNNER_VARIABLES, validate_result
from d2lblocks.grader.notebook import is_answer
from d2lblocks.grader.release import build_wheel
from d2lblocks.grader.leaks import find_leaks
from d2lblocks.grader.notebook import solution_lines
from students import TORCH_PARALLEL, answered

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / ".venv" / "bin" / "d2lblocks"
RUNNER_PYTHON = Path("/usr/bin/python3.11")  # the assignment's runtime: Python 3.11, not this project's interpreter
CLASSROOM, ASSIGNMENT, STUDENT = "cs101", "blocks", "Ada-L"
# Where this machine's pip finds packages (its PIP_* settings and /etc/pip.conf), and no retries: PyTorch's CPU index,
# which the autograder names, cannot be reached from here, so pip moves on to the same pinned wheel in the local mirror.
PIP_HERE = {**{k: v for k, v in os.environ.items() if k.startswith("PIP_")}, "PIP_RETRIES": "0"}
pytestmark = pytest.mark.skipif(not RUNNER_PYTHON.is_file(), reason="needs Debian's /usr/bin/python3.11 as the runner's Python")


def git(*args, cwd=None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "s",
           "GIT_AUTHOR_EMAIL": "s@x", "GIT_COMMITTER_NAME": "s", "GIT_COMMITTER_EMAIL": "s@x"}
    proc = subprocess.run(["git", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("c50")
    wheel = build_wheel(root / "dist")
    teacher = root / "classroom50" / CLASSROOM / "autograders" / ASSIGNMENT
    proc = subprocess.run([str(CLI), "release", root / "template", "--bundle", root / "bundle", "--source", ROOT / "exercises",
                           "--wheel", wheel, "--frameworks", "torch", "--classroom50", teacher], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return root, teacher


def master_answers() -> dict:
    """The masters' answer cells, by released notebook."""
    found = {}
    for master in sorted((ROOT / "exercises").glob("*/torch.ipynb")):
        number, name = master.parent.name.split("_", 1)
        found[f"torch/{int(number)}_{name}.ipynb"] = [cell_source(c) for c in json.loads(master.read_text())["cells"] if is_answer(c)][0]
    return found


def student_repository(root: Path, template: Path, answers: dict, tag: str) -> Path:
    """A bare repository named and seeded as Classroom 50 does, with the student's answers pushed; its fresh clone."""
    name = f"{CLASSROOM}-{ASSIGNMENT}-{STUDENT}".lower()
    bare = root / "remotes" / f"{name}-{tag}.git"
    git("init", "-q", "--bare", "-b", "main", bare)
    work = root / "work" / tag
    shutil.copytree(template, work)
    git("init", "-q", "-b", "main", cwd=work)
    git("add", "-A", cwd=work); git("commit", "-qm", "Template", cwd=work)
    (work / ".classroom50.yaml").write_text(f"owner: {STUDENT}\nowner_id: 1\nclassroom: {CLASSROOM}\nassignment: {ASSIGNMENT}\n")
    (work / ".github" / "workflows").mkdir(parents=True, exist_ok=True)
    (work / ".github" / "workflows" / "autograde.yaml").write_text("name: autograde\non: push\njobs: {}\n")
    git("add", "-A", cwd=work); git("commit", "-qm", "Accept", cwd=work)  # Classroom 50's accept commit
    for path, answer in answers.items():
        nb = json.loads((work / path).read_text())
        (work / path).write_text(json.dumps(answered(nb, answer)))
    git("add", "-A", cwd=work); git("commit", "-qm", "My answers", "--allow-empty", cwd=work)
    git("push", "-q", bare, "HEAD:main", cwd=work)
    checkout = root / "checkouts" / tag
    git("clone", "-q", bare, checkout)
    return checkout


def run_autograder(root: Path, teacher: Path, checkout: Path, tag: str) -> tuple:
    """Run the teacher bundle's autograder.py as Classroom 50's runner does; (process, seconds, runner temp)."""
    runner_temp = root / "runner-temp"
    archive = root / "pages" / f"{ASSIGNMENT}.tar.gz"  # the bundle as Pages serves it
    archive.parent.mkdir(exist_ok=True)
    with tarfile.open(archive, "w:gz") as tar: tar.add(teacher, arcname=".")
    extracted = runner_temp / "classroom50-runtime" / f"bundle-{tag}"
    extracted.mkdir(parents=True)
    # tarfile's data filter exists from Python 3.11.4 on (Debian 12 has 3.11.2); the archive is the test's own.
    data_only = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(archive) as tar: tar.extractall(extracted, **data_only)
    (root / "home").mkdir(exist_ok=True)
    sha = git("rev-parse", "HEAD", cwd=checkout)
    repo = f"https://github.com/teacher-org/{CLASSROOM}-{ASSIGNMENT}-{STUDENT.lower()}"
    submission = f"submit/2026-12-01T10-00-00Z-{sha[:7]}"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root / "home"), "RUNNER_TEMP": str(runner_temp), "LANG": "C.UTF-8",
           **PIP_HERE,
           "CLASSROOM": CLASSROOM, "ASSIGNMENT": ASSIGNMENT, "SUBMISSION_TAG": submission, "USERNAME": STUDENT,
           "COMMIT_URL": f"{repo}/commit/{sha}", "RELEASE_URL": f"{repo}/releases/tag/{submission.replace('/', '%2F')}",
           "REVIEW_URL": f"{repo}/compare/{sha[:7]}...{sha}", "CLASSROOM50_BUNDLE_DIR": str(extracted)}
    assert set(RUNNER_VARIABLES) <= set(env)
    start = time.perf_counter()
    proc = subprocess.run([str(RUNNER_PYTHON), str(extracted / "autograder.py")],
                          cwd=checkout, env=env, capture_output=True, text=True, timeout=15 * 60)
    return proc, time.perf_counter() - start, env


def check_result_v1(doc: dict, env: dict, notebooks: int):
    """result.json field by field, from the classroom50/result/v1 contract."""
    assert doc["schema"] == "classroom50/result/v1"
    assert (doc["classroom"], doc["assignment"]) == (env["CLASSROOM"], env["ASSIGNMENT"])
    assert doc["submission"] == env["SUBMISSION_TAG"] and doc["submission"].startswith("submit/")
    assert (doc["commit"], doc["release"], doc["review"]) == (env["COMMIT_URL"], env["RELEASE_URL"], env["REVIEW_URL"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["datetime"])
    for field in ("score", "max-score"):
        assert type(doc[field]) is int and doc[field] >= 0, field
    assert doc["score"] <= doc["max-score"] == notebooks
    assert isinstance(doc["tests"], list) and len(doc["tests"]) == notebooks
    for t in doc["tests"]:
        assert isinstance(t["test-name"], str) and t["test-name"]
        assert type(t["passed"]) is bool
        assert type(t["score"]) is int and type(t["max-score"]) is int and 0 <= t["score"] <= t["max-score"] == 1
        assert t["score"] == int(t["passed"])
    assert doc["score"] == sum(t["score"] for t in doc["tests"])
    assert validate_result(doc, env["CLASSROOM"], env["ASSIGNMENT"]) == []
    assert len(json.dumps(doc).encode()) < 10 * 1024 * 1024


def test_teacher_bundle_is_public_and_complete(course):
    root, teacher = course
    assert sorted(p.name for p in teacher.iterdir()) == sorted(["assignment.json", "autograder.py", "release.json",
                                                                "requirements.txt", next(teacher.glob("*.whl")).name])
    settings = json.loads((teacher / "assignment.json").read_text())
    assert settings["runtime"] == {"python": "3.11"} and settings["frameworks"] == ["torch"]
    assert settings["install_seconds"] + settings["check_seconds"] < 15 * 60
    secrets = [l for m in (ROOT / "exercises").glob("*/torch.ipynb") for c in json.loads(m.read_text())["cells"]
               if c["cell_type"] == "code" for l in solution_lines(cell_source(c))]
    assert find_leaks(teacher, secrets) == []
    assert not (root / "template" / ".github" / "workflows" / "grade.yml").exists()  # Classroom 50's workflow runs the checks


def test_autograder_in_a_fresh_checkout_writes_a_valid_result(course):
    root, teacher = course
    answers = master_answers()
    picked = {k: v for k, v in answers.items() if k in ("torch/2_parallel.ipynb", "torch/4_repeat.ipynb")}
    checkout = student_repository(root, root / "template", picked, "half")
    proc, seconds, env = run_autograder(root, teacher, checkout, "half")
    print(f"first run (venv and install from an empty pip cache, then the checks): {seconds:.1f} s")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The grader came from the environment the autograder built, not from this project.
    where = re.search(r"^d2lblocks \S+ from (.+)$", proc.stdout, re.M)
    assert where and Path(where[1]).is_relative_to(Path(env["RUNNER_TEMP"]) / "d2lblocks-checks"), proc.stdout
    doc = json.loads((checkout / "result.json").read_text())
    check_result_v1(doc, env, notebooks=len(answers))
    assert {t["test-name"]: t["passed"] for t in doc["tests"]} == {
        f"{k} runs top to bottom with its checks passing": k in picked for k in sorted(answers)}
    assert (doc["score"], doc["max-score"]) == (2, 4)
    body = (checkout / "release-body.md").read_text()
    assert body.startswith(f"### Public checks: 2 of 4 notebooks pass\n\n{STUDENT}, your notebooks")
    assert "| `torch/2_parallel.ipynb` | passes |" in body
    assert re.search(r"^\| `torch/1_list_storage.ipynb` \| not yet \| code cell \d+: NotImplementedError", body, re.M), body


def test_autograder_counts_a_deleted_notebook_and_reuses_its_environment(course):
    root, teacher = course
    answers = master_answers()
    checkout = student_repository(root, root / "template", answers, "all-but-one")
    git("rm", "-q", "torch/3_factory.ipynb", cwd=checkout)
    (checkout / ".d2lblocks" / "release.json").write_text('{"notebooks": []}')  # the student's copy cannot shrink the total
    proc, seconds, env = run_autograder(root, teacher, checkout, "all-but-one")
    print(f"second run (environment reused, the checks only): {seconds:.1f} s")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    doc = json.loads((checkout / "result.json").read_text())
    check_result_v1(doc, env, notebooks=len(answers))
    assert (doc["score"], doc["max-score"]) == (3, 4)
    failed = [t for t in doc["tests"] if not t["passed"]]
    assert [t["test-name"] for t in failed] == ["torch/3_factory.ipynb runs top to bottom with its checks passing"]
    assert failed[0]["message"].startswith("torch/3_factory.ipynb is missing: restore it as released")


def test_autograder_outside_the_runner_writes_nothing_and_says_why(course, tmp_path):
    root, teacher = course
    checkout = student_repository(root, root / "template", {}, "no-env")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "RUNNER_TEMP": str(root / "runner-temp"),
           **PIP_HERE}
    proc = subprocess.run([str(RUNNER_PYTHON), str(teacher / "autograder.py")], cwd=checkout, env=env,
                          capture_output=True, text=True, timeout=15 * 60)
    assert proc.returncode == 1 and "not run by Classroom 50's runner" in proc.stderr, proc.stderr
    assert not (checkout / "result.json").exists()

"""The Gradescope autograder as Gradescope runs it, in a clean environment.

A release of the PyTorch notebooks (all exercises, one framework) is built with the real CLI; `d2lblocks gradescope`
writes the zip; the zip is unpacked to a folder laid out as /autograder; its setup.sh makes a fresh venv from
Debian's /usr/bin/python3.11 (never the development venv) and installs the grader from the zip alone (packages
from the machine's index or wheelhouse, no PyTorch index: that is the only setting a test changes), ending with
its self-check. Then run_autograder grades a right, a wrong and a hostile submission, in a 768 MB memory cgroup
where the machine allows one, as Gradescope's default memory is. Timings and peak memory are printed (-s).
"""
import contextlib, json, os, shutil, stat, subprocess, sys, tempfile, time, zipfile
from pathlib import Path
import pytest
from d2lblocks.grader.bundle import Bundle
from d2lblocks.grader.notebook import is_answer
from d2lblocks.grader.gradescope import gradescope_totals
from students import GRADESCOPE_VISIBILITY, answered

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
BASE_PYTHON = Path("/usr/bin/python3.11")
MEMORY_CGROUP = Path("/sys/fs/cgroup/memory")
GRADESCOPE_MEMORY = 768 << 20

pytestmark = pytest.mark.skipif(not BASE_PYTHON.is_file(), reason="no /usr/bin/python3.11 to build the clean venv from")


def cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV_BIN / "d2lblocks"), *map(str, args)], capture_output=True, text=True, timeout=600, **kw)


def clean_env(**extra) -> dict:
    "The environment of a machine that never saw the development venv."
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if "/.venv/" not in p + "/")
    return dict(env, **extra)


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    "The PyTorch masters of every exercise, released as an instructor would: the student copy and the bundle."
    root = tmp_path_factory.mktemp("release")
    for master in sorted((ROOT / "exercises").glob("*/torch.ipynb")):
        (root / "source" / master.parent.name).mkdir(parents=True)
        for name in ("torch.ipynb", "exercise.py"): shutil.copy(master.parent / name, root / "source" / master.parent.name)
    proc = cli("release", root / "student", "--bundle", root / "bundle", "--source", root / "source")
    assert proc.returncode == 0, proc.stderr
    return root / "student", root / "bundle"


@pytest.fixture(scope="module")
def autograder(released, tmp_path_factory):
    out = tmp_path_factory.mktemp("gradescope") / "autograder.zip"
    proc = cli("gradescope", "--bundle", released[1], "--out", out)
    assert proc.returncode == 0, proc.stderr
    totals = gradescope_totals(released[1])
    assert f"with {totals['points']:g} points and a timeout of 10 minutes" in proc.stdout
    return out


def test_zip_layout(autograder):
    with zipfile.ZipFile(autograder) as z:
        names = set(z.namelist())
        mode = {n: z.getinfo(n).external_attr >> 16 for n in names}
        requirements = z.read("requirements.txt").decode().split()
        settings = json.loads(z.read("autograder.json"))
    assert {"setup.sh", "run_autograder", "requirements.txt", "constraints.txt", "autograder.json",
            "bundle/02_parallel/exercise.py", "bundle/02_parallel/torch.ipynb"} <= names
    assert [n for n in names if n.startswith("grader/")] == ["grader/d2lblocks-0.1.0-py3-none-any.whl"]
    assert mode["run_autograder"] & stat.S_IXUSR and mode["setup.sh"] & stat.S_IXUSR
    assert all("==" in r for r in requirements) and {r.split("==")[0] for r in requirements} == {"numpy", "ipython", "torch"}
    assert settings["frameworks"] == ["torch"] and len(settings["notebooks"]) == 4 and settings["seconds_per_notebook"] == 135


def test_scripts_are_valid_bash_and_install_every_dependency(autograder, tmp_path):
    with zipfile.ZipFile(autograder) as z: z.extractall(tmp_path)
    for script in ("setup.sh", "run_autograder"):
        proc = subprocess.run(["bash", "-n", str(tmp_path / script)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    setup = (tmp_path / "setup.sh").read_text()
    assert "--no-deps" not in setup and "pip check" in setup and "self_check" in setup
    assert "https://download.pytorch.org/whl/cpu" in setup and "ppa:deadsnakes/ppa" in setup


@pytest.fixture(scope="module")
def gradescope(autograder):
    """A folder laid out as /autograder after setup.sh ran: source/, venv/, run_autograder. It is made under /tmp,
    readable by the sandbox's users as /autograder is, not under pytest's root-only folder."""
    root = Path(tempfile.mkdtemp(prefix="d2lblocks-gradescope-", dir="/tmp"))
    root.chmod(0o755)
    try:
        with zipfile.ZipFile(autograder) as z: z.extractall(root / "source")
        for script in ("setup.sh", "run_autograder"): (root / "source" / script).chmod(0o755)
        start = time.perf_counter()
        proc = subprocess.run(["bash", str(root / "source" / "setup.sh")], cwd=root / "source", capture_output=True, text=True,
                              env=clean_env(AUTOGRADER_ROOT=str(root), AUTOGRADER_BASE_PYTHON=str(BASE_PYTHON), D2LBLOCKS_TORCH_INDEX=""),
                              timeout=1800)
        seconds = time.perf_counter() - start
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        assert "the reference solutions earned every point" in proc.stdout
        print(f"\nsetup.sh into a fresh venv from {BASE_PYTHON}, self-check included: {seconds:.1f} s")
        shutil.copy(root / "source" / "run_autograder", root / "run_autograder")  # as Gradescope does
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_the_venv_is_clean(gradescope):
    python = gradescope / "venv" / "bin" / "python"
    out = subprocess.run([str(python), "-I", "-c", "import sys, d2lblocks; print(sys.base_prefix); print(d2lblocks.__file__)"],
                         capture_output=True, text=True, env=clean_env(), cwd=gradescope, check=True).stdout.split()
    assert out[0] == "/usr" and Path(out[1]).is_relative_to(gradescope / "venv")
    assert (gradescope / "source").stat().st_mode & 0o777 == 0o700


def memory_cgroup():
    "A v1 memory cgroup capped at Gradescope's 768 MB, or None where this machine has none to give."
    if os.geteuid() != 0 or not (MEMORY_CGROUP / "memory.limit_in_bytes").exists(): return None
    group = MEMORY_CGROUP / f"d2lblocks-gradescope-{os.getpid()}-{time.monotonic_ns()}"
    try:
        group.mkdir()
        (group / "memory.limit_in_bytes").write_text(str(GRADESCOPE_MEMORY))
        return group
    except OSError:
        if group.exists(): group.rmdir()
        return None


def grade(root: Path, submission: dict, without_sys_admin: bool = False) -> dict:
    """Put `submission` in root/submission, run root/run_autograder as Gradescope does (in the 768 MB cgroup where
    possible), and return results.json with the run's seconds and peak memory. It runs from the submission folder,
    the worst working folder Gradescope could choose: files there must not stand in for the grader's.
    `without_sys_admin` runs it as a container without CAP_SYS_ADMIN does (root, but no namespaces or mounts),
    which Gradescope's may be."""
    shutil.rmtree(root / "submission", ignore_errors=True)
    (root / "submission").mkdir()
    for rel, text in submission.items():
        (root / "submission" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / rel).write_text(text)
    group = memory_cgroup()
    enter = f'echo $$ > {group}/cgroup.procs && ' if group else ""
    start = time.perf_counter()
    try:
        command = f'{enter}exec bash "{root}/run_autograder"'
        argv = ["capsh", "--drop=cap_sys_admin", "--", "-c", command] if without_sys_admin else ["bash", "-c", command]
        proc = subprocess.run(argv, cwd=root / "submission", capture_output=True,
                              text=True, env=clean_env(AUTOGRADER_ROOT=str(root)), timeout=900)
        peak = int((group / "memory.max_usage_in_bytes").read_text()) if group else None
        failcnt = int((group / "memory.failcnt").read_text()) if group else None
    finally:
        if group: group.rmdir()
    seconds = time.perf_counter() - start
    doc = json.loads((root / "results" / "results.json").read_text())
    doc["_run"] = dict(code=proc.returncode, seconds=seconds, peak_mb=peak and peak / 2**20, failcnt=failcnt,
                       stdout=proc.stdout, stderr=proc.stderr)
    print(f"\nrun_autograder: {seconds:.1f} s, score {doc['score']:g}, peak memory "
          + (f"{peak / 2**20:.0f} MB of the 768 MB cgroup (limit hit {failcnt} times)" if group else "not measured (no memory cgroup here)"))
    return doc


def check_gradescope_spec(doc: dict):
    "The fields Gradescope's specification defines, with their types."
    assert isinstance(doc["score"], float) and isinstance(doc["output"], str) and isinstance(doc["execution_time"], int)
    assert doc["tests"] and set(doc) - {"_run"} <= {"score", "execution_time", "output", "visibility", "stdout_visibility",
                                                    "extra_data", "tests", "leaderboard", "output_format"}
    for t in doc["tests"]:
        assert set(t) == {"name", "score", "max_score", "status", "output", "visibility"}
        assert isinstance(t["name"], str) and isinstance(t["output"], str) and t["output"] and t["visibility"] in GRADESCOPE_VISIBILITY
        assert isinstance(t["score"], float) and isinstance(t["max_score"], float) and 0 <= t["score"] <= t["max_score"]
        assert t["status"] == ("passed" if t["score"] == t["max_score"] else "failed")
    assert doc["score"] == sum(t["score"] for t in doc["tests"])


def master_answer(task) -> str:
    "The reference solution: the master's answer cell."
    nb = json.loads(task.master.read_text())
    (cell,) = [c for c in nb["cells"] if is_answer(c)]
    return "".join(cell["source"])


def submission(released, answers: dict) -> dict:
    "The student's repository as uploaded: every released notebook, with `answers` {key: answer cell} written in."
    student = released[0]
    files = {}
    for path in sorted(student.glob("torch/*.ipynb")):
        key = f"torch/{path.name}"
        nb = json.loads(path.read_text())
        if key in answers: answered(nb, answers[key])
        files[key] = json.dumps(nb, indent=1)
    return files


@pytest.fixture(scope="module")
def tasks(released):
    return {t.key: t for t in Bundle(released[1]).tasks}


@pytest.fixture(scope="module")
def right(released, tasks):
    return {key: master_answer(t) for key, t in tasks.items()}


def test_a_right_submission_earns_every_point(gradescope, released, right):
    totals = gradescope_totals(released[1])
    doc = grade(gradescope, submission(released, right))
    check_gradescope_spec(doc)
    assert doc["_run"]["code"] == 0, doc["_run"]["stderr"][-2000:]
    assert doc["score"] == totals["points"] == sum(t["max_score"] for t in doc["tests"])
    assert all(t["output"] == "passed" for t in doc["tests"])
    assert doc["_run"]["failcnt"] in (None, 0)


WRONG_PARALLEL = """
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X).detach()], dim=-1)
"""


def test_a_wrong_submission_earns_exactly_its_points(gradescope, released, right, tasks):
    "Parallel cuts net2 from the gradient (one test lost); the repeat notebook is left as released (all lost)."
    parallel = next(k for k in tasks if k.endswith("_parallel.ipynb"))
    repeat = next(k for k in tasks if k.endswith("_repeat.ipynb"))
    answers = {k: v for k, v in right.items() if k != repeat}
    answers[parallel] = WRONG_PARALLEL
    doc = grade(gradescope, submission(released, answers))
    check_gradescope_spec(doc)
    totals = gradescope_totals(released[1])
    gradients = next(t.hidden_test for t in Bundle(released[1]).tests_for("parallel") if t.__name__ == "gradients")
    assert doc["score"] == totals["points"] - totals["notebooks"][repeat] - gradients.points
    failed = {t["name"]: t["output"] for t in doc["tests"] if t["status"] == "failed"}
    assert f"torch/parallel: {gradients.name}" in failed and "gradients did not reach net2: the output does not lead back to its weights" in failed[f"torch/parallel: {gradients.name}"]
    assert "NotImplementedError" in failed["torch/repeat: runs top to bottom"]
    assert all(name.startswith(("torch/repeat: ", "torch/parallel: ")) for name in failed)


HOSTILE = """
import glob, json, os, pathlib
ROOT = {root!r}
stolen = []
for pattern in (ROOT + "/source/**/exercise.py", ROOT + "/source/**/*.ipynb", "/autograder/source/**/exercise.py"):
    for path in glob.glob(pattern, recursive=True):
        try: stolen.append(open(path).read())
        except OSError: pass
for target in (ROOT + "/results/results.json", "/tmp/d2lblocks-gradescope-loot.txt"):
    try:
        with open(target, "w") as f: f.write(json.dumps(dict(score=1000.0, tests=[], output="pwned")) + "".join(stolen))
    except OSError: pass
try: os.kill(os.getppid(), 9)
except OSError: pass
class Parallel:
    pass
"""


FAKE_GRADER = """
import json
def run_autograder(root=None):
    open({root!r} + "/results/results.json", "w").write(json.dumps(dict(score=1000.0, tests=[], output="pwned")))
    return 0
"""


CONTAINERS = [pytest.param(False, id="root-with-namespaces"),
              pytest.param(True, id="root-without-CAP_SYS_ADMIN",
                           marks=pytest.mark.skipif(shutil.which("capsh") is None, reason="no capsh (Debian libcap2-bin)"))]


@pytest.mark.skipif(shutil.which("capsh") is None, reason="no capsh (Debian libcap2-bin)")
def test_a_right_submission_earns_every_point_without_cap_sys_admin(gradescope, released, right):
    "As in a container that may not make namespaces: the sandbox is weaker there, the grades are the same."
    doc = grade(gradescope, submission(released, right), without_sys_admin=True)
    check_gradescope_spec(doc)
    assert doc["score"] == gradescope_totals(released[1])["points"], [t["output"] for t in doc["tests"] if t["status"] == "failed"]


@pytest.mark.parametrize("without_sys_admin", CONTAINERS)
def test_a_hostile_submission_earns_nothing_and_cannot_reach_the_bundle_or_results(gradescope, released, tasks, without_sys_admin):
    parallel = next(k for k in tasks if k.endswith("_parallel.ipynb"))
    loot = Path("/tmp/d2lblocks-gradescope-loot.txt")
    loot.unlink(missing_ok=True)
    files = submission(released, {parallel: HOSTILE.format(root=str(gradescope))})
    # A package of the grader's name in the upload, for an interpreter that would look in the working folder.
    files["d2lblocks/__init__.py"] = ""
    files["d2lblocks/grader/__init__.py"] = ""
    files["d2lblocks/grader/gradescope.py"] = FAKE_GRADER.format(root=str(gradescope))
    doc = grade(gradescope, files, without_sys_admin)
    check_gradescope_spec(doc)
    assert doc["score"] == 0 and doc["_run"]["code"] == 0
    text = json.dumps(doc["tests"]) + doc["output"]
    assert "pwned" not in text and "hidden_test" not in text and "def reference" not in text
    assert not loot.exists() or "hidden_test" not in loot.read_text(), "the student's process read the bundle"
    loot.unlink(missing_ok=True)


@contextlib.contextmanager
def installed_package_removed(gradescope, package:str):
    "The autograder's venv without `package` for the time of the block, as a broken install would leave it."
    site = next((gradescope / "venv" / "lib").glob("python3.*/site-packages"))
    (site / package).rename(site / f"{package}.away")
    try: yield
    finally: (site / f"{package}.away").rename(site / package)


def test_a_broken_grader_says_it_is_the_graders_fault(gradescope, released, right):
    "IPython, which the student's process needs, taken away from the installed grader: no student is blamed."
    with installed_package_removed(gradescope, "IPython"): doc = grade(gradescope, submission(released, right))
    assert doc["score"] == 0
    outputs = [t["output"] for t in doc["tests"]] + [doc["output"]]
    assert not any("ended before answering" in o for o in outputs), outputs[:3]
    assert any("grader" in o.lower() or "autograder" in o.lower() for o in outputs)


def test_a_grader_that_cannot_even_start_still_writes_results_that_blame_it(gradescope, released, right):
    "The grader package itself gone from the venv: run_autograder's own fallback writes the results."
    with installed_package_removed(gradescope, "d2lblocks"): doc = grade(gradescope, submission(released, right))
    assert doc["_run"]["code"] == 1 and doc["score"] == 0 and doc["tests"] == []
    assert "fault of the autograder, not of your work" in doc["output"] and "exited with code 1" in doc["output"]

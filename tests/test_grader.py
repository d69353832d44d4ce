"""Release and grading end to end, and a red team of hostile or broken submissions, each with its score.

Most cases use the PyTorch parallel exercise (5 points: 1 for running top to bottom, 4 hidden tests),
whose framework starts fastest. Cases that attack the grader itself need the full sandbox (a root grader:
own user id and namespaces per child) and are skipped with that reason elsewhere.
"""
import json, os, shutil
from pathlib import Path
import pytest
from d2lblocks.core import cell_source
from d2lblocks.grader.bundle import Bundle
from d2lblocks.grader.grade import grade
from d2lblocks.grader.notebook import is_answer
from d2lblocks.grader.score import grade_notebook
from d2lblocks.grader.release import release
from d2lblocks.grader.leaks import find_leaks
from d2lblocks.grader.notebook import solution_lines
from d2lblocks.grader.protocol import Limits
from d2lblocks.grader.launch import _processes_of
from d2lblocks.grader.forkserver import ForkServer
from students import TORCH_PARALLEL, answered

ROOT = Path(__file__).resolve().parents[1]
FULL_SANDBOX = os.geteuid() == 0
needs_sandbox = pytest.mark.skipif(not FULL_SANDBOX, reason="the full sandbox needs a root grader")
UID = 61500
LIMITS = Limits(seconds=60)

CORRECT = TORCH_PARALLEL


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    root = tmp_path_factory.mktemp("release")
    info = release(root / "student", root / "bundle", ROOT / "exercises")
    return root / "student", Bundle(root / "bundle"), info


def submit(released, tmp_path, answer, framework="torch", notebook="2_parallel.ipynb", edit_checks=None):
    """A student's copy of `notebook` with `answer` in its answer cell (and optionally edited checks)."""
    student_dir, _, _ = released
    nb = answered(json.loads((student_dir / framework / notebook).read_text()), answer)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and edit_checks and "assert" in cell_source(cell) and not is_answer(cell):
            cell["source"] = edit_checks
    path = tmp_path / framework / notebook
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb))
    return path


@pytest.fixture(scope="module")
def torch_server():
    server = ForkServer("torch")
    yield server
    server.close()


@pytest.fixture(params=["fork server", "fresh interpreter"])
def launch(request, torch_server):
    """How children start: forked from the framework's server (the default) or as a fresh interpreter."""
    return torch_server if request.param == "fork server" else None


def score(released, path, framework="torch", exercise="parallel", limits=LIMITS, server=None):
    _, bundle, _ = released
    task = next(t for t in bundle.tasks if t.framework == framework and t.exercise == exercise)
    graded = grade_notebook(task, path, bundle, limits, UID if FULL_SANDBOX else None, server=server)
    results, diagnostics = graded.results, graded.diagnostics
    # The id the child was leased (UID unless another grader on this machine held it): none of its processes is left.
    if FULL_SANDBOX and diagnostics["status"] not in ("not run", "not started"):  # a child ran, as a leased sandbox user
        assert isinstance(diagnostics["uid"], int) and not _processes_of(diagnostics["uid"]), "a process of the sandbox user outlived grading"
    return sum(r.score for r in results), {r.name: r for r in results}


# The release ---------------------------------------------------------------------------------------------

def test_release_writes_every_notebook_and_no_secret(released):
    student_dir, bundle, info = released
    assert info["notebooks"] == len(bundle.tasks) == 4 * len(bundle.exercises) and len(bundle.exercises) >= 3  # four frameworks
    masters = [json.loads(p.read_text()) for p in (ROOT / "exercises").glob("*/*.ipynb")]
    secrets = [l for nb in masters for c in nb["cells"] if c["cell_type"] == "code"
               for l in solution_lines(cell_source(c))]
    assert len(secrets) >= 9
    assert find_leaks(student_dir, secrets) == []
    assert not list(student_dir.rglob("*.py")) and not list(student_dir.rglob("exercise*"))
    assert (student_dir / ".github" / "workflows" / "grade.yml").is_file()


def test_find_leaks_catches_a_planted_solution(released, tmp_path):
    student_dir, _, _ = released
    leaky = tmp_path / "leaky"
    shutil.copytree(student_dir, leaky)
    (leaky / "notes.py").write_text("self.net1, self.net2 = net1, net2\n")
    assert find_leaks(leaky, ["self.net1, self.net2 = net1, net2"])


def test_release_refuses_a_bundle_inside_the_student_repo(tmp_path):
    with pytest.raises(ValueError, match="must not be written inside"):
        release(tmp_path / "s", tmp_path / "s" / "bundle", ROOT / "exercises")


# The bundle's checks: an exercise is a folder, and a broken one is refused with its file and the reason --------

def broken_bundle(tmp_path, edit):
    """A copy of the instructor's exercises with `edit(bundle)` applied: what loading it says."""
    bundle = tmp_path / "bundle"
    shutil.copytree(ROOT / "exercises", bundle, ignore=shutil.ignore_patterns("__pycache__"))
    edit(bundle)
    with pytest.raises(ValueError) as error: Bundle(bundle)
    return str(error.value)


def rewrite(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_a_hidden_test_naming_an_unknown_exercise_is_refused(tmp_path):
    message = broken_bundle(tmp_path, lambda b: rewrite(b / "02_parallel" / "exercise.py", "@hidden_test(name=",
                                                          "@hidden_test('paralel', name=", ))
    assert "02_parallel/exercise.py" in message and "unknown exercise 'paralel'" in message, message


def test_a_hidden_test_naming_another_exercise_is_refused(tmp_path):
    message = broken_bundle(tmp_path, lambda b: rewrite(b / "02_parallel" / "exercise.py", "@hidden_test(name=",
                                                          "@hidden_test('factory', name="))
    assert "names exercise 'factory'" in message, message


def test_an_exercise_without_a_probe_or_a_reference_is_refused(tmp_path):
    message = broken_bundle(tmp_path, lambda b: rewrite(b / "03_factory" / "exercise.py", "def probe(", "def probe_it("))
    assert "03_factory/exercise.py: no probe" in message, message
    message = broken_bundle(tmp_path / "2", lambda b: rewrite(b / "03_factory" / "exercise.py", "def reference(", "def answer("))
    assert "03_factory/exercise.py: no reference" in message, message


def test_a_probe_needing_the_instructors_file_is_refused(tmp_path):
    # The probe's source alone reaches the student's process: a name of the instructor's file would be missing there.
    message = broken_bundle(tmp_path, lambda b: rewrite(b / "03_factory" / "exercise.py", "make_block, int(n)", "make_block, N"))
    assert "the probe uses N," in message, message


@pytest.mark.parametrize("answers", [0, 2])
def test_a_master_without_exactly_the_expected_answer_cells_is_refused(tmp_path, answers):
    def edit(bundle):
        path = bundle / "01_list_storage" / "mxnet.ipynb"
        nb = json.loads(path.read_text())
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        for c in code: c["metadata"]["tags"] = []
        for c in code[:answers]: c["metadata"]["tags"] = ["answer"]
        path.write_text(json.dumps(nb))
    message = broken_bundle(tmp_path, edit)
    assert "01_list_storage/mxnet.ipynb" in message and f"{answers} cell(s) tagged 'answer', expected exactly 1" in message, message


def test_only_the_probe_reaches_the_student_process(released):
    _, bundle, _ = released
    for exercise in bundle.exercises:
        source = bundle.probe_source(exercise)
        assert source.startswith("def probe(") and source.count("\ndef ") == 0
        for secret in ("hidden_test", "def reference", "def inputs", "check_close"): assert secret not in source


# The controls --------------------------------------------------------------------------------------------

def test_masters_score_full_marks_and_stubs_zero(released, tmp_path):
    student_dir, bundle, _ = released
    masters = grade(ROOT / "exercises", tmp_path / "m", bundle, jobs=2, limits=LIMITS, progress=lambda s: None)
    stubs = grade(student_dir, tmp_path / "s", bundle, jobs=2, limits=LIMITS, progress=lambda s: None)
    (m,), (s,) = masters.values(), stubs.values()
    # every notebook's points: 1 for running top to bottom, then its exercise's hidden tests; whatever the exercises
    total = sum(bundle.max_points(task) for task in bundle.tasks)
    assert m["score"] == m["max_score"] == total, [t for t in m["tests"] if t["score"] < t["max_score"]]
    assert s["score"] == 0 and s["max_score"] == total
    chapter = ("list_storage", "parallel", "factory")  # the first three exercises' points stay what they were
    assert sum(t["max_score"] for t in m["tests"] if t["exercise"] in chapter) == 52  # 13 in each of four frameworks
    report = json.loads((tmp_path / "m" / "results.json").read_text())
    assert {"name", "exercise", "framework", "score", "max_score", "visibility", "feedback"} <= set(report["tests"][0])


def test_grading_twice_gives_identical_results(released, tmp_path, torch_server):
    path = submit(released, tmp_path, CORRECT)
    first, second = score(released, path, server=torch_server), score(released, path, server=torch_server)
    assert first == second and first[0] == 5


# Wrong answers that real students write ------------------------------------------------------------------

WRONG_ANSWERS = {
    "concatenates along the batch axis": (CORRECT.replace("dim=-1", "dim=0"), 1),
    "keeps the children in a plain list": (CORRECT.replace("self.net1, self.net2 = net1, net2",
                                                            "self.nets = [net1, net2]")
                                           .replace("self.net1(X), self.net2(X)", "self.nets[0](X), self.nets[1](X)"), 4),
    "returns zeros of the right shape": ("class Parallel(nn.Module):\n    def __init__(self, net1, net2):\n        super().__init__()\n"
                                         "        self.net1, self.net2 = net1, net2\n"
                                         "    def forward(self, X): return torch.zeros(X.shape[0], 8)\n", 2),
    "prints that all tests passed": (CORRECT.replace("dim=-1", "dim=0") + "\nprint('All tests passed! Score: 5/5')\n", 1),
}


@pytest.mark.parametrize("case", WRONG_ANSWERS)
def test_common_mistakes_score_what_they_earn(released, tmp_path, case, torch_server):
    answer, expected = WRONG_ANSWERS[case]
    assert score(released, submit(released, tmp_path, answer), server=torch_server)[0] == expected


def test_factory_that_repeats_one_instance_loses_its_points(released, tmp_path, torch_server):
    answer = "def make_stack(make_block, n):\n    return nn.Sequential(*[make_block()] * n)\n"
    total, tests = score(released, submit(released, tmp_path, answer, notebook="3_factory.ipynb"), exercise="factory", server=torch_server)
    assert total == 0
    assert tests["the blocks do not share parameters"].feedback.startswith("failed")


def test_list_storage_with_a_registry_is_not_a_plain_list(released, tmp_path, torch_server):
    answer = ("class ListSequential(nn.Module):\n    def __init__(self, *blocks):\n        super().__init__()\n"
              "        self.blocks = nn.ModuleList(blocks)\n"
              "    def forward(self, X):\n        for b in self.blocks: X = b(X)\n        return X\n")
    total, tests = score(released, submit(released, tmp_path, answer, notebook="1_list_storage.ipynb"), exercise="list_storage", server=torch_server)
    assert total == 2  # runs, and computes in order; but the framework sees the parameters
    assert tests["ListSequential keeps its blocks in a plain list"].score == 0


# Hostile submissions --------------------------------------------------------------------------------------

HOSTILE = {
    "exits the interpreter with sys.exit": (CORRECT + "\nimport sys; sys.exit(0)\n", 4),
    "ends the process with os._exit": (CORRECT + "\nimport os; os._exit(0)\n", 0),
    "raises SystemExit from forward": (CORRECT.replace("return torch.cat", "raise SystemExit(0)\n        return torch.cat"), 0),
    "objects that equal everything": ("class Anything:\n    shape = (2, 8)\n    def __eq__(self, other): return True\n"
                                      "    def __getattr__(self, name): return lambda *a, **k: self\n"
                                      "class Parallel(nn.Module):\n    def __init__(self, net1, net2):\n        super().__init__()\n"
                                      "    def forward(self, X): return Anything()\n", 1),
    "monkeypatches the comparison functions": (CORRECT.replace("dim=-1", "dim=0") +
        "\nimport numpy, torch\nnumpy.allclose = lambda *a, **k: True\nnumpy.array_equal = lambda *a, **k: True\n"
        "torch.allclose = lambda *a, **k: True\n", 1),
    "loops forever": (CORRECT + "\nwhile True: pass\n", 0),
    "allocates memory without bound": (CORRECT + "\nhog = bytearray(64 * 2**30)\n", 4),
    "prints without bound": (CORRECT + "\nimport sys\nfor _ in range(10**6): sys.stdout.write('x' * 10**4)\n", 4),
    "writes a forged answer and exits": (CORRECT.replace("dim=-1", "dim=0") +
        "\nimport os\nfor fd in range(3, 64):\n    try: os.write(fd, b'{\"score\": 5, \"all\": \"passed\"}')\n    except OSError: pass\nos._exit(0)\n", 0),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_submission_gets_its_score_and_the_grader_lives(released, tmp_path, case, launch):
    answer, expected = HOSTILE[case]
    limits = Limits(seconds=20) if case == "loops forever" else LIMITS
    total, tests = score(released, submit(released, tmp_path, answer), limits=limits, server=launch)
    assert total == expected, {n: t.feedback for n, t in tests.items()}


def test_a_crashed_notebook_says_why(released, tmp_path, launch):
    _, tests = score(released, submit(released, tmp_path, CORRECT + "\nimport os; os._exit(3)\n"), server=launch)
    assert "ended before answering (exit code 3)" in tests["runs top to bottom"].feedback


def test_a_timeout_says_so(released, tmp_path, launch):
    _, tests = score(released, submit(released, tmp_path, CORRECT + "\nimport time; time.sleep(600)\n"), limits=Limits(seconds=8),
                     server=launch)
    assert "did not finish within the time limit" in tests["runs top to bottom"].feedback


@needs_sandbox
def test_killing_the_grader_is_refused(released, tmp_path, launch):
    # The student's code knows the grader's pid (it could read it from our source or guess it): in its own PID
    # namespace that pid names no process it can reach, and the parent it sees is none.
    answer = CORRECT + f"\nimport os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nos.kill({os.getpid()}, signal.SIGKILL)\n"
    total, tests = score(released, submit(released, tmp_path, answer), server=launch)
    assert total == 4 and "ProcessLookupError" in tests["runs top to bottom"].feedback


@needs_sandbox
def test_signalling_every_process_reaches_only_the_childs_own(released, tmp_path, launch):
    # Process 1 of its own PID namespace, with nothing else running there: kill(-1) finds no process at all.
    answer = CORRECT + "\nimport os, signal\nos.kill(-1, signal.SIGKILL)\n"
    total, tests = score(released, submit(released, tmp_path, answer), server=launch)
    assert total == 4 and "ProcessLookupError" in tests["runs top to bottom"].feedback


@needs_sandbox
def test_a_background_process_does_not_outlive_grading(released, tmp_path, launch):
    answer = CORRECT + ("\nimport subprocess, sys\nsubprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'],"
                        " start_new_session=True)\n")
    assert score(released, submit(released, tmp_path, answer), server=launch)[0] == 5  # score() asserts nothing outlived it


# Processes the cells start. The bomb hits the child's process cap, so its cell raises and the runs point is
# lost; the student process then kills every process of its PID namespace before the probe, so the correct
# Parallel earns its 4 hidden points on every machine, whatever the bomb left behind.
LEFTOVERS = {
    "forks a bomb of processes": "import os, time\nfor _ in range(10000):\n    if os.fork() == 0:\n        time.sleep(600); os._exit(0)\n",
    "starts a setsid daemon": ("import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(600)\n"
                               "    os._exit(0)\n"),
    "starts sleep 600": "import subprocess\nsubprocess.Popen(['sleep', '600'])\n",
    "ignores SIGTERM and forks on": ("import os, signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                                     "for _ in range(20):\n    if os.fork() == 0:\n        os.setsid(); time.sleep(600)\n"),
}


@needs_sandbox
@pytest.mark.parametrize("case", LEFTOVERS)
def test_nothing_the_cells_start_outlives_grading(released, tmp_path, case, launch):
    total, tests = score(released, submit(released, tmp_path, CORRECT + "\n" + LEFTOVERS[case]), server=launch)
    ran = tests["runs top to bottom"].score == 1
    assert total == (5 if ran else 4), {n: t.feedback for n, t in tests.items()}
    assert ran == (case != "forks a bomb of processes")  # score() asserts that no process of the sandbox user is left


@needs_sandbox
def test_a_hang_that_leaves_its_session_and_death_signal_is_still_ended(released, tmp_path, launch):
    # Time runs out; the student process left the warden's process group and tried to clear the signal that
    # would end it with the warden (the guard refuses ctypes; it carries on regardless). The sweep of its user
    # ends it, and with it, as process 1, everything it started.
    answer = CORRECT + ("\nimport os, subprocess\ntry:\n    import ctypes; ctypes.CDLL(None).prctl(1, 0, 0, 0, 0)\n"
                        "except PermissionError: pass\nos.setsid()\nsubprocess.Popen(['sleep', '600'])\nwhile True: pass\n")
    total, tests = score(released, submit(released, tmp_path, answer), limits=Limits(seconds=15), server=launch)
    assert total == 0 and "time limit" in tests["runs top to bottom"].feedback


INSTRUCTOR_FILES = {
    "the instructor's checkout: hidden tests": ROOT / "exercises" / "02_parallel" / "exercise.py",
    "the instructor's checkout: a master notebook": ROOT / "exercises" / "02_parallel" / "torch.ipynb",
    "the instructor's checkout: git history": ROOT / ".git" / "HEAD",
    "the instructor's checkout: settings": ROOT / "settings.ini",
}


@pytest.fixture
def world_readable_home(tmp_path_factory):
    """A home folder on the grading machine that any user may read, as many are."""
    home = Path("/home") / f"d2lblocks-instructor-{os.getpid()}"
    (home / "course").mkdir(parents=True)
    secret = home / "course" / "solutions.py"
    secret.write_text("SOLUTION = 'self.net1, self.net2 = net1, net2'\n")
    for path in (home, home / "course"): path.chmod(0o755)
    secret.chmod(0o644)
    yield secret
    shutil.rmtree(home)


@needs_sandbox
@pytest.mark.parametrize("what", list(INSTRUCTOR_FILES) + ["a world-readable home folder"])
def test_the_instructors_files_cannot_be_read(released, tmp_path, what, launch, world_readable_home):
    target = INSTRUCTOR_FILES.get(what, world_readable_home)
    assert target.is_file()  # the file is there on the grading machine, readable by the grader
    answer = CORRECT + f"\nleak = open({str(target)!r}).read()\nraise RuntimeError(leak[:300])\n"
    total, tests = score(released, submit(released, tmp_path, answer), server=launch)
    feedback = tests["runs top to bottom"].feedback
    assert total == 4 and "FileNotFoundError" in feedback, feedback
    assert target.read_text()[:40] not in feedback


@needs_sandbox
def test_listing_the_file_system_shows_only_the_allow_list(released, tmp_path, launch):
    from d2lblocks.grader.root import SYSTEM_PATHS, SCRATCH_FOLDERS
    from d2lblocks.grader.launch import allowed_folders
    tops = {Path(p).parts[1] for p in [*SYSTEM_PATHS, *SCRATCH_FOLDERS, *allowed_folders(), "/dev", "/proc"]}
    answer = CORRECT + (f"\nimport os\nassert set(os.listdir('/')) <= {tops!r}, sorted(os.listdir('/'))\n"
                        f"assert not os.path.exists({str(ROOT / 'exercises')!r})\n"
                        "assert [p for p in os.listdir('/proc') if p.isdigit()] == ['1']\n")
    total, tests = score(released, submit(released, tmp_path, answer), server=launch)
    assert total == 5, tests["runs top to bottom"].feedback


# The IPython trick: a cell that turns every later cell into `pass` and silences tracebacks. It once earned the
# "runs top to bottom" point of a notebook with no solution at all.
IPYTHON_TRICK = """
ip = get_ipython()
ip.input_transformers_cleanup.append(lambda lines: ['pass\\n'])
ip.showtraceback = lambda *args, **kwargs: None
"""


def test_an_input_transformer_cannot_skip_the_later_cells(released, tmp_path, launch):
    stub = "class Parallel(nn.Module):\n    def __init__(self, net1, net2):\n        raise NotImplementedError()\n"
    total, tests = score(released, submit(released, tmp_path, IPYTHON_TRICK + stub), server=launch)
    assert total == 0, {n: t.feedback for n, t in tests.items()}
    assert "NotImplementedError" in tests["runs top to bottom"].feedback
    assert score(released, submit(released, tmp_path, IPYTHON_TRICK + CORRECT), server=launch)[0] == 5


@needs_sandbox
def test_the_hidden_tests_cannot_be_read(released, tmp_path, launch):
    _, bundle, _ = released
    answer = CORRECT + f"\nprint(open({str(bundle.path / '02_parallel' / 'exercise.py')!r}).read()[:50])\n"
    assert score(released, submit(released, tmp_path, answer), server=launch)[0] == 4


@needs_sandbox
def test_the_network_is_unreachable(released, tmp_path, launch):
    # Three layers refuse it, the first to act says so: the guard refuses a socket object, seccomp the socket
    # call (through ctypes, were that allowed), the network namespace any route. tests/test_redteam_* check
    # that a loopback server hears nothing in every environment.
    answer = CORRECT + "\nimport socket\nsocket.create_connection(('127.0.0.1', 22), timeout=2)\n"
    total, tests = score(released, submit(released, tmp_path, answer), server=launch)
    assert total == 4 and "does not allow this (socket.__new__)" in tests["runs top to bottom"].feedback


@needs_sandbox
def test_filling_the_disk_stops_at_the_childs_own_space(released, tmp_path, launch):
    marker = "d2lblocks-disk-bomb"
    answer = CORRECT + (f"\nimport os, tempfile\nfor folder in (os.getcwd(), tempfile.gettempdir(), '/tmp', '/var/tmp'):\n"
                        f"    for i in range(400):\n        with open(os.path.join(folder, f'{marker}-{{i}}'), 'wb') as f:"
                        f" f.write(b'x' * 2**20)\n")
    total, tests = score(released, submit(released, tmp_path, answer), server=launch)
    assert total == 4 and "No space left" in tests["runs top to bottom"].feedback
    assert not [p for d in ("/tmp", "/var/tmp") for p in Path(d).glob(f"{marker}-*")]


@needs_sandbox
def test_files_outside_the_work_folder_cannot_be_changed(released, tmp_path, launch):
    target = ROOT / "d2lblocks" / "__init__.py"
    answer = CORRECT + f"\nopen({str(target)!r}, 'a').write('# vandalised')\n"
    before = target.read_text()
    assert score(released, submit(released, tmp_path, answer), server=launch)[0] == 4
    assert target.read_text() == before


# Broken submissions ---------------------------------------------------------------------------------------

def test_edited_checks_are_replaced_by_the_masters(released, tmp_path, torch_server):
    answer = CORRECT.replace("dim=-1", "dim=0")
    assert score(released, submit(released, tmp_path, answer, edit_checks="pass  # checks removed"), server=torch_server)[0] == 1


@pytest.mark.parametrize("link", ["the notebook", "its framework folder"])
def test_a_symbolic_link_to_the_master_is_not_graded(released, tmp_path, link, torch_server):
    # A repository may hold links; one to the bundle's master would hand the grader the reference solution.
    _, bundle, _ = released
    master = bundle.path / "torch" / "2_parallel.ipynb"
    repo = tmp_path / "repo"
    if link == "the notebook":
        (repo / "torch").mkdir(parents=True)
        (repo / "torch" / "2_parallel.ipynb").symlink_to(master)
    else:
        repo.mkdir()
        (repo / "torch").symlink_to(master.parent)
    total, tests = score(released, repo / "torch" / "2_parallel.ipynb", server=torch_server)
    assert total == 0 and "symbolic link" in tests["runs top to bottom"].feedback


class BrokenLauncher:
    """A launcher whose start fails, as a fork server that died would."""
    def spawn(self, request, stdout_fd, stderr_fd): raise OSError("the launcher is gone")
    def close(self): pass


def test_a_launch_failure_scores_that_notebook_zero_and_leaks_nothing(released, tmp_path):
    import tempfile
    path = submit(released, tmp_path, CORRECT)
    descriptors, folders = set(os.listdir("/proc/self/fd")), set(Path(tempfile.gettempdir()).glob("d2lblocks-child-*"))
    total, tests = score(released, path, server=BrokenLauncher())
    assert total == 0 and "could not start" in tests["runs top to bottom"].feedback
    assert set(os.listdir("/proc/self/fd")) == descriptors
    assert set(Path(tempfile.gettempdir()).glob("d2lblocks-child-*")) == folders


def test_answer_cell_without_its_tag(released, tmp_path, torch_server):
    path = submit(released, tmp_path, CORRECT)
    nb = json.loads(path.read_text())
    for cell in nb["cells"]: cell.get("metadata", {}).pop("tags", None)
    path.write_text(json.dumps(nb))
    total, tests = score(released, path, server=torch_server)
    assert total == 0 and "answer" in tests["runs top to bottom"].feedback


@pytest.mark.parametrize("content", ["{ this is not json", "", "[1, 2, 3]", '{"cells": "nope"}'])
def test_malformed_notebooks_score_zero_with_a_reason(released, tmp_path, content, torch_server):
    path = tmp_path / "torch" / "2_parallel.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(content)
    total, tests = score(released, path, server=torch_server)
    assert total == 0 and "could not be read" in tests["runs top to bottom"].feedback


def test_missing_notebooks_in_a_repository(released, tmp_path):
    _, bundle, _ = released
    repo = tmp_path / "repo"
    shutil.copy(submit(released, tmp_path, CORRECT), (repo / "torch").mkdir(parents=True) or repo / "torch" / "2_parallel.ipynb")
    (doc,) = grade(repo, tmp_path / "out", bundle, jobs=2, limits=LIMITS, progress=lambda s: None).values()
    assert doc["score"] == 5
    missing = [t for t in doc["tests"] if t["framework"] == "mxnet" and t["name"] == "runs top to bottom"]
    assert "not found" in missing[0]["feedback"]


def test_a_hostile_student_leaves_the_class_intact(released, tmp_path):
    _, bundle, _ = released
    klass = tmp_path / "class"
    for student, answer in [("alice", CORRECT), ("mallory", CORRECT + "\nimport os, signal\nos.kill(-1, signal.SIGKILL)\nos.kill(os.getppid(), signal.SIGKILL)\n"),
                            ("bob", CORRECT)]:
        shutil.copy(submit(released, tmp_path / student, answer), (klass / student / "torch").mkdir(parents=True) or
                    klass / student / "torch" / "2_parallel.ipynb")
    lines = []
    docs = grade(klass, tmp_path / "out", bundle, whole_class=True, jobs=2, limits=LIMITS, progress=lines.append)
    parallel = lambda s: sum(t["score"] for t in docs[s]["tests"] if t["framework"] == "torch" and t["exercise"] == "parallel")
    assert parallel("alice") == parallel("bob") == 5
    assert parallel("mallory") < 5
    everything = 3 * len(bundle.tasks)
    assert lines[0] == f"0 of {everything} notebook(s) unchanged since graded; grading {everything}"  # nothing in the ledger yet
    assert len(lines) == 1 + everything and lines[-1].startswith(f"[{everything}/{everything}]")
    rows = (tmp_path / "out" / "grades.csv").read_text().splitlines()
    assert rows[0].startswith("student,") and len(rows) == 4
    assert (tmp_path / "out" / "alice" / "junit.xml").is_file()


# JAX (Flax) submissions: the framework's own fork server, the same fail-closed rules ---------------------

JAX_CORRECT = """
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), self.net2(X)], axis=-1)
"""

JAX_HOSTILE = {
    "reads the hidden tests": (JAX_CORRECT + f"\nimport glob\nfound = glob.glob('{ROOT}/**/exercise.py', recursive=True)\n"
                               "assert not found, found\n", 5),  # the instructor's checkout is not even listed
    # The bomb fills the process cap, which counts threads, so its cell fails; what it started is ended before the
    # next cell, where XLA starts its thread pool: the hidden tests score the correct Parallel, as in PyTorch.
    "forks a bomb": (JAX_CORRECT + "\nimport os, time\nfor _ in range(10000):\n    if os.fork() == 0:\n        time.sleep(600); os._exit(0)\n", 4),
    "loops forever": (JAX_CORRECT + "\nwhile True: pass\n", 0),
}


@pytest.fixture(scope="module")
def jax_server():
    server = ForkServer("jax")
    yield server
    server.close()


@pytest.mark.parametrize("case", JAX_HOSTILE)
def test_hostile_jax_submission_gets_its_score(released, tmp_path, case, jax_server):
    # score() checks that no process of the sandbox user outlives grading (the bomb's children included).
    if case != "loops forever" and not FULL_SANDBOX: pytest.skip("the allow-list and the PID namespace need a root grader")
    answer, expected = JAX_HOSTILE[case]
    limits = Limits(seconds=30) if case == "loops forever" else LIMITS
    path = submit(released, tmp_path, answer, framework="jax")
    total, tests = score(released, path, framework="jax", limits=limits, server=jax_server)
    assert total == expected, {n: t.feedback for n, t in tests.items()}

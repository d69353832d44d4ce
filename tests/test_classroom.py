"""The instructor's hidden tier with real git: collect a class from local bare repositories, grade it in two
shards and merge them, return feedback to each student's repository, and run the Gradescope autograder.

The class (PyTorch parallel exercise only, 5 points): ada solved it; bob pushed a solution, then force-pushed a
rewritten history holding the untouched stub; cy's repository is empty; dee's does not exist; eve committed a
symlink to the instructor's master notebook. git runs with no identity and no global configuration.
"""
import argparse, contextlib, csv, io, json, os, shutil, stat, subprocess, sys, zipfile
from pathlib import Path
import pytest
from d2lblocks.grader import grade as grade_module
from d2lblocks.grader.classroom import add_commands
from d2lblocks.grader.grade import Bundle, grade
from d2lblocks.grader.release import release
from d2lblocks.grader.sandbox import Limits
from students import GRADESCOPE_VISIBILITY, TORCH_PARALLEL, answered

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "ghp_TESTTOKEN0123456789abcdefABCDEF"
IDENTITY = dict(GIT_AUTHOR_NAME="Student", GIT_AUTHOR_EMAIL="s@example.invalid",
                GIT_COMMITTER_NAME="Student", GIT_COMMITTER_EMAIL="s@example.invalid")
SOLVED = TORCH_PARALLEL


@pytest.fixture(scope="module", autouse=True)
def no_git_identity(tmp_path_factory):
    """git as on a fresh CI machine: an empty global configuration, no system one, no identity."""
    empty = tmp_path_factory.mktemp("gitconfig") / "config"
    empty.write_text("")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GIT_CONFIG_GLOBAL", str(empty))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for var in [*IDENTITY, "EMAIL", "GIT_CONFIG_COUNT"]: mp.delenv(var, raising=False)
        yield


def git(*args, cwd=None, check=True) -> str:
    """A student's git: with an identity of their own, which the grader's side never gets."""
    proc = subprocess.run(["git", *args], cwd=cwd, env=dict(os.environ, **IDENTITY), capture_output=True, text=True)
    if check and proc.returncode: raise AssertionError(f"git {args}: {proc.stderr}")
    return proc.stdout.strip()


def command(*argv) -> int:
    """Run one of the classroom commands as the d2lblocks CLI does."""
    parser = argparse.ArgumentParser(prog="d2lblocks")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args([str(a) for a in argv])
    return args.run(args)


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A release of the torch parallel exercise alone: the student's template and the bundle."""
    root = tmp_path_factory.mktemp("release")
    (root / "source" / "02_parallel").mkdir(parents=True)
    for name in ("torch.ipynb", "exercise.py"): shutil.copy(ROOT / "exercises" / "02_parallel" / name, root / "source" / "02_parallel")
    release(root / "student", root / "bundle", root / "source")
    return root / "student", root / "bundle"


def notebook(released, answer=None) -> str:
    """The released notebook, with `answer` in its answer cell if given."""
    nb = json.loads((released[0] / "torch" / "2_parallel.ipynb").read_text())
    if answer is not None: answered(nb, answer)
    return json.dumps(nb, indent=1)


def student_repo(remotes: Path, name: str, files: dict = None) -> Path:
    """A bare repository for `name` and a working clone; commits and pushes `files` if given."""
    bare, work = remotes / f"{name}.git", remotes / f"{name}-work"
    git("init", "-q", "--bare", "-b", "main", str(bare))
    if files is not None:
        git("clone", "-q", str(bare), str(work))
        commit(work, files, "my work")
        git("push", "-q", "origin", "HEAD:main", cwd=work)
    return bare


def commit(work: Path, files: dict, message: str):
    for rel, content in files.items():
        path = work / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path): path.symlink_to(content)
        else: path.write_text(content)
    git("add", "-A", cwd=work)
    git("commit", "-qm", message, cwd=work)


@pytest.fixture(scope="module")
def classroom(released, tmp_path_factory):
    root = tmp_path_factory.mktemp("classroom")
    remotes = root / "remotes"
    remotes.mkdir()
    nb = "torch/2_parallel.ipynb"
    urls = {"ada": student_repo(remotes, "ada", {nb: notebook(released, SOLVED)}).as_uri(),
            "bob": student_repo(remotes, "bob", {nb: notebook(released, SOLVED), "scratch.txt": "old"}).as_uri(),
            "cy": student_repo(remotes, "cy").as_uri(),
            "dee": (remotes / "no-such-repository.git").as_uri(),
            "eve": student_repo(remotes, "eve", {nb: released[1] / "torch" / "2_parallel.ipynb"}).as_uri()}
    roster = root / "roster.csv"
    with open(roster, "w", newline="") as f:  # GitHub Classroom's grade export
        w = csv.writer(f)
        w.writerow(["assignment_name", "assignment_url", "starter_code_url", "github_username", "roster_identifier",
                    "student_repository_name", "student_repository_url", "submission_timestamp", "points_awarded",
                    "points_available"])
        for s, url in urls.items(): w.writerow(["hw", "", "", s, f"{s}@uni.invalid", f"hw-{s}", url, "", 0, 5])
    return root, remotes, roster


@pytest.fixture(scope="module")
def collected(classroom, released):
    """Collect twice (the first time through the CLI, with a token); bob force-pushes a new history in between."""
    root, remotes, roster = classroom
    into = root / "submissions"
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        mp.setenv("CLASSROOM_TOKEN", TOKEN)
        assert command("collect", roster, "--into", into, "--token-env", "CLASSROOM_TOKEN") == 0
    first = json.loads((into / "collect.json").read_text())["students"]
    # bob rewrites his history: one commit, with the untouched stub and without scratch.txt, force-pushed.
    work = remotes / "bob-work"
    git("checkout", "-q", "--orphan", "rewritten", cwd=work)
    git("rm", "-rq", "--cached", ".", cwd=work)
    (work / "scratch.txt").unlink()
    commit(work, {"torch/2_parallel.ipynb": notebook(released)}, "start over")
    git("push", "-q", "--force", "origin", "rewritten:main", cwd=work)
    assert command("collect", roster, "--into", into) == 0
    return into, first, json.loads((into / "collect.json").read_text())["students"], printed.getvalue()


def test_collect_reports_every_student(collected, capsys):
    into, first, second, _ = collected
    want = {"ada": "ok", "bob": "ok", "cy": "empty repository", "dee": "missing repository", "eve": "ok"}
    assert {s: r["status"] for s, r in first.items()} == want == {s: r["status"] for s, r in second.items()}
    assert (into / "ada" / "torch" / "2_parallel.ipynb").is_file()
    for s in ("cy", "dee"):  # nothing there: the grade step scores these students "not found"
        assert (into / s).is_dir() and list((into / s).iterdir()) == []
    assert "does not appear to be a git repository" in second["dee"]["detail"]


def test_second_collect_holds_the_force_pushed_tip(collected, classroom):
    into, first, second, _ = collected
    tip = git("rev-parse", "main", cwd=classroom[1] / "bob.git")
    assert second["bob"]["commit"] == tip != first["bob"]["commit"]
    assert git("rev-parse", "HEAD", cwd=into / "bob") == tip
    assert not (into / "bob" / "scratch.txt").exists()  # only in the old history
    assert "raise NotImplementedError()" in (into / "bob" / "torch" / "2_parallel.ipynb").read_text()


def test_a_committed_symlink_arrives_as_a_plain_file(collected, released):
    into, _, _, _ = collected
    path = into / "eve" / "torch" / "2_parallel.ipynb"
    assert not path.is_symlink()
    assert path.read_text() == str(released[1] / "torch" / "2_parallel.ipynb")


def test_the_token_is_never_written_or_printed(collected):
    into, _, _, printed = collected
    assert printed.count(": ok (main at") == 3 and "[5/5] eve" in printed  # progress, one line per student
    for path in into.rglob("*"):
        if path.is_file(): assert TOKEN.encode() not in path.read_bytes(), path
    assert TOKEN not in printed
    assert all("extraheader" not in (into / s / ".git" / "config").read_text().lower() for s in ("ada", "bob", "eve"))


@pytest.fixture(scope="module")
def graded(collected, released, tmp_path_factory):
    """The collected class graded in two shards, merged with the merge command."""
    into, _, _, _ = collected
    root = tmp_path_factory.mktemp("grading")
    for k in (1, 2):
        grade(into, root / f"shard-{k}", released[1], whole_class=True, shard=(k, 2), limits=Limits(seconds=120),
              progress=lambda s: None)
    assert command("merge", root / "shard-1", root / "shard-2", "--out", root / "merged") == 0
    return root / "merged"


def test_merged_grades(graded):
    docs = {s: json.loads((graded / s / "results.json").read_text()) for s in ("ada", "bob", "cy", "dee", "eve")}
    assert docs["ada"]["score"] == docs["ada"]["max_score"] == 5, docs["ada"]["tests"]
    assert all(docs[s]["score"] == 0 for s in ("bob", "cy", "dee", "eve"))
    assert "not found" in docs["cy"]["tests"][0]["output"] and "not found" in docs["dee"]["tests"][0]["output"]


@pytest.fixture(scope="module")
def fed(graded, collected, classroom):
    into, _, _, _ = collected
    root, remotes, roster = classroom
    mains = {s: git("rev-parse", "main", cwd=remotes / f"{s}.git") for s in ("ada", "bob", "eve")}
    assert command("feedback", graded, "--roster", roster, "--repos", into) == 0
    return json.loads((graded / "feedback.json").read_text())["students"], mains


def hidden_source_lines() -> list:
    """Lines of the hidden tests long enough to be telling, which no feedback may quote."""
    lines = [l.strip() for f in (ROOT / "exercises").glob("*/exercise.py") for l in f.read_text().splitlines()]
    return [l for l in lines if len(l) > 25 and not l.startswith(("#", '"""'))]


def test_feedback_branch_names_the_tests_and_reveals_nothing(fed, classroom, released):
    report, mains = fed
    remotes = classroom[1]
    assert {s: r["status"] for s, r in report.items()} == {"ada": "pushed", "bob": "pushed", "cy": "skipped",
                                                            "dee": "skipped", "eve": "pushed"}
    names = [t.hidden_test["name"] for t in Bundle(released[1]).tests_for("parallel")]
    secrets = hidden_source_lines() + ["reference_", "SEED", "TOLERANCE"]
    assert len(names) == 4 and len(secrets) > 20
    for student, score in (("ada", "5 / 5"), ("bob", "0 / 5"), ("eve", "0 / 5")):
        bare = remotes / f"{student}.git"
        text = git("show", "feedback:FEEDBACK.md", cwd=bare)
        assert f"**Score: {score}**" in text
        for name in names + ["runs top to bottom"]: assert f"| {name} |" in text, (student, name)
        assert git("ls-tree", "--name-only", "feedback", cwd=bare) == "FEEDBACK.md"
        assert git("rev-parse", "main", cwd=bare) == mains[student]  # the student's own branch is untouched
        for secret in secrets: assert secret not in text, (student, secret)
    bob = git("show", "feedback:FEEDBACK.md", cwd=remotes / "bob.git")
    assert "NotImplementedError" in bob and "| 0 / 1 |" in bob  # a reason, not just a score
    assert git("rev-parse", "--verify", "-q", "feedback", cwd=remotes / "cy.git", check=False) == ""  # still empty
    assert not (remotes / "no-such-repository.git").exists()


def test_failed_push_is_reported_and_the_rest_go_on(fed, graded, classroom, collected, tmp_path):
    root, remotes, roster = classroom
    moved = tmp_path / "roster.csv"
    rows = list(csv.DictReader(io.StringIO(roster.read_text())))
    for row in rows:
        if row["github_username"] == "ada": row["student_repository_url"] = (remotes / "moved-away.git").as_uri()
    with open(moved, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    grading = tmp_path / "grading"
    shutil.copytree(graded, grading)
    assert command("feedback", grading, "--roster", moved, "--repos", collected[0]) == 1
    report = json.loads((grading / "feedback.json").read_text())["students"]
    assert report["ada"]["status"] == "failed" and "could not reach" in report["ada"]["detail"]
    assert report["bob"]["status"] == report["eve"]["status"] == "unchanged"  # the same feedback again: no new commit


def test_feedback_refuses_without_collect_json(graded, classroom, tmp_path, capsys):
    assert command("feedback", graded, "--roster", classroom[2], "--repos", tmp_path) == 2
    assert "run collect first" in capsys.readouterr().err


def test_merge_without_merge_class_reports_is_a_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.delattr(grade_module, "merge_class_reports")
    assert command("merge", tmp_path, "--out", tmp_path / "out") == 2
    assert "no merge_class_reports" in capsys.readouterr().err


# Gradescope ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def autograder(released, tmp_path_factory):
    root = tmp_path_factory.mktemp("gradescope")
    assert command("gradescope", "--bundle", released[1], "--out", root / "autograder.zip") == 0
    return root / "autograder.zip"


def test_autograder_zip_layout(autograder):
    with zipfile.ZipFile(autograder) as z:
        names = set(z.namelist())
        mode = {n: z.getinfo(n).external_attr >> 16 for n in names}
        requirements = z.read("requirements.txt").decode().split()
    assert {"setup.sh", "run_autograder", "requirements.txt", "constraints.txt", "bundle/02_parallel/exercise.py",
            "bundle/02_parallel/torch.ipynb", "grader/setup.py", "grader/d2lblocks/grader/classroom.py"} <= names
    assert mode["run_autograder"] & stat.S_IXUSR and mode["setup.sh"] & stat.S_IXUSR
    assert all("==" in r for r in requirements) and {r.split("==")[0] for r in requirements} == {"numpy", "fastcore", "torch"}


def test_autograder_scripts_are_valid_bash(autograder, tmp_path):
    with zipfile.ZipFile(autograder) as z: z.extractall(tmp_path)
    for script in ("setup.sh", "run_autograder"):
        proc = subprocess.run(["bash", "-n", str(tmp_path / script)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    setup = (tmp_path / "setup.sh").read_text()
    assert "python3.11 -m venv /autograder/venv" in setup and "-c constraints.txt -r requirements.txt" in setup


def run_autograder(autograder, root: Path, submission: dict) -> dict:
    """Lay out `root` as Gradescope's /autograder, run the zip's run_autograder there, return results.json."""
    with zipfile.ZipFile(autograder) as z: z.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    for rel, text in submission.items():
        (root / "submission" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / rel).write_text(text)
    env = dict(os.environ, AUTOGRADER_ROOT=str(root), AUTOGRADER_PYTHON=sys.executable)
    proc = subprocess.run(["bash", str(root / "run_autograder")], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return json.loads((root / "results" / "results.json").read_text())


def check_gradescope_spec(doc: dict):
    """The fields Gradescope's specification defines, with their types."""
    assert isinstance(doc["score"], float) and isinstance(doc["output"], str) and isinstance(doc["execution_time"], int)
    assert doc["tests"] and set(doc) <= {"score", "execution_time", "output", "visibility", "stdout_visibility",
                                         "extra_data", "tests", "leaderboard", "output_format"}
    for t in doc["tests"]:
        assert set(t) == {"name", "score", "max_score", "status", "output", "visibility"}
        assert isinstance(t["name"], str) and isinstance(t["output"], str) and t["visibility"] in GRADESCOPE_VISIBILITY
        assert isinstance(t["score"], float) and isinstance(t["max_score"], float) and 0 <= t["score"] <= t["max_score"]
        assert t["status"] == ("passed" if t["score"] == t["max_score"] else "failed")
    assert doc["score"] == sum(t["score"] for t in doc["tests"])


def test_autograder_grades_a_solved_repository(autograder, released, tmp_path):
    doc = run_autograder(autograder, tmp_path, {"torch/2_parallel.ipynb": notebook(released, SOLVED)})
    check_gradescope_spec(doc)
    assert doc["score"] == 5 and len(doc["tests"]) == 5 and doc["tests"][0]["name"] == "torch/parallel: runs top to bottom"


def test_autograder_grades_a_loose_stub(autograder, released, tmp_path):
    doc = run_autograder(autograder, tmp_path, {"2_parallel.ipynb": notebook(released), "notes.ipynb": "{}"})
    check_gradescope_spec(doc)
    assert doc["score"] == 0 and "NotImplementedError" in doc["tests"][0]["output"]
    assert "notes.ipynb: not one of the exercises, not graded" in doc["output"]


def test_shipped_grader_source_imports(autograder, tmp_path):
    with zipfile.ZipFile(autograder) as z: z.extractall(tmp_path)
    code = "import d2lblocks.grader.classroom as c, d2lblocks.grader.grade as g; print(c.__file__); print(g.__file__)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / "grader", capture_output=True, text=True, check=True).stdout
    assert all(Path(l).is_relative_to(tmp_path / "grader") for l in out.split())


# The workflow ---------------------------------------------------------------------------------------------

def test_hidden_tier_workflow_keeps_the_token_out_of_grading():
    yaml = pytest.importorskip("yaml")
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "hidden-tier.yml").read_text())
    jobs = flow["jobs"]
    assert {"schedule", "workflow_dispatch"} <= set(flow[True])  # PyYAML reads the key `on` as True
    assert jobs["grade"]["strategy"]["matrix"]["shard"] == [1, 2, 3]
    assert jobs["grade"]["needs"] == "collect" and jobs["merge"]["needs"] == "grade" and "merge" in jobs["feedback"]["needs"]
    holders = [(name, step.get("run", "")) for name, job in jobs.items() for step in job["steps"]
               if "secrets." in json.dumps(step)]
    assert [(n, r.split()[1]) for n, r in holders] == [("collect", "collect"), ("feedback", "feedback")]
    assert all("CLASSROOM_TOKEN" in json.dumps(step.get("env", {})) for job in jobs.values() for step in job["steps"]
               if "--token-env" in step.get("run", ""))
    grade_run = next(s["run"] for s in jobs["grade"]["steps"] if "d2lblocks grade" in s.get("run", ""))
    assert grade_run.startswith("sudo -E") and "--class" in grade_run and "--shard ${{ matrix.shard }}/" in grade_run
    assert all(any(s.get("run") == "make install" for s in job["steps"]) for job in jobs.values())
    assert all(s.get("with", {}).get("persist-credentials") is False for job in jobs.values() for s in job["steps"]
               if s.get("uses", "").startswith("actions/checkout"))
    # Artifacts drop empty folders: the class travels as a tarball, unpacked before grading and feedback.
    assert any("tar czf submissions.tar.gz" in s.get("run", "") for s in jobs["collect"]["steps"])
    for name in ("grade", "feedback"):
        runs = [s.get("run", "") for s in jobs[name]["steps"]]
        assert "tar xzf submissions.tar.gz" in runs and runs.index("tar xzf submissions.tar.gz") < len(runs) - 1

"""The instructor's hidden tier with real git, on repositories named and protected as Classroom 50 names and
protects them: collect a class from local bare repositories (`cs101-blocks-<username>.git`, each with Classroom 50's
`feedback` branch frozen at the accept commit and a server-side pre-receive hook that refuses any push to
`feedback`, to `submit/*` tags and, from anyone but the student, to the default branch), grade it in two shards and
merge them, return feedback to each student's repository, and export the grades.

The class (PyTorch parallel exercise only, 5 points), from Classroom 50's roster.csv: ada solved it; Bob pushed a
solution, then force-pushed a rewritten history holding the untouched stub; cy's repository is empty; dee's does
not exist; eve committed a symlink to the instructor's master notebook, and her repository's HEAD names a branch
that was never pushed; a second row for "ADA" and an instructor row are in the roster too. git runs with no
identity and no global configuration.
"""
import contextlib, csv, io, json, os, shutil, stat, subprocess, sys
from pathlib import Path
import pytest
from d2lblocks.cli import main
from d2lblocks.grader.bundle import Bundle
from d2lblocks.grader.feedback import push_feedback
from d2lblocks.grader.git import FEEDBACK_BRANCH, git_env
from d2lblocks.grader.grade import grade
from d2lblocks.grader.release import release
from d2lblocks.grader.protocol import Limits
from students import TORCH_PARALLEL, answered

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "ghp_TESTTOKEN0123456789abcdefABCDEF"
IDENTITY = dict(GIT_AUTHOR_NAME="Student", GIT_AUTHOR_EMAIL="s@example.invalid",
                GIT_COMMITTER_NAME="Student", GIT_COMMITTER_EMAIL="s@example.invalid",
                STUDENT_PUSH="1")  # what the hook below lets through to the default branch: the student's own pushes
CLASSROOM, ASSIGNMENT = "cs101", "blocks"
# Classroom 50's protection, server side: the frozen `feedback` branch and `submit/*` tags take no push, and the
# default branch takes only the student's (a push there is a graded submission).
PRE_RECEIVE = """#!/bin/sh
while read old new ref; do
  case "$ref" in
    refs/heads/feedback|refs/tags/submit/*) echo "refused: $ref is Classroom 50's" >&2; exit 1;;
    refs/heads/main) [ "$STUDENT_PUSH" = 1 ] || { echo "refused: $ref is the default branch" >&2; exit 1; };;
  esac
done
"""
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
    """Run one of the classroom commands through the d2lblocks CLI."""
    return main([str(a) for a in argv])


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A release of the torch parallel exercise alone: the student's template and the bundle."""
    root = tmp_path_factory.mktemp("release")
    (root / "source" / "02_parallel").mkdir(parents=True)
    for name in ("torch.ipynb", "exercise.py"): shutil.copy(ROOT / "exercises" / "02_parallel" / name, root / "source" / "02_parallel")
    release(root / "student", root / "bundle", root / "source", frameworks=["torch"], exercises=["parallel"])
    return root / "student", root / "bundle"


def notebook(released, answer=None) -> str:
    """The released notebook, with `answer` in its answer cell if given."""
    nb = json.loads((released[0] / "torch" / "2_parallel.ipynb").read_text())
    if answer is not None: answered(nb, answer)
    return json.dumps(nb, indent=1)


def student_repo(remotes: Path, name: str, files: dict = None, head: str = "main") -> Path:
    """A bare repository named as Classroom 50 names it, protected by its hook, with the accept commit on `main` and
    `feedback`, and the student's `files` committed and pushed on top if given; its HEAD names `head`."""
    bare, work = remotes / f"{CLASSROOM}-{ASSIGNMENT}-{name}.git".lower(), remotes / f"{name}-work"
    git("init", "-q", "--bare", "-b", head, str(bare))
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(PRE_RECEIVE)
    hook.chmod(0o755)
    if files is not None:
        git("init", "-q", "-b", "main", str(work))
        commit(work, {".classroom50.yaml": f"owner: {name}\nclassroom: {CLASSROOM}\nassignment: {ASSIGNMENT}\n"}, "Accept")
        git("push", "-q", str(bare), "HEAD:main", cwd=work)
        git("--git-dir", str(bare), "update-ref", "refs/heads/feedback", git("rev-parse", "HEAD", cwd=work))  # frozen there
        git("remote", "add", "origin", str(bare), cwd=work)
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
    student_repo(remotes, "ada", {nb: notebook(released, SOLVED)})
    student_repo(remotes, "Bob", {nb: notebook(released, SOLVED), "scratch.txt": "old"})
    student_repo(remotes, "cy")
    student_repo(remotes, "eve", {nb: released[1] / "02_parallel" / "torch.ipynb"}, head="trunk")
    roster = root / "roster.csv"
    with open(roster, "w", newline="") as f:  # Classroom 50's roster.csv
        w = csv.writer(f)
        w.writerow(["username", "first_name", "last_name", "email", "section", "github_id", "role"])
        for n, login in enumerate(["ada", "Bob", "cy", "dee", "eve"], 1):
            w.writerow([login, login.title(), "Student", f"{login.lower()}@uni.invalid", "A", 100 + n, "student"])
        w.writerow(["ADA", "Ada", "Again", "ada2@uni.invalid", "A", 200, "student"])
        w.writerow(["prof", "P", "Q", "p@uni.invalid", "", 1, "instructor"])
    return root, remotes, roster


def roster_args(classroom) -> list:
    return ["--url-template", f"{classroom[1].as_uri()}/{{repo}}.git", "--classroom", CLASSROOM, "--assignment", ASSIGNMENT]


@pytest.fixture(scope="module")
def collected(classroom, released):
    """Collect twice (the first time through the CLI, with a token); Bob force-pushes a new history in between."""
    root, remotes, roster = classroom
    into = root / "submissions"
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        mp.setenv("CLASSROOM_TOKEN", TOKEN)
        # cy (empty), dee (no repository) and the duplicate row are not collected: exit 1, after everyone else
        assert command("collect", roster, "--into", into, "--token-env", "CLASSROOM_TOKEN", *roster_args(classroom)) == 1
    first = json.loads((into / "collect.json").read_text())
    # Bob rewrites his history: one commit, with the untouched stub and without scratch.txt, force-pushed.
    work = remotes / "Bob-work"
    git("checkout", "-q", "--orphan", "rewritten", cwd=work)
    git("rm", "-rq", "--cached", ".", cwd=work)
    (work / "scratch.txt").unlink()
    commit(work, {"torch/2_parallel.ipynb": notebook(released)}, "start over")
    git("push", "-q", "--force", "origin", "rewritten:main", cwd=work)
    with contextlib.redirect_stdout(io.StringIO()): assert command("collect", roster, "--into", into, *roster_args(classroom)) == 1
    return into, first["students"], json.loads((into / "collect.json").read_text())["students"], printed.getvalue(), first["problems"]


def test_collect_reports_every_student(collected, capsys):
    into, first, second, printed, problems = collected
    want = {"ada": "ok", "bob": "ok", "cy": "empty repository", "dee": "missing repository", "eve": "ok"}
    assert {s: r["status"] for s, r in first.items()} == want == {s: r["status"] for s, r in second.items()}
    assert (into / "ada" / "torch" / "2_parallel.ipynb").is_file()
    for s in ("cy", "dee"):  # nothing there: the grade step scores these students "not found"
        assert (into / s).is_dir() and list((into / s).iterdir()) == []
        assert second[s]["commit"] is None
    assert "does not appear to be a git repository" in second["dee"]["detail"]
    assert second["bob"]["login"] == "Bob" and second["bob"]["repository"].endswith("/cs101-blocks-bob.git")
    assert [(p["line"], p["student"]) for p in problems] == [(7, "ADA")] and "the same student as line 2" in problems[0]["reason"]
    assert "roster line 7: ADA: not collected, the same student as line 2" in printed
    assert "prof" not in second  # the roster's staff are not students


def test_collect_does_not_trust_a_bare_repositorys_head(collected, classroom):
    into, first, second, _, _ = collected
    assert git("--git-dir", str(classroom[1] / "cs101-blocks-eve.git"), "symbolic-ref", "HEAD") == "refs/heads/trunk"
    assert second["eve"]["branch"] == "main" and second["eve"]["commit"] == git("rev-parse", "main", cwd=classroom[1] / "cs101-blocks-eve.git")
    assert second["ada"]["branch"] == "main"  # never Classroom 50's frozen `feedback` branch


def test_second_collect_holds_the_force_pushed_tip(collected, classroom):
    into, first, second, _, _ = collected
    tip = git("rev-parse", "main", cwd=classroom[1] / "cs101-blocks-bob.git")
    assert second["bob"]["commit"] == tip != first["bob"]["commit"]
    assert git("rev-parse", "HEAD", cwd=into / "bob") == tip
    assert not (into / "bob" / "scratch.txt").exists()  # only in the old history
    assert "raise NotImplementedError()" in (into / "bob" / "torch" / "2_parallel.ipynb").read_text()


def test_collect_merges_into_collect_json(collected, classroom, tmp_path):
    into = tmp_path / "class"
    shutil.copytree(collected[0], into, symlinks=True)
    one = tmp_path / "one.csv"
    one.write_text("username,first_name,last_name,email,section,github_id,role\nada,Ada,S,a@x,A,101,student\n")
    with contextlib.redirect_stdout(io.StringIO()): assert command("collect", one, "--into", into, *roster_args(classroom)) == 0
    assert sorted(json.loads((into / "collect.json").read_text())["students"]) == ["ada", "bob", "cy", "dee", "eve"]


def test_a_committed_symlink_arrives_as_a_plain_file(collected, released):
    into = collected[0]
    path = into / "eve" / "torch" / "2_parallel.ipynb"
    assert not path.is_symlink()
    assert path.read_text() == str(released[1] / "02_parallel" / "torch.ipynb")


def test_the_token_is_never_written_or_printed(collected):
    into, _, _, printed, _ = collected
    assert printed.count(": ok (main at") == 3 and "[5/5] eve" in printed  # progress, one line per student
    for path in into.rglob("*"):
        if path.is_file(): assert TOKEN.encode() not in path.read_bytes(), path
    assert TOKEN not in printed
    assert all("extraheader" not in (into / s / ".git" / "config").read_text().lower() for s in ("ada", "bob", "eve"))


def test_feedback_arrives_for_every_collected_student_whatever_the_grader(collected, classroom, tmp_path):
    """Feedback alone, from results.json files as the grader writes them (the graded run is the test after the next)."""
    into, _, second, _, _ = collected
    remotes = classroom[1]
    grading = tmp_path / "grading"
    for folder, entry in second.items():
        (grading / folder).mkdir(parents=True)
        (grading / folder / "results.json").write_text(json.dumps(dict(
            score=1, max_score=2, commit=entry["commit"], tests=[dict(name="runs top to bottom", framework="torch",
            exercise="parallel", score=1, max_score=1, output="passed"), dict(name="outputs", framework="torch",
            exercise="parallel", score=0, max_score=1, output="the output has the wrong shape")])))
    before = {s: git("rev-parse", "feedback", cwd=remotes / f"cs101-blocks-{s}.git") for s in ("ada", "bob", "eve")}
    with contextlib.redirect_stdout(io.StringIO()):
        assert command("feedback", grading, "--roster", classroom[2], "--repos", into, *roster_args(classroom)) == 0
    report = json.loads((grading / "feedback.json").read_text())
    assert report["branch"] == FEEDBACK_BRANCH == "d2lblocks-feedback"
    assert {s: r["status"] for s, r in report["students"].items()} == {"ada": "pushed", "bob": "pushed", "cy": "skipped",
                                                                       "dee": "skipped", "eve": "pushed"}
    for s in ("ada", "bob", "eve"):
        bare = remotes / f"cs101-blocks-{s}.git"
        text = git("show", f"{FEEDBACK_BRANCH}:FEEDBACK.md", cwd=bare)
        assert f"**Score: 1 / 2** (commit `{second[s]['commit'][:12]}`)" in text and "the output has the wrong shape" in text
        assert git("rev-parse", "feedback", cwd=bare) == before[s]  # Classroom 50's branch is untouched


@pytest.fixture(scope="module")
def graded(collected, released, tmp_path_factory):
    """The collected class graded in two shards, merged with the merge command."""
    into = collected[0]
    root = tmp_path_factory.mktemp("grading")
    for k in (1, 2):
        grade(into, root / f"shard-{k}", released[1], whole_class=True, shard=(k, 2), limits=Limits(seconds=120),
              progress=lambda s: None)
    assert command("merge", root / "shard-1", root / "shard-2", "--out", root / "merged") == 0
    return root / "merged"


def test_merged_grades(graded):
    docs = {s: json.loads((graded / s / "results.json").read_text()) for s in ("ada", "bob", "eve")}
    assert docs["ada"]["score"] == docs["ada"]["max_score"] == 5, docs["ada"]["tests"]
    assert all(docs[s]["score"] == 0 for s in ("bob", "eve"))
    # Who could not be collected is reported with collect's reason, not graded "not found".
    missing = json.loads((graded / "results.json").read_text())["not_collected"]
    assert missing["cy"].startswith("empty repository") and missing["dee"].startswith("missing repository"), missing


@pytest.fixture(scope="module")
def fed(graded, collected, classroom):
    into = collected[0]
    root, remotes, roster = classroom
    bare = lambda s: remotes / f"cs101-blocks-{s}.git"
    before = {s: (git("rev-parse", "main", cwd=bare(s)), git("rev-parse", "feedback", cwd=bare(s))) for s in ("ada", "bob", "eve")}
    with contextlib.redirect_stdout(io.StringIO()):
        assert command("feedback", graded, "--roster", roster, "--repos", into, *roster_args(classroom)) == 0
    return json.loads((graded / "feedback.json").read_text())["students"], before


def hidden_source_lines() -> list:
    """Lines of the hidden tests long enough to be telling, which no feedback may quote."""
    lines = [l.strip() for f in (ROOT / "exercises").glob("*/exercise.py") for l in f.read_text().splitlines()]
    return [l for l in lines if len(l) > 25 and not l.startswith(("#", '"""'))]


def test_every_students_feedback_arrives_on_our_branch_and_reveals_nothing(fed, collected, classroom, released):
    report, before = fed
    remotes = classroom[1]
    assert {s: r["status"] for s, r in report.items()} == {"ada": "pushed", "bob": "pushed", "cy": "skipped",
                                                            "dee": "skipped", "eve": "pushed"}
    names = [t.hidden_test.name for t in Bundle(released[1]).tests_for("parallel")]
    secrets = hidden_source_lines() + ["reference_", "SEED", "TOLERANCE"]
    assert len(names) == 4 and len(secrets) > 20
    collected_commits = collected[2]
    for student, login, score in (("ada", "ada", "5 / 5"), ("bob", "Bob", "0 / 5"), ("eve", "eve", "0 / 5")):
        bare = remotes / f"cs101-blocks-{student}.git"
        text = git("show", f"{FEEDBACK_BRANCH}:FEEDBACK.md", cwd=bare)
        assert text.startswith(f"# Feedback for {login}")
        assert f"**Score: {score}** (commit `{collected_commits[student]['commit'][:12]}`)" in text  # the commit graded
        for name in names + ["runs top to bottom"]: assert f"| {name} |" in text, (student, name)
        assert git("ls-tree", "--name-only", FEEDBACK_BRANCH, cwd=bare) == "FEEDBACK.md"
        # Classroom 50's names are untouched: the default branch, the frozen `feedback` branch, no tag.
        assert (git("rev-parse", "main", cwd=bare), git("rev-parse", "feedback", cwd=bare)) == before[student]
        assert git("tag", "--list", cwd=bare) == ""
        for secret in secrets: assert secret not in text, (student, secret)
    bob = git("show", f"{FEEDBACK_BRANCH}:FEEDBACK.md", cwd=remotes / "cs101-blocks-bob.git")
    assert "NotImplementedError" in bob and "| 0 / 1 |" in bob  # a reason, not just a score
    assert git("for-each-ref", cwd=remotes / "cs101-blocks-cy.git") == ""  # still empty
    assert not (remotes / "cs101-blocks-dee.git").exists()


def test_the_hook_refuses_what_classroom50_reserves_and_feedback_never_asks(classroom, tmp_path):
    """The protection the test relies on is real: a push to `feedback` or `main` from the grader's side is refused."""
    url = (classroom[1] / "cs101-blocks-ada.git").as_uri()
    env = git_env(base=dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull))
    for reserved in ("feedback", "main"):
        status = push_feedback(url, "x\n", env, reserved)
        assert status["status"] == "failed" and "refused" in status["detail"], status
    for reserved, why in (("feedback", "Classroom 50's"), ("submit/x", "submissions")):
        with contextlib.redirect_stderr(io.StringIO()) as err:
            assert command("feedback", tmp_path, "--roster", classroom[2], "--repos", tmp_path, "--branch", reserved,
                           *roster_args(classroom)) == 2
        assert why in err.getvalue(), err.getvalue()


def test_failed_push_is_reported_and_the_rest_go_on(fed, graded, classroom, collected, tmp_path):
    root, remotes, roster = classroom
    grading = tmp_path / "grading"
    shutil.copytree(graded, grading)
    (remotes / "cs101-blocks-ada.git").rename(remotes / "moved-away.git")
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            assert command("feedback", grading, "--roster", roster, "--repos", collected[0], *roster_args(classroom)) == 1
    finally: (remotes / "moved-away.git").rename(remotes / "cs101-blocks-ada.git")
    report = json.loads((grading / "feedback.json").read_text())["students"]
    assert report["ada"]["status"] == "failed" and "could not reach" in report["ada"]["detail"]
    assert report["bob"]["status"] == report["eve"]["status"] == "unchanged"  # the same feedback again: no new commit


def test_grades_export_by_username_and_for_canvas(fed, graded, collected, tmp_path):
    out, canvas = tmp_path / "by-username.csv", tmp_path / "canvas.csv"
    with contextlib.redirect_stdout(io.StringIO()):
        assert command("grades", graded, "--repos", collected[0], "--csv", out, "--canvas", canvas, "--assignment-name", "Blocks") == 0
    rows = {r["username"]: r for r in csv.DictReader(io.StringIO(out.read_text()))}
    assert sorted(rows) == ["Bob", "ada", "cy", "dee", "eve"]  # keyed by GitHub username, as Classroom 50 exports
    assert (rows["ada"]["score"], rows["ada"]["max_score"], rows["ada"]["email"]) == ("5", "5", "ada@uni.invalid")
    assert rows["dee"]["score"] == "" and rows["dee"]["note"] == "not collected (missing repository)"
    lines = list(csv.reader(io.StringIO(canvas.read_text())))
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Blocks"]
    assert lines[1] == ["Points Possible", "", "", "", "", "5"]
    assert ["Student, Ada", "", "", "ada@uni.invalid", "A", "5"] in lines[2:]


def test_feedback_refuses_without_collect_json(graded, classroom, tmp_path, capsys):
    assert command("feedback", graded, "--roster", classroom[2], "--repos", tmp_path, *roster_args(classroom)) == 2
    assert "run collect first" in capsys.readouterr().err


def test_merge_of_a_missing_shard_is_a_clear_error(tmp_path, capsys):
    assert command("merge", tmp_path / "shard-1", "--out", tmp_path / "out") == 2
    assert capsys.readouterr().err == f"error: shard folder(s) not found: {tmp_path / 'shard-1'}\n"


def test_collect_with_a_deadline_takes_each_students_last_commit_before_their_cut_off(tmp_path):
    "A push after the deadline is not collected; a student's extension in the policy moves their cut-off."
    remotes = tmp_path / "remotes"
    remotes.mkdir()
    for name in ("ada", "bo"):
        student_repo(remotes, name, {"notes.txt": "on time\n"})
        work = remotes / f"{name}-work"
        (work / "notes.txt").write_text("late\n")
        git("commit", "-qam", "after the deadline", cwd=work)
        env = dict(os.environ, **IDENTITY, GIT_COMMITTER_DATE="2030-01-02T12:00:00+00:00")
        subprocess.run(["git", "commit", "-q", "--amend", "--no-edit"], cwd=work, env=env, check=True)
        git("push", "-q", "--force", "origin", "HEAD:main", cwd=work)
    roster = tmp_path / "roster.csv"
    roster.write_text("student,repository\n" + "".join(f"{n},{remotes / f'{CLASSROOM}-{ASSIGNMENT}-{n}.git'.lower()}\n" for n in ("ada", "bo")))
    policy = tmp_path / "course.toml"
    policy.write_text("deadline = 2030-01-01T00:00:00Z\n[extensions]\nbo = 3\n")
    assert command("collect", roster, "--into", tmp_path / "class", "--policy", policy) == 0
    report = json.loads((tmp_path / "class" / "collect.json").read_text())["students"]
    assert (tmp_path / "class" / "ada" / "notes.txt").read_text() == "on time\n"
    assert report["ada"]["before"] == "2030-01-01T00:00:00+00:00" and report["ada"]["committed_at"] < "2030-01-01"
    assert (tmp_path / "class" / "bo" / "notes.txt").read_text() == "late\n"  # three days more: the late push counts
    assert report["bo"]["committed_at"].startswith("2030-01-02")
    # A deadline before any commit: nothing to grade, and collect says so and exits 1
    assert command("collect", roster, "--into", tmp_path / "early", "--deadline", "2000-01-01T00:00:00+00:00") == 1
    early = json.loads((tmp_path / "early" / "collect.json").read_text())["students"]
    assert {s["status"] for s in early.values()} == {"no commit before the deadline"}

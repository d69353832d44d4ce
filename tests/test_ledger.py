"""A class run is a ledger: every notebook recorded as soon as it is graded, keyed by what determines its grade.

Everything here goes through the real command (`d2lblocks grade`, `d2lblocks merge`) in a subprocess, as an
instructor runs it: Ctrl-C sent to the command's process group mid-class, a crash injected between two notebooks,
an unchanged re-run, one student's push, shards and their merge, a student who left, bad --out and --timeout, a
repository of another release, the course policy and the similarity flags. The class is four students and the four
PyTorch exercises (16 notebooks); it is graded once, and each test works on its own copy of the output.
"""
import csv, hashlib, json, os, re, shutil, subprocess, sys, time
from pathlib import Path
import pytest
from d2lblocks.grader.notebook import is_answer
from d2lblocks.grader.ledger import bundle_id
from d2lblocks.grader.release import student_notebook
from d2lblocks.grader.protocol import LEVELS
from students import answered

ROOT = Path(__file__).resolve().parents[1]
CLI = "import sys; from d2lblocks.cli import main; sys.exit(main(sys.argv[1:]))"
# The same command, with a crash (the process killed outright, as by the OOM killer) right after the third
# notebook is recorded: nothing runs after it, not even a `finally`.
CRASHING = ("import os, sys; from d2lblocks.grader import ledger; record = ledger.Ledger.record; n = [0]\n"
            "def crash_after_three(self, *a):\n    record(self, *a); n[0] += 1\n    if n[0] == 3: os._exit(137)\n"
            "ledger.Ledger.record = crash_after_three\nfrom d2lblocks.cli import main; sys.exit(main(sys.argv[1:]))")
# The same command, with Ctrl-C sent to its own process group (as a terminal sends it) the moment the second notebook
# is recorded: the interruption lands mid-class on every machine, however slowly the test process is scheduled.
# Ctrl-C starts at Python's own handler, as in a terminal's foreground job: an ignored SIGINT is inherited, and under
# `nohup` or a script's `&` this test's own may be ignored.
INTERRUPTED_AFTER_TWO = (
    "import os, signal, sys, time; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "from d2lblocks.grader import ledger; record = ledger.Ledger.record; n = [0]\n"
    "def ctrl_c_after_two(self, *a):\n    record(self, *a); n[0] += 1\n"
    "    if n[0] == 2:\n        open(os.environ['CTRL_C_SENT'], 'w').write(repr(time.monotonic()))\n"
    "        os.killpg(os.getpgid(0), signal.SIGINT)\n"
    "ledger.Ledger.record = ctrl_c_after_two\nfrom d2lblocks.cli import main; sys.exit(main(sys.argv[1:]))")
STUDENTS = ("alice", "bob", "carol", "dave")
NOTEBOOKS = 4 * len(STUDENTS)
COMMITS = {s: hashlib.sha1(s.encode()).hexdigest() for s in STUDENTS}


def command(*args, script=CLI, timeout=600):
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def write_notebook(path, nb):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1))


def make_class(root):
    """A PyTorch-only bundle and four students: two hand in the reference solution, carol the stubs, dave one mistake."""
    bundle = root / "bundle"
    for folder in sorted((ROOT / "exercises").glob("*_*/")):
        (bundle / folder.name).mkdir(parents=True)
        for name in ("exercise.py", "torch.ipynb"): shutil.copy2(folder / name, bundle / folder.name / name)
    klass = root / "class"
    for folder in sorted(bundle.iterdir()):
        master = json.loads((folder / "torch.ipynb").read_text())
        key = f"torch/{folder.name.split('_')[0].lstrip('0')}_{folder.name.split('_', 1)[1]}.ipynb"
        for student in ("alice", "bob", "dave"): write_notebook(klass / student / key, master)
        write_notebook(klass / "carol" / key, student_notebook(json.loads((folder / "torch.ipynb").read_text()), str(folder)))
    parallel = klass / "dave" / "torch" / "2_parallel.ipynb"
    nb = json.loads(parallel.read_text())
    source = "".join(next(c for c in nb["cells"] if is_answer(c))["source"])
    write_notebook(parallel, answered(nb, source.replace("dim=-1", "dim=0").replace("axis=-1", "axis=0")))
    (klass / "collect.json").write_text(json.dumps(dict(students={s: dict(status="ok", commit=COMMITS[s]) for s in STUDENTS})))
    return bundle, klass


def progress(stdout):
    """The run's first line: how many notebooks were unchanged, and how many it graded."""
    m = re.search(r"(\d+) of (\d+) notebook\(s\) unchanged since graded; grading (\d+)", stdout)
    assert m, stdout
    return int(m[1]), int(m[3])


def snapshot(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def grades(out):
    return {r["student"]: r for r in csv.DictReader(open(out / "grades.csv", newline=""))}


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory):
    """The class graded by a command that gets Ctrl-C after its second notebook, then by the same command again."""
    root = tmp_path_factory.mktemp("ledger")
    bundle, klass = make_class(root)
    out = root / "out"
    sent_at = root / "ctrl-c-sent"
    args = [sys.executable, "-c", INTERRUPTED_AFTER_TWO, "grade", klass, "--class", "--bundle", bundle, "--out", out, "--timeout", "60"]
    proc = subprocess.Popen(list(map(str, args)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=dict(os.environ, CTRL_C_SENT=str(sent_at)), start_new_session=True)  # its own process group, as a terminal's
    stdout, stderr = proc.communicate(timeout=600)
    if sent_at.is_file(): print(f"Ctrl-C to exit: {time.monotonic() - float(sent_at.read_text()):.2f} s")  # a figure, not a test
    first = dict(returncode=proc.returncode, stdout=stdout, stderr=stderr,
                 entries=sorted(p.relative_to(out / ".ledger" / "entries").as_posix() for p in (out / ".ledger" / "entries").rglob("*.json")),
                 reports=snapshot(out))
    resumed = command("grade", klass, "--class", "--bundle", bundle, "--out", out, "--timeout", "60")
    assert resumed.returncode == 0, resumed.stderr
    return dict(root=root, bundle=bundle, klass=klass, out=out, first=first, resumed=resumed)


def copy_of(interrupted, tmp_path):
    """This test's own copy of the graded class and its output."""
    klass, out = tmp_path / "class", tmp_path / "out"
    shutil.copytree(interrupted["klass"], klass)
    shutil.copytree(interrupted["out"], out)
    return klass, out


def regrade(interrupted, klass, out, *more):
    return command("grade", klass, "--class", "--bundle", interrupted["bundle"], "--out", out, "--timeout", "60", *more)


def test_ctrl_c_stops_at_once_with_one_line_and_keeps_what_was_graded(interrupted):
    first = interrupted["first"]
    assert first["returncode"] == 130, first["stderr"]
    assert "Traceback" not in first["stderr"] and "KeyboardInterrupt" not in first["stderr"]
    (line,) = [l for l in first["stderr"].splitlines() if l.strip()]
    assert line.startswith("interrupted: ") and "run the same command to resume" in line
    # At once: no notebook started after Ctrl-C is recorded, and the one it cut short is not (jobs=1: at most one was
    # in flight, and only if it finished before the stop could reach it).
    assert len(first["entries"]) in (2, 3), first["entries"]
    # The reports written at the interruption show what the ledger holds: whoever is not fully graded is listed as such
    summary = first["reports"]["summary.md"].decode()
    assert "### Not graded yet" in summary
    assert json.loads(first["reports"][".ledger/class.json"])["students"] == list(STUDENTS)


def test_the_next_run_resumes_where_the_interrupted_one_stopped(interrupted):
    unchanged, graded = progress(interrupted["resumed"].stdout)
    assert unchanged == len(interrupted["first"]["entries"]) and unchanged + graded == NOTEBOOKS
    out = interrupted["out"]
    rows = grades(out)
    assert sorted(rows) == list(STUDENTS)
    assert rows["alice"]["score"] == rows["bob"]["score"] and float(rows["alice"]["score"]) > 0  # the reference solution
    assert rows["carol"]["score"] == "0" and float(rows["dave"]["score"]) < float(rows["alice"]["score"])
    assert "Not graded yet" not in (out / "summary.md").read_text()


def test_a_crash_between_two_notebooks_loses_nothing(interrupted, tmp_path):
    out = tmp_path / "out"
    crashed = command("grade", interrupted["klass"], "--class", "--bundle", interrupted["bundle"], "--out", out, "--timeout", "60",
                      script=CRASHING)
    assert crashed.returncode == 137
    entries = list((out / ".ledger" / "entries").rglob("*.json"))
    assert len(entries) == 3 and all(json.loads(p.read_text())["key"]["sha256"] for p in entries)
    assert not list((out / ".ledger").rglob("*.tmp"))  # every entry whole, no temporary left
    resumed = command("grade", interrupted["klass"], "--class", "--bundle", interrupted["bundle"], "--out", out, "--timeout", "60")
    assert resumed.returncode == 0 and progress(resumed.stdout) == (3, NOTEBOOKS - 3)
    assert (out / "grades.csv").read_bytes() == (interrupted["out"] / "grades.csv").read_bytes()


def test_an_unchanged_class_grades_nothing_and_rewrites_identical_reports(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    before = snapshot(out)
    again = regrade(interrupted, klass, out)
    assert again.returncode == 0 and progress(again.stdout) == (NOTEBOOKS, 0)
    assert snapshot(out) == before


def test_a_push_regrades_only_that_notebook_and_every_report_follows(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    before = grades(out)
    fixed = klass / "dave" / "torch" / "2_parallel.ipynb"  # dave pushes the right answer
    fixed.write_bytes((klass / "alice" / "torch" / "2_parallel.ipynb").read_bytes())
    pushed = regrade(interrupted, klass, out)
    assert pushed.returncode == 0 and progress(pushed.stdout) == (NOTEBOOKS - 1, 1)
    assert "dave: torch/2_parallel.ipynb" in pushed.stdout and pushed.stdout.count("] ") == 1
    after = grades(out)
    assert after["dave"]["score"] == before["alice"]["score"] != before["dave"]["score"]
    assert {s: after[s] for s in ("alice", "bob", "carol")} == {s: before[s] for s in ("alice", "bob", "carol")}
    doc = json.loads((out / "dave" / "results.json").read_text())
    assert str(doc["score"]) == after["dave"]["score"] or f"{doc['score']:g}" == after["dave"]["score"]
    assert json.loads((out / "results.json").read_text())["students"]["dave"]["score"] == doc["score"]
    summary = (out / "summary.md").read_text()
    assert f"| dave | {doc['score']:g} | {doc['max_score']:g} |" in summary
    assert "| torch | parallel | Parallel concatenates along the feature axis | 3 of 4 | 75% |" in summary  # carol's stub alone fails it
    gradings = json.loads((out / "audit.json").read_text())["dave"]["notebooks"]["torch/2_parallel.ipynb"]["gradings"]
    assert len(gradings) == 2  # the regrade log: graded, then regraded after the push


def test_shards_are_ledgers_and_merge_is_their_union(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    for k in (1, 2):  # each shard starts from the whole class's ledger: it keeps its own students and grades nothing
        shutil.copytree(out, tmp_path / f"shard{k}")
        run = regrade(interrupted, klass, tmp_path / f"shard{k}", "--shard", f"{k}/2")
        assert run.returncode == 0 and progress(run.stdout) == (NOTEBOOKS // 2, 0)
    assert sorted(p.name for p in (tmp_path / "shard1").iterdir() if p.is_dir()) == [".ledger", "alice", "carol"]
    merged = command("merge", tmp_path / "shard1", tmp_path / "shard2", "--out", tmp_path / "merged")
    assert merged.returncode == 0, merged.stderr
    whole, union = snapshot(out), snapshot(tmp_path / "merged")
    for name in ["grades.csv", "summary.md", "results.json", "audit.json", "similarity.json", "diagnostics.json"] + \
                [f"{s}/{f}" for s in STUDENTS for f in ("results.json", "junit.xml", "summary.md")]:
        assert union[name] == whole[name], name


def test_a_student_gone_from_the_class_leaves_no_stale_report(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    shutil.rmtree(klass / "dave")
    run = regrade(interrupted, klass, out)
    assert run.returncode == 0 and progress(run.stdout) == (NOTEBOOKS - 4, 0)
    assert not (out / "dave").exists() and not (out / ".ledger" / "entries" / "dave").exists()
    assert sorted(grades(out)) == ["alice", "bob", "carol"] and "dave" not in (out / "summary.md").read_text()
    assert "dave" not in json.loads((out / "results.json").read_text())["students"]


def test_every_result_names_what_it_graded(interrupted):
    out, klass = interrupted["out"], interrupted["klass"]
    doc = json.loads((out / "bob" / "results.json").read_text())
    assert doc["commit"] == COMMITS["bob"] and doc["bundle_id"] == bundle_id(interrupted["bundle"])
    assert doc["grader_version"] and set(doc["notebooks"]) == {f"torch/{p.name}" for p in (klass / "bob" / "torch").iterdir()}
    notes = json.loads((out / "diagnostics.json").read_text())["bob"]
    for key, n in doc["notebooks"].items():
        assert n["sha256"] == hashlib.sha256((klass / "bob" / key).read_bytes()).hexdigest()
        assert n["sandbox"] in LEVELS and n["sandbox"] == notes[key]["sandbox"]
        assert isinstance(n["suspicious"], list) and n["suspicious"] == notes[key]["suspicious"]  # the sandbox's flags, as it raised them
    summary = (out / "summary.md").read_text()
    assert summary.startswith(("Sandbox (checked before grading: ", "> **Warning:**")) and "checked before grading: " in summary
    flags = [f for s in STUDENTS for n in json.loads((out / s / "results.json").read_text())["notebooks"].values() for f in n["suspicious"]]
    assert ("### Flagged by the sandbox (instructor only)" in summary) == bool(flags)


def test_bad_output_folders_and_time_limits_are_refused_before_grading(interrupted, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    for out, why in ((tmp_path / "a-file", "is a file"), (tmp_path / "a-file" / "out", "cannot hold the reports")):
        run = regrade(interrupted, interrupted["klass"], out)  # refused up front: no notebook graded, none announced
        assert run.returncode == 2 and why in run.stderr and "notebook(s)" not in run.stdout, run.stderr
    for timeout in ("0", "-5", "nan"):
        run = command("grade", interrupted["klass"], "--class", "--bundle", interrupted["bundle"], "--out", tmp_path / "o", "--timeout", timeout)
        assert run.returncode == 2 and "must be more than 0 seconds" in run.stderr and not (tmp_path / "o").exists()


def test_a_repository_of_another_release_is_refused(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    (klass / "bob" / ".d2lblocks").mkdir()
    (klass / "bob" / ".d2lblocks" / "release.json").write_text(json.dumps(dict(bundle_id=bundle_id(interrupted["bundle"]))))
    assert progress(regrade(interrupted, klass, out).stdout) == (NOTEBOOKS, 0)  # the same release: graded as before
    (klass / "bob" / ".d2lblocks" / "release.json").write_text(json.dumps(dict(bundle_id="0" * 64)))
    run = regrade(interrupted, klass, out)
    assert run.returncode == 2 and "released from another bundle" in run.stderr and "bob (000000000000)" in run.stderr


def test_the_course_policy_is_applied_when_the_reports_are_computed(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    collect = json.loads((klass / "collect.json").read_text())
    collect["students"]["bob"]["committed_at"] = "2026-12-16T10:00:00+00:00"  # 10 h 1 min late
    collect["students"]["alice"]["committed_at"] = "2026-12-16T10:00:00+00:00"  # within her extension
    (klass / "collect.json").write_text(json.dumps(collect))
    (tmp_path / "course.toml").write_text(
        'deadline = 2026-12-15T23:59:00Z\nlate_penalty = 0.25\n[weights]\nparallel = 2\n[extensions]\nalice = 1\n'
        '[[overrides]]\nstudent = "dave"\nnotebook = "torch/2_parallel.ipynb"\nscore = 5\n'
        'reason = "dim=0 was accepted in the lecture"\n')
    run = regrade(interrupted, klass, out, "--policy", tmp_path / "course.toml")
    assert run.returncode == 0 and progress(run.stdout) == (NOTEBOOKS, 0)  # the policy changes no graded notebook
    rows = grades(out)
    score, parallel = {s: float(r["score"]) for s, r in rows.items()}, {s: float(r["torch/parallel"]) for s, r in rows.items()}
    parallel_max = 5
    assert float(rows["alice"]["final_max"]) == float(rows["alice"]["max_score"]) + parallel_max  # parallel counts twice
    assert (rows["alice"]["late_days"], float(rows["alice"]["final_score"])) == ("0", score["alice"] + parallel["alice"])
    assert (rows["bob"]["late_days"], float(rows["bob"]["final_score"])) == ("1", 0.75 * (score["bob"] + parallel["bob"]))
    # the override sets dave's parallel notebook to 5 points, which count twice
    assert float(rows["dave"]["final_score"]) == score["dave"] - parallel["dave"] + 2 * 5
    summary = (out / "summary.md").read_text()
    assert "### Course policy" in summary and "dim=0 was accepted in the lecture" in summary
    audit = json.loads((out / "audit.json").read_text())
    assert audit["dave"]["policy"]["overrides"][0]["reason"] == "dim=0 was accepted in the lecture"
    assert audit["bob"]["commit"] == COMMITS["bob"] and audit["bob"]["policy"]["late_days"] == 1


def test_similar_answers_are_flagged_for_the_instructor_only(interrupted):
    out = interrupted["out"]
    similar = json.loads((out / "similarity.json").read_text())
    same = {nb: students for nb, students in similar["same"]}
    assert same["torch/2_parallel.ipynb"] == ["alice", "bob"] and same["torch/3_factory.ipynb"] == ["alice", "bob", "dave"]
    assert not [s for s in same.values() if "carol" in s]  # the released stubs are not an answer
    like_reference = {nb: students for nb, students, _ in similar["reference"]}
    assert like_reference["torch/2_parallel.ipynb"] == ["alice", "bob"]
    assert all(isinstance(score, float) and score >= 0.9 for *_, score in similar["pairs"])  # near, not equal, answers
    summary = (out / "summary.md").read_text()
    assert "### Similar answers (instructor only; no score changed)" in summary
    assert "- torch/2\\_parallel.ipynb: alice, bob handed in the same answer" in summary
    for s in ("alice", "bob"):
        assert "alike" not in (out / s / "summary.md").read_text() and "similar" not in (out / s / "results.json").read_text()
    rows = grades(out)
    assert rows["alice"]["score"] == rows["bob"]["score"] == json.loads((out / "alice" / "results.json").read_text())["score"].__format__("g")


def test_a_student_collect_did_not_reach_is_reported_not_graded(interrupted, tmp_path):
    klass, out = copy_of(interrupted, tmp_path)
    collect = json.loads((klass / "collect.json").read_text())
    collect["students"]["carol"] = dict(status="missing repository", detail="she has not accepted the assignment", commit=None)
    collect["problems"] = [dict(line=7, student="Mary Ann", reason="not a GitHub login")]  # a roster row collect could not use
    (klass / "collect.json").write_text(json.dumps(collect))
    shutil.rmtree(klass / "carol"); (klass / "carol").mkdir()  # collect leaves an empty folder
    run = regrade(interrupted, klass, out)
    assert run.returncode == 0 and progress(run.stdout) == (NOTEBOOKS - 4, 0)
    assert sorted(grades(out)) == ["alice", "bob", "dave"] and not (out / "carol").exists()
    assert "- carol: not collected: missing repository (she has not accepted the assignment)" in (out / "summary.md").read_text()
    assert "- roster line 7 (Mary Ann): not collected: not a GitHub login" in (out / "summary.md").read_text()
    assert json.loads((out / "results.json").read_text())["not_collected"] == {
        "carol": "missing repository (she has not accepted the assignment)", "roster line 7 (Mary Ann)": "not a GitHub login"}

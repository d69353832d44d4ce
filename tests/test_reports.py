"""Grading results an instructor can defend: reports that parse whatever the student's code printed, feedback
that names the student's own cells, Gradescope's results format, instructor-only diagnostics, classes in shards.

The property tests (Hypothesis) feed the report writers arbitrary text: control characters, lone surrogates,
terminal escapes, `]]>`, Markdown syntax. The end-to-end tests grade real submissions of the PyTorch parallel
exercise (and one TensorFlow one) through `release` and `grade`, as test_grader.py does.
"""
import csv, json, os, shutil, subprocess, sys
import xml.etree.ElementTree as ET
from pathlib import Path
import numpy as np
import pytest
from hypothesis import given, settings, HealthCheck, strategies as st
from markdown_it import MarkdownIt
from d2lblocks.grader.bundle import Bundle
from d2lblocks.grader.grade import grade
from d2lblocks.grader.merge import merge_class_reports
from d2lblocks.grader.notebook import is_answer
from d2lblocks.grader.results import Results, TestResult as Result
from d2lblocks.grader.text import TEXT_LIMIT, plain_text, student_text
from d2lblocks.grader.release import release
from d2lblocks.grader.protocol import Limits
from d2lblocks.grader.protocol import LEVELS
from students import GRADESCOPE_VISIBILITY, TORCH_PARALLEL, answered

ROOT = Path(__file__).resolve().parents[1]
LIMITS = Limits(seconds=60)

CORRECT = TORCH_PARALLEL
# An error as a student's code may raise it: terminal colours, blank lines, the informative part at the end.
COLOURED_ERROR = r'raise ValueError("\x1b[31mbad\x1b[0m\n\n\nIncompatible input shape: expected 20")' + "\n"


# Text as hostile code produces it ------------------------------------------------------------------------

NASTY = ["\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x00", "\x07", "\r\n", "\r", "\n\n\n", "\t", "]]>", "<!--", "&amp;",
         "<script>", "|", "\\|", "`", "```", "# ", "\n# ", "\n- ", "\n1. ", "\n> ", "\n---\n", "\n    ", "*", "_", "[x](y)",
         "$x$", "~~", "\ud800", "\udfff", "\ufffe", "\uffff", "\x85", "\u2028", "\u202e", "\x9b31m", "\x0c", "\x0b"]
text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=()), max_size=12)),
                max_size=10).map("".join)
points = st.integers(min_value=0, max_value=5)


@st.composite
def results(draw):
    """A list of test results whose every string is arbitrary, and whose scores pass or fail."""
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        max_score = draw(points)
        out.append(Result(draw(text), draw(st.sampled_from(["parallel", "factory"]) | text),
                              draw(st.sampled_from(["torch", "mxnet"]) | text), draw(st.integers(0, max_score)),
                              max_score, "visible", draw(text)))
    return out


PROPERTY = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(results(), text)
def test_junit_xml_parses_whatever_the_text(rs, suite):
    root = ET.fromstring(Results(rs).junit(suite=suite).encode("utf-8"))
    cases = root.findall("testcase")
    failing = [r for r in rs if r.score < r.max_score]
    assert root.tag == "testsuite" and root.get("name") == plain_text(suite)
    assert (root.get("tests"), root.get("failures")) == (str(len(rs)), str(len(failing)))
    assert len(cases) == len(rs) and len(root.findall("testcase/failure")) == len(failing)
    assert [c.get("name") for c in cases] == [plain_text(r.name) for r in rs]
    assert [f.text or "" for f in root.iter("failure")] == [plain_text(r.feedback) for r in failing]


@PROPERTY
@given(results(), text, st.floats(min_value=0, max_value=1e5))
def test_results_json_round_trips_and_follows_gradescope(rs, student, seconds):
    doc = Results(rs, seconds).document(student=student)
    assert json.loads(json.dumps(doc)) == doc
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # no lone surrogate anywhere: any JSON reader takes it
    check_gradescope(doc)
    assert doc["student"] == plain_text(student) and len(doc["tests"]) == len(rs)
    assert [t["output"] for t in doc["tests"]] == [plain_text(r.feedback) for r in rs]


def md_tokens(markdown):
    """Every token of `markdown` as GitHub-flavoured CommonMark (with tables) parses it, inline ones included."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return tokens + [child for t in tokens for child in (t.children or [])]


@PROPERTY
@given(results(), text, st.none() | text)
def test_summary_markdown_keeps_its_structure(rs, title, warning):
    tokens = md_tokens(Results(rs).markdown(title, warning))
    kinds = [t.type for t in tokens]
    notebooks = {(r.exercise, r.framework) for r in rs}
    failing = [r for r in rs if r.score < r.max_score]
    assert kinds.count("table_open") == 1
    assert kinds.count("tr_open") == 1 + len(notebooks)  # the header row and one row per notebook
    assert kinds.count("bullet_list_open") == (1 if failing else 0) and kinds.count("list_item_open") == len(failing)
    assert kinds.count("heading_open") == (2 if failing else 1) and kinds.count("blockquote_open") == (1 if warning else 0)
    assert not {"html_block", "html_inline", "code_inline", "code_block", "fence", "hr", "ordered_list_open"} & set(kinds)


@PROPERTY
@given(text, st.integers(min_value=80, max_value=2000))
def test_student_text_is_clean_short_and_stable(raw, limit):
    out = student_text(raw, limit)
    assert len(out) <= limit
    assert not any(c in out for c in "\x1b\x00\r\t\x07\x85\x9b\u202e") and "\n\n" not in out
    assert all(not 0xD800 <= ord(c) <= 0xDFFF for c in out) and out == out.strip()
    assert student_text(out, limit) == out


@PROPERTY
@given(text, st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7e), min_size=1, max_size=60))
def test_long_messages_keep_the_type_and_the_end(middle, end):
    end = end.strip() or "x"
    raw = "ValueError: \x1b[1m" + middle + "y" * 3000 + "\n\n" + end + "\x1b[0m\n"
    out = student_text(raw)
    assert len(out) <= TEXT_LIMIT and out.startswith("ValueError: ") and out.endswith(end)
    assert " characters cut ...] " in out


def test_megabytes_of_output_make_a_short_feedback():
    out = student_text("RuntimeError: " + "\x1b[31mx\x1b[0m\n\n" * 500_000 + "the shapes (2, 3) and (2, 5) do not match")
    assert len(out) <= TEXT_LIMIT and out.startswith("RuntimeError: [... ")
    assert out.endswith("the shapes (2, 3) and (2, 5) do not match")


def check_gradescope(doc):
    """The fields Gradescope's autograder specification defines for results.json, with their types and values."""
    number = (int, float)
    assert isinstance(doc["score"], number) and isinstance(doc["execution_time"], number) and doc["execution_time"] >= 0
    assert isinstance(doc["output"], str) and "\n" not in doc["output"]  # one paragraph
    for t in doc["tests"]:
        assert isinstance(t["score"], number) and isinstance(t["max_score"], number)
        assert isinstance(t["name"], str) and isinstance(t["output"], str)
        assert t["visibility"] == "visible" and t["visibility"] in GRADESCOPE_VISIBILITY
        assert t["status"] == ("passed" if t["score"] >= t["max_score"] else "failed")
        assert {"exercise", "framework", "feedback"} <= set(t) and t["output"] == t["feedback"]
    assert doc["score"] == sum(t["score"] for t in doc["tests"])


# Real submissions, graded end to end -------------------------------------------------------------------

@pytest.fixture(scope="module")
def released(tmp_path_factory):
    root = tmp_path_factory.mktemp("release")
    release(root / "student", root / "bundle", ROOT / "exercises")
    return root / "student", Bundle(root / "bundle")


def submit(released, folder, answer, framework="torch", notebook="2_parallel.ipynb", own_cells=()):
    """The student's copy of `notebook` with `answer` in its answer cell and `own_cells` as code cells just above it."""
    nb = answered(json.loads((released[0] / framework / notebook).read_text()), answer)
    i = next(i for i, cell in enumerate(nb["cells"]) if is_answer(cell))
    nb["cells"][i:i] = [dict(cell_type="code", source=s, metadata={}, outputs=[], execution_count=None) for s in own_cells]
    path = Path(folder) / framework / notebook
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb))
    return path


def reports(out):
    """The three student-facing reports in `out`, each parsed: they must parse."""
    return (json.loads((out / "results.json").read_text(encoding="utf-8")), ET.parse(out / "junit.xml").getroot(),
            (out / "summary.md").read_text(encoding="utf-8"))


def test_a_coloured_error_in_the_answer_cell_reaches_every_report_clean(released, tmp_path):
    path = submit(released, tmp_path / "ada", CORRECT + COLOURED_ERROR, own_cells=["import numpy as np\n"])
    (doc,) = grade(path, tmp_path / "out", released[1], limits=LIMITS, progress=lambda s: None).values()
    results, junit, summary = reports(tmp_path / "out")
    assert results == json.loads(json.dumps(doc)) and doc["score"] == 4  # the class is defined: the hidden tests pass
    check_gradescope(results)
    runs = results["tests"][0]
    assert runs["name"] == "runs top to bottom" and runs["score"] == 0
    # The student's numbering: setup is code cell 1, their own import 2, the answer 3
    assert runs["output"].startswith("code cell 3 of your notebook (`class Parallel(nn.Module):`) raised ValueError: bad"), runs["output"]
    assert "Incompatible input shape: expected 20" in runs["output"]
    assert ("code cell 2 of your notebook (`import numpy as np`) was not run: only answer cells are graded; "
            "put imports in the answer cell") in runs["output"]
    assert "\x1b" not in json.dumps(results, ensure_ascii=False) and "\n\n" not in runs["output"]
    (failure,) = junit.iter("failure")
    assert junit.get("failures") == "1" and "Incompatible input shape: expected 20" in failure.text
    tokens = md_tokens(summary)
    assert [t.type for t in tokens].count("list_item_open") == 1 and "Incompatible input shape: expected 20" in summary


def test_a_genuine_keras_shape_error_keeps_what_went_wrong(released, tmp_path):
    answer = """
    class Parallel(keras.Model):
        def __init__(self, net1, net2, **kwargs):
            super().__init__(**kwargs)
            self.net1, self.net2 = net1, net2

        def call(self, X):
            return tf.concat([self.net1(X), self.net2(X)], axis=-1)

    net = Parallel(keras.layers.Dense(3), keras.layers.Dense(5))
    net(X)
    net(tf.zeros((2, 7)))  # does it take another width?
    """
    path = submit(released, tmp_path / "ada", answer, framework="tensorflow")
    (doc,) = grade(path, tmp_path / "out", released[1], limits=Limits(seconds=120), progress=lambda s: None).values()
    results, junit, _ = reports(tmp_path / "out")
    runs = results["tests"][0]["output"]
    assert runs.startswith("code cell 2 of your notebook (`class Parallel(keras.Model):`) raised ValueError: "), runs
    assert "is incompatible with the layer" in runs and "received input with shape (2, 7)" in runs
    assert "\x1b" not in runs and "\n\n" not in runs and len(runs) <= 2 * TEXT_LIMIT
    assert junit.get("failures") == "1" and doc["score"] == doc["max_score"] - 1


def test_a_timeout_names_the_cell_that_was_running(released, tmp_path):
    answer = CORRECT.replace("return torch.cat", "while True: pass\n        return torch.cat")
    path = submit(released, tmp_path / "ada", answer)
    (doc,) = grade(path, tmp_path / "out", released[1], limits=Limits(seconds=10), progress=lambda s: None).values()
    assert doc["tests"][0]["output"] == ("the notebook did not finish within the time limit (10 s) while running "
                                         "code cell 3 of your notebook (`net = Parallel(nn.Linear(20, 3...`)")
    notes = json.loads((tmp_path / "out" / "diagnostics.json").read_text())["2_parallel"]["torch/2_parallel.ipynb"]
    assert notes["status"] == "timeout" and notes["running_cell"] == 2


def test_adding_an_exercise_leaves_the_others_inputs_alone(tmp_path):
    bundle = tmp_path / "bundle"
    shutil.copytree(ROOT / "exercises", bundle)
    # a new exercise, numbered first: its folder, with a master and an instructor file whose inputs differ
    (bundle / "00_aardvark").mkdir()
    master = json.loads((bundle / "02_parallel" / "torch.ipynb").read_text())
    master["metadata"]["d2lblocks"] = dict(exercise="aardvark", framework="torch", notebook="0_aardvark.ipynb")
    (bundle / "00_aardvark" / "torch.ipynb").write_text(json.dumps(master))
    text = (bundle / "02_parallel" / "exercise.py").read_text()
    (bundle / "00_aardvark" / "exercise.py").write_text(text + "\n\ndef inputs(rng): return dict(x=rng.normal(size=3))\n")
    before, after = Bundle(ROOT / "exercises"), Bundle(bundle)
    (aardvark,) = [t for t in after.tasks if t.exercise == "aardvark"]
    assert after.inputs(aardvark)["x"].shape == (3,)
    for task in before.tasks:
        ours, theirs = before.inputs(task), after.inputs(next(t for t in after.tasks if t.key == task.key))
        assert ours.keys() == theirs.keys() and all(np.array_equal(ours[k], theirs[k]) for k in ours)


def test_grading_without_the_full_sandbox_says_so(released, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)  # a grader that is not root: children run with limits only
    path = submit(released, tmp_path / "ada", CORRECT)
    (doc,) = grade(path, tmp_path / "out", released[1], limits=LIMITS, progress=lambda s: None).values()
    assert doc["score"] == 5 and doc["sandbox"]["torch/2_parallel.ipynb"] in ("confined", "limited")  # as the child announced it
    assert "warning: graded without the full sandbox" in capsys.readouterr().err
    summary = (tmp_path / "out" / "summary.md").read_text()
    assert summary.startswith("> **Warning:** graded without the full sandbox")
    assert json.loads((tmp_path / "out" / "diagnostics.json").read_text())["2_parallel"]["torch/2_parallel.ipynb"]["sandbox"] == \
        doc["sandbox"]["torch/2_parallel.ipynb"]


# A class, graded whole and in shards ---------------------------------------------------------------------

MARKER = "printed-by-alice-for-the-instructor"
CLASS = {"alice": CORRECT + f"\nprint({MARKER!r})\n",
         "bob": CORRECT.replace("dim=-1", "dim=0"),
         "carol": CORRECT.replace("self.net1, self.net2 = net1, net2", "self.nets = [net1, net2]")
                         .replace("self.net1(X), self.net2(X)", "self.nets[0](X), self.nets[1](X)"),
         "dave": CORRECT + COLOURED_ERROR}


def test_a_class_in_three_shards_merges_into_one_run(released, tmp_path):
    klass, bundle = tmp_path / "class", released[1]
    for student, answer in CLASS.items(): submit(released, klass / student, answer)
    with pytest.raises(ValueError, match="shard"): grade(klass, tmp_path / "bad", bundle, whole_class=True, shard=(4, 3))
    quiet = dict(whole_class=True, limits=LIMITS, progress=lambda s: None)
    whole = grade(klass, tmp_path / "whole", bundle, jobs=2, **quiet)
    parts = [grade(klass, tmp_path / f"shard{k}", bundle, shard=(k, 3), **quiet) for k in (1, 2, 3)]
    assert [sorted(p) for p in parts] == [["alice", "dave"], ["bob"], ["carol"]]
    merged = merge_class_reports([tmp_path / f"shard{k}" for k in (1, 2, 3)], tmp_path / "merged")

    untimed = lambda doc: {k: v for k, v in doc.items() if k != "execution_time"}
    assert {s: untimed(d) for s, d in merged.items()} == {s: untimed(d) for s, d in whole.items()}
    for name in ["grades.csv", "summary.md", "results.json"] + [f"{s}/{f}" for s in CLASS for f in ("junit.xml", "summary.md")]:
        assert (tmp_path / "merged" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    for s in CLASS:
        assert untimed(json.loads((tmp_path / "merged" / s / "results.json").read_text())) == untimed(whole[s])

    rows = list(csv.reader(open(tmp_path / "whole" / "grades.csv")))
    assert rows[0][:1] == ["student"] and "torch/parallel" in rows[0]
    assert {r[0]: r[rows[0].index("torch/parallel")] for r in rows[1:]} == {"alice": "5", "bob": "1", "carol": "4", "dave": "4"}
    summary = (tmp_path / "whole" / "summary.md").read_text()
    assert "| torch | parallel | runs top to bottom | 2 of 4 | 50% |" in summary  # bob's check and dave's error fail it
    assert "| mxnet | parallel | runs top to bottom | 0 of 4 | 0% |" in summary  # nobody handed that notebook in

    # Diagnostics are the instructor's: one file at the top, keyed by student then notebook, never in a student's reports
    notes = json.loads((tmp_path / "merged" / "diagnostics.json").read_text())
    assert sorted(notes) == sorted(CLASS) and notes["alice"]["torch/2_parallel.ipynb"]["status"] == "ok"
    assert MARKER in notes["alice"]["torch/2_parallel.ipynb"]["stdout_tail"]
    assert notes["bob"]["mxnet/2_parallel.ipynb"]["status"] == "not run"
    instructor_only = {"diagnostics.json", "audit.json", "similarity.json"}  # and the ledger, .ledger/
    student_facing = [p for p in (tmp_path / "whole").rglob("*")
                      if p.is_file() and p.name not in instructor_only and ".ledger" not in p.relative_to(tmp_path / "whole").parts]
    assert len(student_facing) == 3 + 3 * len(CLASS) and not [p for p in student_facing if MARKER in p.read_text()]
    assert whole["alice"]["sandbox"]["torch/2_parallel.ipynb"] in LEVELS


def test_merging_refuses_what_is_not_a_class(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="not the output of grading a class"):
        merge_class_reports([tmp_path / "empty"], tmp_path / "out")
    with pytest.raises(ValueError, match="no shard"): merge_class_reports([], tmp_path / "out")


def test_a_notebook_the_student_renamed_is_graded_through_the_command(released, tmp_path):
    "Repository grading finds `Copy of 2_parallel.ipynb` by the record in its metadata, as Gradescope's staging does."
    path = submit(released, tmp_path / "class" / "ada", CORRECT)
    path.rename(path.with_name("Copy of 2_parallel.ipynb"))
    cli = "import sys; from d2lblocks.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", cli, "grade", str(tmp_path / "class"), "--class",
                           "--bundle", str(released[1].path), "--out", str(tmp_path / "out"), "--jobs", "1"],
                          capture_output=True, text=True, timeout=900)
    doc = json.loads((tmp_path / "out" / "ada" / "results.json").read_text())
    parallel = [t for t in doc["tests"] if t.get("framework") == "torch" and t.get("exercise") == "parallel"]
    assert parallel and all(t["score"] == t["max_score"] for t in parallel), (proc.stdout[-2000:], proc.stderr[-2000:])
    others = [t for t in doc["tests"] if t.get("exercise") == "factory" and t.get("framework") == "torch"]
    assert others and all(t["score"] == 0 for t in others)  # never handed in: still zero

"""A bank of realistic student answers, each graded through the real CLI, each earning exactly its points.

Every case is a file `answer_bank/<framework>/<exercise>/<case>.py`: the answer cell's source, headed by
comments that say what it is and what it earns:

    # expect: runs=1 output=1 plain=0 view=0      the score of every test of the notebook, by short name
    # feedback view: failed: PyTorch sees ...     the exact feedback of every test that fails (one that passes reads "passed")
    # differs: why this framework scores a mistake differently from the others (required when it does)

The whole bank is graded in ONE class run (one student folder per case, holding only that case's notebook),
made from a student copy released from `exercises/`, as an instructor would run it. The exercises and their tests'
names come from the bundle itself, so a new exercise needs only its cases here.
"""
import json, re, subprocess, sys
from pathlib import Path
import pytest
from d2lblocks.grader.bundle import Bundle
from d2lblocks.grader.release import release
from students import answered

ROOT = Path(__file__).resolve().parents[1]
BANK = Path(__file__).resolve().parent / "answer_bank"
from d2lblocks.core import FRAMEWORKS  # the one list: a framework added there needs its cases here
# Every exercise of the instructor's bundle, whatever they are: the student's file name, and the tests' names
# as the student sees them by the short names the case files use (a hidden test's function name, and `runs`).
_BUNDLE = Bundle(ROOT / "exercises")
NOTEBOOKS = {name: ex.tasks[0].notebook for name, ex in _BUNDLE.exercises.items()}
TESTS = {name: {"runs": "runs top to bottom", **{t.__name__: t.hidden_test.name for t in ex.tests}}
         for name, ex in _BUNDLE.exercises.items()}


def read_case(path: Path) -> dict:
    """A case file's answer, expected scores, expected feedback and whether it says why it differs."""
    text = path.read_text()
    framework, exercise = path.parent.parent.name, path.parent.name
    header = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    expect = [line for line in header if line.startswith("expect:")]
    assert len(expect) == 1, f"{path}: needs exactly one '# expect:' line"
    scores = dict(item.split("=") for item in expect[0][len("expect:"):].split())
    feedback = dict(re.match(r"feedback (\w+): (.+)", line).groups() for line in header if line.startswith("feedback "))
    assert not {k for k, v in feedback.items() if float(scores.get(k, 0))}, f"{path}: feedback given for a test that passes"
    # The expected feedback is not part of the answer: kept in the cell, it would move the lines the feedback names.
    answer = "".join(line for line in text.splitlines(True) if not line.startswith("# feedback "))
    return dict(id=f"{framework}-{exercise}-{path.stem}", framework=framework, exercise=exercise, name=path.stem,
                answer=answer, scores={k: float(v) for k, v in scores.items()}, feedback=feedback,
                differs=any(line.startswith("differs:") for line in header))


CASES = [read_case(p) for p in sorted(BANK.glob("*/*/*.py"))]


def student_notebook(student_dir: Path, case: dict) -> dict:
    """The released notebook of `case` with its answer in the cell tagged `answer`."""
    return answered(json.loads((student_dir / case["framework"] / NOTEBOOKS[case["exercise"]]).read_text()), case["answer"])


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Release the exercises, put every case in a student folder of its own, grade the class once: {case id: tests}."""
    root = tmp_path_factory.mktemp("bank")
    release(root / "student", root / "bundle", ROOT / "exercises")
    klass = root / "class"
    for case in CASES:
        path = klass / case["id"] / case["framework"] / NOTEBOOKS[case["exercise"]]
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(student_notebook(root / "student", case)))
    cli = Path(sys.executable).parent / "d2lblocks"
    run = subprocess.run([str(cli), "grade", str(klass), "--class", "--bundle", str(root / "bundle"),
                          "--out", str(root / "out"), "--jobs", "2"], capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = {}
    for case in CASES:
        doc = json.loads((root / "out" / case["id"] / "results.json").read_text())
        results[case["id"]] = {t["name"]: t for t in doc["tests"]
                               if t["framework"] == case["framework"] and t["exercise"] == case["exercise"]}
    return results


def test_the_bank_covers_every_notebook():
    assert len(CASES) >= 40
    for framework in FRAMEWORKS:
        for exercise in NOTEBOOKS:
            mine = [c for c in CASES if (c["framework"], c["exercise"]) == (framework, exercise)]
            assert any(sum(c["scores"].values()) == len(TESTS[exercise]) for c in mine), (framework, exercise, "no right answer")
            assert any(sum(c["scores"].values()) < len(TESTS[exercise]) for c in mine), (framework, exercise, "no mistake")


def test_every_case_names_every_test_and_the_feedback_of_each_it_fails():
    for case in CASES:
        assert set(case["scores"]) == set(TESTS[case["exercise"]]), case["id"]
        assert set(case["feedback"]) == {k for k, v in case["scores"].items() if not v}, case["id"]


def test_an_answer_hard_coded_to_the_public_check_fails_a_hidden_test():
    """Every exercise in every framework has a case written for the public check's values (sizes, n, number of
    blocks): it passes the public check (runs) and loses a hidden point, since the hidden inputs differ."""
    for framework in FRAMEWORKS:
        for exercise in NOTEBOOKS:
            (case,) = [c for c in CASES if (c["framework"], c["exercise"], c["name"]) == (framework, exercise, "hard_coded")]
            hidden = {k: v for k, v in case["scores"].items() if k != "runs"}
            assert case["scores"]["runs"] == 1 and 0 in hidden.values(), case["id"]


def test_the_same_answer_earns_the_same_points_in_every_framework():
    """Cases of the same name in the same exercise earn the same scores, or the odd one says why it differs."""
    by_name = {}
    for case in CASES: by_name.setdefault((case["exercise"], case["name"]), []).append(case)
    for (exercise, name), cases in by_name.items():
        usual = [c["scores"] for c in cases if not c["differs"]]
        assert all(s == usual[0] for s in usual), (exercise, name, {c["framework"]: c["scores"] for c in cases})
        for case in cases:
            if case["differs"]: assert not usual or case["scores"] != usual[0], f"{case['id']} says it differs but does not"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_answer_earns_exactly_its_points(graded, case):
    tests = graded[case["id"]]
    names = TESTS[case["exercise"]]
    assert set(tests) == set(names.values())
    got = {short: tests[name]["score"] for short, name in names.items()}
    feedback = {short: tests[name]["feedback"] for short, name in names.items()}
    assert got == case["scores"], feedback
    assert feedback == {short: case["feedback"].get(short, "passed") for short in names}
    for short, said in feedback.items():  # never the grader's own names, objects or addresses
        assert not re.search(r"grad_W|registered_params|output_\w|calls_|<locals>|0x[0-9a-f]{4}|\(got ", said), (short, said)

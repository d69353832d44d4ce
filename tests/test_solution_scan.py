"""No line of a master's solution where a student can read it: the chapter notebooks, the built site, the grader
wheel and a released student repository, each scanned against every solution region of every master.

A few lines of the chapter's own code, which the book prints, are also lines of a solution (`return X`, or a
Keras `MySequential` that keeps its blocks in a list, which is what the book's TensorFlow code does). They are
allowed one by one, each where it may occur and why, in `ALLOWED`; nothing is ignored by pattern, and an
allowance that no longer matches anything fails, so the list cannot outgrow what the chapter holds.
"""
import json, os, zipfile
from html.parser import HTMLParser
from pathlib import Path
import pytest
from d2lblocks.core import FRAMEWORKS, cell_source, chapter_page
from d2lblocks.grader.leaks import find_leaks
from d2lblocks.grader.notebook import solution_lines
from d2lblocks.grader.release import build_wheel, release

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
SITE = Path(os.environ.get("D2LBLOCKS_SITE", ROOT / "_docs"))
CHAPTER = [ROOT / "nbs" / chapter_page(fw) for fw in FRAMEWORKS]
CHAPTER_SITE = ["chapter.html", "search.json", *(chapter_page(fw).replace(".ipynb", ".html") for fw in FRAMEWORKS)]

CHAPTER_NOTEBOOKS = [f"nbs/{chapter_page(fw)}" for fw in FRAMEWORKS]
CHAPTER_MODULES = [f"d2lblocks/{fw}.py" for fw in FRAMEWORKS]  # the chapter's code in the wheel
ADAPTERS = [f"d2lblocks/grader/adapters/{fw}.py" for fw in FRAMEWORKS]  # they build the chapter's blocks

# {solution line: (why it may appear, the files where it may)}: files as paths in the repository, in the site, or in the wheel
ALLOWED = {
    "return X": ("the last line of the book's forward methods (`MLP`, `MySequential`, ...); the grader pages' "
                 "examples of a block end the same way",
                 {*CHAPTER_NOTEBOOKS, *CHAPTER_SITE, *CHAPTER_MODULES, "13_probes.html", "15b_leaks.html"}),
    "return net": ("the chapter's `sequential_mlp()` and `chimera()` return the network they build, and so do the "
                   "adapters that build the chapter's blocks for the grader",
                   {*CHAPTER_NOTEBOOKS, *CHAPTER_SITE, *CHAPTER_MODULES, *ADAPTERS}),
    "net = nn.Sequential()": ("the MXNet page builds the book's `nn.Sequential()` and adds layers to it, as does the "
                              "MXNet adapter",
                              {"nbs/01_mxnet.ipynb", *CHAPTER_SITE, "d2lblocks/mxnet.py", "d2lblocks/grader/adapters/mxnet.py"}),
}


def _norm(text): return " ".join(text.split())


def master_lines():
    "{solution line (whitespace normalised): [masters holding it]} over every master of every exercise."
    lines = {}
    for master in sorted(EXERCISES.glob("*/*.ipynb")):
        for cell in json.loads(master.read_text())["cells"]:
            if cell["cell_type"] != "code": continue
            for line in solution_lines(cell_source(cell)): lines.setdefault(_norm(line), []).append(master.relative_to(ROOT).as_posix())
    return lines


SECRETS = master_lines()


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data): self.parts.append(data)


def readable_text(name, data):
    "What a reader sees of a file: a page's text without markup, a notebook's sources and outputs, other text as it is."
    if name.endswith(".html"):
        parser = _Text(); parser.feed(data)
        return "".join(parser.parts)
    if name.endswith(".ipynb"):
        nb = json.loads(data)
        return "\n".join(cell_source(c) + "\n" + json.dumps(c.get("outputs", []), ensure_ascii=False) for c in nb["cells"])
    return data


def leaks(name, data, where=None):
    "The solution lines in file `name` holding `data` that no allowance covers at `where` (by default `name`)."
    text = _norm(readable_text(name, data))
    return [(name, line) for line in SECRETS if line in text and (where or name) not in ALLOWED.get(line, ("", ()))[1]]


def scan_folder(folder):
    found = []
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        if path.suffix == ".whl": found += scan_wheel(path)
        elif path.suffix in (".html", ".ipynb", ".json", ".py", ".md", ".txt", ".yml", ".cfg", ".toml", ".sh", ""):
            found += leaks(path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
    return found


def scan_wheel(wheel):
    with zipfile.ZipFile(wheel) as z:
        return [hit for n in z.namelist() for hit in leaks(f"{Path(wheel).name}:{n}", z.read(n).decode("utf-8", errors="replace"), n)]


def test_the_masters_have_solution_lines_to_look_for():
    assert len(SECRETS) >= 10 and all(any(f"/{fw}.ipynb" in m for ms in SECRETS.values() for m in ms) for fw in FRAMEWORKS)


def test_every_allowance_is_a_solution_line_that_the_chapter_holds():
    chapter = _norm("\n".join(readable_text(p.name, p.read_text()) for p in CHAPTER))
    for line in ALLOWED:
        assert line in SECRETS, f"{line!r} is no longer a solution line: drop its allowance"
        assert line in chapter, f"{line!r} is no longer on a chapter page: drop its allowance"


@pytest.mark.parametrize("notebook", CHAPTER, ids=lambda p: p.name)
def test_chapter_notebooks_hold_no_solution(notebook):
    assert leaks(notebook.relative_to(ROOT).as_posix(), notebook.read_text()) == []


@pytest.mark.skipif(not (SITE / "index.html").is_file(), reason="no built site in _docs/: run `make docs` first")
def test_the_site_holds_no_solution():
    assert scan_folder(SITE) == []


def test_the_grader_wheel_holds_no_solution(tmp_path):
    assert scan_wheel(build_wheel(tmp_path)) == []


def test_a_released_student_repository_holds_no_solution(tmp_path):
    release(tmp_path / "student", tmp_path / "bundle", EXERCISES)
    assert scan_folder(tmp_path / "student") == []
    assert find_leaks(tmp_path / "student", list(SECRETS)) == []  # and the release's own check agrees


def test_the_scan_finds_a_solution_that_was_pasted_into_a_page():
    line = next(l for l in SECRETS if l not in ALLOWED)
    assert leaks("02_torch.html", f"<pre><code><span>{line}</span></code></pre>") == [("02_torch.html", line)]
    assert leaks("nbs/02_torch.ipynb", json.dumps(dict(cells=[dict(cell_type="code", source=line, outputs=[])]))) != []
    assert leaks("13_probes.html", "<p>return X</p>") == [] and leaks("bench.html", "<p>return X</p>") != []

"""The package's shape, read from its source as a newcomer reads it: no import cycle, no module or function too long
to hold in one's head, each concern written once, framework names only where frameworks are described.

Every check is static (the source text and its syntax tree), so it holds the same on every machine.
"""
import ast, re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "d2lblocks"
GENERATED = {"_modidx.py"}  # nbdev's index of names, not code anyone reads
MODULE_LINES = 300
FUNCTION_LINES = 40


def module_files() -> dict:
    """{dotted module name: path} for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in GENERATED: continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = module_files()


def imported_modules(name: str, path: Path) -> set:
    """The package's modules that module `name` imports, from any import statement (also one inside a function)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return (found & set(MODULES)) - {name}


def first_cycle(graph: dict) -> list:
    """One import cycle of `graph` ({module: modules it imports}) as a path that returns to its start, or []."""
    state, path = {}, []

    def visit(module):
        state[module] = "open"
        path.append(module)
        for other in sorted(graph[module]):
            if state.get(other) == "open": return path[path.index(other):] + [other]
            if other not in state and (cycle := visit(other)): return cycle
        state[module] = "done"
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)): return cycle
    return []


def test_first_cycle_finds_a_planted_cycle_and_accepts_a_tree():
    assert first_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert first_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_imported_modules_reads_relative_and_function_level_imports(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("from .protocol import Limits\ndef f():\n    from . import sandbox\n    import d2lblocks.core\n")
    assert imported_modules("d2lblocks.grader.m", source) >= {"d2lblocks.grader.protocol", "d2lblocks.core"}


def test_the_package_has_no_import_cycle():
    graph = {name: imported_modules(name, path) for name, path in MODULES.items()}
    cycle = first_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_longer_than_one_can_read_in_one_sitting(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"{name} has {lines} lines (at most {MODULE_LINES}): split it by role"


def long_functions(path: Path, limit: int = FUNCTION_LINES) -> list:
    """(name, lines) of each function in `path` longer than `limit` lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > limit]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_function_is_longer_than_a_screen(name):
    assert not long_functions(MODULES[name]), f"{name}: {long_functions(MODULES[name])} (at most {FUNCTION_LINES} lines each)"


def definitions(name: str) -> list:
    """Names of the functions and classes defined anywhere in the package."""
    found = []
    for path in MODULES.values():
        found += [node.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name]
    return found


@pytest.mark.parametrize("name", ["bundle_id", "call_counts", "plain_text", "student_text", "markdown_text", "table_cell",
                                  "cell_hash", "check", "find_leaks", "project_root", "read_settings"])
def test_each_shared_helper_is_written_once(name):
    assert len(definitions(name)) == 1, f"{name} is defined {len(definitions(name))} times"


def test_escape_codes_are_removed_in_one_place():
    pattern = re.compile(r"\\x1b|\\x9b|#x1B")
    holders = sorted(n for n, p in MODULES.items() if pattern.search(p.read_text(encoding="utf-8")))
    assert holders == ["d2lblocks.grader.text"], holders


def test_settings_ini_is_parsed_in_one_place():
    holders = sorted(n for n, p in MODULES.items() if "ConfigParser" in p.read_text(encoding="utf-8"))
    assert holders == ["d2lblocks.project"], holders


def test_the_warden_and_the_student_process_share_one_secret_length():
    holders = sorted(n for n, p in MODULES.items() if re.search(r"^_?NONCE\w* *=", p.read_text(encoding="utf-8"), re.M))
    assert holders == ["d2lblocks.grader.protocol"], holders

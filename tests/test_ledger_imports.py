"""The grading path cut by role: each module imports only the roles before it, never the class runner (`grade`),
so the modules a class run is made of form no import cycle.

The graph is read from the source (every `import` statement, also those inside functions), as a newcomer follows it.
"""
import ast
from pathlib import Path

GRADER = Path(__file__).resolve().parents[1] / "d2lblocks" / "grader"
# In reading order: a module may import only those listed before it.
ROLES = ["text", "authoring", "ledger", "policy", "similarity", "results", "class_reports", "reports", "merge", "notebook", "bundle",
         "submissions", "score", "pool", "grade"]


def grader_imports(module: str) -> set:
    """The d2lblocks.grader modules `module` imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(ast.parse((GRADER / f"{module}.py").read_text())):
        if isinstance(node, ast.ImportFrom):
            base = ("d2lblocks.grader." if node.level == 1 else "") + (node.module or "")
            if base == "d2lblocks.grader": found |= {a.name for a in node.names}
            elif base.startswith("d2lblocks.grader."): found.add(base.split(".")[2])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[2] for a in node.names if a.name.startswith("d2lblocks.grader.")}
    return found


def test_each_role_imports_only_the_roles_before_it():
    for i, module in enumerate(ROLES):
        later = grader_imports(module) & set(ROLES[i:])
        assert not later, f"{module} imports {sorted(later)}, which come after it (or is itself)"


def test_the_grading_modules_form_no_import_cycle():
    graph = {m: grader_imports(m) & set(ROLES) for m in ROLES}
    done, on_path = set(), []

    def visit(m):
        assert m not in on_path, f"import cycle: {' -> '.join(on_path[on_path.index(m):] + [m])}"
        if m in done: return
        on_path.append(m)
        for n in sorted(graph[m]): visit(n)
        on_path.pop()
        done.add(m)

    for m in ROLES: visit(m)


def test_the_class_run_keeps_every_name_its_importers_use():
    """An instructor's exercise.py imports the authoring helpers from `grade`."""
    from d2lblocks.grader import grade
    for name in ["hidden_test", "check_close", "check_number", "grade"]:
        assert hasattr(grade, name), name

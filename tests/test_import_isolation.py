"""`import d2lblocks` loads no framework; each framework module loads only its own."""
import pytest
from conftest import FRAMEWORKS, run_python

CHECK = "import sys, {mod}; print(sorted(m for m in {fws} if m in sys.modules))"


@pytest.mark.parametrize("mod", ["d2lblocks", "d2lblocks.core", "d2lblocks.cli"])
def test_package_root_imports_no_framework(mod):
    out = run_python(CHECK.format(mod=mod, fws=FRAMEWORKS))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("fw", FRAMEWORKS)
def test_framework_module_imports_only_its_framework(fw):
    out = run_python(CHECK.format(mod=f"d2lblocks.{fw}", fws=FRAMEWORKS))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str([fw])

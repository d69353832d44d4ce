"""`import d2lblocks` loads no framework; each framework module loads only its own."""
import ast
import pytest
from conftest import FRAMEWORKS, run_python

CHECK = "import sys, {mod}; print(sorted(m for m in {fws} if m in sys.modules))"


def loaded_after(mod: str) -> list:
    """The frameworks in `sys.modules` after `import {mod}` in a fresh interpreter."""
    out = run_python(CHECK.format(mod=mod, fws=FRAMEWORKS))
    assert out.returncode == 0, out.stderr
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("mod", ["d2lblocks", "d2lblocks.core", "d2lblocks.cli"])
def test_package_root_imports_no_framework(mod):
    assert loaded_after(mod) == []


@pytest.mark.parametrize("fw", FRAMEWORKS)
def test_framework_module_imports_only_its_framework(fw):
    loaded = loaded_after(f"d2lblocks.{fw}")
    if fw == "tensorflow":
        # The one special case, and it is TensorFlow's own doing, not ours: TensorFlow loads JAX whenever JAX is
        # installed (`tensorflow.lite.python.util` imports `jax.jit`), so the bar is what `import tensorflow, keras` loads.
        assert "tensorflow" in loaded and loaded == loaded_after("tensorflow, keras")
    else:
        assert loaded == [fw]

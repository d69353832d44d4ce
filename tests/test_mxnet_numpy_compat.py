"""The one place that lets MXNet 1.9 import on NumPy >= 1.24, and the failure it prevents."""
from conftest import run_python


def test_plain_mxnet_import_fails_on_this_numpy():
    out = run_python("import numpy, mxnet")
    assert out.returncode != 0
    assert "numpy" in out.stderr and "has no attribute 'bool'" in out.stderr


def test_restore_numpy_aliases_lets_mxnet_import():
    out = run_python("from d2lblocks.core import restore_numpy_aliases; restore_numpy_aliases(); "
                     "import mxnet; print(mxnet.__version__)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1.9.1"


def test_d2lblocks_mxnet_imports_without_any_preparation():
    out = run_python("from d2lblocks import mxnet as blocks; print(blocks.MLP.__name__)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "MLP"

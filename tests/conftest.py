"""Shared fixtures: a fresh interpreter for import checks, and the chapter's blocks per framework."""
import importlib, os, subprocess, sys
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's C++ log out of test output
os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")  # JAX would take 75% of a GPU the other frameworks share

from d2lblocks.core import FRAMEWORKS  # the one list; importing it loads no framework
BLOCKS = ("sequential_mlp", "MLP", "MySequential", "FixedHiddenMLP", "NestMLP", "chimera")


def run_python(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter of this environment and capture what it prints."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


@pytest.fixture(params=FRAMEWORKS)
def fw(request):
    """The `d2lblocks` module of each framework in turn."""
    return importlib.import_module(f"d2lblocks.{request.param}")


def gpu_present() -> bool:
    """Whether PyTorch sees a CUDA device (the four frameworks' GPU builds share one driver)."""
    try:
        import torch
        return torch.cuda.is_available()
    except ImportError:
        return False

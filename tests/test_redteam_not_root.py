"""The red team with a grader that is not root (a laptop, a CI job without sudo): Landlock and seccomp only,
the child shares the grader's user. As root, the driver runs as nobody (setpriv); otherwise as this user.
PyTorch only: the forgeries fail through the same guard in every framework."""
import contextlib, os, shutil, stat, sys, tempfile
from pathlib import Path
import pytest
from redteam import FORGERIES, run_in
from redteam_checks import (check_forgery, test_a_correct_answer_gets_full_marks,
                            test_a_forgery_at_probe_time_earns_no_hidden_point, test_nothing_outlives_the_notebook,
                            test_nothing_outside_the_allow_list_can_be_read, test_the_installed_package_cannot_be_changed,
                            test_the_ipython_trick_fails, test_the_loopback_is_unreachable)

pytestmark = pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None,
                                reason="dropping to another user needs setpriv (util-linux)")


@contextlib.contextmanager
def interpreter_reachable_by_others():
    """Grant traverse on the folders above the interpreter that other users cannot enter (root's home, 0700,
    holds pyenv here), for the test's duration: a grader's interpreter is normally outside any private home."""
    changed = []
    if os.geteuid() == 0:
        for folder in Path(os.path.realpath(sys.executable)).parents:
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                folder.chmod(mode | stat.S_IXOTH)
                changed.append((folder, mode))
    try: yield
    finally:
        for folder, mode in changed: folder.chmod(stat.S_IMODE(mode))


@pytest.fixture(scope="module")
def report():
    # Not pytest's own temporary folder: nobody cannot enter /tmp/pytest-of-root.
    work = Path(tempfile.mkdtemp(prefix="d2lblocks-redteam-"))
    try:
        with interpreter_reachable_by_others(): yield run_in("not root", work, ["torch"])
    finally: shutil.rmtree(work, ignore_errors=True)


def test_preflight_finds_a_confined_sandbox(report):
    assert report["preflight"] == "confined"


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forgery_scores_zero_and_is_flagged(report, forgery): check_forgery(report, f"torch: {forgery}")


def test_every_child_had_landlock_and_seccomp(report):
    assert {r["sandbox"] for r in report["cases"].values()} == {"confined"}

"""The red team as root without CAP_SYS_ADMIN (a Docker container's default), emulated with capsh:
no namespaces, so the child is confined by its own user, Landlock and seccomp. PyTorch only: the
forgeries fail through the same guard in every framework (test_redteam_namespaces runs all four)."""
import os, shutil, subprocess
import pytest
from redteam import FORGERIES, run_in
from redteam_checks import (check_forgery, test_a_correct_answer_gets_full_marks,
                            test_a_forgery_at_probe_time_earns_no_hidden_point, test_nothing_outlives_the_notebook,
                            test_nothing_outside_the_allow_list_can_be_read, test_the_installed_package_cannot_be_changed,
                            test_the_ipython_trick_fails, test_the_loopback_is_unreachable)
from test_redteam_not_root import interpreter_reachable_by_others

pytestmark = [pytest.mark.skipif(os.geteuid() != 0, reason="emulating a root grader without CAP_SYS_ADMIN needs root"),
              pytest.mark.skipif(shutil.which("capsh") is None, reason="capsh (Debian libcap2-bin) is not installed")]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    with interpreter_reachable_by_others():  # the sandbox user must reach the interpreter, as on Gradescope
        return run_in("no CAP_SYS_ADMIN", tmp_path_factory.mktemp("redteam-capsh"), ["torch"])


def test_preflight_finds_a_confined_sandbox(report):
    assert report["preflight"] == "confined"


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forgery_scores_zero_and_is_flagged(report, forgery): check_forgery(report, f"torch: {forgery}")


def test_every_child_had_its_user_landlock_and_seccomp(report):
    assert {r["sandbox"] for r in report["cases"].values()} == {"confined"}

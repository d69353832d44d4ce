"""The red team as root with namespaces: the full sandbox. Every forgery in all four frameworks.

The driver (tests/redteam.py) grades each hostile submission in a child process of its own; the checks
shared by the three environments are in tests/redteam_checks.py.
"""
import os, shutil, subprocess
import pytest
from redteam import FORGERIES, run_in
from redteam_checks import (check_correct, check_forgery, test_a_correct_answer_gets_full_marks,
                            test_a_forgery_at_probe_time_earns_no_hidden_point, test_nothing_outlives_the_notebook,
                            test_nothing_outside_the_allow_list_can_be_read, test_the_installed_package_cannot_be_changed,
                            test_the_ipython_trick_fails, test_the_loopback_is_unreachable)
from d2lblocks.core import FRAMEWORKS


def namespaces_work() -> bool:
    return os.geteuid() == 0 and subprocess.run(["unshare", "--mount", "--net", "--pid", "--fork", "true"],
                                                capture_output=True).returncode == 0

pytestmark = pytest.mark.skipif(not namespaces_work(), reason="needs root on a machine that allows namespaces")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_in("namespaces", tmp_path_factory.mktemp("redteam-namespaces"), list(FRAMEWORKS))


def test_preflight_finds_the_full_sandbox(report):
    assert report["preflight"] == "full"


@pytest.mark.parametrize("framework", [f for f in FRAMEWORKS if f != "torch"])
def test_the_master_gets_full_marks(report, framework): check_correct(report, f"{framework}: the master")


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_forgery_scores_zero_and_is_flagged(report, framework, forgery): check_forgery(report, f"{framework}: {forgery}")


def test_every_child_had_every_layer(report):
    assert {r["sandbox"] for r in report["cases"].values()} == {"full"}

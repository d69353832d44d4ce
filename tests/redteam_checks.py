"""What the red team must find in every environment: the checks the three test_redteam_* files share."""
import pytest
from redteam import TORCH_FORGERIES

LEAKS = ["reads the bundle's hidden tests", "reads the masters", "reads the instructor's checkout (settings.ini)",
         "reads the instructor's checkout (.git)", "reads another student's folder", "reads the reports",
         "reads the grader's environment"]


def check_leak(report, case):
    result = report["cases"][case]
    # The correct answer earns its 4 hidden points; the cell that tried to read fails, so "runs" is lost.
    assert result["score"] == 4 and ("PermissionError" in result["runs"] or "FileNotFoundError" in result["runs"]), result
    assert not result["leaked"], result


def check_network(report, case):
    result = report["cases"][case]
    assert result["score"] == 4 and not any(result["reached"].values()), result


def check_no_stray(report):
    result = report["cases"]["leaves a setsid daemon behind"]
    assert result["score"] == 5 and not result["strays"], result


def check_ipython_trick(report):
    result = report["cases"]["the IPython trick"]
    assert result["score"] == 0 and "NotImplementedError" in result["runs"], result


def check_correct(report, case="a correct answer"):
    result = report["cases"][case]
    assert result["score"] == result["max_score"] == 5 and not result["suspicious"], result


def check_forgery(report, case):
    result = report["cases"][case]
    assert result["score"] == 0, result
    assert result["suspicious"], result  # flagged for the instructor


def check_probe_forgery(report, case):
    result = report["cases"][case]
    hidden = result["score"] - (1 if result["runs"] == "passed" else 0)
    assert hidden == 0 and result["suspicious"], result


def check_package_unchanged(report):
    result = report["cases"]["writes into the installed package"]
    assert result["score"] == 4 and report["package_unchanged"], result


# The tests every environment runs, written once: each test_redteam_* module imports them beside its own
# `report` fixture (pytest collects an imported test in the module that imports it).
@pytest.mark.parametrize("case", LEAKS)
def test_nothing_outside_the_allow_list_can_be_read(report, case): check_leak(report, case)


@pytest.mark.parametrize("case", ["connects to a TCP server on the loopback", "sends to a UDP server on the loopback"])
def test_the_loopback_is_unreachable(report, case): check_network(report, case)


def test_nothing_outlives_the_notebook(report): check_no_stray(report)


def test_the_installed_package_cannot_be_changed(report): check_package_unchanged(report)


def test_the_ipython_trick_fails(report): check_ipython_trick(report)


def test_a_correct_answer_gets_full_marks(report): check_correct(report)


@pytest.mark.parametrize("forgery", TORCH_FORGERIES)
def test_a_forgery_at_probe_time_earns_no_hidden_point(report, forgery): check_probe_forgery(report, f"torch: {forgery}")

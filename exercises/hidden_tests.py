"""Hidden tests for the chapter's exercises: the grader's inputs, the reference answers, the checks.

Instructor-only: `d2lblocks release` puts this file in the grading bundle, never in the student
repository. It runs in the grader's process and needs NumPy only; the student's code runs elsewhere and
reports observations (see d2lblocks.grader.probes), which these tests compare with the reference.
"""
import numpy as np
from d2lblocks.grader.grade import hidden_test
from d2lblocks.core import dense_param_count

SEED = 20260511
TOLERANCE = 1e-4


def _dense(X, W, b): return X @ W + b
def _relu(X): return np.maximum(X, 0)


def _missing(obs, key):
    """Why observation `key` is absent: the error the student's code raised, or that it was not reported."""
    return obs.get("errors", {}).get(key) or obs.get("probe_error") or f"no {key} was reported"


def _close(obs, ref, key):
    """(passed, feedback) for an observed array against the reference, without revealing the reference."""
    if key not in obs: return False, _missing(obs, key)
    got = np.asarray(obs[key])
    if got.shape != ref[key].shape: return False, f"{key} has shape {got.shape}, which is not the expected shape"
    if not np.all(np.isfinite(got)): return False, f"{key} holds NaN or infinite values"
    if not np.allclose(got, ref[key], atol=TOLERANCE, rtol=TOLERANCE): return False, f"{key} has the right shape but wrong values"
    return True, ""


def _equal(obs, ref, key, explain):
    if key not in obs: return False, _missing(obs, key)
    if type(obs[key]) is not type(ref[key]) or obs[key] != ref[key]: return False, f"{explain} (got {obs[key]!r})"
    return True, ""


# Exercise 1: MySequential with a plain Python list ------------------------------------------------------

REGISTERED_WITH_A_LIST = {"torch": 0, "mxnet": 0, "tensorflow": dense_param_count(20, 256) + dense_param_count(256, 10)}
CONSEQUENCE = {"torch": ("saved_entries", 0), "mxnet": ("initialize_reaches_children", False),
               "tensorflow": ("step_changes_weights", True)}


def inputs_list_storage(rng):
    return dict(W0=rng.normal(0, 0.1, (20, 256)), b0=rng.normal(0, 0.1, 256), W1=rng.normal(0, 0.1, (256, 10)),
                b1=rng.normal(0, 0.1, 10), X=rng.uniform(size=(3, 20)))


def reference_list_storage(inp, framework):
    key, value = CONSEQUENCE[framework]
    return {"output": _dense(_relu(_dense(inp["X"], inp["W0"], inp["b0"])), inp["W1"], inp["b1"]),
            "registered_params": REGISTERED_WITH_A_LIST[framework], key: value, "consequence": key}


@hidden_test("list_storage", name="ListSequential computes its blocks in order")
def list_forward(obs, ref): return _close(obs, ref, "output")


@hidden_test("list_storage", name="ListSequential keeps its blocks in a plain list")
def list_is_plain(obs, ref):
    return _equal(obs, ref, "registered_params", "the parameters the framework sees are not those of a plain list")


@hidden_test("list_storage", name="the framework's view of a plain list")
def list_consequence(obs, ref):
    return _equal(obs, ref, ref["consequence"], "the framework does not behave as it does with a plain list")


# Exercise 2: a parallel block ---------------------------------------------------------------------------

def inputs_parallel(rng):
    return dict(W1=rng.normal(0, 0.3, (20, 3)), b1=rng.normal(0, 0.3, 3), W2=rng.normal(0, 0.3, (20, 5)),
                b2=rng.normal(0, 0.3, 5), X=rng.uniform(size=(4, 20)), X_single=rng.uniform(size=(1, 20)))


def reference_parallel(inp, framework):
    both = lambda X: np.concatenate([_dense(X, inp["W1"], inp["b1"]), _dense(X, inp["W2"], inp["b2"])], axis=-1)
    column_sums = inp["X"].sum(axis=0)[:, None]
    return {"output": both(inp["X"]), "output_single": both(inp["X_single"]),
            "registered_params": dense_param_count(20, 3) + dense_param_count(20, 5),
            "grad_W1": np.repeat(column_sums, 3, axis=1), "grad_W2": np.repeat(column_sums, 5, axis=1)}


@hidden_test("parallel", name="Parallel concatenates along the feature axis")
def parallel_output(obs, ref): return _close(obs, ref, "output")


@hidden_test("parallel", name="Parallel works for a batch of one")
def parallel_single(obs, ref): return _close(obs, ref, "output_single")


@hidden_test("parallel", name="both children's parameters are registered")
def parallel_registered(obs, ref):
    return _equal(obs, ref, "registered_params", "the framework does not see exactly both children's parameters")


@hidden_test("parallel", name="gradients reach both children")
def parallel_gradients(obs, ref):
    first, why = _close(obs, ref, "grad_W1")
    if not first: return False, why
    return _close(obs, ref, "grad_W2")


# Exercise 3: a factory of independent blocks -------------------------------------------------------------

STACK = 3


def inputs_factory(rng):
    return dict(n=STACK, Ws=rng.normal(0, 0.3, (STACK, 20, 20)), bs=rng.normal(0, 0.3, (STACK, 20)),
                X=rng.uniform(size=(2, 20)))


def reference_factory(inp, framework):
    X = inp["X"]
    for W, b in zip(inp["Ws"], inp["bs"]): X = _dense(X, W, b)
    return {"calls": STACK, "registered_params": STACK * dense_param_count(20, 20), "output": X}


@hidden_test("factory", name="make_stack makes a fresh block for each position")
def factory_calls(obs, ref): return _equal(obs, ref, "calls", "make_block was not called once per block")


@hidden_test("factory", name="the blocks do not share parameters")
def factory_independent(obs, ref):
    return _equal(obs, ref, "registered_params", "the network does not hold n independent sets of parameters")


@hidden_test("factory", name="the stacked network chains its blocks in order")
def factory_output(obs, ref): return _close(obs, ref, "output")

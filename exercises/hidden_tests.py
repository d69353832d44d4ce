"""Hidden tests for the chapter's exercises: the grader's inputs, the reference answers, the checks.

Instructor-only: `d2lblocks release` puts this file in the grading bundle, never in the student
repository. It runs in the grader's process and needs NumPy only; the student's code runs elsewhere and
reports observations (see d2lblocks.grader.probes), which these tests compare with the reference.

Feedback speaks of what was measured on the student's code, in the framework's own terms; it never shows
the grader's inputs (batch sizes, weights) or the reference values.
"""
import numpy as np
from d2lblocks.grader.grade import hidden_test
from d2lblocks.core import dense_param_count

SEED = 20260511
TOLERANCE = 1e-4

# How each framework names what the feedback talks about.
WORDS = {
    "torch": dict(fw="PyTorch", params="net.parameters()", container="an nn.ModuleList or nn.Sequential",
                  one_by_one="add_module or a module attribute", network="an nn.Sequential",
                  not_registered="kept in a plain list, tuple or dict"),
    "mxnet": dict(fw="Gluon", params="net.collect_params()", container="an nn.Sequential",
                  one_by_one="register_child or a block attribute", network="an nn.Sequential",
                  not_registered="kept in a plain list, tuple or dict"),
    "tensorflow": dict(fw="Keras", params="net.trainable_weights", container="a keras.Sequential",
                       one_by_one="a layer attribute", network="a keras.Sequential",
                       not_registered="hidden from Keras's tracking"),
}


def _dense(X, W, b): return X @ W + b
def _relu(X): return np.maximum(X, 0)


def _missing(obs, key):
    """Why observation `key` is absent: the error the student's code raised, or that it was not reported."""
    return obs.get("errors", {}).get(key) or obs.get("probe_error") or "the grader could not observe this"


def _close(obs, ref, key, what, hint):
    """(passed, feedback) for an observed array against the reference, without revealing the reference.

    `what` names the array for the student ("the output"), `hint` says what a right answer does."""
    if key not in obs: return False, _missing(obs, key)
    got, want = np.asarray(obs[key]), ref[key]
    if got.ndim != want.ndim: return False, f"{what} has {got.ndim} axes; {hint}"
    if got.shape[0] != want.shape[0]: return False, f"{what} does not have one row per example of the input; {hint}"
    if got.shape != want.shape: return False, f"{what} has {got.shape[-1]} values per example; {hint}"
    if not np.all(np.isfinite(got)): return False, f"{what} holds NaN or infinite values"
    if not np.allclose(got, want, atol=TOLERANCE, rtol=TOLERANCE): return False, f"{what} has the right shape but other values; {hint}"
    return True, ""


def _number(obs, key):
    """(value, None) for an observed int or bool, or (None, why it is missing or malformed)."""
    if key not in obs: return None, _missing(obs, key)
    if type(obs[key]) not in (int, bool): return None, "the grader got a malformed observation"
    return obs[key], None


def _words(ref): return WORDS[ref["framework"]]


# Exercise 1: MySequential with a plain Python list ------------------------------------------------------
#
# Four points: the notebook runs, the blocks are applied in order, the blocks are kept in a plain list (a
# structure, observed the same way in every framework), and the framework treats the network as it treats a
# plain list. In PyTorch and Gluon a plain list hides the blocks; Keras 3 tracks a list, so its weights are
# all seen, and `model.layers` lists the blocks themselves (a container in between shows up instead).
# So a registry in place of the list (nn.ModuleList, an nn.Sequential, register_child, keras.Sequential)
# loses the last two points in every framework.

LIST_BLOCKS = dense_param_count(20, 256) + dense_param_count(256, 10)
REGISTERED_WITH_A_LIST = {"torch": 0, "mxnet": 0, "tensorflow": LIST_BLOCKS}
CONSEQUENCE = {"torch": ("saved_entries", 0), "mxnet": ("initialize_reaches_children", False),
               "tensorflow": ("layers_are_blocks", True)}
HOLDERS = ("in_plain_list", "in_tuple", "in_dict", "in_container", "as_attributes")


def inputs_list_storage(rng):
    return dict(W0=rng.normal(0, 0.1, (20, 256)), b0=rng.normal(0, 0.1, 256), W1=rng.normal(0, 0.1, (256, 10)),
                b1=rng.normal(0, 0.1, 10), X=rng.uniform(size=(3, 20)))


def reference_list_storage(inp, framework):
    key, value = CONSEQUENCE[framework]
    return {"output": _dense(_relu(_dense(inp["X"], inp["W0"], inp["b0"])), inp["W1"], inp["b1"]),
            "registered_params": REGISTERED_WITH_A_LIST[framework], key: value, "consequence": key,
            "framework": framework}


@hidden_test("list_storage", name="ListSequential computes its blocks in order")
def list_forward(obs, ref):
    return _close(obs, ref, "output", "ListSequential's output", "it should be what the blocks give when applied in the order given")


@hidden_test("list_storage", name="ListSequential keeps its blocks in a plain list")
def list_is_plain(obs, ref):
    held = {}
    for key in HOLDERS:
        held[key], why = _number(obs, key)
        if why: return False, why
    w = _words(ref)
    if held["in_container"]:
        return False, f"the blocks are handed to a framework container ({w['container']}), which registers them; keep them in a plain Python list"
    if held["as_attributes"]:
        return False, f"each block is registered on its own ({w['one_by_one']}); keep them in a plain Python list"
    if held["in_plain_list"]: return True, ""
    if held["in_tuple"]: return False, "the blocks are kept in a tuple; the exercise asks for a plain list (list(blocks))"
    if held["in_dict"]: return False, "the blocks are kept in a dict; the exercise asks for a plain list"
    return False, "no attribute of ListSequential holds all of its blocks in a list"


@hidden_test("list_storage", name="the framework's view of a plain list")
def list_consequence(obs, ref):
    w, framework = _words(ref), ref["framework"]
    params, why = _number(obs, "registered_params")
    if why: return False, why
    key = ref["consequence"]
    seen, why = _number(obs, key)
    if why: return False, why
    if framework == "torch" and (params or seen):
        return False, (f"PyTorch sees {params:,} parameters in ListSequential and its state_dict() has {seen} entries; "
                       "with a plain list it sees none and saves nothing")
    if framework == "mxnet" and (params or seen):
        reached = "initialize() reached the blocks" if seen else "initialize() did not reach the blocks"
        return False, f"Gluon sees {params:,} parameters in ListSequential (collect_params()) and {reached}; with a plain list it sees none"
    if framework == "tensorflow":
        if params != ref["registered_params"]:
            return False, (f"Keras sees {params:,} trainable parameters in ListSequential; a plain list held in an attribute "
                           "is tracked, so Keras sees every weight of its blocks")
        if not seen:
            return False, ("model.layers does not list the blocks themselves; Keras tracks the layers of a plain list "
                           "as the model's own, while a container in between shows up in their place")
    return True, ""


# Exercise 2: a parallel block ---------------------------------------------------------------------------

def inputs_parallel(rng):
    return dict(W1=rng.normal(0, 0.3, (20, 3)), b1=rng.normal(0, 0.3, 3), W2=rng.normal(0, 0.3, (20, 5)),
                b2=rng.normal(0, 0.3, 5), X=rng.uniform(size=(4, 20)), X_single=rng.uniform(size=(1, 20)))


def reference_parallel(inp, framework):
    both = lambda X: np.concatenate([_dense(X, inp["W1"], inp["b1"]), _dense(X, inp["W2"], inp["b2"])], axis=-1)
    column_sums = inp["X"].sum(axis=0)[:, None]
    return {"output": both(inp["X"]), "output_single": both(inp["X_single"]),
            "registered_params": dense_param_count(20, 3) + dense_param_count(20, 5),
            "grad_W1": np.repeat(column_sums, 3, axis=1), "grad_W2": np.repeat(column_sums, 5, axis=1),
            "framework": framework}


SIDE_BY_SIDE = "it should be net1's output and net2's output side by side, joined along the last axis"


@hidden_test("parallel", name="Parallel concatenates along the feature axis")
def parallel_output(obs, ref): return _close(obs, ref, "output", "Parallel's output", SIDE_BY_SIDE)


@hidden_test("parallel", name="Parallel works for a batch of one")
def parallel_single(obs, ref):
    return _close(obs, ref, "output_single", "for a batch of one example, Parallel's output", SIDE_BY_SIDE)


@hidden_test("parallel", name="both children's parameters are registered")
def parallel_registered(obs, ref):
    params, why = _number(obs, "registered_params")
    if why: return False, why
    w, want = _words(ref), ref["registered_params"]
    if params == want: return True, ""
    if params == 0:
        return False, f"{w['fw']} sees no parameters in Parallel ({w['params']}): the children are {w['not_registered']}"
    if params < want: return False, f"{w['fw']} sees {params:,} parameters in Parallel, fewer than its two children hold: one is not registered"
    return False, f"{w['fw']} sees {params:,} parameters in Parallel, more than its two children hold: does it make layers of its own?"


@hidden_test("parallel", name="gradients reach both children")
def parallel_gradients(obs, ref):
    for key, name, child in (("grad_W1", "net1", "the first child (net1)"), ("grad_W2", "net2", "the second child (net2)")):
        if key in obs and np.asarray(obs[key]).shape == ref[key].shape and not np.any(obs[key]):
            return False, f"gradients did not reach {child}: its weights got none from the output"
        ok, why = _close(obs, ref, key, f"the gradient of {name}'s weights", f"does the output use {name}'s output unchanged?")
        if not ok: return False, why
    return True, ""


# Exercise 3: a factory of independent blocks -------------------------------------------------------------

STACK = 3


def inputs_factory(rng):
    return dict(n=STACK, Ws=rng.normal(0, 0.3, (STACK, 20, 20)), bs=rng.normal(0, 0.3, (STACK, 20)),
                X=rng.uniform(size=(2, 20)))


def reference_factory(inp, framework):
    X = inp["X"]
    for W, b in zip(inp["Ws"], inp["bs"]): X = _dense(X, W, b)
    return {"calls": STACK, "registered_params": STACK * dense_param_count(20, 20), "output": X, "framework": framework}


@hidden_test("factory", name="make_stack makes a fresh block for each position")
def factory_calls(obs, ref):
    calls, why = _number(obs, "calls")
    if why: return False, why
    if calls == ref["calls"]: return True, ""
    if calls == 1: return False, "make_stack called make_block once: every position needs its own call"
    return False, f"make_stack called make_block {calls} times, not once for each of the n blocks"


def _not_a_network(obs, ref):
    """Feedback when make_stack returned something other than a network, else None."""
    if obs.get("returns_network") is not False: return None
    if obs.get("returns_list"): return f"make_stack returned a list, not a network: chain the blocks in {_words(ref)['network']}"
    return f"make_stack did not return a network: chain the blocks in {_words(ref)['network']}"


@hidden_test("factory", name="the blocks do not share parameters")
def factory_independent(obs, ref):
    not_network = _not_a_network(obs, ref)
    if not_network: return False, not_network
    params, why = _number(obs, "registered_params")
    if why: return False, why
    w, want = _words(ref), ref["registered_params"]
    if params == want: return True, ""
    if params < want: return False, f"{w['fw']} sees {params:,} parameters in the network, fewer than n independent blocks hold: blocks share them or are missing"
    return False, f"{w['fw']} sees {params:,} parameters in the network, more than n blocks hold"


@hidden_test("factory", name="the stacked network chains its blocks in order")
def factory_output(obs, ref):
    not_network = _not_a_network(obs, ref)
    if not_network: return False, not_network
    return _close(obs, ref, "output", "the network's output", "it should apply each of the n blocks once, in the order they were made")

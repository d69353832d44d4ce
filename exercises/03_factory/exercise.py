"""Exercise 3: a factory of independent blocks (`make_stack(make_block, n)`).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.
"""
from d2lblocks.core import dense_param_count
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import attempt, once, student


def probe(ops, ns, inputs, obs):
    "Call `make_stack(make_block, n)`; report calls made, what came back, parameter count and output with the grader's weights."
    make_stack = student(ns, "make_stack")
    created = []
    def make_block():
        created.append(ops.dense(*inputs["Ws"].shape[1:]))
        return created[-1]
    net = once(lambda: make_stack(make_block, int(inputs["n"])))
    obs.take("calls", lambda: attempt(net) or len(created))  # counted even if make_stack fails afterwards
    obs.take("returns_network", lambda: isinstance(net(), ops.Block))
    obs.take("returns_list", lambda: isinstance(net(), (list, tuple)))
    obs.take("initialized", lambda: ops.initialize(net(), inputs["X"]) is not None)
    obs.take("registered_params", lambda: ops.param_count(net()))
    def output():
        for layer, W, b in zip(created, inputs["Ws"], inputs["bs"]): ops.set_dense(layer, W, b)
        return ops.forward(net(), inputs["X"])
    obs.take("output", output)


STACK = 3


def inputs(rng):
    return dict(n=STACK, Ws=rng.normal(0, 0.3, (STACK, 20, 20)), bs=rng.normal(0, 0.3, (STACK, 20)),
                X=rng.uniform(size=(2, 20)))


def reference(inp, framework):
    X = inp["X"]
    for W, b in zip(inp["Ws"], inp["bs"]): X = X @ W + b
    return {"calls": STACK, "registered_params": STACK * dense_param_count(*inp["Ws"].shape[1:]), "output": X,
            "framework": framework}


FRAMEWORK = {"torch": "PyTorch", "mxnet": "Gluon", "tensorflow": "Keras", "jax": "Flax"}
NETWORK = {"torch": "an nn.Sequential", "mxnet": "an nn.Sequential", "tensorflow": "a keras.Sequential", "jax": "an nn.Sequential"}


@hidden_test(name="make_stack makes a fresh block for each position")
def calls(obs, ref):
    made, why = check_number(obs, "calls")
    if why: return False, why
    if made == ref["calls"]: return True, ""
    if made == 1: return False, "make_stack called make_block once: every position needs its own call"
    return False, f"make_stack called make_block {made} times, not once for each of the n blocks"


def _not_a_network(obs, ref):
    "Feedback when make_stack returned something other than a network, else None."
    if obs.get("returns_network") is not False: return None
    if obs.get("returns_list"): return f"make_stack returned a list, not a network: chain the blocks in {NETWORK[ref['framework']]}"
    return f"make_stack did not return a network: chain the blocks in {NETWORK[ref['framework']]}"


@hidden_test(name="the blocks do not share parameters")
def independent(obs, ref):
    not_network = _not_a_network(obs, ref)
    if not_network: return False, not_network
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    fw, want = FRAMEWORK[ref["framework"]], ref["registered_params"]
    if params == want: return True, ""
    if params < want: return False, f"{fw} sees {params:,} parameters in the network, fewer than n independent blocks hold: blocks share them or are missing"
    return False, f"{fw} sees {params:,} parameters in the network, more than n blocks hold"


@hidden_test(name="the stacked network chains its blocks in order")
def output(obs, ref):
    not_network = _not_a_network(obs, ref)
    if not_network: return False, not_network
    return check_close(obs, ref, "output", "the network's output", "it should apply each of the n blocks once, in the order they were made")

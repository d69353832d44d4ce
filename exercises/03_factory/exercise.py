"""Exercise 3: a factory of independent blocks (`make_stack(make_block, n)`).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.

The hidden inputs are not the public check's (n = 3 blocks of 20 features, a batch of 2): the grader asks for
n = 5 and n = 2 blocks of 6 features, with batches of 4 and 3. A factory that makes three blocks whatever n is
fails the calls and the output points.

Each test measures one thing. Whether the blocks share parameters is counted on whatever make_stack returns:
a network, or the blocks themselves when it returns them in a list, so returning a list costs the chaining point
(a list is not a network), not the independence point as well.
"""
from d2lblocks.core import dense_param_count
from d2lblocks.grader.adapters.base import TERMS
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import attempt, once, student


def probe(ops, ns, inputs, obs):
    "Call `make_stack(make_block, n)` for two n; report calls made, what came back, parameters and output with the grader's weights."
    make_stack = student(ns, "make_stack")
    def stack(n, X):
        created = []
        def make_block():
            created.append(ops.dense(X.shape[1], X.shape[1]))
            return created[-1]
        return created, once(lambda: make_stack(make_block, int(n)))
    def output(created, net, Ws, bs, X):
        for layer, W, b in zip(created, Ws, bs): ops.set_dense(layer, W, b)
        return ops.forward(net(), X)
    def parameters(net, X):  # a list of blocks is counted block by block, each distinct block once
        if isinstance(net, ops.Block):
            attempt(lambda: ops.initialize(net, X))  # Gluon and Flax make the parameters here; a failure is the count's to report
            return ops.param_count(net)
        if isinstance(net, (list, tuple)) and all(isinstance(b, ops.Block) for b in net):
            return sum(ops.param_count(ops.initialize(b, X)) for b in {id(b): b for b in net}.values())
        raise TypeError(f"make_stack returned a {type(net).__name__}, which holds no blocks to count")
    created, net = stack(inputs["n"], inputs["X"])
    obs.take("calls", lambda: attempt(net) or len(created))  # counted even if make_stack fails afterwards
    obs.take("returns_network", lambda: isinstance(net(), ops.Block))
    obs.take("returns_list", lambda: isinstance(net(), (list, tuple)))
    obs.take("registered_params", lambda: parameters(net(), inputs["X"]))
    obs.take("output", lambda: output(created, net, inputs["Ws"], inputs["bs"], inputs["X"]))
    created_small, small = stack(inputs["n_small"], inputs["X_small"])
    obs.take("calls_small", lambda: attempt(small) or len(created_small))
    obs.take("output_small", lambda: output(created_small, small, inputs["Vs"], inputs["cs"], inputs["X_small"]))


N, N_SMALL, WIDTH = 5, 2, 6


def inputs(rng):
    normal = lambda *shape: rng.normal(0, 0.3, shape)
    return dict(n=N, Ws=normal(N, WIDTH, WIDTH), bs=normal(N, WIDTH), X=rng.uniform(size=(4, WIDTH)),
                n_small=N_SMALL, Vs=normal(N_SMALL, WIDTH, WIDTH), cs=normal(N_SMALL, WIDTH), X_small=rng.uniform(size=(3, WIDTH)))


def _chained(X, Ws, bs):
    for W, b in zip(Ws, bs): X = X @ W + b
    return X


def reference(inp, framework):
    return {"calls": N, "calls_small": N_SMALL, "registered_params": N * dense_param_count(WIDTH, WIDTH),
            "output": _chained(inp["X"], inp["Ws"], inp["bs"]), "output_small": _chained(inp["X_small"], inp["Vs"], inp["cs"]),
            "framework": framework}


@hidden_test(name="make_stack makes a fresh block for each position")
def calls(obs, ref):
    for key, n in (("calls", N), ("calls_small", N_SMALL)):
        made, why = check_number(obs, key)
        if why: return False, why
        if made == n: continue
        if made == 0: return False, "make_stack never called make_block: each of the n blocks should come from a call of make_block"
        if made == 1: return False, "make_stack called make_block once: every position needs its own call"
        return False, f"with n = {n}, make_stack called make_block {made} times, not once for each of the n blocks"
    return True, ""


def _not_a_network(obs, ref):
    "Feedback when make_stack returned something other than a network, else None."
    if obs.get("returns_network") is not False: return None
    sequential = TERMS[ref["framework"]].sequential
    if obs.get("returns_list"): return f"make_stack returned a list, not a network: chain the blocks in {sequential}"
    return f"make_stack did not return a network: chain the blocks in {sequential}"


@hidden_test(name="the blocks do not share parameters")
def independent(obs, ref):
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    label, want = TERMS[ref["framework"]].label, ref["registered_params"]
    if params == want: return True, ""
    if params < want: return False, f"{label} sees {params:,} parameters in the network, fewer than n independent blocks hold: blocks share them or are missing"
    return False, f"{label} sees {params:,} parameters in the network, more than n blocks hold"


@hidden_test(name="the stacked network chains its blocks in order")
def output(obs, ref):
    not_network = _not_a_network(obs, ref)
    if not_network: return False, not_network
    for key, n in (("output", N), ("output_small", N_SMALL)):
        ok, why = check_close(obs, ref, key, f"with n = {n}, the network's output", "it should apply each of the n blocks once, in the order they were made")
        if not ok: return False, why
    return True, ""

"""Exercise 4: tied layers (`Repeat(block, n)` applies one block n times, sharing its parameters).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.

The hidden inputs are not the public check's (n = 3, a block of 8 features, a batch of 2): the grader wraps a
block of 6 features with n = 5 and with n = 2, on batches of 4 and 3. A forward pass that applies the block three
times whatever n is fails the output and gradient points.
"""
import numpy as np
from d2lblocks.core import dense_param_count
from d2lblocks.grader.adapters.base import TERMS
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import once, student


def probe(ops, ns, inputs, obs):
    "Wrap a dense layer with the grader's weights in `Repeat(block, n)` for two n; report outputs, calls, parameters, gradients."
    Repeat = student(ns, "Repeat")
    W, b = inputs["W"], inputs["b"]
    def observe(n, X, suffix):
        block = ops.dense(*W.shape, W, b)
        net = once(lambda: Repeat(block, int(n)))
        obs.take("output" + suffix, lambda: ops.forward(net(), X))
        obs.take("calls" + suffix, lambda: ops.call_counts(net(), X, [block])[0])
        obs.take_many(["grad_W" + suffix], lambda: ops.weight_grads(net(), X, [block]))
        return net
    net = observe(inputs["n"], inputs["X"], "")
    obs.take("registered_params", lambda: ops.param_count(net()))
    observe(inputs["n_small"], inputs["X_small"], "_small")


N, N_SMALL = 5, 2


def inputs(rng):
    return dict(n=N, n_small=N_SMALL, W=rng.normal(0, 0.3, (6, 6)), b=rng.normal(0, 0.3, 6), X=rng.uniform(size=(4, 6)),
                X_small=rng.uniform(size=(3, 6)))


def _applied(X, W, b, n):
    "The output of n applications of the layer, and the summed output's gradient for its weights."
    outputs = [X]
    for _ in range(n): outputs.append(outputs[-1] @ W + b)
    # Back through every application: each adds its share to the one weight matrix.
    grad_out, grad_W = np.ones_like(outputs[-1]), np.zeros_like(W)
    for before in reversed(outputs[:-1]):
        grad_W += before.T @ grad_out
        grad_out = grad_out @ W.T
    return outputs[-1], grad_W


def reference(inp, framework):
    output, grad_W = _applied(inp["X"], inp["W"], inp["b"], N)
    output_small, grad_W_small = _applied(inp["X_small"], inp["W"], inp["b"], N_SMALL)
    return dict(output=output, output_small=output_small, grad_W=grad_W, grad_W_small=grad_W_small, calls=N,
                calls_small=N_SMALL, registered_params=dense_param_count(*inp["W"].shape), framework=framework)


SIZES = (("", N), ("_small", N_SMALL))


def _applications(obs, ref, suffix, n):
    "What the calls show when Repeat does not apply the block itself n times, or ''."
    calls = obs.get("calls" + suffix)
    if type(calls) is not int or calls == n: return ""
    forward = f"Repeat.{TERMS[ref['framework']].forward}"
    if calls == 0: return f"{forward} never calls the block it was given"
    return f"with n = {n}, {forward} applies the block {'once' if calls == 1 else f'{calls} times'}"


@hidden_test(name="Repeat applies its block n times")
def output(obs, ref):
    hint = "it should apply the block n times in a row, each time to the previous output"
    for suffix, n in SIZES:
        ok, why = check_close(obs, ref, "output" + suffix, f"with n = {n}, Repeat's output", hint)
        if not ok:
            applications = _applications(obs, ref, suffix, n) if "output" + suffix in obs else ""
            return False, f"{applications}: {hint}" if applications else why
    return True, ""


@hidden_test(name="the block's parameters are registered once")
def registered(obs, ref):
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    label, want = TERMS[ref["framework"]].label, ref["registered_params"]
    if params == want: return True, ""
    if params == 0: return False, f"{label} sees no parameters in Repeat: the block is not registered"
    if params < want: return False, f"{label} sees {params:,} parameters in Repeat, fewer than its block holds"
    return False, (f"{label} sees {params:,} parameters in Repeat, more than its one block holds: "
                   "the n applications should share the block, not copy it or add layers")


@hidden_test(name="every application's gradient reaches the shared weights")
def gradients(obs, ref):
    hint = "each of the n applications should use the one block, so that each adds to its weights' gradient"
    for suffix, n in SIZES:
        key = "grad_W" + suffix
        if key in obs and obs.get("calls" + suffix) == 0:
            return False, ("gradients did not reach the block's weights: Repeat never calls the block itself "
                           "(a copy, copy.deepcopy or clone(), has weights of its own)")
        if key in obs and np.asarray(obs[key]).shape == ref[key].shape and not np.any(obs[key]):
            return False, f"gradients did not reach the block's weights: {TERMS[ref['framework']].graph_breaks} cuts the gradient"
        ok, why = check_close(obs, ref, key, f"with n = {n}, the gradient of the block's weights", hint)
        if not ok:
            applications = _applications(obs, ref, suffix, n) if key in obs else ""
            return False, f"the gradient of the block's weights has other values: {applications}" if applications else why
    return True, ""

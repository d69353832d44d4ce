"""Exercise 4: tied layers (`Repeat(block, n)` applies one block n times, sharing its parameters).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.
"""
import numpy as np
from d2lblocks.core import dense_param_count
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import once, student


def probe(ops, ns, inputs, obs):
    "Wrap one dense layer with the grader's weights in `Repeat(block, n)`; report output, parameter count, weight gradient."
    Repeat = student(ns, "Repeat")
    W, b, X = inputs["W"], inputs["b"], inputs["X"]
    block = ops.dense(*W.shape, W, b)
    net = once(lambda: Repeat(block, int(inputs["n"])))
    obs.take("output", lambda: ops.forward(net(), X))
    obs.take("registered_params", lambda: ops.param_count(net()))
    obs.take_many(["grad_W"], lambda: ops.weight_grads(net(), X, [block]))


def inputs(rng):
    return dict(n=3, W=rng.normal(0, 0.3, (8, 8)), b=rng.normal(0, 0.3, 8), X=rng.uniform(size=(4, 8)))


def reference(inp, framework):
    W, b = inp["W"], inp["b"]
    outputs = [inp["X"]]
    for _ in range(int(inp["n"])): outputs.append(outputs[-1] @ W + b)
    # The summed output's gradient, back through every application: each adds its share to the one weight matrix.
    grad_out, grad_W = np.ones_like(outputs[-1]), np.zeros_like(W)
    for before in reversed(outputs[:-1]):
        grad_W += before.T @ grad_out
        grad_out = grad_out @ W.T
    return dict(output=outputs[-1], registered_params=dense_param_count(*W.shape), grad_W=grad_W, framework=framework)


FRAMEWORK = {"torch": "PyTorch", "mxnet": "Gluon", "tensorflow": "Keras", "jax": "Flax"}


@hidden_test(name="Repeat applies its block n times")
def output(obs, ref):
    return check_close(obs, ref, "output", "Repeat's output", "it should apply the block n times in a row, each time to the previous output")


@hidden_test(name="the block's parameters are registered once")
def registered(obs, ref):
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    fw, want = FRAMEWORK[ref["framework"]], ref["registered_params"]
    if params == want: return True, ""
    if params == 0: return False, f"{fw} sees no parameters in Repeat: the block is not registered"
    if params < want: return False, f"{fw} sees {params:,} parameters in Repeat, fewer than its block holds"
    return False, (f"{fw} sees {params:,} parameters in Repeat, more than its one block holds: "
                   "the n applications should share the block, not copy it or add layers")


@hidden_test(name="every application's gradient reaches the shared weights")
def gradients(obs, ref):
    if "grad_W" in obs and np.asarray(obs["grad_W"]).shape == ref["grad_W"].shape and not np.any(obs["grad_W"]):
        return False, "gradients did not reach the block's weights"
    return check_close(obs, ref, "grad_W", "the gradient of the block's weights",
                       "each of the n applications should use the one block, so that each adds to its weights' gradient")

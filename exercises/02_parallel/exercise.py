"""Exercise 2: a parallel block (`Parallel(net1, net2)`, outputs concatenated along the last axis).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.
"""
import numpy as np
from d2lblocks.core import dense_param_count
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import once, student


def probe(ops, ns, inputs, obs):
    "Run `Parallel(net1, net2)` on two batch sizes; report outputs, parameter count and both weight gradients."
    Parallel = student(ns, "Parallel")
    net1 = ops.dense(*inputs["W1"].shape, inputs["W1"], inputs["b1"])
    net2 = ops.dense(*inputs["W2"].shape, inputs["W2"], inputs["b2"])
    net = once(lambda: Parallel(net1, net2))
    obs.take("output", lambda: ops.forward(net(), inputs["X"]))
    obs.take("output_single", lambda: ops.forward(net(), inputs["X_single"]))
    obs.take("registered_params", lambda: ops.param_count(net()))
    obs.take_many(["grad_W1", "grad_W2"], lambda: ops.weight_grads(net(), inputs["X"], [net1, net2]))


def inputs(rng):
    return dict(W1=rng.normal(0, 0.3, (20, 3)), b1=rng.normal(0, 0.3, 3), W2=rng.normal(0, 0.3, (20, 5)),
                b2=rng.normal(0, 0.3, 5), X=rng.uniform(size=(4, 20)), X_single=rng.uniform(size=(1, 20)))


def reference(inp, framework):
    both = lambda X: np.concatenate([X @ inp["W1"] + inp["b1"], X @ inp["W2"] + inp["b2"]], axis=-1)
    column_sums = inp["X"].sum(axis=0)[:, None]  # the gradient of the summed output for each weight
    return {"output": both(inp["X"]), "output_single": both(inp["X_single"]),
            "registered_params": dense_param_count(*inp["W1"].shape) + dense_param_count(*inp["W2"].shape),
            "grad_W1": np.repeat(column_sums, inp["W1"].shape[1], axis=1),
            "grad_W2": np.repeat(column_sums, inp["W2"].shape[1], axis=1), "framework": framework}


# How each framework names what the feedback talks about.
WORDS = {"torch": ("PyTorch", "net.parameters()", "kept in a plain list, tuple or dict"),
         "mxnet": ("Gluon", "net.collect_params()", "kept in a plain list, tuple or dict"),
         "tensorflow": ("Keras", "net.trainable_weights", "hidden from Keras's tracking"),
         "jax": ("Flax", "the params collection of init's result", "not called, or hidden from Flax")}
SIDE_BY_SIDE = "it should be net1's output and net2's output side by side, joined along the last axis"


@hidden_test(name="Parallel concatenates along the feature axis")
def output(obs, ref): return check_close(obs, ref, "output", "Parallel's output", SIDE_BY_SIDE)


@hidden_test(name="Parallel works for a batch of one")
def single(obs, ref):
    return check_close(obs, ref, "output_single", "for a batch of one example, Parallel's output", SIDE_BY_SIDE)


@hidden_test(name="both children's parameters are registered")
def registered(obs, ref):
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    (fw, where, hidden), want = WORDS[ref["framework"]], ref["registered_params"]
    if params == want: return True, ""
    if params == 0: return False, f"{fw} sees no parameters in Parallel ({where}): the children are {hidden}"
    if params < want: return False, f"{fw} sees {params:,} parameters in Parallel, fewer than its two children hold: one is not registered"
    return False, f"{fw} sees {params:,} parameters in Parallel, more than its two children hold: does it make layers of its own?"


@hidden_test(name="gradients reach both children")
def gradients(obs, ref):
    for key, name, child in (("grad_W1", "net1", "the first child (net1)"), ("grad_W2", "net2", "the second child (net2)")):
        if key in obs and np.asarray(obs[key]).shape == ref[key].shape and not np.any(obs[key]):
            return False, f"gradients did not reach {child}: its weights got none from the output"
        ok, why = check_close(obs, ref, key, f"the gradient of {name}'s weights", f"does the output use {name}'s output unchanged?")
        if not ok: return False, why
    return True, ""

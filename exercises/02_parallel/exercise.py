"""Exercise 2: a parallel block (`Parallel(net1, net2)`, outputs concatenated along the last axis).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.

The hidden inputs are not the public check's (children of widths 3 and 5 on 20 features, a batch of 2): the
grader's children have widths 4 and 2 on 11 features (the wider child first), then 1 and 7 on 9 features, with
batches of 6, 1 and 3. An output shaped for the public check's widths fails the output points.
"""
import numpy as np
from d2lblocks.core import dense_param_count
from d2lblocks.grader.adapters.base import TERMS
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import once, student


def probe(ops, ns, inputs, obs):
    "Run `Parallel(net1, net2)` on two pairs of children and batch sizes; report outputs, calls, parameter count and gradients."
    Parallel = student(ns, "Parallel")
    net1 = ops.dense(*inputs["W1"].shape, inputs["W1"], inputs["b1"])
    net2 = ops.dense(*inputs["W2"].shape, inputs["W2"], inputs["b2"])
    net = once(lambda: Parallel(net1, net2))
    obs.take("output", lambda: ops.forward(net(), inputs["X"]))
    obs.take("output_single", lambda: ops.forward(net(), inputs["X_single"]))
    obs.take("calls", lambda: ops.call_counts(net(), inputs["X"], [net1, net2]))
    obs.take("registered_params", lambda: ops.param_count(net()))
    obs.take_many(["grad_W1", "grad_W2"], lambda: ops.weight_grads(net(), inputs["X"], [net1, net2]))
    other = lambda: Parallel(ops.dense(*inputs["V1"].shape, inputs["V1"], inputs["c1"]),
                             ops.dense(*inputs["V2"].shape, inputs["V2"], inputs["c2"]))
    obs.take("output_other", lambda: ops.forward(other(), inputs["X_other"]))


def inputs(rng):
    normal = lambda *shape: rng.normal(0, 0.3, shape)
    return dict(W1=normal(11, 4), b1=normal(4), W2=normal(11, 2), b2=normal(2), X=rng.uniform(size=(6, 11)),
                X_single=rng.uniform(size=(1, 11)), V1=normal(9, 1), c1=normal(1), V2=normal(9, 7), c2=normal(7),
                X_other=rng.uniform(size=(3, 9)))


def reference(inp, framework):
    both = lambda X, W1, b1, W2, b2: np.concatenate([X @ W1 + b1, X @ W2 + b2], axis=-1)
    first = lambda X: both(X, inp["W1"], inp["b1"], inp["W2"], inp["b2"])
    column_sums = inp["X"].sum(axis=0)[:, None]  # the gradient of the summed output for each weight
    return {"output": first(inp["X"]), "output_single": first(inp["X_single"]), "calls": [1, 1],
            "output_other": both(inp["X_other"], inp["V1"], inp["c1"], inp["V2"], inp["c2"]),
            "registered_params": dense_param_count(*inp["W1"].shape) + dense_param_count(*inp["W2"].shape),
            "grad_W1": np.repeat(column_sums, inp["W1"].shape[1], axis=1),
            "grad_W2": np.repeat(column_sums, inp["W2"].shape[1], axis=1), "framework": framework}


SIDE_BY_SIDE = "it should be net1's output and net2's output side by side, joined along the last axis"
CHILDREN = ("net1", "net2")


def _miscalled(obs, ref):
    "What the calls show when Parallel does not run each child once, or ''."
    calls = obs.get("calls")
    if not isinstance(calls, list) or calls == ref["calls"]: return ""
    forward = f"Parallel.{TERMS[ref['framework']].forward}"
    more = [f"calls {name} {c} times" for name, c in zip(CHILDREN, calls) if c > 1]
    never = [f"never calls {name}" for name, c in zip(CHILDREN, calls) if c == 0]
    return f"{forward} {' and '.join(more + never)}"


def _outputs(obs, ref, checks):
    for key, what in checks:
        ok, why = check_close(obs, ref, key, what, SIDE_BY_SIDE)
        if not ok:
            miscalled = _miscalled(obs, ref) if key in obs else ""
            return False, f"{miscalled}: {SIDE_BY_SIDE}" if miscalled else why
    return True, ""


@hidden_test(name="Parallel concatenates along the feature axis")
def output(obs, ref):
    return _outputs(obs, ref, [("output", "Parallel's output"), ("output_other", "with other children, Parallel's output")])


@hidden_test(name="Parallel works for a batch of one")
def single(obs, ref): return _outputs(obs, ref, [("output_single", "for a batch of one example, Parallel's output")])


@hidden_test(name="both children's parameters are registered")
def registered(obs, ref):
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    terms, want = TERMS[ref["framework"]], ref["registered_params"]
    if params == want: return True, ""
    if params == 0: return False, f"{terms.label} sees no parameters in Parallel ({terms.params_where}): the children are {terms.hidden_children}"
    if params < want:
        fewer = f"{terms.label} sees {params:,} parameters in Parallel, fewer than its two children hold"
        if ref["framework"] == "jax" and _miscalled(obs, ref):  # Flax makes a child's parameters when it first runs
            return False, f"{fewer}: Flax makes a child's parameters only when __call__ runs it, and {_miscalled(obs, ref)}"
        return False, f"{fewer}: one is not registered"
    return False, f"{terms.label} sees {params:,} parameters in Parallel, more than its two children hold: does it make layers of its own?"


@hidden_test(name="gradients reach both children")
def gradients(obs, ref):
    terms, calls = TERMS[ref["framework"]], obs.get("calls")
    missed = [name for key, name in (("grad_W1", "net1"), ("grad_W2", "net2"))
              if key in obs and np.asarray(obs[key]).shape == ref[key].shape and not np.any(obs[key])]
    if missed:
        uncalled = [name for name, c in zip(CHILDREN, calls) if c == 0] if isinstance(calls, list) else []
        if uncalled: return False, f"gradients did not reach {' and '.join(missed)}: Parallel never calls {' and '.join(uncalled)}"
        return False, (f"gradients did not reach {' and '.join(missed)}: the output does not lead back to "
                       f"{'their' if len(missed) > 1 else 'its'} weights; {terms.graph_breaks} cuts the gradient")
    for key, name in (("grad_W1", "net1"), ("grad_W2", "net2")):
        ok, why = check_close(obs, ref, key, f"the gradient of {name}'s weights", f"does the output use {name}'s output unchanged?")
        if not ok:
            miscalled = _miscalled(obs, ref) if key in obs else ""
            return False, f"the gradient of {name}'s weights has other values: {miscalled}" if miscalled else why
    return True, ""

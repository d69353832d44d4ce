"""Exercise 1: MySequential with a plain Python list (`ListSequential`).

Instructor-only: the grading bundle holds this file, the student repository never does. Only `probe`
runs in the student's process (its source alone is sent there); everything else runs in the grader.

Four points: the notebook runs, the blocks are applied in order, the blocks are kept in a plain list (a
structure, observed the same way in every framework), and the framework treats the network as it treats a
plain list. In PyTorch and Gluon a plain list hides the blocks; Keras 3 tracks a list, so its weights are
all seen, and `model.layers` lists the blocks themselves (a container in between shows up instead).
So a registry in place of the list (nn.ModuleList, an nn.Sequential, register_child, keras.Sequential)
loses the last two points in every framework.

Flax differs twice. A module is a dataclass: its constructor takes fields, not `*args`, so the probe hands the
blocks over as one list (`ListSequential(blocks)`) where the adapter says so (`fields_only`). And Flax registers
the modules a field holds, inside lists, tuples and dicts, under the field's name and position (`blocks_0`, ...),
before `setup` or `__call__` run: whatever the module does with them afterwards, `init` gives every block's
parameters, each under a name of its own. So in JAX the view point asks for all the parameters, each block's own
entry in the `params` collection; a field that holds the list is the plain list.

The hidden inputs are not the public check's: the public checks chain two blocks (MXNet, TensorFlow) or three
(PyTorch, JAX) from 20 features, so the grader chains five blocks from 12 features and one block from 7, with
batches of 5 and 3. A forward pass written for the public check's number of blocks fails the output point.
"""
import numpy as np
from d2lblocks.core import dense_param_count
from d2lblocks.grader.adapters.base import TERMS
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import HOLDERS, holders, once, student


def probe(ops, ns, inputs, obs):
    "Build `ListSequential` on five blocks and on one, with the grader's weights; report outputs, structure, count, consequence."
    ListSequential = student(ns, "ListSequential")
    # A Flax module is a dataclass: its constructor takes fields, so the blocks come as one list field.
    make = (lambda blocks: ListSequential(blocks)) if ops.fields_only else (lambda blocks: ListSequential(*blocks))
    def chain(names, weights=True):  # dense layers, a ReLU between each two
        blocks = []
        for W, b in ((inputs[f"W{k}"], inputs[f"b{k}"]) for k in names):
            blocks += [ops.dense(*W.shape, W, b) if weights else ops.dense(*W.shape), ops.relu()]
        return blocks[:-1]
    blocks = chain("012")
    net = once(lambda: make(blocks))
    obs.take_many(HOLDERS, lambda: holders(ops, net(), blocks).values())  # in the order of HOLDERS
    obs.take("output", lambda: ops.forward(net(), inputs["X"]))
    obs.take("calls", lambda: ops.call_counts(net(), inputs["X"], blocks[::2]))  # the dense blocks: 1st, 3rd, 5th
    obs.take("registered_params", lambda: ops.param_count(net()))
    one = chain("3")
    obs.take("output_one", lambda: ops.forward(make(one), inputs["X_one"]))
    def fresh():  # each consequence on its own network, so one that fails or changes it leaves the others be
        blocks = chain("012", weights=False)
        return make(blocks), blocks
    for name, observe in ops.consequences().items():
        obs.take(name, lambda observe=observe: observe(*fresh()))


def inputs(rng):
    sizes = [(12, 24), (24, 16), (16, 6), (7, 4)]  # five blocks (three dense), then one
    weights = {f"W{k}": rng.normal(0, 0.2, size) for k, size in enumerate(sizes)}
    biases = {f"b{k}": rng.normal(0, 0.2, size[1]) for k, size in enumerate(sizes)}
    return dict(weights, **biases, X=rng.uniform(size=(5, 12)), X_one=rng.uniform(size=(3, 7)))


# What a plain list does, by framework: the observation that shows it and its value.
CONSEQUENCE = {"torch": ("saved_entries", 0), "mxnet": ("initialize_reaches_children", False),
               "tensorflow": ("layers_are_blocks", True), "jax": ("params_are_blocks", True)}
ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")


def reference(inp, framework):
    key, value = CONSEQUENCE[framework]
    X = inp["X"]
    for k in range(3):
        X = X @ inp[f"W{k}"] + inp[f"b{k}"]
        if k < 2: X = np.maximum(X, 0)
    seen = sum(dense_param_count(*inp[f"W{k}"].shape) for k in range(3))
    return {"output": X, "output_one": inp["X_one"] @ inp["W3"] + inp["b3"], "calls": [1, 1, 1],
            "registered_params": seen if framework in ("tensorflow", "jax") else 0,
            key: value, "consequence": key, "framework": framework}


HINT = "it should be what the blocks give when applied in the order given"


def _skipped(obs, ref):
    "What the calls show of a forward pass that does not apply each block once, or ''."
    calls = obs.get("calls")
    if not isinstance(calls, list) or calls == ref["calls"]: return ""
    forward = TERMS[ref["framework"]].forward
    never = [ORDINALS[2 * i] for i, c in enumerate(calls) if c == 0]
    if never: return f"ListSequential.{forward} never calls its {' and '.join(never)} block{'s' if len(never) > 1 else ''}, of five"
    twice = [f"its {ORDINALS[2 * i]} block {c} times" for i, c in enumerate(calls) if c > 1]
    return f"ListSequential.{forward} calls {' and '.join(twice)}"


@hidden_test(name="ListSequential computes its blocks in order")
def output(obs, ref):
    for key, what in (("output", "with five blocks, ListSequential's output"), ("output_one", "with one block, ListSequential's output")):
        ok, why = check_close(obs, ref, key, what, HINT)
        if not ok:
            skipped = _skipped(obs, ref) if key == "output" and key in obs else ""
            return False, f"{skipped}: {HINT}" if skipped else why
    return True, ""


@hidden_test(name="ListSequential keeps its blocks in a plain list")
def plain(obs, ref):
    held = {}
    for key in HOLDERS:
        held[key], why = check_number(obs, key)
        if why: return False, why
    terms = TERMS[ref["framework"]]
    if held["in_container"]:
        return False, f"the blocks are handed to a framework container ({terms.registries}), which registers them; keep them in a plain Python list"
    if held["as_attributes"]:
        return False, f"each block is registered on its own ({terms.one_by_one}); keep them in a plain Python list"
    if held["in_plain_list"]: return True, ""
    if held["in_tuple"]: return False, "the blocks are kept in a tuple; the exercise asks for a plain list (list(blocks))"
    if held["in_dict"]: return False, "the blocks are kept in a dict; the exercise asks for a plain list"
    return False, "no attribute of ListSequential holds all of its blocks in a list"


@hidden_test(name="the framework's view of a plain list")
def view(obs, ref):
    framework = ref["framework"]
    params, why = check_number(obs, "registered_params")
    if why: return False, why
    seen, why = check_number(obs, ref["consequence"])
    if why: return False, why
    if framework == "torch" and (params or seen):
        return False, (f"PyTorch sees {params:,} parameters in ListSequential and its state_dict() has {seen} entries; "
                       "with a plain list it sees none and saves nothing")
    if framework == "mxnet" and (params or seen):
        found = [f"Gluon sees {params:,} parameters in ListSequential (collect_params())"] if params else []
        found += ["net.initialize() reaches its blocks"] if seen else []
        return False, f"{' and '.join(found)}; with a plain list Gluon sees no parameters and initialize() does not reach the blocks"
    if framework == "tensorflow":
        if params != ref["registered_params"]:
            return False, (f"Keras sees {params:,} trainable parameters in ListSequential; a plain list held in an attribute "
                           "is tracked, so Keras sees every weight of its blocks")
        if not seen:
            return False, ("model.layers does not list the blocks themselves; Keras tracks the layers of a plain list "
                           "as the model's own, while a container in between shows up in their place")
    if framework == "jax":
        if params != ref["registered_params"]:
            return False, (f"Flax sees {params:,} parameters in ListSequential; the modules a field holds, in a plain list "
                           "too, are registered, and init gives every weight of the blocks that __call__ runs")
        if not seen:
            return False, ("the params collection does not hold each block's parameters under a name of its own "
                           "(blocks_0, ...); Flax registers the blocks of a list field directly, while a container "
                           "in between shows up in their place")
    return True, ""

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
"""
import numpy as np
from d2lblocks.core import dense_param_count
from d2lblocks.grader.grade import hidden_test, check_close, check_number
from d2lblocks.grader.probes import HOLDERS, holders, once, student


def probe(ops, ns, inputs, obs):
    "Build `ListSequential(dense, relu, dense)` with the grader's weights; report output, structure, count, consequence."
    ListSequential = student(ns, "ListSequential")
    W0, b0, W1, b1, X = (inputs[k] for k in ("W0", "b0", "W1", "b1", "X"))
    blocks = [ops.dense(*W0.shape, W0, b0), ops.relu(), ops.dense(*W1.shape, W1, b1)]
    # A Flax module is a dataclass: its constructor takes fields, so the blocks come as one list field.
    make = (lambda blocks: ListSequential(blocks)) if getattr(ops, "fields_only", False) else (lambda blocks: ListSequential(*blocks))
    net = once(lambda: make(blocks))
    obs.take_many(HOLDERS, lambda: holders(ops, net(), blocks).values())  # in the order of HOLDERS
    obs.take("output", lambda: ops.forward(net(), X))
    obs.take("registered_params", lambda: ops.param_count(net()))
    def fresh():  # each consequence on its own network, so one that fails or changes it leaves the others be
        blocks = [ops.dense(*W0.shape), ops.relu(), ops.dense(*W1.shape)]
        return make(blocks), blocks
    for name, observe in ops.consequences().items():
        obs.take(name, lambda observe=observe: observe(*fresh()))


def inputs(rng):
    return dict(W0=rng.normal(0, 0.1, (20, 256)), b0=rng.normal(0, 0.1, 256), W1=rng.normal(0, 0.1, (256, 10)),
                b1=rng.normal(0, 0.1, 10), X=rng.uniform(size=(3, 20)))


# What a plain list does, by framework: the observation that shows it and its value.
CONSEQUENCE = {"torch": ("saved_entries", 0), "mxnet": ("initialize_reaches_children", False),
               "tensorflow": ("layers_are_blocks", True), "jax": ("params_are_blocks", True)}
CONTAINER = {"torch": "an nn.ModuleList or nn.Sequential", "mxnet": "an nn.Sequential", "tensorflow": "a keras.Sequential",
             "jax": "an nn.Sequential"}
ONE_BY_ONE = {"torch": "add_module or a module attribute", "mxnet": "register_child or a block attribute",
              "tensorflow": "a layer attribute", "jax": "a field of its own"}


def reference(inp, framework):
    key, value = CONSEQUENCE[framework]
    hidden = np.maximum(inp["X"] @ inp["W0"] + inp["b0"], 0)
    seen = dense_param_count(*inp["W0"].shape) + dense_param_count(*inp["W1"].shape)
    return {"output": hidden @ inp["W1"] + inp["b1"], "registered_params": seen if framework in ("tensorflow", "jax") else 0,
            key: value, "consequence": key, "framework": framework}


@hidden_test(name="ListSequential computes its blocks in order")
def output(obs, ref):
    return check_close(obs, ref, "output", "ListSequential's output", "it should be what the blocks give when applied in the order given")


@hidden_test(name="ListSequential keeps its blocks in a plain list")
def plain(obs, ref):
    held = {}
    for key in HOLDERS:
        held[key], why = check_number(obs, key)
        if why: return False, why
    framework = ref["framework"]
    if held["in_container"]:
        return False, f"the blocks are handed to a framework container ({CONTAINER[framework]}), which registers them; keep them in a plain Python list"
    if held["as_attributes"]:
        return False, f"each block is registered on its own ({ONE_BY_ONE[framework]}); keep them in a plain Python list"
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
        reached = "initialize() reached the blocks" if seen else "initialize() did not reach the blocks"
        return False, f"Gluon sees {params:,} parameters in ListSequential (collect_params()) and {reached}; with a plain list it sees none"
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
                           "too, are registered, so init gives every weight of its blocks")
        if not seen:
            return False, ("the params collection does not hold each block's parameters under a name of its own "
                           "(blocks_0, ...); Flax registers the blocks of a list field directly, while a container "
                           "in between shows up in their place")
    return True, ""

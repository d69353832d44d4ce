"""The chapter's blocks in every framework: parameter counts, cross-framework parity, save/load, device."""
import importlib, inspect
import numpy as np
import pytest
from blocks import build, compiled, forward, ops
from conftest import BLOCKS, FRAMEWORKS, gpu_present
from d2lblocks import core
from d2lblocks.grader.adapters.base import adapter

EXPECTED_PARAMS = {"sequential_mlp": core.MLP_PARAMS, "MLP": core.MLP_PARAMS, "MySequential": core.MLP_PARAMS,
                   "FixedHiddenMLP": core.FIXED_HIDDEN_MLP_PARAMS, "NestMLP": core.NEST_MLP_PARAMS,
                   "chimera": core.CHIMERA_PARAMS}
CONSTANT_SHAPES = {"FixedHiddenMLP": [(20, 20)], "chimera": [(20, 20)]}
X = np.random.default_rng(0).uniform(size=(2, 20)).astype("float32")


@pytest.mark.parametrize("name", BLOCKS)
def test_param_count_matches_hand_count(fw, name):
    net = build(fw, name)
    forward(fw, net, X)
    assert fw.param_count(net) == EXPECTED_PARAMS[name]
    weights, constants = fw.get_weights(net)
    assert sum(w.size for w in weights) == EXPECTED_PARAMS[name]
    assert [c.shape for c in constants] == CONSTANT_SHAPES.get(name, [])


# Where the book's code differs between frameworks, each page follows its own framework's version (see the pages),
# and its adapter says which: the 16-unit layer that ends NestMLP has a ReLU in MXNet and TensorFlow only, and
# TensorFlow's FixedHiddenMLP applies its dense layer once, after the constant, where the others apply theirs
# before and after it.


def reference(fw_name, name, weights, constants, X):
    "Block `name` of framework `fw_name`'s page, computed in float64 NumPy from its weights (laid out (in, out))."
    relu, variant = (lambda a: np.maximum(a, 0)), adapter(fw_name)
    w = [np.asarray(a, np.float64) for a in weights]
    dense = lambda x, i: x @ w[i] + w[i + 1]

    def fixed(x, i, C):
        if variant.fixed_layer_twice: x = relu(dense(x, i))
        x = relu(dense(relu(x @ C + 1), i))
        while np.abs(x).sum() > 1: x = x / 2
        return x.sum()

    def nest(x):
        x = relu(dense(relu(dense(x, 0)), 2))
        x = dense(x, 4)
        return relu(x) if variant.nest_ends_in_relu else x

    if name in ("sequential_mlp", "MLP", "MySequential"): return dense(relu(dense(X, 0)), 2)
    if name == "FixedHiddenMLP": return fixed(X, 0, constants[0])
    if name == "NestMLP": return nest(X)
    return fixed(dense(nest(X), 6), 8, constants[0])  # chimera: NestMLP, a 20-unit layer, FixedHiddenMLP


@pytest.mark.parametrize("name", BLOCKS)
def test_same_weights_give_each_pages_function_in_every_framework(name):
    """One set of weights copied into every framework's block gives the function that framework's page defines."""
    fws = [importlib.import_module(f"d2lblocks.{f}") for f in FRAMEWORKS]
    nets = [build(fw, name) for fw in fws]
    for fw, net in zip(fws, nets): forward(fw, net, X)
    source = fws[1].get_weights(nets[1])
    nets = [fw.set_weights(net, *source) for fw, net in zip(fws, nets)]  # JAX returns new variables, the others the same net
    for fw_name, fw, net in zip(FRAMEWORKS, fws, nets):
        np.testing.assert_allclose(forward(fw, net, X), reference(fw_name, name, *source, X.astype(np.float64)),
                                   atol=1e-5, rtol=0, err_msg=f"{fw_name}'s {name}")


def test_the_reference_tells_the_pages_variants_apart():
    """The frameworks' variants differ on these weights, so the test above checks which one each page computes."""
    fw = importlib.import_module("d2lblocks.torch")
    net = build(fw, "chimera")
    forward(fw, net, X)
    weights, constants = fw.get_weights(net)
    outs = {f: reference(f, "NestMLP", weights[:6], [], X) for f in FRAMEWORKS}
    assert not np.allclose(outs["torch"], outs["mxnet"], atol=1e-5)
    fixed = {f: reference(f, "FixedHiddenMLP", weights[8:], constants, X) for f in ("torch", "tensorflow")}
    assert abs(fixed["torch"] - fixed["tensorflow"]) > 1e-5


@pytest.mark.parametrize("name", BLOCKS)
def test_save_load_round_trip_keeps_outputs(fw, name, tmp_path):
    net, fresh = build(fw, name), build(fw, name)
    before = forward(fw, net, X)
    forward(fw, fresh, X)
    fresh = ops(fw).load(fresh, ops(fw).save(net, tmp_path), fw.try_gpu())  # JAX returns a new bound module
    assert not np.array_equal(forward(fw, build(fw, name), X), before), "a fresh block should differ before loading"
    np.testing.assert_array_equal(forward(fw, fresh, X), before)


def test_compiled_blocks_match_eager(fw):
    names = [n for n in ["sequential_mlp", "MLP", "FixedHiddenMLP", "chimera"] if ops(fw).uncompilable(n) is None]
    assert "sequential_mlp" in names  # every framework compiles the built-in sequential
    for name in names:
        net = build(fw, name)
        eager = forward(fw, net, X)
        np.testing.assert_allclose(forward(fw, compiled(fw, net), X), eager, atol=1e-6, err_msg=name)


def test_every_adapter_is_the_contract_and_no_more():
    """Each framework's adapter implements every operation of `Adapter` and adds no public one of its own."""
    from d2lblocks.grader.adapters.base import Adapter
    contract = {name for name in [*dir(Adapter), *Adapter.__annotations__] if not name.startswith("_")}
    for f in FRAMEWORKS:
        cls = type(adapter(f))
        assert issubclass(cls, Adapter) and not inspect.isabstract(cls) and cls.name == f, f
        assert {name for name in dir(cls) if not name.startswith("_")} == contract, f
        for name in contract:  # an override keeps the contract's signature
            mine, theirs = getattr(cls, name), getattr(Adapter, name, None)
            if inspect.isfunction(mine) and mine is not theirs:
                assert list(inspect.signature(mine).parameters) == list(inspect.signature(theirs).parameters), (f, name)


def test_adapter_builds_every_block_and_refuses_an_unknown_one(fw):
    for name in BLOCKS:
        net = build(fw, name)
        forward(fw, net, X)  # Gluon and Keras learn the shapes on the first call
        assert ops(fw).param_count(net) == EXPECTED_PARAMS[name], name
    with pytest.raises(ValueError, match="unknown block 'ResNet'"): ops(fw).build("ResNet")


def test_adapter_dense_holds_the_given_weights_and_gradients(fw):
    W, b, x = np.arange(6.0).reshape(3, 2), np.array([0.5, -0.5]), np.array([[1.0, 0.0, 2.0]])
    layer = ops(fw).dense(3, 2, W, b)
    net = ops(fw).initialize(layer, x)
    np.testing.assert_allclose(ops(fw).forward(net, x), x @ W + b, rtol=1e-6)
    (grad,) = ops(fw).weight_grads(net, x, [layer])
    np.testing.assert_allclose(grad, np.repeat(x.T, 2, axis=1), rtol=1e-6)  # d sum(xW + b) / dW[i, j] = x[i]
    assert ops(fw).param_count(net) == 8
    with pytest.raises(TypeError, match="expected a tensor, got list"): ops(fw).numpy([1.0])


def test_set_weights_rejects_a_mismatch(fw):
    net = build(fw, "MLP")
    forward(fw, net, X)
    weights, _ = fw.get_weights(net)
    with pytest.raises(ValueError, match="holds 4 weights and 0 constants, got 3 and 0"):
        fw.set_weights(net, weights[:3])


def test_try_gpu_falls_back_to_cpu_for_a_missing_gpu(fw):
    assert "cpu" in str(fw.try_gpu(10_000)).lower()


@pytest.mark.skipif(not gpu_present(), reason="no CUDA GPU on this machine; the blocks ran on the CPU")
def test_blocks_run_on_the_gpu_when_present(fw):
    assert "gpu" in str(fw.try_gpu()).lower() or "cuda" in str(fw.try_gpu()).lower()
    net = build(fw, "chimera")
    on_gpu = forward(fw, net, X)
    assert np.isfinite(on_gpu).all()


def test_jax_training_step_moves_params_and_leaves_the_constant():
    import jax, optax
    fw = importlib.import_module("d2lblocks.jax")
    module, variables = build(fw, "chimera").unbind()

    @jax.jit  # the step compiles: the loop in FixedHiddenMLP is a lax.while_loop that jax.grad can go around
    def step(params, variables):
        grads = jax.grad(lambda p: module.apply({**variables, "params": p}, X))(params)
        updates, _ = optax.sgd(0.1).update(grads, optax.sgd(0.1).init(params))
        return optax.apply_updates(params, updates)

    new_params = step(variables["params"], variables)
    before, after = fw.get_weights(variables), fw.get_weights({**variables, "params": new_params})
    assert all(np.array_equal(a, b) for a, b in zip(before[1], after[1])), "the constant must not train"
    assert not all(np.array_equal(a, b) for a, b in zip(before[0], after[0])), "SGD should move the parameters"


def test_jax_set_weights_returns_new_variables_and_checks_shapes():
    fw = importlib.import_module("d2lblocks.jax")
    net = build(fw, "MLP")
    module, variables = net.unbind()
    weights, constants = fw.get_weights(variables)
    zeros = [np.zeros_like(w) for w in weights]
    new = fw.set_weights(variables, zeros)
    assert isinstance(new, dict) and list(new["params"]) == list(variables["params"]) == ["hidden", "out"]
    np.testing.assert_array_equal(forward(fw, module.bind(new), X), np.zeros((2, 10), "float32"))
    np.testing.assert_array_equal(fw.get_weights(variables)[0][0], weights[0])  # the argument is left as it was
    with pytest.raises(ValueError, match=r"got an array of shape \(256, 20\), expected \(20, 256\)"):
        fw.set_weights(variables, [w.T for w in weights])


"""Build the chapter's blocks the same way in every framework, on its `try_gpu()` device, and run them on NumPy input."""
import functools, itertools
import numpy as np

_jax_seeds = itertools.count()  # a new PRNG key for every JAX block, so two builds never share weights


def kind(fw) -> str:
    """The framework a `d2lblocks` module wraps: 'mxnet', 'torch', 'tensorflow' or 'jax'."""
    return fw.__name__.rsplit(".", 1)[-1]


def build(fw, name):
    """A fresh instance of block `name` from framework module `fw`, already on `fw.try_gpu()`.

    A JAX block comes back bound to its variables (`module.bind(variables)`), so that it can be called, counted
    and saved like the other frameworks' blocks; `net.unbind()` gives the module and the variables back."""
    if name == "MySequential":
        net = _my_sequential(fw, kind(fw))
    else:
        net = getattr(fw, name)()
    if kind(fw) == "torch": return net.to(fw.try_gpu())
    if kind(fw) == "mxnet": net.initialize(ctx=fw.try_gpu())
    if kind(fw) == "jax": return _bound(fw, net)
    return net


def _bound(fw, module):
    import jax
    # float32 matrix products in full precision on GPUs too (JAX's default there is TensorFloat-32), as on the pages
    jax.config.update("jax_default_matmul_precision", "highest")
    with jax.default_device(fw.try_gpu()):
        variables = module.init(jax.random.key(next(_jax_seeds)), np.zeros((1, 20), np.float32))
    return module.bind(variables)


def _my_sequential(fw, framework):
    if framework == "torch":
        from torch import nn
        return fw.MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    if framework == "mxnet":
        from mxnet.gluon import nn
        net = fw.MySequential()
        net.add(nn.Dense(256, activation="relu"), nn.Dense(10))
        return net
    if framework == "jax":
        from flax import linen as nn
        return fw.MySequential([nn.Dense(256), nn.relu, nn.Dense(10)])
    import keras
    return fw.MySequential(keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10))


def compiled(fw, net):
    """`fw.compile_block` applied to `net`, callable on an input as `net` is (a JAX one takes the variables first)."""
    if kind(fw) != "jax": return fw.compile_block(net)
    module, variables = net.unbind()
    return functools.partial(fw.compile_block(module), variables)


def forward(fw, net, X: np.ndarray) -> np.ndarray:
    """Call `net` on a copy of `X` placed on the framework's device; return the output as NumPy."""
    if kind(fw) == "torch":
        import torch
        return net(torch.as_tensor(X, device=fw.try_gpu())).detach().cpu().numpy()
    if kind(fw) == "mxnet":
        from mxnet import np as mnp
        return net(mnp.array(X, dtype="float32", ctx=fw.try_gpu())).asnumpy()
    if kind(fw) == "jax":
        import jax
        return np.asarray(net(jax.device_put(X, fw.try_gpu())))
    import tensorflow as tf
    with tf.device(fw.try_gpu()):
        return net(tf.constant(X)).numpy()

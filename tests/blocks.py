"""Build the chapter's blocks the same way in every framework, on its `try_gpu()` device, and run them on NumPy input."""
import numpy as np


def kind(fw) -> str:
    """The framework a `d2lblocks` module wraps: 'mxnet', 'torch' or 'tensorflow'."""
    return fw.__name__.rsplit(".", 1)[-1]


def build(fw, name):
    """A fresh instance of block `name` from framework module `fw`, already on `fw.try_gpu()`."""
    if name == "MySequential":
        net = _my_sequential(fw, kind(fw))
    else:
        net = getattr(fw, name)()
    if kind(fw) == "torch": return net.to(fw.try_gpu())
    if kind(fw) == "mxnet": net.initialize(ctx=fw.try_gpu())
    return net


def _my_sequential(fw, framework):
    if framework == "torch":
        from torch import nn
        return fw.MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    if framework == "mxnet":
        from mxnet.gluon import nn
        net = fw.MySequential()
        net.add(nn.Dense(256, activation="relu"), nn.Dense(10))
        return net
    import keras
    return fw.MySequential(keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10))


def forward(fw, net, X: np.ndarray) -> np.ndarray:
    """Call `net` on a copy of `X` placed on the framework's device; return the output as NumPy."""
    if kind(fw) == "torch":
        import torch
        return net(torch.as_tensor(X, device=fw.try_gpu())).detach().cpu().numpy()
    if kind(fw) == "mxnet":
        from mxnet import np as mnp
        return net(mnp.array(X, dtype="float32", ctx=fw.try_gpu())).asnumpy()
    import tensorflow as tf
    with tf.device(fw.try_gpu()):
        return net(tf.constant(X)).numpy()

"""Build the chapter's blocks the same way in every framework, on its `try_gpu()` device, and run them on NumPy input.

Everything framework-specific is the framework's adapter (`d2lblocks.grader.adapters.<framework>`, the framework
contract); these helpers only pick the adapter of a chapter module and its device."""
import functools
import numpy as np
from d2lblocks.grader.adapters.base import adapter


@functools.cache
def ops(fw):
    """The adapter of chapter module `fw` (one per module: JAX's draws a new PRNG key for each block it places)."""
    return adapter(fw.__name__.rsplit(".", 1)[-1])


def build(fw, name):
    """A fresh instance of block `name` from framework module `fw`, ready to call on `fw.try_gpu()`.

    A JAX block comes back bound to its variables (`module.bind(variables)`), so that it can be called, counted
    and saved like the other frameworks' blocks; `net.unbind()` gives the module and the variables back."""
    return ops(fw).build(name, fw.try_gpu())


def compiled(fw, net):
    """`fw.compile_block` applied to `net`, callable on an input as `net` is."""
    return ops(fw).compiled(net)


def forward(fw, net, X: np.ndarray) -> np.ndarray:
    """Call `net` on a copy of `X` placed on the framework's device; return the output as NumPy."""
    return ops(fw).forward(net, X, fw.try_gpu())

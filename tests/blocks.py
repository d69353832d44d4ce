"""Build the chapter's blocks the same way in every framework, on its `try_gpu()` device, and run them on NumPy input.

Everything framework-specific is the framework module's `GraderOps` (see "The adapter the grader and tests use" on
each chapter page); these helpers only pick the module's adapter and device."""
import functools
import numpy as np


@functools.cache
def ops(fw):
    """The adapter of framework module `fw` (one per module: JAX's draws a new PRNG key for each block it places)."""
    return fw.GraderOps()


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

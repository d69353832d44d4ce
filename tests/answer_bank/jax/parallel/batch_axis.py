# Mistake: concatenates along the batch axis (axis 0): the two outputs' shapes do not fit, so nothing runs.
# differs: Flax makes parameters only when the module runs, so a forward pass that fails leaves none to count
# (PyTorch counts its parameters anyway and gives that point).
# expect: runs=0 output=0 single=0 registered=0 gradients=0
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), self.net2(X)], axis=0)

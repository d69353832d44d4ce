# Mistake: concatenates along the batch axis (axis 0): the two outputs' shapes do not fit, so nothing runs.
# differs: Flax makes parameters only when the module runs, so a forward pass that fails leaves none to count
# (PyTorch counts its parameters anyway and gives that point).
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised TypeError: Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated: concatenating along dimension 0 for shapes (2, 3), (2, 5). (line 10)
# feedback output: failed: TypeError: Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated: concatenating along dimension 0 for shapes (6, 4), (6, 2).
# feedback single: failed: TypeError: Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated: concatenating along dimension 0 for shapes (1, 4), (1, 2).
# feedback registered: failed: Flax makes a module's parameters only when init runs its __call__, and Parallel.__call__ failed: TypeError: Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated: concatenating along dimension 0 for shapes (6, 4), (6, 2).
# feedback gradients: failed: TypeError: Cannot concatenate arrays with shapes that differ in dimensions other than the one being concatenated: concatenating along dimension 0 for shapes (6, 4), (6, 2).
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), self.net2(X)], axis=0)

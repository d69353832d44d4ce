# Mistake: __call__ computes the joined output but never returns it.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised AttributeError: 'NoneType' object has no attribute 'shape' (line 3)
# feedback output: failed: Parallel.__call__ returned None: it should end with `return` and the output
# feedback single: failed: Parallel.__call__ returned None: it should end with `return` and the output
# feedback gradients: failed: Parallel.__call__ returned None: it should end with `return` and the output
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        out = jnp.concatenate([self.net1(X), self.net2(X)], axis=-1)

# Mistake: returns net1's output twice; net2 is held but never called.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), self.net1(X)], axis=-1)

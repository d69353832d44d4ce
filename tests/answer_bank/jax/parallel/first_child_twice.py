# Mistake: a copy-paste slip calls net1 twice and never net2.
# differs: Flax makes a child's parameters only when __call__ runs it, so net2, never called, has none.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised AssertionError: an assert failed (line 3)
# feedback output: failed: Parallel.__call__ calls net1 2 times and never calls net2: it should be net1's output and net2's output side by side, joined along the last axis
# feedback single: failed: Parallel.__call__ calls net1 2 times and never calls net2: it should be net1's output and net2's output side by side, joined along the last axis
# feedback registered: failed: Flax sees 48 parameters in Parallel, fewer than its two children hold: Flax makes a child's parameters only when __call__ runs it, and Parallel.__call__ calls net1 2 times and never calls net2
# feedback gradients: failed: gradients did not reach net2: Parallel never calls net2
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), self.net1(X)], axis=-1)

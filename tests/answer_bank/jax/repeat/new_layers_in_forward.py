# Mistake: __call__ makes a new layer for each application (nn.compact) instead of using the block: init gives each
# new layer parameters of its own, and the block is never used.
# differs: Flax registers the layers that __call__ makes (nn.compact): they add parameters of their own, and the
# public check's count fails.
# expect: runs=0 output=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Repeat(nn.Dense(8), 3)`) raised AssertionError: an assert failed (line 4)
# feedback output: failed: Repeat.__call__ never calls the block it was given: it should apply the block n times in a row, each time to the previous output
# feedback registered: failed: Flax sees 210 parameters in Repeat, more than its one block holds: the n applications should share the block, not copy it or add layers
# feedback gradients: failed: gradients did not reach the block's weights: Repeat never calls the block itself (a copy, copy.deepcopy or clone(), has weights of its own)
class Repeat(nn.Module):
    block: nn.Module
    n: int

    @nn.compact
    def __call__(self, X):
        for _ in range(self.n): X = nn.Dense(X.shape[-1])(X)
        return X

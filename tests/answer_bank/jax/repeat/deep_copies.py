# Mistake: n copies of the block (clone()), each with parameters of its own: the output is right at first (the
# copies start from the same weights), but the parameters are not tied.
# expect: runs=0 output=1 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Repeat(nn.Dense(8), 3)`) raised AssertionError: an assert failed (line 4)
# feedback registered: failed: Flax sees 210 parameters in Repeat, more than its one block holds: the n applications should share the block, not copy it or add layers
# feedback gradients: failed: gradients did not reach the block's weights: Repeat never calls the block itself (a copy, copy.deepcopy or clone(), has weights of its own)
class Repeat(nn.Module):
    block: nn.Module
    n: int

    def setup(self):
        self.copies = [self.block.clone() for _ in range(self.n)]

    def __call__(self, X):
        for block in self.copies:
            X = block(X)
        return X

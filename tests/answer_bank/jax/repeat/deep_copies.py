# Mistake: n copies of the block (clone()), each with parameters of its own: the output is right at first (the
# copies start from the same weights), but the parameters are not tied.
# expect: runs=0 output=1 registered=0 gradients=0
class Repeat(nn.Module):
    block: nn.Module
    n: int

    def setup(self):
        self.copies = [self.block.clone() for _ in range(self.n)]

    def __call__(self, X):
        for block in self.copies:
            X = block(X)
        return X

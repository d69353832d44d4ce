# Right: nn.compact, and a while loop over a counter.
# expect: runs=1 output=1 registered=1 gradients=1
class Repeat(nn.Module):
    block: nn.Module
    n: int

    @nn.compact
    def __call__(self, X):
        i = 0
        while i < self.n:
            X = self.block(X)
            i += 1
        return X

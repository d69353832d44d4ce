# Mistake: n is stored but the block is applied once. Registration is right; output and gradient are not.
# expect: runs=1 output=0 registered=1 gradients=0
class Repeat(nn.Module):
    def __init__(self, block, n):
        super().__init__()
        self.block, self.n = block, n

    def forward(self, X):
        return self.block(X)

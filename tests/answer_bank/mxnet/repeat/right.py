# Right: the block kept as an attribute, applied n times in a loop.
# expect: runs=1 output=1 registered=1 gradients=1
class Repeat(nn.Block):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block = block
        self.n = n

    def forward(self, X):
        for i in range(self.n):
            X = self.block(X)
        return X

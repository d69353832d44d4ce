# Mistake: forward makes a new layer for each application instead of using the block: its weights are random, and
# the block is never used.
# expect: runs=1 output=0 registered=1 gradients=0
# feedback output: failed: Repeat.forward never calls the block it was given: it should apply the block n times in a row, each time to the previous output
# feedback gradients: failed: gradients did not reach the block's weights: Repeat never calls the block itself (a copy, copy.deepcopy or clone(), has weights of its own)
class Repeat(nn.Block):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def forward(self, X):
        for _ in range(self.n):
            layer = nn.Dense(X.shape[-1])
            layer.initialize()
            X = layer(X)
        return X

# Mistake: each application uses a fresh deep copy of the block. The output is right (a copy has the block's
# weights), and the block alone is registered, but the gradient goes to the copies, never to the block's weights.
# expect: runs=1 output=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach the block's weights: Repeat never calls the block itself (a copy, copy.deepcopy or clone(), has weights of its own)
import copy

class Repeat(nn.Block):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def forward(self, X):
        for _ in range(self.n): X = copy.deepcopy(self.block)(X)
        return X

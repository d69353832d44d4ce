# Mistake: n independent copies of the block instead of one shared block. The copies compute the same output,
# but hold n times the parameters and leave the shared block's weights without a gradient.
# expect: runs=0 output=1 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Repeat(nn.Linear(8, 8),...`) raised AssertionError: an assert failed (line 3)
# feedback registered: failed: PyTorch sees 210 parameters in Repeat, more than its one block holds: the n applications should share the block, not copy it or add layers
# feedback gradients: failed: gradients did not reach the block's weights: Repeat never calls the block itself (a copy, copy.deepcopy or clone(), has weights of its own)
import copy
class Repeat(nn.Module):
    def __init__(self, block, n):
        super().__init__()
        self.blocks = nn.ModuleList([copy.deepcopy(block) for _ in range(n)])

    def forward(self, X):
        for block in self.blocks: X = block(X)
        return X

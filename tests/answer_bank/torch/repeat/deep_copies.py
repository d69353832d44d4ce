# Mistake: n independent copies of the block instead of one shared block. The copies compute the same output,
# but hold n times the parameters and leave the shared block's weights without a gradient.
# expect: runs=0 output=1 registered=0 gradients=0
# feedback registered: more than its one block holds
import copy
class Repeat(nn.Module):
    def __init__(self, block, n):
        super().__init__()
        self.blocks = nn.ModuleList([copy.deepcopy(block) for _ in range(n)])

    def forward(self, X):
        for block in self.blocks: X = block(X)
        return X

# Right: a comprehension builds the list and functools.reduce applies the blocks in order.
# expect: runs=1 output=1 plain=1 view=1
import functools

class ListSequential(nn.Module):
    "Calls its blocks in order, keeping them in a plain Python list."
    def __init__(self, *blocks):
        super().__init__()
        self.blocks = [block for block in blocks]

    def forward(self, X):
        return functools.reduce(lambda out, block: block(out), self.blocks, X)

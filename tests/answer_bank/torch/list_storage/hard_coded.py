# Mistake: hard-coded to the public check: forward applies the first three blocks by position, right only for a
# network of three blocks. The public check passes; the hidden inputs use other numbers of blocks.
# expect: runs=1 output=0 plain=1 view=1
# feedback output: failed: ListSequential.forward never calls its 5th block, of five: it should be what the blocks give when applied in the order given
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        self.blocks = list(blocks)

    def forward(self, X):
        return self.blocks[2](self.blocks[1](self.blocks[0](X)))

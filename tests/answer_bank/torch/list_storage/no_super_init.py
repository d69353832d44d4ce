# Mistake: super().__init__() is missing. The blocks are in a plain list, so the structure point stands; the
# framework can neither run the block nor say what it makes of it.
# expect: runs=0 output=0 plain=1 view=0
# feedback runs: code cell 3 of your notebook (`net = ListSequential(nn.Linear...`) raised AttributeError: 'ListSequential' object has no attribute '_backward_hooks' (line 2)
# feedback output: failed: ListSequential.__init__ does not call super().__init__() first, so PyTorch cannot set the block up
# feedback view: failed: ListSequential.__init__ does not call super().__init__() first, so PyTorch cannot set the block up
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        self.blocks = list(blocks)

    def forward(self, X):
        for block in self.blocks:
            X = block(X)
        return X

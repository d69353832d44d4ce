# Mistake: each block registered on its own (D2L's MySequential), not a plain list.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: registered on its own
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        for idx, block in enumerate(blocks):
            self.add_module(str(idx), block)

    def forward(self, X):
        for block in self._modules.values():
            X = block(X)
        return X

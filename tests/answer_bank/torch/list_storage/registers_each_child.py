# Mistake: each block registered on its own (D2L's MySequential), not a plain list.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: failed: each block is registered on its own (add_module or a module attribute); keep them in a plain Python list
# feedback view: failed: PyTorch sees 814 parameters in ListSequential and its state_dict() has 6 entries; with a plain list it sees none and saves nothing
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        for idx, block in enumerate(blocks):
            self.add_module(str(idx), block)

    def forward(self, X):
        for block in self._modules.values():
            X = block(X)
        return X

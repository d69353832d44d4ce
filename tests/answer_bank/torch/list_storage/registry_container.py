# Mistake: a registry (nn.ModuleList) instead of a plain list. It computes right, but it is not a plain
# list and PyTorch sees and saves the parameters.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: failed: the blocks are handed to a framework container (an nn.ModuleList or nn.Sequential), which registers them; keep them in a plain Python list
# feedback view: failed: PyTorch sees 814 parameters in ListSequential and its state_dict() has 6 entries; with a plain list it sees none and saves nothing
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        self.blocks = nn.ModuleList(blocks)

    def forward(self, X):
        for block in self.blocks:
            X = block(X)
        return X

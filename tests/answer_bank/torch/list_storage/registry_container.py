# Mistake: a registry (nn.ModuleList) instead of a plain list. It computes right, but it is not a plain
# list and PyTorch sees and saves the parameters.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: nn.ModuleList
# feedback view: state_dict() has 4 entries
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        self.blocks = nn.ModuleList(blocks)

    def forward(self, X):
        for block in self.blocks:
            X = block(X)
        return X

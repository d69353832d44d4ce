# Mistake: a typo in the forward pass (NameError). The structure and the framework's view do not need the
# forward pass, so they still earn their points.
# expect: runs=0 output=0 plain=1 view=1
# feedback runs: code cell 3 of your notebook (`net = ListSequential(nn.Linear...`) raised NameError: name 'blok' is not defined (line 11)
# feedback output: failed: NameError: name 'blok' is not defined
class ListSequential(nn.Module):
    def __init__(self, *blocks):
        super().__init__()
        self.blocks = list(blocks)

    def forward(self, X):
        for block in self.blocks:
            X = blok(X)
        return X

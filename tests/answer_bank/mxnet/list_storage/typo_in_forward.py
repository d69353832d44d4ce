# Mistake: a typo in the forward pass (NameError). The structure and the framework's view do not need the
# forward pass, so they still earn their points.
# expect: runs=1 output=0 plain=1 view=1
# feedback output: failed: NameError: name 'blok' is not defined
# differs: the Gluon notebook's check expects the forward pass of a plain list to fail (initialize() does
# not reach the blocks) and catches its error, so the notebook still runs top to bottom.
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = list(blocks)

    def forward(self, X):
        for block in self.blocks:
            X = blok(X)
        return X

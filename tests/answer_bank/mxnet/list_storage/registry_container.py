# Mistake: the blocks go into an nn.Sequential, which registers them.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: framework container
# feedback view: initialize() reached the blocks
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = nn.Sequential()
        self.blocks.add(*blocks)

    def forward(self, X):
        return self.blocks(X)

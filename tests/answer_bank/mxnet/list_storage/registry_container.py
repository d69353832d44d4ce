# Mistake: the blocks go into an nn.Sequential, which registers them.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: failed: the blocks are handed to a framework container (an nn.Sequential), which registers them; keep them in a plain Python list
# feedback view: failed: Gluon sees 814 parameters in ListSequential (collect_params()) and net.initialize() reaches its blocks; with a plain list Gluon sees no parameters and initialize() does not reach the blocks
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = nn.Sequential()
        self.blocks.add(*blocks)

    def forward(self, X):
        return self.blocks(X)

# Right: a plain list, and the constructor initializes each block itself (Gluon's initialize() on the network
# would not reach them). Gluon still sees no parameters in the network, and net.initialize() still does not
# reach the blocks: what a plain list does.
# expect: runs=1 output=1 plain=1 view=1
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = list(blocks)
        for block in self.blocks:
            block.initialize()

    def forward(self, X):
        for block in self.blocks:
            X = block(X)
        return X

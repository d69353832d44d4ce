# Mistake: each block registered on its own with register_child, not a plain list.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: failed: each block is registered on its own (register_child or a block attribute); keep them in a plain Python list
# feedback view: failed: Gluon sees 814 parameters in ListSequential (collect_params()) and net.initialize() reaches its blocks; with a plain list Gluon sees no parameters and initialize() does not reach the blocks
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        for block in blocks:
            self.register_child(block)

    def forward(self, X):
        for block in self._children.values():
            X = block(X)
        return X

# Mistake: each block registered on its own with register_child, not a plain list.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: register_child
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        for block in blocks:
            self.register_child(block)

    def forward(self, X):
        for block in self._children.values():
            X = block(X)
        return X

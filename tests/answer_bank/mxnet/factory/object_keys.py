# A home-made sequential that registers blocks in _children under themselves as keys.
# differs: Gluon 1.9 names parameters after the blocks themselves, not after the keys of _children, so the keys
# do no harm here (full marks), where PyTorch builds parameter names from its keys and fails.
# expect: runs=1 calls=1 independent=1 output=1
class Stack(nn.Block):
    def __init__(self, blocks, **kwargs):
        super().__init__(**kwargs)
        for block in blocks:
            self._children[block] = block

    def forward(self, X):
        for block in self._children.values():
            X = block(X)
        return X

def make_stack(make_block, n):
    return Stack([make_block() for _ in range(n)])

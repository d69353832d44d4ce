# The children registered in _children under themselves as keys.
# differs: Gluon 1.9 names parameters after the blocks themselves, not after the keys of _children, so the keys
# do no harm here (full marks), where PyTorch builds parameter names from its keys and fails.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self._children[net1] = net1
        self._children[net2] = net2

    def forward(self, X):
        return np.concatenate([c(X) for c in self._children.values()], axis=-1)

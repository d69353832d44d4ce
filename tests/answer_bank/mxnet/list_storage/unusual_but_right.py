# Right: a private list attribute and a while loop over indices.
# expect: runs=1 output=1 plain=1 view=1
class ListSequential(nn.Block):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self._layers = []
        for block in blocks:
            self._layers.append(block)

    def forward(self, X):
        i = 0
        while i < len(self._layers):
            X = self._layers[i](X)
            i += 1
        return X

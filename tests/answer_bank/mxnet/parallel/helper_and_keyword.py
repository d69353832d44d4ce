# Right: a HybridBlock with hybrid_forward, a keyword default for the axis, hybridized.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(nn.HybridBlock):
    def __init__(self, net1, net2, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2, self.axis = net1, net2, axis

    def hybrid_forward(self, F, X):
        return F.np.concatenate([self.net1(X), self.net2(X)], axis=self.axis)

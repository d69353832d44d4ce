# Right: np.concatenate with axis=1 and a tuple of outputs.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1 = net1
        self.net2 = net2

    def forward(self, X):
        return np.concatenate((self.net1(X), self.net2(X)), axis=1)

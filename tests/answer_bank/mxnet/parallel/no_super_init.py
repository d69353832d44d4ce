# Mistake: super().__init__() is missing: PyTorch and Keras refuse the children, Gluon has no registry to put
# them in, so nothing can be observed.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised AttributeError: 'Parallel' object has no attribute '_children' (line 6)
# feedback output: failed: Parallel.__init__ does not call super().__init__() first, so Gluon cannot set the block up
# feedback single: failed: Parallel.__init__ does not call super().__init__() first, so Gluon cannot set the block up
# feedback registered: failed: Parallel.__init__ does not call super().__init__() first, so Gluon cannot set the block up
# feedback gradients: failed: Parallel.__init__ does not call super().__init__() first, so Gluon cannot set the block up
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return np.concatenate([self.net1(X), self.net2(X)], axis=-1)

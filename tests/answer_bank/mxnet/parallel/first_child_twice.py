# Mistake: a copy-paste slip calls net1 twice and never net2. net2's parameters are registered but never used.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised AssertionError: an assert failed (line 3)
# feedback output: failed: Parallel.forward calls net1 2 times and never calls net2: it should be net1's output and net2's output side by side, joined along the last axis
# feedback single: failed: Parallel.forward calls net1 2 times and never calls net2: it should be net1's output and net2's output side by side, joined along the last axis
# feedback gradients: failed: gradients did not reach net2: Parallel never calls net2
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return np.concatenate([self.net1(X), self.net1(X)], axis=-1)

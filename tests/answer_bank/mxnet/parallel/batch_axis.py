# Mistake: concatenating along the batch axis. The outputs' feature sizes differ, so the framework raises;
# only the parameter count, which needs no forward pass, is right.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised MXNetError: Incompatible input shape: expected [-1,3], got [2,5] (line 10)
# feedback output: failed: MXNetError: Incompatible input shape: expected [-1,4], got [6,2]
# feedback single: failed: MXNetError: Incompatible input shape: expected [-1,4], got [1,2]
# feedback gradients: failed: MXNetError: Incompatible input shape: expected [-1,4], got [6,2]
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return np.concatenate([self.net1(X), self.net2(X)], axis=0)

# Mistake: `x` for `X` in the forward pass (NameError); the parameter count needs no forward pass.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised NameError: name 'x' is not defined (line 9)
# feedback output: failed: NameError: name 'x' is not defined
# feedback single: failed: NameError: name 'x' is not defined
# feedback gradients: failed: NameError: name 'x' is not defined
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return np.concatenate([self.net1(X), self.net2(x)], axis=-1)

# Mistake: hard-coded to the public check: the output is reshaped to rows of 3 + 5 = 8 values, which is right only
# for children of widths 3 and 5. The public check passes; the hidden inputs use other widths.
# expect: runs=1 output=0 single=0 registered=1 gradients=0
# feedback output: failed: MXNetError: Cannot reshape array of size 36 into shape [-1,8]
# feedback single: failed: MXNetError: Cannot reshape array of size 6 into shape [-1,8]
# feedback gradients: failed: MXNetError: Cannot reshape array of size 36 into shape [-1,8]
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return np.concatenate([self.net1(X), self.net2(X)], axis=-1).reshape(-1, 8)

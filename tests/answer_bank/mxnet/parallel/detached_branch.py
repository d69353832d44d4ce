# Mistake: one branch cut from the gradient. Outputs and registration are right; gradients miss net2.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach net2: the output does not lead back to its weights; a NumPy round trip (asnumpy()), detach() or a copy of a block cuts the gradient
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return np.concatenate([self.net1(X), self.net2(X).detach()], axis=-1)

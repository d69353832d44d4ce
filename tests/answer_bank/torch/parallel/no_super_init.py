# Mistake: super().__init__() is missing: PyTorch and Keras refuse the children, Gluon has no registry to put
# them in, so nothing can be observed.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback output: before Module.__init__() call
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=-1)

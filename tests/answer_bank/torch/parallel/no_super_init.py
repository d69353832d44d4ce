# Mistake: super().__init__() is missing: PyTorch and Keras refuse the children, Gluon has no registry to put
# them in, so nothing can be observed.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Linear(20, 3...`) raised AttributeError: cannot assign module before Module.__init__() call (line 6)
# feedback output: failed: the constructor does not call super().__init__() first, so PyTorch cannot set the block up
# feedback single: failed: the constructor does not call super().__init__() first, so PyTorch cannot set the block up
# feedback registered: failed: the constructor does not call super().__init__() first, so PyTorch cannot set the block up
# feedback gradients: failed: the constructor does not call super().__init__() first, so PyTorch cannot set the block up
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=-1)

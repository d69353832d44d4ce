# Mistake: concatenating along the batch axis. The outputs' feature sizes differ, so the framework raises;
# only the parameter count, which needs no forward pass, is right.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=0)

# Right: a keyword default for the axis and a helper method.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(nn.Module):
    def __init__(self, net1, net2, dim=-1):
        super().__init__()
        self.net1, self.net2, self.dim = net1, net2, dim

    def branches(self, X):
        return [net(X) for net in (self.net1, self.net2)]

    def forward(self, X):
        return torch.cat(self.branches(X), dim=self.dim)

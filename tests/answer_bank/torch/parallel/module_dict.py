# Right: an nn.ModuleDict built from an OrderedDict registers both children, in order.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
from collections import OrderedDict

class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.branches = nn.ModuleDict(OrderedDict([("first", net1), ("second", net2)]))

    def forward(self, X):
        return torch.cat([branch(X) for branch in self.branches.values()], dim=-1)

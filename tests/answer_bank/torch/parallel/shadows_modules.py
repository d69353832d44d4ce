# Mistake: `self.modules = [net1, net2]`: a plain list (which also hides nn.Module.modules()), so PyTorch
# does not see the children's parameters. The same points as a plain list under any other name.
# expect: runs=1 output=1 single=1 registered=0 gradients=1
# feedback registered: failed: PyTorch sees no parameters in Parallel (net.parameters()): the children are kept in a plain list, tuple or dict
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.modules = [net1, net2]

    def forward(self, X):
        return torch.cat([m(X) for m in self.modules], dim=-1)

# Mistake: one branch cut from the gradient. Outputs and registration are right; gradients miss net2.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: did not reach the second child (net2)
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X).detach()], dim=-1)

# Mistake: one branch cut from the gradient. Outputs and registration are right; gradients miss net2.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach net2: the output does not lead back to its weights; a NumPy round trip (.numpy()), .detach() or a copy of a module cuts the gradient
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X).detach()], dim=-1)

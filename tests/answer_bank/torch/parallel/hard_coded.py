# Mistake: hard-coded to the public check: the output is reshaped to rows of 3 + 5 = 8 values, which is right only
# for children of widths 3 and 5. The public check passes; the hidden inputs use other widths.
# expect: runs=1 output=0 single=0 registered=1 gradients=0
# feedback output: failed: RuntimeError: shape '[-1, 8]' is invalid for input of size 36
# feedback single: failed: RuntimeError: shape '[-1, 8]' is invalid for input of size 6
# feedback gradients: failed: RuntimeError: shape '[-1, 8]' is invalid for input of size 36
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=-1).reshape(-1, 8)

# Mistake: forward computes the joined output but never returns it.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Linear(20, 3...`) raised AttributeError: 'NoneType' object has no attribute 'shape' (line 2)
# feedback output: failed: Parallel.forward returned None: it should end with `return` and the output
# feedback single: failed: Parallel.forward returned None: it should end with `return` and the output
# feedback gradients: failed: Parallel.forward returned None: it should end with `return` and the output
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        out = torch.cat([self.net1(X), self.net2(X)], dim=-1)

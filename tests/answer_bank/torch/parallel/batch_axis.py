# Mistake: concatenating along the batch axis. The outputs' feature sizes differ, so the framework raises;
# only the parameter count, which needs no forward pass, is right.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Linear(20, 3...`) raised RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 3 but got size 5 for tensor number 1 in the list. (line 10)
# feedback output: failed: RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 4 but got size 2 for tensor number 1 in the list.
# feedback single: failed: RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 4 but got size 2 for tensor number 1 in the list.
# feedback gradients: failed: RuntimeError: Sizes of tensors must match except in dimension 0. Expected size 4 but got size 2 for tensor number 1 in the list.
class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        return torch.cat([self.net1(X), self.net2(X)], dim=0)

# Mistake: the outputs joined in NumPy and turned back into a tensor: the values are right, but the result is a new
# tensor that no gradient can go back through, so neither child gets one.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach net1 and net2: the output does not lead back to their weights; a NumPy round trip (.numpy()), .detach() or a copy of a module cuts the gradient
import numpy

class Parallel(nn.Module):
    def __init__(self, net1, net2):
        super().__init__()
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        joined = numpy.concatenate([self.net1(X).detach().numpy(), self.net2(X).detach().numpy()], axis=-1)
        return torch.tensor(joined)

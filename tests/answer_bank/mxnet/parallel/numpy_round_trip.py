# Mistake: the outputs joined in NumPy (asnumpy) and turned back into an MXNet array: the values are right, but the
# result is a new array outside the recorded graph, so neither child gets a gradient.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach net1 and net2: the output does not lead back to their weights; a NumPy round trip (asnumpy()), detach() or a copy of a block cuts the gradient
import numpy as onp

class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def forward(self, X):
        joined = onp.concatenate([self.net1(X).asnumpy(), self.net2(X).asnumpy()], axis=-1)
        return np.array(joined)

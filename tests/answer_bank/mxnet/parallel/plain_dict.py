# Mistake: the children in a plain dict, which the framework does not look into.
# differs: in Gluon, initialize() does not reach children it cannot see, so the notebook's own check (initialize,
# then a forward pass) fails and the runs point is lost too, where PyTorch keeps it.
# expect: runs=0 output=1 single=1 registered=0 gradients=1
# feedback registered: sees no parameters
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.nets = {"first": net1, "second": net2}

    def forward(self, X):
        return np.concatenate([self.nets["first"](X), self.nets["second"](X)], axis=-1)

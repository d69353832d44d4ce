# Mistake: the children in a plain dict, which the framework does not look into.
# differs: in Gluon, initialize() does not reach children it cannot see, so the notebook's own check (initialize,
# then a forward pass) fails and the runs point is lost too, where PyTorch keeps it.
# expect: runs=0 output=1 single=1 registered=0 gradients=1
# feedback runs: code cell 3 of your notebook (`net = Parallel(nn.Dense(3), nn...`) raised RuntimeError: Parameter 'dense0_weight' has not been initialized. Note that you should initialize parameters and create Trainer with Block.collect_params() instead of Block.params because the later does not include Parameters of nested child Blocks (line 11)
# feedback registered: failed: Gluon sees no parameters in Parallel (net.collect_params()): the children are kept in a plain list, tuple or dict
class Parallel(nn.Block):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.nets = {"first": net1, "second": net2}

    def forward(self, X):
        return np.concatenate([self.nets["first"](X), self.nets["second"](X)], axis=-1)

# Wraps the list field in an nn.Sequential in setup.
# differs: Flax registers the modules a field holds (blocks_0, ...) when the module is set up, before setup
# wraps them: the container adds no parameters and no level to init's result, and the field is still the plain
# list the constructor was given. Nothing in Flax tells this apart from the plain list, so it keeps all four
# points (PyTorch, Gluon and Keras give 2).
# expect: runs=1 output=1 plain=1 view=1
class ListSequential(nn.Module):
    blocks: list

    def setup(self):
        self.net = nn.Sequential(self.blocks)

    def __call__(self, X):
        return self.net(X)

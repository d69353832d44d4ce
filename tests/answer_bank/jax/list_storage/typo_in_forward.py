# Mistake: a typo in the forward pass (NameError). The structure point does not need the forward pass.
# differs: Flax makes a module's parameters on its first call, so with a forward pass that fails there are none
# to count: the view point is lost too (Keras, which tracks the list on assignment, keeps it).
# expect: runs=0 output=0 plain=1 view=0
# feedback output: NameError
class ListSequential(nn.Module):
    blocks: list

    def __call__(self, X):
        for block in self.blocks:
            X = blok(X)
        return X

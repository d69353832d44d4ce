# Mistake: a typo in the forward pass (NameError). The structure point does not need the forward pass.
# differs: Flax makes a module's parameters on its first call, so with a forward pass that fails there are none
# to count: the view point is lost too (Keras, which tracks the list on assignment, keeps it).
# expect: runs=0 output=0 plain=1 view=0
# feedback runs: code cell 3 of your notebook (`net = ListSequential([nn.Dense...`) raised NameError: name 'blok' is not defined (line 10)
# feedback output: failed: NameError: name 'blok' is not defined
# feedback view: failed: Flax makes a module's parameters only when init runs its __call__, and ListSequential.__call__ failed: NameError: name 'blok' is not defined
class ListSequential(nn.Module):
    blocks: list

    def __call__(self, X):
        for block in self.blocks:
            X = blok(X)
        return X

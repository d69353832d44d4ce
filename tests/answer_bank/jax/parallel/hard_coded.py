# Mistake: hard-coded to the public check: the output is reshaped to rows of 3 + 5 = 8 values, which is right only
# for children of widths 3 and 5. The public check passes; the hidden inputs use other widths.
# differs: Flax makes the parameters only when init runs __call__, which fails on the hidden widths: none to count.
# expect: runs=1 output=0 single=0 registered=0 gradients=0
# feedback output: failed: TypeError: cannot reshape array of shape (6, 6) (size 36) into shape (-1, 8) because the product of specified axis sizes (8) does not evenly divide 36
# feedback single: failed: TypeError: cannot reshape array of shape (1, 6) (size 6) into shape (-1, 8) because the product of specified axis sizes (8) does not evenly divide 6
# feedback registered: failed: Flax makes a module's parameters only when init runs its __call__, and Parallel.__call__ failed: TypeError: cannot reshape array of shape (6, 6) (size 36) into shape (-1, 8) because the product of specified axis sizes (8) does not evenly divide 36
# feedback gradients: failed: TypeError: cannot reshape array of shape (6, 6) (size 36) into shape (-1, 8) because the product of specified axis sizes (8) does not evenly divide 36
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), self.net2(X)], axis=-1).reshape(-1, 8)

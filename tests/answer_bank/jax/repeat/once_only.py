# Mistake: n is stored but the block is applied once. Registration is right; output and gradient are not.
# expect: runs=1 output=0 registered=1 gradients=0
# feedback output: failed: with n = 5, Repeat.__call__ applies the block once: it should apply the block n times in a row, each time to the previous output
# feedback gradients: failed: the gradient of the block's weights has other values: with n = 5, Repeat.__call__ applies the block once
class Repeat(nn.Module):
    block: nn.Module
    n: int

    def __call__(self, X):
        return self.block(X)

# Mistake: one application too many (range(n + 1)).
# expect: runs=1 output=0 registered=1 gradients=0
# feedback output: failed: with n = 5, Repeat.__call__ applies the block 6 times: it should apply the block n times in a row, each time to the previous output
# feedback gradients: failed: the gradient of the block's weights has other values: with n = 5, Repeat.__call__ applies the block 6 times
class Repeat(nn.Module):
    block: nn.Module
    n: int

    def __call__(self, X):
        for _ in range(self.n + 1): X = self.block(X)
        return X

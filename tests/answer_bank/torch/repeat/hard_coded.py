# Mistake: hard-coded to the public check: the block is applied three times whatever n is. The public check
# (n = 3) passes; the hidden inputs use other values of n.
# expect: runs=1 output=0 registered=1 gradients=0
# feedback output: failed: with n = 5, Repeat.forward applies the block 3 times: it should apply the block n times in a row, each time to the previous output
# feedback gradients: failed: the gradient of the block's weights has other values: with n = 5, Repeat.forward applies the block 3 times
class Repeat(nn.Module):
    def __init__(self, block, n):
        super().__init__()
        self.block, self.n = block, n

    def forward(self, X):
        return self.block(self.block(self.block(X)))

# Mistake: range(n - 1) applies the block one time too few.
# expect: runs=1 output=0 registered=1 gradients=0
# feedback output: failed: with n = 5, Repeat.call applies the block 4 times: it should apply the block n times in a row, each time to the previous output
# feedback gradients: failed: the gradient of the block's weights has other values: with n = 5, Repeat.call applies the block 4 times
class Repeat(keras.Model):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def call(self, X):
        for _ in range(self.n - 1): X = self.block(X)
        return X

# Mistake: n is stored but the block is applied once. Registration is right; output and gradient are not.
# expect: runs=1 output=0 registered=1 gradients=0
class Repeat(keras.Model):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def call(self, X):
        return self.block(X)

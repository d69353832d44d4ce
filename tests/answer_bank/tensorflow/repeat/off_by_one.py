# Mistake: one application too many (range(n + 1)).
# expect: runs=1 output=0 registered=1 gradients=0
class Repeat(keras.Model):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def call(self, X):
        for _ in range(self.n + 1): X = self.block(X)
        return X

# Mistake: super().__init__() is missing. The blocks are in a plain list, so the structure point stands; the
# framework can neither run the block nor say what it makes of it.
# expect: runs=0 output=0 plain=1 view=0
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        self.blocks = list(blocks)

    def call(self, X):
        for block in self.blocks:
            X = block(X)
        return X

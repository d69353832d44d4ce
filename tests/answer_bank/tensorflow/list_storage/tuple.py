# Mistake: `self.blocks = blocks` keeps the *blocks tuple, not a list. The framework treats a tuple as it
# treats a plain list, so only the structure point is lost.
# expect: runs=1 output=1 plain=0 view=1
# feedback plain: failed: the blocks are kept in a tuple; the exercise asks for a plain list (list(blocks))
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = blocks

    def call(self, X):
        for block in self.blocks:
            X = block(X)
        return X

# Mistake: super().__init__() is missing. The blocks are in a plain list, so the structure point stands; the
# framework can neither run the block nor say what it makes of it.
# expect: runs=0 output=0 plain=1 view=0
# feedback runs: code cell 3 of your notebook (`net = ListSequential(keras.lay...`) raised RuntimeError: In layer 'ListSequential', you forgot to call `super().__init__()` as the first statement in the `__init__()` method. Go add it! (line 2)
# feedback output: failed: the constructor does not call super().__init__() first, so Keras cannot set the block up
# feedback view: failed: ListSequential.__init__ does not call super().__init__() first, so Keras cannot set the block up
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        self.blocks = list(blocks)

    def call(self, X):
        for block in self.blocks:
            X = block(X)
        return X

# Mistake: hard-coded to the public check: call applies the first two blocks by position, right only for a
# network of two blocks. The public check passes; the hidden inputs use other numbers of blocks.
# expect: runs=1 output=0 plain=1 view=1
# feedback output: failed: ListSequential.call never calls its 3rd and 5th blocks, of five: it should be what the blocks give when applied in the order given
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = list(blocks)

    def call(self, X):
        return self.blocks[1](self.blocks[0](X))

# Mistake: each block in an attribute of its own, not a plain list.
# differs: Keras tracks a layer held in an attribute exactly as it tracks the layers of a plain list (same
# weights, same model.layers), so the framework's view cannot tell them apart; only the structure point is
# lost (3 points, where PyTorch and Gluon, which register such blocks, give 2).
# expect: runs=1 output=1 plain=0 view=1
# feedback plain: failed: each block is registered on its own (a layer attribute); keep them in a plain Python list
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.count = len(blocks)
        for i, block in enumerate(blocks):
            setattr(self, f"block{i}", block)

    def call(self, X):
        for i in range(self.count):
            X = getattr(self, f"block{i}")(X)
        return X

# Mistake: call makes a new layer for each application instead of using the block: its weights are random, and
# the block is never used.
# differs: the public check counts the block's weights, and Keras creates them on a first call that never comes.
# expect: runs=0 output=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Repeat(keras.layers.Dens...`) raised AssertionError: an assert failed (line 3)
# feedback output: failed: Repeat.call never calls the block it was given: it should apply the block n times in a row, each time to the previous output
# feedback gradients: failed: gradients did not reach the block's weights: Repeat never calls the block itself (a copy, copy.deepcopy or clone(), has weights of its own)
class Repeat(keras.Model):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def call(self, X):
        for _ in range(self.n): X = keras.layers.Dense(X.shape[-1])(X)
        return X

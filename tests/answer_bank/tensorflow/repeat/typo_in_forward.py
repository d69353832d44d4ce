# Mistake: a typo in call. The notebook's check raises; the parameter count needs no forward pass.
# expect: runs=0 output=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Repeat(keras.layers.Dens...`) raised AttributeError: 'Repeat' object has no attribute 'blok' (line 9)
# feedback output: failed: AttributeError: 'Repeat' object has no attribute 'blok'
# feedback gradients: failed: AttributeError: 'Repeat' object has no attribute 'blok'
class Repeat(keras.Model):
    def __init__(self, block, n, **kwargs):
        super().__init__(**kwargs)
        self.block, self.n = block, n

    def call(self, X):
        for _ in range(self.n): X = self.blok(X)
        return X

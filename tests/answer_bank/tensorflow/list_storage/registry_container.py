# Mistake: the blocks go into a keras.Sequential. Keras then sees the same weights as with a plain list, but
# model.layers shows the container: both points are lost, as in the other frameworks.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: keras.Sequential
# feedback view: model.layers
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = keras.Sequential(list(blocks))

    def call(self, X):
        return self.blocks(X)

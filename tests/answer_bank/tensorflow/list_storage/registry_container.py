# Mistake: the blocks go into a keras.Sequential. Keras then sees the same weights as with a plain list, but
# model.layers shows the container: both points are lost, as in the other frameworks.
# expect: runs=1 output=1 plain=0 view=0
# feedback plain: failed: the blocks are handed to a framework container (a keras.Sequential), which registers them; keep them in a plain Python list
# feedback view: failed: model.layers does not list the blocks themselves; Keras tracks the layers of a plain list as the model's own, while a container in between shows up in their place
class ListSequential(keras.Model):
    def __init__(self, *blocks, **kwargs):
        super().__init__(**kwargs)
        self.blocks = keras.Sequential(list(blocks))

    def call(self, X):
        return self.blocks(X)

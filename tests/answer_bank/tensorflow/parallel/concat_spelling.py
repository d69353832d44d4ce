# Right: a keras.layers.Concatenate layer (it has no weights of its own).
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2
        self.join = keras.layers.Concatenate(axis=-1)

    def call(self, X):
        return self.join([self.net1(X), self.net2(X)])

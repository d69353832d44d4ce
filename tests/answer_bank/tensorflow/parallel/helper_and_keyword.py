# Right: a keyword default for the axis and a helper method.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(keras.Model):
    def __init__(self, net1, net2, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2, self.axis = net1, net2, axis

    def branches(self, X):
        return [net(X) for net in (self.net1, self.net2)]

    def call(self, X):
        return tf.concat(self.branches(X), axis=self.axis)

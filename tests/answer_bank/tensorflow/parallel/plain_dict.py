# The children in a plain dict.
# differs: Keras 3 tracks a dict of layers held in an attribute, so their weights are registered as usual:
# in Keras this is not a mistake (full marks), where PyTorch and Gluon lose the registration point.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.nets = {"first": net1, "second": net2}

    def call(self, X):
        return tf.concat([self.nets["first"](X), self.nets["second"](X)], axis=-1)

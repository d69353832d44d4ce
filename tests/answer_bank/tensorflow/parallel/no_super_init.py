# Mistake: super().__init__() is missing: PyTorch and Keras refuse the children, Gluon has no registry to put
# them in, so nothing can be observed.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback output: forgot to call `super().__init__()`
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        self.net1, self.net2 = net1, net2

    def call(self, X):
        return tf.concat([self.net1(X), self.net2(X)], axis=-1)

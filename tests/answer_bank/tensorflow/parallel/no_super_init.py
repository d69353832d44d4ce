# Mistake: super().__init__() is missing: PyTorch and Keras refuse the children, Gluon has no registry to put
# them in, so nothing can be observed.
# expect: runs=0 output=0 single=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(keras.layers.De...`) raised RuntimeError: In layer 'Parallel', you forgot to call `super().__init__()` as the first statement in the `__init__()` method. Go add it! (line 2)
# feedback output: failed: the constructor does not call super().__init__() first, so Keras cannot set the block up
# feedback single: failed: the constructor does not call super().__init__() first, so Keras cannot set the block up
# feedback registered: failed: Parallel.__init__ does not call super().__init__() first, so Keras cannot set the block up
# feedback gradients: failed: the constructor does not call super().__init__() first, so Keras cannot set the block up
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        self.net1, self.net2 = net1, net2

    def call(self, X):
        return tf.concat([self.net1(X), self.net2(X)], axis=-1)

# Mistake: call computes the joined output but never returns it.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(keras.layers.De...`) raised AttributeError: 'NoneType' object has no attribute 'shape' (line 2)
# feedback output: failed: Parallel.call returned None: it should end with `return` and the output
# feedback single: failed: Parallel.call returned None: it should end with `return` and the output
# feedback gradients: failed: Parallel.call returned None: it should end with `return` and the output
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def call(self, X):
        out = tf.concat([self.net1(X), self.net2(X)], axis=-1)

# Mistake: a copy-paste slip calls net1 twice and never net2. net2's weights are tracked but never built or used.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(keras.layers.De...`) raised AssertionError: an assert failed (line 2)
# feedback output: failed: Parallel.call calls net1 2 times and never calls net2: it should be net1's output and net2's output side by side, joined along the last axis
# feedback single: failed: Parallel.call calls net1 2 times and never calls net2: it should be net1's output and net2's output side by side, joined along the last axis
# feedback gradients: failed: gradients did not reach net2: Parallel never calls net2
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def call(self, X):
        return tf.concat([self.net1(X), self.net1(X)], axis=-1)

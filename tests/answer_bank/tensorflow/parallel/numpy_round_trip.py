# Mistake: the outputs joined in NumPy (.numpy()) and turned back into a tensor: the values are right, but the tape
# cannot go back through NumPy, so neither child gets a gradient.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach net1 and net2: the output does not lead back to their weights; a NumPy round trip (.numpy()), tf.stop_gradient or a copy of a layer cuts the gradient
import numpy

class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def call(self, X):
        joined = numpy.concatenate([self.net1(X).numpy(), self.net2(X).numpy()], axis=-1)
        return tf.constant(joined)

# Mistake: hard-coded to the public check: the output is reshaped to rows of 3 + 5 = 8 values, which is right only
# for children of widths 3 and 5. The public check passes; the hidden inputs use other widths.
# expect: runs=1 output=0 single=0 registered=1 gradients=0
# feedback output: failed: InvalidArgumentError: Input to reshape is a tensor with 36 values, but the requested shape requires a multiple of 8
# feedback single: failed: InvalidArgumentError: Input to reshape is a tensor with 6 values, but the requested shape requires a multiple of 8
# feedback gradients: failed: InvalidArgumentError: Input to reshape is a tensor with 36 values, but the requested shape requires a multiple of 8
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def call(self, X):
        return tf.reshape(tf.concat([self.net1(X), self.net2(X)], axis=-1), (-1, 8))

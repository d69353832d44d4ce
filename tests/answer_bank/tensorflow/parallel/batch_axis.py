# Mistake: concatenating along the batch axis. The outputs' feature sizes differ, so the framework raises;
# only the parameter count, which needs no forward pass, is right.
# expect: runs=0 output=0 single=0 registered=1 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Parallel(keras.layers.De...`) raised InvalidArgumentError: ConcatOp : Dimension 1 in both shapes must be equal: shape[0] = [2,3] vs. shape[1] = [2,5] (line 10)
# feedback output: failed: InvalidArgumentError: ConcatOp : Dimension 1 in both shapes must be equal: shape[0] = [6,4] vs. shape[1] = [6,2]
# feedback single: failed: InvalidArgumentError: ConcatOp : Dimension 1 in both shapes must be equal: shape[0] = [1,4] vs. shape[1] = [1,2]
# feedback gradients: failed: InvalidArgumentError: ConcatOp : Dimension 1 in both shapes must be equal: shape[0] = [6,4] vs. shape[1] = [6,2]
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def call(self, X):
        return tf.concat([self.net1(X), self.net2(X)], axis=0)

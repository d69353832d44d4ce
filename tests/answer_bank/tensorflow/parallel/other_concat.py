# Right: keras.ops.concatenate; a print in call does no harm.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(keras.Model):
    def __init__(self, net1, net2, **kwargs):
        super().__init__(**kwargs)
        self.net1, self.net2 = net1, net2

    def call(self, X):
        outputs = [self.net1(X), self.net2(X)]
        print("branch shapes:", [tuple(o.shape) for o in outputs])
        return keras.ops.concatenate(outputs, axis=-1)

# Right: list(blocks) under another name, a loop over indices, and a print in call.
# expect: runs=1 output=1 plain=1 view=1
class ListSequential(keras.Model):
    def __init__(self, *blocks, name="list_sequential", **kwargs):
        super().__init__(name=name, **kwargs)
        self.stages = list(blocks)

    def call(self, X):
        for i in range(len(self.stages)):
            X = self.stages[i](X)
        print("output shape:", X.shape)
        return X

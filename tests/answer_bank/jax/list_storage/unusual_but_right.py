# Right: the list field under another name, typed with typing, and a loop over indices.
# expect: runs=1 output=1 plain=1 view=1
from typing import Sequence


class ListSequential(nn.Module):
    layers: Sequence

    def __call__(self, X):
        for i in range(len(self.layers)):
            X = self.layers[i](X)
        return X

# Mistake: a home-made sequential that registers blocks in _modules under themselves as keys. It runs, but
# PyTorch builds parameter names from the keys, so neither the notebook's check nor the grader can count the
# parameters. (Keras keeps no registry by name to misuse, so this case has no Keras twin.)
# expect: runs=0 calls=1 independent=0 output=1
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.Li...`) raised TypeError: can only concatenate str (not "Linear") to str (line 3)
# feedback independent: failed: TypeError: can only concatenate str (not "Linear") to str
class Stack(nn.Module):
    def __init__(self, blocks):
        super().__init__()
        for block in blocks:
            self._modules[block] = block

    def forward(self, X):
        for block in self._modules.values():
            X = block(X)
        return X

def make_stack(make_block, n):
    return Stack([make_block() for _ in range(n)])

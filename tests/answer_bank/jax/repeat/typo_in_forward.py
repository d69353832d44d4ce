# Mistake: a typo in __call__. The notebook's check raises.
# differs: Flax makes a module's parameters only when init runs __call__, so with a __call__ that fails there are
# none to count: the registration point is lost too.
# expect: runs=0 output=0 registered=0 gradients=0
# feedback runs: code cell 3 of your notebook (`net = Repeat(nn.Dense(8), 3)`) raised AttributeError: "Repeat" object has no attribute "blok". (line 10)
# feedback output: failed: AttributeError: "Repeat" object has no attribute "blok".
# feedback registered: failed: Flax makes a module's parameters only when init runs its __call__, and Repeat.__call__ failed: AttributeError: "Repeat" object has no attribute "blok".
# feedback gradients: failed: AttributeError: "Repeat" object has no attribute "blok".
class Repeat(nn.Module):
    block: nn.Module
    n: int

    def __call__(self, X):
        for _ in range(self.n): X = self.blok(X)
        return X

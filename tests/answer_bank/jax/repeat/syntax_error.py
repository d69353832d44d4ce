# Mistake: a syntax error (a missing colon) in the answer cell: nothing of it is defined.
# expect: runs=0 output=0 registered=0 gradients=0
# feedback runs: code cell 2 of your notebook (`# Mistake: a syntax error (a m...`) raised SyntaxError: expected ':' (line 7)
# feedback output: failed: NameError: the notebook does not define Repeat
# feedback registered: failed: NameError: the notebook does not define Repeat
# feedback gradients: failed: NameError: the notebook does not define Repeat
class Repeat(nn.Module):
    block: nn.Module
    n: int

    def __call__(self, X)
        for _ in range(self.n): X = self.block(X)
        return X

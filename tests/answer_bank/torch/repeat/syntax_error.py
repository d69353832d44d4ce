# Mistake: a syntax error (a missing colon) in the answer cell: nothing of it is defined.
# expect: runs=0 output=0 registered=0 gradients=0
# feedback runs: code cell 2 of your notebook (`# Mistake: a syntax error (a m...`) raised SyntaxError: expected ':' (line 8)
# feedback output: failed: NameError: the notebook does not define Repeat
# feedback registered: failed: NameError: the notebook does not define Repeat
# feedback gradients: failed: NameError: the notebook does not define Repeat
class Repeat(nn.Module):
    def __init__(self, block, n):
        super().__init__()
        self.block, self.n = block, n

    def forward(self, X)
        for _ in range(self.n): X = self.block(X)
        return X

# Mistake: a typo (NameError) after the blocks were made: the calls were right.
# expect: runs=0 calls=1 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.De...`) raised NameError: name 'block' is not defined (line 5)
# feedback independent: failed: NameError: name 'block' is not defined
# feedback output: failed: NameError: name 'block' is not defined
def make_stack(make_block, n):
    blocks = [make_block() for _ in range(n)]
    return nn.Sequential(block)

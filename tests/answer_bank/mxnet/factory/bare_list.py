# Mistake: returns the list of blocks, not a network. make_block was called once per block, and the blocks are
# fresh and unshared: only the chaining point is lost (each test measures one thing).
# expect: runs=0 calls=1 independent=1 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.De...`) raised AttributeError: 'list' object has no attribute 'initialize' (line 2)
# feedback output: failed: make_stack returned a list, not a network: chain the blocks in an nn.Sequential
def make_stack(make_block, n):
    return [make_block() for _ in range(n)]

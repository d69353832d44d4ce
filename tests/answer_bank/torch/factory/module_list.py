# Mistake: the blocks in an nn.ModuleList, which registers them but has no forward: the network cannot be called.
# The blocks are fresh and unshared, which is what the independence test measures.
# expect: runs=0 calls=1 independent=1 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.Li...`) raised NotImplementedError: Module [ModuleList] is missing the required "forward" function (line 2)
# feedback output: failed: NotImplementedError: Module [ModuleList] is missing the required "forward" function
def make_stack(make_block, n):
    return nn.ModuleList([make_block() for _ in range(n)])

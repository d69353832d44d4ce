# Mistake: the function make_block is put in the network n times instead of the blocks it makes.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.Li...`) raised TypeError: __main__.<lambda> is not a Module subclass (line 4)
# feedback calls: failed: make_stack never called make_block: each of the n blocks should come from a call of make_block
# feedback independent: failed: TypeError: make_block is not a Module subclass
# feedback output: failed: TypeError: make_block is not a Module subclass
def make_stack(make_block, n):
    return nn.Sequential(*[make_block for _ in range(n)])

# Mistake: the function make_block is put in the network n times instead of the blocks it makes.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.De...`) raised AttributeError: 'function' object has no attribute 'collect_params' (line 2)
# feedback calls: failed: make_stack never called make_block: each of the n blocks should come from a call of make_block
# feedback independent: failed: AttributeError: 'function' object has no attribute 'collect_params'
# feedback output: failed: TypeError: make_block() takes 0 positional arguments but 1 was given
def make_stack(make_block, n):
    net = nn.Sequential()
    net.add(*[make_block for _ in range(n)])
    return net

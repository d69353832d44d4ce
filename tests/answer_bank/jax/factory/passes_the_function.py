# Mistake: the function make_block is put in the network n times instead of the blocks it makes.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.De...`) raised TypeError: <lambda>() takes 0 positional arguments but 1 was given (line 2)
# feedback calls: failed: make_stack never called make_block: each of the n blocks should come from a call of make_block
# feedback independent: failed: Flax makes a module's parameters only when init runs its __call__, and Sequential.__call__ failed: TypeError: make_block() takes 0 positional arguments but 1 was given
# feedback output: failed: TypeError: make_block() takes 0 positional arguments but 1 was given
def make_stack(make_block, n):
    return nn.Sequential([make_block for _ in range(n)])

# Mistake: a typo (NameError) after the blocks were made: the calls were right.
# expect: runs=0 calls=1 independent=0 output=0
# feedback output: NameError
def make_stack(make_block, n):
    blocks = [make_block() for _ in range(n)]
    net = nn.Sequential()
    net.add(*block)
    return net

# Mistake: `[make_block()] * n` repeats one instance, so the blocks share one set of parameters.
# expect: runs=0 calls=0 independent=0 output=0
# feedback calls: called make_block once
def make_stack(make_block, n):
    blocks = [make_block()] * n
    net = nn.Sequential()
    net.add(*blocks)
    return net

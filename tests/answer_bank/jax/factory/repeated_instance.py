# Mistake: [make_block()] * n repeats one instance: Flax registers it once, so the blocks share one set of
# parameters, as in the other frameworks.
# expect: runs=0 output=0 calls=0 independent=0
def make_stack(make_block, n):
    return nn.Sequential([make_block()] * n)

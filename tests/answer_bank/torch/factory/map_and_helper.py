# Right: a helper generator, and map over range.
# expect: runs=1 calls=1 independent=1 output=1
def fresh_blocks(make_block, n):
    yield from map(lambda _: make_block(), range(n))

def make_stack(make_block, n):
    return nn.Sequential(*fresh_blocks(make_block, n))

# Mistake: returns the list of blocks, not a network.
# expect: runs=0 output=0 calls=1 independent=0
# feedback independent: returned a list
def make_stack(make_block, n):
    return [make_block() for _ in range(n)]

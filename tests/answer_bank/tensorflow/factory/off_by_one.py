# Mistake: range(1, n) makes one block too few.
# expect: runs=0 calls=0 independent=0 output=0
def make_stack(make_block, n):
    blocks = [make_block() for _ in range(1, n)]
    return keras.Sequential(blocks)

# Mistake: one block made, then cloned for every position: each clone gets parameters of its own (so the count is
# right), but make_block is called once.
# expect: runs=1 calls=0 independent=1 output=0
# feedback calls: failed: make_stack called make_block once: every position needs its own call
# feedback output: failed: with n = 5, the network's output has the right shape but other values; it should apply each of the n blocks once, in the order they were made
def make_stack(make_block, n):
    block = make_block()
    return nn.Sequential([block.clone() for _ in range(n)])

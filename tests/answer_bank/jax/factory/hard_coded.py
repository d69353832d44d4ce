# Mistake: hard-coded to the public check: three blocks whatever n is. The public check (n = 3) passes; the
# hidden inputs use other values of n.
# expect: runs=1 calls=0 independent=0 output=0
# feedback calls: failed: with n = 5, make_stack called make_block 3 times, not once for each of the n blocks
# feedback independent: failed: Flax sees 126 parameters in the network, fewer than n independent blocks hold: blocks share them or are missing
# feedback output: failed: with n = 5, the network's output has the right shape but other values; it should apply each of the n blocks once, in the order they were made
def make_stack(make_block, n):
    return nn.Sequential([make_block(), make_block(), make_block()])

# Mistake: range(1, n) makes one block too few.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.De...`) raised AssertionError: the blocks share parameters (line 6)
# feedback calls: failed: with n = 5, make_stack called make_block 4 times, not once for each of the n blocks
# feedback independent: failed: Flax sees 168 parameters in the network, fewer than n independent blocks hold: blocks share them or are missing
# feedback output: failed: with n = 5, the network's output has the right shape but other values; it should apply each of the n blocks once, in the order they were made
def make_stack(make_block, n):
    blocks = [make_block() for _ in range(1, n)]
    return nn.Sequential(blocks)

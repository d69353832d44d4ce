# Mistake: `[make_block()] * n` repeats one instance, so the blocks share one set of parameters.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.Li...`) raised AssertionError: the blocks share parameters (line 5)
# feedback calls: failed: make_stack called make_block once: every position needs its own call
# feedback independent: failed: PyTorch sees 42 parameters in the network, fewer than n independent blocks hold: blocks share them or are missing
# feedback output: failed: with n = 5, the network's output has the right shape but other values; it should apply each of the n blocks once, in the order they were made
def make_stack(make_block, n):
    blocks = [make_block()] * n
    return nn.Sequential(*blocks)

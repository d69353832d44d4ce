# Mistake: one block made, then deep-copied for every position: the copies have parameters of their own (so the
# count is right), but make_block is called once, and every copy starts from the first block's weights.
# expect: runs=1 calls=0 independent=1 output=0
# feedback calls: failed: make_stack called make_block once: every position needs its own call
# feedback output: failed: with n = 5, the network's output has the right shape but other values; it should apply each of the n blocks once, in the order they were made
import copy

def make_stack(make_block, n):
    block = make_block()
    return nn.Sequential(*[copy.deepcopy(block) for _ in range(n)])

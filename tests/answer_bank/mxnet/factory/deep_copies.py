# Mistake: one block made, then deep-copied for every position. The copies keep the first block's parameter names,
# and Gluon cannot hold two parameters of one name in a network, so the public check cannot count them.
# differs: the copies keep the block's parameter names, which Gluon refuses in one network: nothing can be counted.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: nn.De...`) raised AssertionError: Cannot update self with other because they have different Parameters with the same name 'dense0_weight' (line 2)
# feedback calls: failed: make_stack called make_block once: every position needs its own call
# feedback independent: failed: Sequential holds copies of one block (copy.deepcopy): their parameters keep the original's names, and Gluon cannot tell two parameters of one name apart
# feedback output: failed: RuntimeError: Parameter 'dense1_weight' has not been initialized. Note that you should initialize parameters and create Trainer with Block.collect_params() instead of Block.params because the later does not include...
import copy

def make_stack(make_block, n):
    block = make_block()
    net = nn.Sequential()
    net.add(*[copy.deepcopy(block) for _ in range(n)])
    return net

# Right: an nn.Sequential of an OrderedDict, named blocks.
# expect: runs=1 calls=1 independent=1 output=1
from collections import OrderedDict

def make_stack(make_block, n):
    return nn.Sequential(OrderedDict((f"block{i}", make_block()) for i in range(n)))

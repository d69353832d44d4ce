# Mistake: the function make_block is put in the network n times instead of the blocks it makes.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: keras...`) raised ValueError: Only instances of `keras.Layer` can be added to a Sequential model. Received: <lambda> (of type <class 'function'>) (line 4)
# feedback calls: failed: make_stack never called make_block: each of the n blocks should come from a call of make_block
# feedback independent: failed: ValueError: Only instances of `keras.Layer` can be added to a Sequential model. Received: make_block (of type <class 'function'>)
# feedback output: failed: ValueError: Only instances of `keras.Layer` can be added to a Sequential model. Received: make_block (of type <class 'function'>)
def make_stack(make_block, n):
    return keras.Sequential([make_block for _ in range(n)])

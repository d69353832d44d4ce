# Mistake: one block made, then deep-copied for every position.
# differs: a deep copy keeps the layer's name, and a keras.Sequential refuses two layers of one name: nothing is built.
# expect: runs=0 calls=0 independent=0 output=0
# feedback runs: code cell 3 of your notebook (`net = make_stack(lambda: keras...`) raised ValueError: All layers added to a Sequential model should have unique names. Name 'dense' is already the name of a layer in this model. Update the `name` argument to pass a unique name. (line 8)
# feedback calls: failed: make_stack called make_block once: every position needs its own call
# feedback independent: failed: ValueError: All layers added to a Sequential model should have unique names. Name 'dense_1' is already the name of a layer in this model. Update the `name` argument to pass a unique name.
# feedback output: failed: ValueError: All layers added to a Sequential model should have unique names. Name 'dense_1' is already the name of a layer in this model. Update the `name` argument to pass a unique name.
import copy

def make_stack(make_block, n):
    block = make_block()
    return keras.Sequential([copy.deepcopy(block) for _ in range(n)])

# Right: a keyword default for n and a loop of add().
# expect: runs=1 calls=1 independent=1 output=1
def make_stack(make_block, n=3):
    net = keras.Sequential()
    for _ in range(n):
        net.add(make_block())
    return net

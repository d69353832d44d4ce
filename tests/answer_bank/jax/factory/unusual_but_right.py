# Right: the blocks chained in a module of its own, made in a loop with append.
# expect: runs=1 output=1 calls=1 independent=1
class _Chain(nn.Module):
    blocks: list

    def __call__(self, X):
        for block in self.blocks:
            X = block(X)
        return X


def make_stack(make_block, n):
    blocks = []
    for _ in range(n):
        blocks.append(make_block())
    return _Chain(blocks)

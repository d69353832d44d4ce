# Mistake: hard-coded to the public check: __call__ applies the first three blocks by position, right only for a
# network of three blocks. The public check passes; the hidden inputs use other numbers of blocks.
# differs: Flax makes parameters only for the modules __call__ runs, so the blocks it skips have none and the view
# point, which asks for every block's parameters, is lost too.
# expect: runs=1 output=0 plain=1 view=0
# feedback output: failed: ListSequential.__call__ never calls its 5th block, of five: it should be what the blocks give when applied in the order given
# feedback view: failed: Flax sees 712 parameters in ListSequential; the modules a field holds, in a plain list too, are registered, and init gives every weight of the blocks that __call__ runs
class ListSequential(nn.Module):
    blocks: list

    def __call__(self, X):
        return self.blocks[2](self.blocks[1](self.blocks[0](X)))

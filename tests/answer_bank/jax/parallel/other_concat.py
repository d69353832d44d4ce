# Right: jnp.hstack on 2-D outputs joins the feature axis; a print in __call__ does no harm.
# expect: runs=1 output=1 single=1 registered=1 gradients=1
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        outputs = [self.net1(X), self.net2(X)]
        print("branch shapes:", [tuple(o.shape) for o in outputs])
        return jnp.hstack(outputs)

# Mistake: one branch cut from the gradient. Outputs and registration are right; gradients miss net2.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: gradients did not reach net2: the output does not lead back to its weights; a NumPy round trip (numpy.asarray), jax.lax.stop_gradient or a copy (clone()) of a module cuts the gradient
class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        return jnp.concatenate([self.net1(X), jax.lax.stop_gradient(self.net2(X))], axis=-1)

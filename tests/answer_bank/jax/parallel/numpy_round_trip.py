# Mistake: the outputs joined in NumPy (numpy.asarray) and turned back into a JAX array. Flax's init traces nothing,
# so it works eagerly, but jax.grad traces __call__ and NumPy cannot take a traced value: the gradient cannot be taken.
# expect: runs=1 output=1 single=1 registered=1 gradients=0
# feedback gradients: failed: no gradient can reach the weights: jax.grad cannot go through Parallel.__call__, which turns a traced array into a NumPy one (numpy.asarray); a NumPy round trip cuts the gradient
import numpy

class Parallel(nn.Module):
    net1: nn.Module
    net2: nn.Module

    def __call__(self, X):
        joined = numpy.concatenate([numpy.asarray(self.net1(X)), numpy.asarray(self.net2(X))], axis=-1)
        return jnp.asarray(joined)

/**
 * Checking one case: the learner's loss and gradients against the reference and against finite
 * differences of the learner's own loss, with reasoned tolerances; function checks below a network.
 * Internal engine package, except NetworkUnderTest and Differentiable, which an instructor's test
 * implements.
 */
package backprop.harness.check;

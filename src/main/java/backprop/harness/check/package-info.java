/**
 * Checking one case: the learner's loss and gradients against the reference and against finite
 * differences of the learner's own loss (in a full check of a case that passes, element by element
 * of the harness's plain-Java copy, tied to the learner's loss along random directions), with
 * reasoned tolerances; function checks below a network.
 * Internal engine package, except NetworkUnderTest and Differentiable, which an instructor's test
 * implements.
 */
package backprop.harness.check;

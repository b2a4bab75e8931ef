/**
 * The text a learner reads: the failure report of a network or a function check, rendered from a
 * result and its Diagnosis. Internal engine package.
 */
package backprop.harness.report;

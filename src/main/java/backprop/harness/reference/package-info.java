/**
 * The independent reference: loss and gradients of a network case by ND4J SameDiff autodiff.
 * Internal engine package.
 */
package backprop.harness.reference;

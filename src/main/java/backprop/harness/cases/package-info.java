/**
 * Network cases: a case (spec, parameters, X, Y), the space a property ranges over, the generator,
 * and the simpler neighbours of a case for shrinking. Internal engine package.
 */
package backprop.harness.cases;

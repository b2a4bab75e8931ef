/**
 * The property engine: run a property over seeded cases, shrink a failure, gather more failing
 * cases as evidence, and return an Outcome. Knows nothing of JUnit. Internal engine package.
 */
package backprop.harness.property;

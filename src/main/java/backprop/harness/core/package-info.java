/**
 * Helpers shared by the engine's packages: number formatting, element access, ND4J set-up, the
 * plain-Java forward pass and small matrices. Internal: not for exercise code.
 */
package backprop.harness.core;

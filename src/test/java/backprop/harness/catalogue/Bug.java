package backprop.harness.catalogue;

import backprop.harness.cases.CaseSpace;
import backprop.harness.check.NetworkUnderTest;

/**
 * A mistake people really make, as a broken network; the space where it can show; and words
 * the report must contain for the diagnosis to count as naming the cause.
 */
public record Bug(String name, String exercise, NetworkUnderTest network, CaseSpace space, String expectedCause) {
    @Override
    public String toString() {
        return name;
    }
}

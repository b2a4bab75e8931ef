package backprop.harness.catalogue;

import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CustomLoss;
import backprop.harness.check.NetworkUnderTest;

/**
 * A mistake people really make, as a broken network; the space where it can show; and words
 * the report must contain for the diagnosis to count as naming the cause. {@code loss} is a
 * custom loss the space's cases are checked under, or null for the space's own.
 */
public record Bug(String name, String exercise, NetworkUnderTest network, CaseSpace space, CustomLoss loss, String expectedCause) {
    public Bug(String name, String exercise, NetworkUnderTest network, CaseSpace space, String expectedCause) {
        this(name, exercise, network, space, null, expectedCause);
    }

    @Override
    public String toString() {
        return name;
    }
}

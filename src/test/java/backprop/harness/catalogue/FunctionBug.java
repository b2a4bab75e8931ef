package backprop.harness.catalogue;

import backprop.harness.check.Differentiable;
import backprop.harness.junit.Checks;

/** A mistake below the whole network (a loss, a layer), checked at random points. */
public record FunctionBug(String name, String exercise, Differentiable function, Checks.Points points, String expectedCause) {
    @Override
    public String toString() {
        return name;
    }
}

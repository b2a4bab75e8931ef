package backprop.harness.catalogue;

import java.util.function.Function;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.junit.Checks;

/**
 * A mistake below the whole network (a loss, a layer), checked at random points; {@code exact}
 * gives the true gradient at a point where the exercise's test has one (null otherwise).
 */
public record FunctionBug(String name, String exercise, Differentiable function, Checks.Points points, String expectedCause,
                          Function<Tensors, Tensors> exact) {
    public FunctionBug(String name, String exercise, Differentiable function, Checks.Points points, String expectedCause) {
        this(name, exercise, function, points, expectedCause, null);
    }

    @Override
    public String toString() {
        return name;
    }
}

package backprop.harness.check;

import backprop.harness.core.Elements;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.core.Nd4jSetup;

/**
 * Checks a {@link Differentiable} at one point: the gradient's form (names, shapes, DOUBLE,
 * finite), that the call leaves its input alone and gives the same answer twice, and every
 * element against central differences of the function's own value (or against an exact
 * expected gradient, when the test has one).
 */
public final class FunctionCheck {
    private FunctionCheck() {
    }

    public static FunctionResult run(Differentiable f, Tensors at, FiniteDifferences.KinkGuard guard, Tensors exact) {
        Nd4jSetup.ensure();
        java.util.List<String> wrt = differentiated(f, at);
        FunctionResult r = new FunctionResult(at);
        Tensors valueCopy = at.copy();
        Double v = call(r, "value", () -> f.value(valueCopy));
        if (v == null) {
            return r;
        }
        r.value = v;
        if (!Double.isFinite(v)) {
            r.add(new Problem(Problem.Kind.NOT_FINITE, "value", "the value is " + v));
            return r;
        }
        unchanged(r, at, valueCopy, "value()");
        Tensors gradCopy = at.copy();
        Tensors g = call(r, "gradient", () -> f.gradient(gradCopy));
        if (g == null) {
            return r;
        }
        unchanged(r, at, gradCopy, "gradient()");
        for (String n : wrt) {
            INDArray a = g.get(n);
            if (a == null) {
                r.add(new Problem(Problem.Kind.BAD_OUTPUT, "d" + n, "d" + n + " is missing; expected " + Shapes.of(at.get(n))));
            } else if (a.dataType() != DataType.DOUBLE) {
                r.add(new Problem(Problem.Kind.NOT_DOUBLE, "d" + n, "d" + n + " is " + a.dataType()
                        + "; gradient checks need DOUBLE because a finite difference in float32 keeps only about 3 significant digits"));
            } else if (!Arrays.equals(a.shape(), at.get(n).shape())) {
                r.add(new Problem(Problem.Kind.BAD_OUTPUT, "d" + n, "d" + n + " is " + Shapes.of(a) + " but must be "
                        + Shapes.of(at.get(n)) + ", the shape of " + n));
            } else if (!Double.isFinite(a.sumNumber().doubleValue())) {
                r.add(new Problem(Problem.Kind.NOT_FINITE, "d" + n, "d" + n + " contains NaN or infinity"));
            }
        }
        if (!r.passed()) {
            return r;
        }
        Tensors again = call(r, "gradient (the second, identical call)", () -> f.gradient(at.copy()));
        if (again == null) {
            return r;
        }
        for (String n : wrt) {
            if (again.get(n) == null || !Elements.same(again.get(n), g.get(n))) {
                r.add(new Problem(Problem.Kind.NOT_REPEATABLE, "d" + n, "two identical calls of gradient() returned different d" + n));
                return r;
            }
        }
        try {
            // One private copy for every finite difference, held inputs included: moved in place,
            // put back, and rewritten whenever value() changes what it was handed.
            PrivateCopy copy = new PrivateCopy(at);
            for (String n : wrt) {
                if (exact != null && exact.has(n)) {
                    r.add(new TensorComparison(n, "exact value", g.get(n), exact.get(n), null, null, Tolerance.REFERENCE));
                }
                FiniteDifferences.Estimates e = FiniteDifferences.array(f::value, copy, at, n, guard,
                        FiniteDifferences.nearLimit(Elements.toArray(g.get(n)), Tolerance.FINITE_DIFFERENCE));
                INDArray fd = Nd4j.create(e.values(), at.get(n).shape(), 'c');
                double[] noise = e.noise();
                boolean[] skipped = e.skipped();
                r.add(new TensorComparison(n, "finite difference", g.get(n), fd, noise, skipped, Tolerance.FINITE_DIFFERENCE));
            }
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            r.add(new Problem(Problem.kindOf(e), "value (called with perturbed inputs for finite differences)",
                    CallObservations.describe(e), e));
        }
        return r;
    }

    /**
     * The point's names less those the function holds fixed. A held name the point lacks is the
     * test's mistake, not the learner's, so it stops the test with the names on both sides.
     */
    static java.util.List<String> differentiated(Differentiable f, Tensors at) {
        for (String held : f.fixed()) {
            if (!at.has(held)) {
                throw new IllegalArgumentException("FunctionCheck: the function holds " + held + " fixed, but the point has no "
                        + held + " (it has " + at.names() + "); put " + held + " into the point or stop holding it");
            }
        }
        java.util.List<String> wrt = new java.util.ArrayList<>(at.names());
        wrt.removeAll(f.fixed());
        if (wrt.isEmpty()) {
            throw new IllegalArgumentException("FunctionCheck: every input of the point " + at.names()
                    + " is held fixed, so there is nothing to differentiate; hold only the data (targets, upstream gradients)");
        }
        return wrt;
    }

    private static void unchanged(FunctionResult r, Tensors original, Tensors handed, String call) {
        for (String n : original.names()) {
            if (!Elements.same(original.get(n), handed.get(n))) {
                r.add(new Problem(Problem.Kind.MUTATES_INPUT, n, call + " changed its input " + n));
            }
        }
    }

    private static <T> T call(FunctionResult r, String step, java.util.function.Supplier<T> s) {
        try {
            T v = s.get();
            if (v == null) {
                r.add(new Problem(Problem.Kind.BAD_OUTPUT, step, step + " returned null"));
            }
            return v;
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            r.add(new Problem(Problem.kindOf(e), step, CallObservations.describe(e), e));
            return null;
        }
    }
}

package backprop.harness.property;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Tensors;
import backprop.harness.check.Differentiable;
import backprop.harness.check.FiniteDifferences;
import backprop.harness.check.FunctionCheck;
import backprop.harness.check.FunctionResult;
import backprop.harness.check.Problem;
import backprop.harness.core.Elements;
import backprop.harness.diagnose.Cause;
import backprop.harness.diagnose.Diagnoser;

/**
 * "The function's gradient is right at every random point." Shrinking rounds the point's numbers
 * (to one decimal, then to whole numbers), one array at a time, keeping a rounder point only
 * while it fails the same way and plainly ({@link Visibility}). Inputs the function holds fixed
 * are left as drawn: rounded targets may no longer be a distribution, and a rounded
 * hyper-parameter is another exercise.
 */
public final class PointProperty implements Property<Tensors, FunctionResult> {
    private final Function<SplittableRandom, Tensors> points;
    private final Differentiable f;
    private final FiniteDifferences.KinkGuard guard;
    private final Function<Tensors, Tensors> exact;

    /** @param exact the exact gradient at a point, or null where the test has none */
    public PointProperty(Function<SplittableRandom, Tensors> points, Differentiable f, FiniteDifferences.KinkGuard guard,
                         Function<Tensors, Tensors> exact) {
        this.points = points;
        this.f = f;
        this.guard = guard;
        this.exact = exact;
    }

    @Override
    public Tensors generate(long seed) {
        return points.apply(new SplittableRandom(seed));
    }

    @Override
    public FunctionResult check(Tensors at) {
        return FunctionCheck.run(f, at, guard, exact == null ? null : exact.apply(at));
    }

    @Override
    public boolean failed(FunctionResult r) {
        return !r.passed();
    }

    @Override
    public boolean shrinkable(FunctionResult r) {
        Problem.Kind k = r.problems().get(0).kind();
        return k != Problem.Kind.NOT_IMPLEMENTED && k != Problem.Kind.NOT_COMPILED;
    }

    @Override
    public boolean sameFailure(FunctionResult original, FunctionResult candidate) {
        Problem.Kind a = original.problems().get(0).kind();
        Problem.Kind b = candidate.problems().get(0).kind();
        if (a.family() != b.family() || (a.family() == Problem.Family.CRASH && a != b)) {
            return false;
        }
        if (!Visibility.keeps(original.excess(), candidate.excess())) {
            return false;
        }
        List<Cause> wanted = Diagnoser.diagnose(original).causes();
        List<Cause> found = Diagnoser.diagnose(candidate).causes();
        return wanted.stream().allMatch(w -> found.stream().anyMatch(x -> x.id() == w.id()));
    }

    @Override
    public Stream<Tensors> shrinks(Tensors at) {
        List<Tensors> out = new ArrayList<>();
        for (double scale : new double[] {10, 1}) {
            for (String n : at.names()) {
                if (f.fixed().contains(n)) {
                    continue;
                }
                INDArray rounded = round(at.get(n), scale);
                if (!Elements.same(rounded, at.get(n))) {
                    out.add(at.copy().put(n, rounded));
                }
            }
        }
        return out.stream();
    }

    private static INDArray round(INDArray a, double scale) {
        INDArray r = a.dup();
        for (long i = 0; i < r.length(); i++) {
            double v = Math.round(Elements.get(r, i) * scale) / scale;
            Elements.set(r, i, v == 0 ? 0.0 : v);
        }
        return r;
    }
}

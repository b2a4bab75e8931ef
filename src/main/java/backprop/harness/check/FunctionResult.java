package backprop.harness.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import backprop.harness.api.Tensors;

/** What a check of a {@link Differentiable} at one point found. */
public final class FunctionResult {
    private final Tensors point;
    private final List<Problem> problems = new ArrayList<>();
    private final List<TensorComparison> comparisons = new ArrayList<>();
    double value = Double.NaN;

    FunctionResult(Tensors point) {
        this.point = point;
    }

    void add(Problem p) {
        problems.add(p);
    }

    void add(TensorComparison c) {
        comparisons.add(c);
        if (!c.passed()) {
            problems.add(new Problem(Problem.Kind.WRONG_GRADIENT, "d" + c.name(), c.failing() + " of " + c.compared()
                    + " elements of d" + c.name() + " differ from " + c.expectedLabel() + "s"));
        }
    }

    public Tensors point() {
        return point;
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::kind));
        return sorted;
    }

    public List<TensorComparison> comparisons() {
        return comparisons;
    }

    public double value() {
        return value;
    }

    /** The worst compared element's {@link Tolerance#excess}, NaN when nothing was compared. */
    public double excess() {
        return comparisons.stream().filter(c -> c.compared() > 0).mapToDouble(TensorComparison::worstExcess).max().orElse(Double.NaN);
    }

    public int compared() {
        return comparisons.stream().mapToInt(TensorComparison::compared).sum();
    }

    public int skipped() {
        return comparisons.stream().mapToInt(TensorComparison::skipped).sum();
    }
}

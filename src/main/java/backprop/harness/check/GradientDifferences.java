package backprop.harness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Tensors;
import backprop.harness.cases.NetworkCase;
import backprop.harness.core.Elements;

/** Step 5 of {@link NetworkCheck}: the gradients against central differences, as its {@link NetworkCheck.Mode} says. */
final class GradientDifferences {
    private GradientDifferences() {
    }

    static void compare(CaseResult r, NetworkCase c, Tensors g, FiniteDifferences.Function f, PrivateCopy copy,
                        FiniteDifferences.KinkGuard guard, NetworkCheck.Mode mode) {
        if (mode == NetworkCheck.Mode.FAST) {
            int[] d = directions(c, g, f, copy, guard, NetworkCheck.DIRECTIONS, false);
            r.directionsCompared += d[1];
            r.directionsSkipped += d[2];
            if (d[0] > 0) {
                // Localise: which elements disagree.
                fullFiniteDifferences(r, c, g, f, copy, guard);
            }
        } else if (mode == NetworkCheck.Mode.FULL_OWN_LOSS || !r.passed() || !CopyDifferences.covers(c)
                || !viaHarnessCopy(r, c, g, f, copy, guard)) {
            fullFiniteDifferences(r, c, g, f, copy, guard);
        }
    }

    /**
     * The full check without 2P calls of the learner's loss, for a case that has passed every
     * earlier step: the learner's loss against the copy's at θ, every gradient element against
     * the copy's finite differences, then the learner's loss along
     * {@value NetworkCheck#FULL_DIRECTIONS} directions. True when all agree (the copy's
     * comparisons are then recorded as the case's finite differences); false, recording nothing,
     * when anything disagrees or no direction could be compared, so the caller falls back to the
     * learner's loss.
     */
    private static boolean viaHarnessCopy(CaseResult r, NetworkCase c, Tensors g, FiniteDifferences.Function f,
                                          PrivateCopy copy, FiniteDifferences.KinkGuard guard) {
        CopyDifferences harness = new CopyDifferences(c);
        if (!Tolerance.LOSS.accepts(r.learnerLoss(), harness.loss())) {
            return false;
        }
        List<TensorComparison> compared = new ArrayList<>();
        for (String name : c.parameterNames()) {
            INDArray learner = g.get(name);
            FiniteDifferences.Estimates e = harness.array(name,
                    FiniteDifferences.nearLimit(Elements.toArray(learner), Tolerance.FINITE_DIFFERENCE));
            TensorComparison tc = new TensorComparison(name, "finite difference", learner,
                    Nd4j.create(e.values(), learner.shape(), 'c'), e.noise(), e.skipped(), Tolerance.FINITE_DIFFERENCE);
            if (!tc.passed()) {
                return false;
            }
            compared.add(tc);
        }
        int[] d = directions(c, g, f, copy, guard, NetworkCheck.FULL_DIRECTIONS, true);
        if (d[0] > 0 || d[1] == 0) {
            return false;
        }
        compared.forEach(r::addFiniteDifference);
        r.directionsCompared += d[1];
        r.directionsSkipped += d[2];
        r.finiteDifferencesOfHarnessCopy = true;
        return true;
    }

    /**
     * g·v against the learner's loss differentiated along {@code count} random unit directions v;
     * returns {disagreeing, compared, skipped at a kink}. The allowance is either |g|'s (fast: g·v
     * can cancel to near zero for a right gradient, |g| is its natural scale) or, {@code elementWise}, what the
     * element-by-element tolerance implies along v: Σ_i (atol + rtol·|g_i|)·|v_i|, so a direction
     * is held to what every element would have been held to.
     */
    private static int[] directions(NetworkCase c, Tensors g, FiniteDifferences.Function f, PrivateCopy copy,
                                    FiniteDifferences.KinkGuard guard, int count, boolean elementWise) {
        SplittableRandom rng = new SplittableRandom(c.origin().hashCode() * 31L + c.m());
        Tolerance t = Tolerance.FINITE_DIFFERENCE;
        java.util.Map<String, double[]> gs = new java.util.LinkedHashMap<>();
        double gNorm = 0;
        for (String n : g.names()) {
            double[] gi = Elements.toArray(g.get(n));
            gs.put(n, gi);
            for (double x : gi) {
                gNorm += x * x;
            }
        }
        gNorm = Math.sqrt(gNorm);
        Tensors params = c.params();
        int bad = 0;
        int compared = 0;
        int skipped = 0;
        for (int d = 0; d < count; d++) {
            Tensors v = FiniteDifferences.randomDirection(params, rng);
            double dot = 0;
            double implied = 0;
            for (String n : g.names()) {
                double[] gi = gs.get(n);
                double[] vi = Elements.toArray(v.get(n));
                for (int i = 0; i < gi.length; i++) {
                    dot += gi[i] * vi[i];
                    implied += (t.atol() + t.rtol() * Math.abs(gi[i])) * Math.abs(vi[i]);
                }
            }
            double product = dot;
            double norm = gNorm;
            double perElement = implied;
            java.util.function.DoubleUnaryOperator allowance = e -> elementWise ? perElement
                    : t.atol() + t.rtol() * Math.max(norm, Math.abs(e));
            FiniteDifferences.NeedsNoise near = (i, e) -> Math.abs(product - e)
                    > FiniteDifferences.NEAR_LIMIT * allowance.applyAsDouble(e);
            FiniteDifferences.Estimate e = FiniteDifferences.along(f, copy, params, v, guard, near);
            if (e.skipped()) {
                skipped++;
                continue;
            }
            compared++;
            if (Math.abs(dot - e.value()) > allowance.applyAsDouble(e.value()) + e.noise()) {
                bad++;
            }
        }
        return new int[] {bad, compared, skipped};
    }

    private static void fullFiniteDifferences(CaseResult r, NetworkCase c, Tensors g, FiniteDifferences.Function f,
                                              PrivateCopy copy, FiniteDifferences.KinkGuard guard) {
        Tensors params = c.params();
        for (String name : c.parameterNames()) {
            INDArray learner = g.get(name);
            FiniteDifferences.Estimates e = FiniteDifferences.array(f, copy, params, name, guard,
                    FiniteDifferences.nearLimit(Elements.toArray(learner), Tolerance.FINITE_DIFFERENCE));
            INDArray fd = Nd4j.create(e.values(), learner.shape(), 'c');
            TensorComparison tc = new TensorComparison(name, "finite difference", learner, fd, e.noise(), e.skipped(),
                    Tolerance.FINITE_DIFFERENCE);
            r.addFiniteDifference(tc);
            if (!tc.passed()) {
                r.add(new Problem(Problem.Kind.INCONSISTENT, "d" + name, tc.failing() + " of " + tc.compared()
                        + " elements of d" + name + " differ from finite differences of your own loss"));
            }
        }
    }
}

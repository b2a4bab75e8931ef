package backprop.harness.check;

import backprop.harness.core.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.cases.PreActivations;
import backprop.harness.reference.Reference;

/**
 * Checks a learner's network on one case, in this order, stopping where later steps would
 * only repeat an earlier finding:
 * <ol>
 *   <li>the loss, against the SameDiff reference (a forward bug is reported as a forward bug);</li>
 *   <li>the gradients' presence, shapes, data type and finiteness;</li>
 *   <li>whether the call changed its inputs, and (with {@link Probes#ON}) whether a second
 *       identical call, a call after another case and a call after another batch size agree;</li>
 *   <li>every gradient element against the reference's autodiff gradient;</li>
 *   <li>the gradients against central differences: see {@link Mode}.</li>
 * </ol>
 */
public final class NetworkCheck {
    /** How step 5 compares the gradients with finite differences. */
    public enum Mode {
        /**
         * Along {@value #DIRECTIONS} random direction of the learner's own loss (two loss calls);
         * if it disagrees, element by element as {@link #FULL_OWN_LOSS} does, to show where.
         */
        FAST,
        /**
         * Every element: against finite differences of the harness's plain-Java copy of the
         * network ({@link CopyDifferences}), which the learner's loss has already matched at the
         * point (the loss check) and is then differentiated along {@value #FULL_DIRECTIONS} random
         * directions to match in slope as well. Anything that disagrees, any earlier problem, or a
         * case the copy cannot compute (a custom loss or activation) gets {@link #FULL_OWN_LOSS}
         * instead, so every failure shows finite differences of the learner's own loss.
         */
        FULL,
        /** Every element against finite differences of the learner's own loss: 2P loss calls, the classic check. */
        FULL_OWN_LOSS
    }

    /**
     * Whether to make the calls that look for state kept between calls: the loss and the
     * gradients again after another case, the gradients twice, and {@link BatchProbe} (two more
     * loss calls and five more gradient calls, three for m = 1). A property makes them on its
     * first cases and on every case once one has failed (NetworkProperty), not on every passing case.
     */
    public enum Probes { ON, OFF }

    /** Directions per fast check, as torch's gradcheck fast mode: a random direction misses a wrong gradient with probability zero. */
    public static final int DIRECTIONS = 1;

    /** Directions of the learner's loss in a full check that uses the harness's copy. */
    public static final int FULL_DIRECTIONS = 3;

    private NetworkCheck() {
    }

    public static CaseResult run(NetworkUnderTest net, NetworkCase c, Mode mode) {
        return run(net, c, mode, Probes.ON);
    }

    public static CaseResult run(NetworkUnderTest net, NetworkCase c, Mode mode, Probes probes) {
        Nd4jSetup.ensure();
        CaseResult r = new CaseResult(c);
        Reference.Result ref = backprop.harness.reference.CustomLossReference.evaluate(c);
        r.referenceLoss = ref.loss();
        r.referenceGradients = ref.gradients();
        double[][] z = PreActivations.hasKinks(c) ? PreActivations.kinked(c, c.params()) : null;
        r.atKink = z != null && PreActivations.nearestKink(z) < 1e-9;

        // 1. Loss, on a copy so that a forward pass that writes into X or W is caught below.
        NetworkCase lossCopy = c.copy();
        Double loss = CallObservations.attempt(r, "loss (the forward pass)", () -> net.loss(lossCopy));
        if (loss == null) {
            return r;
        }
        r.learnerLoss = loss;
        CallObservations.checkUnchanged(r, c, lossCopy, "loss()");
        if (!Double.isFinite(loss)) {
            r.add(new Problem(Problem.Kind.NOT_FINITE, "J", "the loss is " + loss));
            return r;
        }
        // The same case again after a different one: a stale cache or a growing field shows here.
        boolean probe = probes == Probes.ON;
        NetworkCase other = probe ? neighbour(c) : null;
        if (probe) {
            NetworkCase again = c.copy();
            Double loss2 = CallObservations.attempt(r, "loss (called again, after another case)", () -> {
                net.loss(other);
                return net.loss(again);
            });
            if (loss2 == null) {
                return r;
            }
            if (Double.doubleToLongBits(loss2) != Double.doubleToLongBits(loss)) {
                r.add(new Problem(Problem.Kind.NOT_REPEATABLE, "J", "loss() returned " + loss + ", and " + loss2
                        + " for the same case after another case"));
            }
        }
        if (!Tolerance.LOSS.accepts(loss, ref.loss())) {
            r.add(new Problem(Problem.Kind.WRONG_LOSS, "J", "loss " + loss + " but the reference gives " + ref.loss()));
        }

        // 2. Gradients, twice, each on its own copy.
        NetworkCase first = c.copy();
        Tensors g = CallObservations.attempt(r, "gradients (the backward pass)", () -> net.gradients(first));
        if (g == null) {
            return r;
        }
        r.learnerGradients = g;
        CallObservations.checkUnchanged(r, c, first, "gradients()");
        if (!CallObservations.wellFormed(r, c, g)) {
            return r;
        }
        boolean repeatable = true;
        Tensors g2 = null;
        if (probe) {
            NetworkCase second = c.copy();
            g2 = CallObservations.attempt(r, "gradients (the second, identical call)", () -> net.gradients(second));
            if (g2 == null) {
                return r;
            }
        }
        if (probe && CallObservations.wellFormed(new CaseResult(c), c, g2)) {
            for (String name : c.spec().parameterNames()) {
                if (!Elements.same(g.get(name), g2.get(name))) {
                    r.secondCallGradients = g2;
                    r.add(new Problem(Problem.Kind.NOT_REPEATABLE, "d" + name,
                            "two identical calls of gradients() returned different d" + name));
                    repeatable = false;
                    break;
                }
            }
        }
        if (probe && repeatable) {
            NetworkCase third = c.copy();
            Tensors g3 = CallObservations.attempt(r, "gradients (called again, after another case)", () -> {
                net.gradients(other);
                return net.gradients(third);
            });
            if (g3 == null) {
                return r;
            }
            if (CallObservations.wellFormed(new CaseResult(c), c, g3)) {
                for (String name : c.spec().parameterNames()) {
                    if (!Elements.same(g.get(name), g3.get(name))) {
                        r.add(new Problem(Problem.Kind.NOT_REPEATABLE, "d" + name, "gradients() returned a different d" + name
                                + " for the same case after another case"));
                        break;
                    }
                }
            }
        }

        // 3. Against the reference, every element, the scale term per array. (It was the case's
        // largest gradient for a while: that absorbed the reference's own float32 leaky-ReLU
        // slope, since fixed; docs/ORACLE.md.)
        if (probe && repeatable) {
            BatchProbe.run(net, c, g, ref.gradients(), Double.NaN, r); // NaN: each array's own largest, as below
        }
        for (String name : c.spec().parameterNames()) {
            TensorComparison tc = new TensorComparison(name, "reference", g.get(name), ref.gradients().get(name),
                    null, r.atKink ? allSkipped(g.get(name)) : null, Tolerance.REFERENCE);
            r.addReference(tc);
            if (!tc.passed()) {
                r.add(new Problem(Problem.Kind.WRONG_GRADIENT, "d" + name,
                        tc.failing() + " of " + tc.compared() + " elements of d" + name + " differ from the reference"));
            }
        }

        // 4. Against finite differences of the learner's own loss. It is handed private copies of
        // the parameters, X and Y, checked after every call and rewritten if it changed them, so a
        // forward pass that writes into its input spoils nothing (PrivateCopy).
        PrivateCopy copy = new PrivateCopy(c.params());
        NetworkCase handed = new NetworkCase(c.spec(), c.params(), copy.guard(c.x()), copy.guard(c.y()), c.origin());
        FiniteDifferences.Function f = p -> net.loss(handed.withParams(p));
        Tensors params = c.params();
        // θ's own pre-activations are computed once above; only the moved point's are recomputed.
        FiniteDifferences.KinkGuard guard = z == null ? FiniteDifferences.KinkGuard.NONE
                : (from, to) -> PreActivations.crossesKink(from == params ? z : PreActivations.kinked(c, from), PreActivations.kinked(c, to));
        try {
            if (mode == Mode.FAST) {
                int[] d = directions(c, g, f, copy, guard, DIRECTIONS, false);
                r.directionsCompared += d[1];
                r.directionsSkipped += d[2];
                if (d[0] > 0) {
                    // Localise: which elements disagree.
                    fullFiniteDifferences(r, c, g, f, copy, guard);
                }
            } else if (mode == Mode.FULL_OWN_LOSS || !r.passed() || !CopyDifferences.covers(c)
                    || !viaHarnessCopy(r, c, g, f, copy, guard)) {
                fullFiniteDifferences(r, c, g, f, copy, guard);
            }
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            r.add(new Problem(Problem.kindOf(e), "loss (called with perturbed parameters for finite differences)",
                    CallObservations.describe(e), e));
        }
        return r;
    }

    /**
     * The full check without 2P calls of the learner's loss, for a case that has passed every
     * earlier step: every element against the harness's copy, then the learner's loss along
     * {@value #FULL_DIRECTIONS} directions. True when both agree (the copy's comparisons are then
     * recorded as the case's finite differences); false, recording nothing, when anything
     * disagrees or no direction could be compared, so the caller falls back to the learner's loss.
     */
    private static boolean viaHarnessCopy(CaseResult r, NetworkCase c, Tensors g, FiniteDifferences.Function f,
                                          PrivateCopy copy, FiniteDifferences.KinkGuard guard) {
        CopyDifferences harness = new CopyDifferences(c);
        List<TensorComparison> compared = new ArrayList<>();
        for (String name : c.spec().parameterNames()) {
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
        int[] d = directions(c, g, f, copy, guard, FULL_DIRECTIONS, true);
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
     * returns {disagreeing, compared, skipped at a kink}. The allowance is either |g|'s (fast: g·v can cancel to near
     * zero for a right gradient, |g| is its natural scale) or, {@code elementWise}, what the
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
            FiniteDifferences.NeedsNoise near = (i, e) -> Math.abs(product - e) > FiniteDifferences.NEAR_LIMIT * allowance.applyAsDouble(e);
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
        for (String name : c.spec().parameterNames()) {
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

    /** The same network and batch with other parameter values, to call in between two identical calls. */
    private static NetworkCase neighbour(NetworkCase c) {
        return c.copy().withParams(c.params().map((n, a) -> a.mul(1.1).add(0.05)));
    }

    private static boolean[] allSkipped(INDArray a) {
        boolean[] s = new boolean[(int) a.length()];
        java.util.Arrays.fill(s, true);
        return s;
    }
}

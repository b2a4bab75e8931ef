package backprop.harness.check;

import backprop.harness.core.Elements;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.cases.NetworkCase;
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
         * Along {@value NetworkCheck#DIRECTIONS} random direction of the learner's own loss (two loss calls);
         * if it disagrees, element by element as {@link #FULL_OWN_LOSS} does, to show where.
         */
        FAST,
        /**
         * Every element: against finite differences of the harness's plain-Java copy of the
         * network ({@link CopyDifferences}), whose loss the learner's must equal at the point and
         * match in slope along {@value NetworkCheck#FULL_DIRECTIONS} random directions. Anything that disagrees, any earlier problem, or a
         * case the copy cannot compute (a custom loss, activation or layer step) gets {@link #FULL_OWN_LOSS}
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

    /**
     * Directions per fast check, as torch's gradcheck fast mode: a random direction misses a
     * wrong gradient with probability zero.
     */
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
            for (String name : c.parameterNames()) {
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
                for (String name : c.parameterNames()) {
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
        for (String name : c.parameterNames()) {
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
        NetworkCase handed = c.withData(copy.guard(c.x()), copy.guard(c.y()));
        FiniteDifferences.Function f = p -> net.loss(handed.withParams(p));
        Tensors params = c.params();
        // θ's own pre-activations are computed once above; only the moved point's are recomputed.
        FiniteDifferences.KinkGuard guard = z == null ? FiniteDifferences.KinkGuard.NONE
                : (from, to) -> PreActivations.crossesKink(from == params ? z : PreActivations.kinked(c, from), PreActivations.kinked(c, to));
        try {
            GradientDifferences.compare(r, c, g, f, copy, guard, mode);
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            r.add(new Problem(Problem.kindOf(e), "loss (called with perturbed parameters for finite differences)",
                    CallObservations.describe(e), e));
        }
        return r;
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

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
 *   <li>whether the call changed its inputs, and whether a second identical call agrees;</li>
 *   <li>every gradient element against the reference's autodiff gradient;</li>
 *   <li>the gradients against central differences of the learner's own loss: along a few random
 *       directions in {@link Mode#FAST} mode, element by element in {@link Mode#FULL} mode.</li>
 * </ol>
 */
public final class NetworkCheck {
    /** FAST costs a handful of loss evaluations; FULL about two per parameter element. */
    public enum Mode { FAST, FULL }

    /** Directions per fast check; three random directions miss a wrong gradient with probability zero. */
    public static final int DIRECTIONS = 3;

    private NetworkCheck() {
    }

    public static CaseResult run(NetworkUnderTest net, NetworkCase c, Mode mode) {
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
        NetworkCase other = neighbour(c);
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
        NetworkCase second = c.copy();
        Tensors g2 = CallObservations.attempt(r, "gradients (the second, identical call)", () -> net.gradients(second));
        if (g2 == null) {
            return r;
        }
        boolean repeatable = true;
        if (CallObservations.wellFormed(new CaseResult(c), c, g2)) {
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
        if (repeatable) {
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
        if (repeatable) {
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
            if (mode == Mode.FULL) {
                fullFiniteDifferences(r, c, g, f, copy, guard);
            } else {
                directional(r, c, g, f, copy, guard);
            }
        } catch (RuntimeException | Error e) {
            CallObservations.rethrowIfFatal(e);
            r.add(new Problem(Problem.kindOf(e), "loss (called with perturbed parameters for finite differences)",
                    CallObservations.describe(e), e));
        }
        return r;
    }

    private static void directional(CaseResult r, NetworkCase c, Tensors g, FiniteDifferences.Function f, PrivateCopy copy,
                                    FiniteDifferences.KinkGuard guard) {
        SplittableRandom rng = new SplittableRandom(c.origin().hashCode() * 31L + c.m());
        Tolerance t = Tolerance.FINITE_DIFFERENCE;
        double gNorm = 0;
        for (String n : g.names()) {
            double norm = g.get(n).norm2Number().doubleValue();
            gNorm += norm * norm;
        }
        gNorm = Math.sqrt(gNorm);
        Tensors params = c.params();
        int bad = 0;
        for (int d = 0; d < DIRECTIONS; d++) {
            Tensors v = FiniteDifferences.randomDirection(params, rng);
            double dot = 0;
            for (String n : g.names()) {
                dot += Nd4jDot.dot(g.get(n), v.get(n));
            }
            // Along a unit direction the natural scale of the derivative is |g|, not |g·v|,
            // which can cancel to near zero for a correct gradient.
            double product = dot;
            double norm = gNorm;
            FiniteDifferences.NeedsNoise near = (i, e) -> Math.abs(product - e)
                    > FiniteDifferences.NEAR_LIMIT * (t.atol() + t.rtol() * Math.max(norm, Math.abs(e)));
            FiniteDifferences.Estimate e = FiniteDifferences.along(f, copy, params, v, guard, near);
            if (e.skipped()) {
                r.directionsSkipped++;
                continue;
            }
            r.directionsCompared++;
            double allowed = t.atol() + t.rtol() * Math.max(gNorm, Math.abs(e.value())) + e.noise();
            if (Math.abs(dot - e.value()) > allowed) {
                bad++;
            }
        }
        if (bad > 0) {
            // Localise: which elements disagree.
            fullFiniteDifferences(r, c, g, f, copy, guard);
        }
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

    /** The same network and batch with other parameter values, to call in between two identical calls. */
    private static NetworkCase neighbour(NetworkCase c) {
        return c.copy().withParams(c.params().map((n, a) -> a.mul(1.1).add(0.05)));
    }

    private static boolean[] allSkipped(INDArray a) {
        boolean[] s = new boolean[(int) a.length()];
        java.util.Arrays.fill(s, true);
        return s;
    }

    /** Plain dot product of two same-shaped arrays, in double. */
    static final class Nd4jDot {
        static double dot(INDArray a, INDArray b) {
            double[] x = Elements.toArray(a);
            double[] y = Elements.toArray(b);
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * y[i];
            }
            return s;
        }
    }
}

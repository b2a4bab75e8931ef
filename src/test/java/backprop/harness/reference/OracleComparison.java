package backprop.harness.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.core.Elements;

/**
 * The reference against PyTorch's float64 answer for one stored case. An element agrees when
 *
 * <pre>|reference − pytorch| ≤ RTOL · max(|reference|, |pytorch|) + ULPS · eps · t</pre>
 *
 * with eps = 2^-52 and t the size of the terms the element is a sum of ({@link RoundingScale}).
 * RTOL = 1e-12 is the bar two float64 autodiffs of the same function meet on any element that
 * is not the remainder of a cancelling sum or a saturated slope. Those two keep the rounding of
 * their terms, not of their value: the floor allows ULPS = 64 rounding errors of the terms,
 * one per operation along the longest chain here (4 layers, sums of at most 7 samples and 6
 * units, each slope and delta); the worst measured is under 1 (docs/ORACLE.md). RTOL is 10^4
 * below the 2.2e-8 a float32 constant costs, and the floor is below 1e-11 of the value for 9
 * in 10 fixture elements (it is large only behind saturated units and in cancelling sums), so
 * an op computed in single precision fails.
 */
final class OracleComparison {
    static final double RTOL = 1e-12;
    static final double ULPS = 64;

    /** One element outside the tolerance, with everything a reader needs to find it. */
    record Mismatch(String array, String element, double reference, double pytorch, double allowed) {
        String describe() {
            return String.format(Locale.ROOT, "%s%s: reference %s, PyTorch %s, |difference| %.3g > allowed %.3g (relative %.3g)",
                    array, element, reference, pytorch, Math.abs(reference - pytorch), allowed,
                    Math.abs(reference - pytorch) / Math.max(Math.abs(reference), Math.abs(pytorch)));
        }
    }

    /** The worst errors of a case, for the soak's table: relative to the element, and in eps of its terms. */
    static final class Errors {
        double worstRelative;
        /** |reference − pytorch| / (eps · t): the error in rounding errors of the terms. */
        double worstInUlps;
        double worstLoss;
        long elements;
        List<Mismatch> mismatches = new ArrayList<>();
    }

    private OracleComparison() {
    }

    static Errors compare(OracleJson.Entry e, Reference.Result r) {
        Errors out = new Errors();
        double lossError = Math.abs(r.loss() - e.loss());
        out.worstLoss = lossError / Math.max(Math.abs(r.loss()), Math.abs(e.loss()));
        // Each output's loss term may be a log(1 + u), which both sides compute with an error of
        // an ulp of 1 however small u is (ND4J's softplus and log1p, PyTorch's
        // binary_cross_entropy_with_logits): a loss of 2e-9 comes out 3.4e-8 (ND4J) and 2.9e-7
        // (PyTorch) off the true value. The mean over the batch keeps at most that per output.
        double lossAllowed = RTOL * Math.max(Math.abs(r.loss()), Math.abs(e.loss()))
                + ULPS * RoundingScale.EPS * e.c().spec().width(e.c().spec().layers());
        if (!(lossError <= lossAllowed)) {
            out.mismatches.add(new Mismatch("J", "", r.loss(), e.loss(), lossAllowed));
        }
        Map<String, double[]> terms = RoundingScale.of(e.c());
        for (String name : e.c().spec().parameterNames()) {
            INDArray ref = r.gradients().get(name);
            INDArray torch = e.gradients().get(name);
            if (ref == null || torch == null || ref.length() != torch.length()) {
                out.mismatches.add(new Mismatch("d" + name, " (shape)", Double.NaN, Double.NaN, 0));
                continue;
            }
            double[] t = terms.get(name);
            for (long i = 0; i < torch.length(); i++) {
                double a = Elements.get(ref, i);
                double b = Elements.get(torch, i);
                double diff = Math.abs(a - b);
                double big = Math.max(Math.abs(a), Math.abs(b));
                double allowed = RTOL * big + ULPS * RoundingScale.EPS * t[(int) i];
                out.elements++;
                if (big > 0) {
                    out.worstRelative = Math.max(out.worstRelative, diff / big);
                }
                if (t[(int) i] > 0) {
                    out.worstInUlps = Math.max(out.worstInUlps, diff / (RoundingScale.EPS * t[(int) i]));
                }
                if (!(diff <= allowed)) {
                    out.mismatches.add(new Mismatch("d" + name, Elements.label(torch, i), a, b, allowed));
                }
            }
        }
        return out;
    }
}

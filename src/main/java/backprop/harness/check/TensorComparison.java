package backprop.harness.check;

import backprop.harness.core.Elements;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One quantity (dW1, db2, ...) compared element by element with an expected value: the
 * reference's autodiff gradient or a finite difference. Counts what it compared, what failed
 * and what it skipped at kinks, so a check that compared nothing can be told from a pass.
 */
public final class TensorComparison {
    private final String name;
    private final String expectedLabel;
    private final INDArray actual;
    private final INDArray expected;
    private final double[] noise;
    private final boolean[] skipped;
    private final Tolerance tolerance;
    private final double[] errors;
    private final double scale;
    // Read once: element-wise INDArray access costs about a microsecond per element, which on a
    // 784-64-10 network (50,890 elements) made the comparison alone cost more than a loss call.
    private final double[] actualValues;
    private final double[] expectedValues;
    private int compared;
    private int failing;
    private int skippedCount;
    private long worst = -1;
    private double worstExcess;

    /**
     * @param noise   per-element error estimate of the expected value, or null for none
     * @param skipped per-element "not compared" flags (a kink within the step), or null
     */
    public TensorComparison(String name, String expectedLabel, INDArray actual, INDArray expected,
                            double[] noise, boolean[] skipped, Tolerance tolerance) {
        this(name, expectedLabel, actual, expected, noise, skipped, tolerance, Double.NaN);
    }

    /**
     * @param scale the magnitude the tolerance's stol term is relative to; NaN for the largest
     *              |expected| in this array
     */
    public TensorComparison(String name, String expectedLabel, INDArray actual, INDArray expected,
                            double[] noise, boolean[] skipped, Tolerance tolerance, double scale) {
        this.name = name;
        this.expectedLabel = expectedLabel;
        this.actual = actual;
        this.expected = expected;
        this.noise = noise;
        this.skipped = skipped;
        this.tolerance = tolerance;
        this.errors = new double[(int) expected.length()];
        this.actualValues = Elements.toArray(actual);
        this.expectedValues = Elements.toArray(expected);
        this.scale = !Double.isNaN(scale) ? scale : largestMagnitude(expectedValues);
        double worstError = -1;
        boolean worstFails = false;
        for (int i = 0; i < errors.length; i++) {
            if (skipped != null && skipped[i]) {
                skippedCount++;
                errors[i] = Double.NaN;
                continue;
            }
            compared++;
            double a = actualValues[i];
            double e = expectedValues[i];
            errors[i] = tolerance.relativeError(a, e);
            boolean ok = tolerance.accepts(a, e, this.scale, noise == null ? 0 : noise[i]);
            worstExcess = Math.max(worstExcess, tolerance.excess(a, e, this.scale, noise == null ? 0 : noise[i]));
            if (!ok) {
                failing++;
            }
            // A failing element outranks every passing one; among equals, the larger error (NaN largest).
            double rank = Double.isNaN(errors[i]) ? Double.POSITIVE_INFINITY : errors[i];
            if (worst < 0 || (!ok && !worstFails) || (!ok == worstFails && rank > worstError)) {
                worstError = rank;
                worstFails = !ok;
                worst = i;
            }
        }
    }

    public String name() {
        return name;
    }

    public String expectedLabel() {
        return expectedLabel;
    }

    public INDArray actual() {
        return actual;
    }

    public INDArray expected() {
        return expected;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    public boolean passed() {
        return failing == 0;
    }

    public int compared() {
        return compared;
    }

    public int failing() {
        return failing;
    }

    public int skipped() {
        return skippedCount;
    }

    public boolean isSkipped(int i) {
        return skipped != null && skipped[i];
    }

    public boolean fails(int i) {
        return !isSkipped(i) && !tolerance.accepts(actualValues[i], expectedValues[i], scale, noise == null ? 0 : noise[i]);
    }

    public double error(int i) {
        return errors[i];
    }

    /** Flat index of the worst element (a failing one if any), or -1 if nothing was compared. */
    public long worst() {
        return worst;
    }

    /** The largest {@link Tolerance#excess} of any compared element: above 1 fails, 0 if nothing was compared. */
    public double worstExcess() {
        return worstExcess;
    }

    public double worstError() {
        return worst < 0 ? 0 : errors[(int) worst];
    }

    public int length() {
        return errors.length;
    }

    /** max |v|, as ND4J's amax, in a loop: an ND4J reduction costs tens of microseconds on arrays this small. */
    private static double largestMagnitude(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}

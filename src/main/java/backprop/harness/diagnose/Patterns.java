package backprop.harness.diagnose;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.core.Elements;

/** Numeric relations between a learner's array and the true one, each tested to a tight tolerance. */
final class Patterns {
    private static final double TIGHT = 1e-6;

    private Patterns() {
    }

    public static boolean allZero(INDArray a) {
        return a.amaxNumber().doubleValue() == 0;
    }

    public static boolean nonZero(INDArray a) {
        return a.amaxNumber().doubleValue() > 1e-12;
    }

    /** c such that actual ≈ c · expected, or NaN if no single factor fits. */
    public static double factor(INDArray actual, INDArray expected) {
        double[] a = Elements.toArray(actual);
        double[] e = Elements.toArray(expected);
        if (a.length != e.length) {
            return Double.NaN;
        }
        double ae = 0;
        double ee = 0;
        for (int i = 0; i < a.length; i++) {
            ae += a[i] * e[i];
            ee += e[i] * e[i];
        }
        if (ee < 1e-24) {
            return Double.NaN;
        }
        double c = ae / ee;
        return close(a, scaled(e, c)) ? c : Double.NaN;
    }

    /** Whether actual ≈ expected + k · basis for some k, returning k (NaN if not). */
    public static double offsetAlong(INDArray actual, INDArray expected, INDArray basis) {
        double[] a = Elements.toArray(actual);
        double[] e = Elements.toArray(expected);
        double[] b = Elements.toArray(basis);
        if (a.length != b.length || a.length != e.length) {
            return Double.NaN;
        }
        double db = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            db += (a[i] - e[i]) * b[i];
            bb += b[i] * b[i];
        }
        if (bb < 1e-24) {
            return Double.NaN;
        }
        double k = db / bb;
        double[] fit = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            fit[i] = e[i] + k * b[i];
        }
        return close(a, fit) ? k : Double.NaN;
    }

    public static boolean transposedEquals(INDArray actual, INDArray expected) {
        if (actual.rank() != 2 || expected.rank() != 2 || actual.rows() != expected.columns()
                || actual.columns() != expected.rows()) {
            return false;
        }
        return close(Elements.toArray(actual.transpose()), Elements.toArray(expected));
    }

    public static boolean near(double value, double target) {
        return Math.abs(value - target) <= 1e-6 * Math.max(1, Math.abs(target));
    }

    public static boolean close(double[] a, double[] b) {
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > TIGHT * scale + 1e-12) {
                return false;
            }
        }
        return true;
    }

    private static double[] scaled(double[] e, double c) {
        double[] r = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            r[i] = c * e[i];
        }
        return r;
    }
}

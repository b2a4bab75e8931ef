package backprop.harness.core;

import java.util.Locale;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.core.Elements;

/** Number formatting for reports: short, aligned, and never "1.0E-5" next to "0.00001". */
public final class Numbers {
    private Numbers() {
    }

    /** Up to 6 significant digits, trailing zeros dropped; scientific below 1e-4 and above 1e6. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e6) {
            String s = String.format(Locale.ROOT, "%.4e", v);
            String[] parts = s.split("e");
            String mant = trim(parts[0]);
            int exp = Integer.parseInt(parts[1]);
            return mant + "e" + exp;
        }
        return trim(String.format(Locale.ROOT, "%.6g", v));
    }

    /** A short error figure: "3.2e-01", "4.1e-15". */
    public static String error(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }

    private static String trim(String s) {
        if (!s.contains(".") || s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A matrix as rows: "[[0.1, 0.2], [0.3, 0.4]]", shortened past {@code maxElements}. */
    public static String matrix(INDArray a, int maxElements) {
        if (a == null) {
            return "null";
        }
        if (a.rank() == 0) {
            return plain(a.getDouble(0));
        }
        if (a.rank() == 1) {
            return row(a, 0, a.length(), maxElements);
        }
        if (a.rank() != 2) {
            return a.toString();
        }
        StringBuilder sb = new StringBuilder("[");
        long rows = a.rows();
        long cols = a.columns();
        long shown = 0;
        for (long r = 0; r < rows; r++) {
            if (shown >= maxElements) {
                sb.append(", … ").append(rows - r).append(" more row(s)");
                break;
            }
            sb.append(r == 0 ? "" : ", ").append(row(a, r * cols, cols, maxElements));
            shown += cols;
        }
        return sb.append(']').toString();
    }

    private static String row(INDArray a, long start, long n, int max) {
        StringBuilder sb = new StringBuilder("[");
        for (long i = 0; i < n; i++) {
            if (i >= max) {
                sb.append(", …");
                break;
            }
            sb.append(i == 0 ? "" : ", ").append(plain(Elements.get(a, start + i)));
        }
        return sb.append(']').toString();
    }
}

package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;

/**
 * Reads the two operand shapes out of an ND4J shape exception ("Cannot execute matrix
 * multiplication: [1, 5]x[3, 5]", "... shapes [2, 3] and [3, 2] ..."), names each dimension by
 * the case's letters (m, n0 … nL), and says the likely fix.
 */
final class ShapeMessage {
    private static final Pattern SHAPE = Pattern.compile("\\[(\\d+(?:,\\s*\\d+)*)]");

    final long[] left;
    final long[] right;
    final boolean product;

    private ShapeMessage(long[] left, long[] right, boolean product) {
        this.left = left;
        this.right = right;
        this.product = product;
    }

    /** The first two shapes in the message, or null when there are not two. */
    static ShapeMessage parse(String message) {
        List<long[]> shapes = new ArrayList<>();
        Matcher mt = SHAPE.matcher(message);
        while (mt.find() && shapes.size() < 2) {
            String[] parts = mt.group(1).split(",\\s*");
            long[] s = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                s[i] = Long.parseLong(parts[i].trim());
            }
            shapes.add(s);
        }
        if (shapes.size() < 2) {
            return null;
        }
        String lower = message.toLowerCase();
        return new ShapeMessage(shapes.get(0), shapes.get(1), lower.contains("matrix multiplication") || lower.contains("mmul"));
    }

    /** "[1, 5] (1 × n1)": the numbers, then each dimension as the case's letter(s). */
    String describe(long[] shape, NetworkCase c) {
        StringBuilder sb = new StringBuilder(java.util.Arrays.toString(shape)).append(" (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : " × ").append(letters(shape[i], c));
        }
        return sb.append(shape.length == 1 ? ", a rank-1 vector" : "").append(")").toString();
    }

    private static String letters(long d, NetworkCase c) {
        if (c == null || d == 1) {
            return Long.toString(d);
        }
        List<String> names = new ArrayList<>();
        if (c.m() == d) {
            names.add("m");
        }
        NetSpec s = c.spec();
        for (int l = 0; l <= s.layers(); l++) {
            if (s.width(l) == d) {
                names.add("n" + l);
            }
        }
        if (names.isEmpty()) {
            return d + " (no size of this case: an array kept from another case?)";
        }
        return String.join(" or ", names);
    }

    /** What usually fixes this pair of shapes. */
    String fix() {
        if (left.length == 1 || right.length == 1) {
            return "one operand is a rank-1 vector: getRow(i) and sum(dim) drop a dimension; use getRow(i, true),"
                    + " sum(true, dim) or reshape(1, n) to keep rows and columns";
        }
        if (left.length != 2 || right.length != 2) {
            return "compare the two shapes with the shape table below";
        }
        long a = left[0], b = left[1], c = right[0], d = right[1];
        if (product) {
            String need = "the columns of the left (" + b + ") must equal the rows of the right (" + c + "): ";
            String left = "transpose the left operand, Aᵀ · B (as in dW = Aᵀ · dZ, where both have m rows)";
            String right = "transpose the right operand, A · Bᵀ (as in dA = dZ · Wᵀ)";
            if (a == c && b == d) {
                return need + left + ", or " + right;
            }
            if (a == c) {
                return need + left;
            }
            if (b == d) {
                return need + right;
            }
            if (a == d) {
                return "swap the operands: B · A fits where A · B does not";
            }
            return need + "check which arrays are multiplied, against the shape table below";
        }
        if (a == d && b == c) {
            return "element-wise op on an array and one of its transpose's shape: one of them needs .transpose()";
        }
        if (a == 1 || c == 1 || b == 1 || d == 1) {
            return "a row or column against a matrix: use addRowVector/mulRowVector (or addColumnVector) to broadcast it";
        }
        return "element-wise ops need equal shapes: compare both with the shape table below";
    }
}

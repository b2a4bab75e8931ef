package backprop.harness.core;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Element access by flat row-major index, for arrays of any rank. */
public final class Elements {
    private Elements() {
    }

    public static long[] index(INDArray a, long flat) {
        return a.rank() == 0 ? new long[0] : Shape.ind2subC(a.shape(), flat);
    }

    public static double get(INDArray a, long flat) {
        return a.rank() == 0 ? a.getDouble(0) : a.getDouble(index(a, flat));
    }

    public static void set(INDArray a, long flat, double v) {
        if (a.rank() == 0) {
            a.putScalar(0, v);
        } else {
            a.putScalar(index(a, flat), v);
        }
    }

    /** "[1,0]" for a matrix element, "[3]" for a vector, "" for a scalar. */
    public static String label(INDArray a, long flat) {
        long[] i = index(a, flat);
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < i.length; k++) {
            sb.append(k == 0 ? "" : ",").append(i[k]);
        }
        return i.length == 0 ? "" : sb.append(']').toString();
    }

    /**
     * Same shape and bit-for-bit the same values (NaN equal to NaN). ND4J's
     * {@code equalsWithEps(other, 0)} answers false for equal 1×1 arrays, so it is not used.
     */
    public static boolean same(INDArray a, INDArray b) {
        if (a == null || b == null) {
            return a == b;
        }
        return java.util.Arrays.equals(a.shape(), b.shape()) && java.util.Arrays.equals(toArray(a), toArray(b));
    }

    /** A fresh copy of the values, row-major. */
    public static double[] toArray(INDArray a) {
        // An array that owns its whole buffer in row-major order is copied straight out of it: a
        // dup first is a native allocation and an op, tens of microseconds, and a check calls this
        // dozens of times.
        if (a.dataType() == org.nd4j.linalg.api.buffer.DataType.DOUBLE && a.offset() == 0 && a.ordering() == 'c'
                && a.data().length() == a.length() && Shape.hasDefaultStridesForShape(a)) {
            return a.data().asDouble();
        }
        return a.dup('c').data().asDouble();
    }
}

package backprop.harness.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A small dense matrix in plain doubles, for re-deriving gradients under a hypothesis. */
public final class Matrix {
    public final int rows;
    public final int cols;
    public final double[] v;

    public Matrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.v = new double[rows * cols];
    }

    public static Matrix of(INDArray a) {
        Matrix m = new Matrix(a.rows(), a.columns());
        double[] d = Elements.toArray(a);
        System.arraycopy(d, 0, m.v, 0, d.length);
        return m;
    }

    public double get(int i, int j) {
        return v[i * cols + j];
    }

    public void set(int i, int j, double x) {
        v[i * cols + j] = x;
    }

    /** this · other */
    public Matrix times(Matrix o) {
        Matrix r = new Matrix(rows, o.cols);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double a = get(i, k);
                for (int j = 0; j < o.cols; j++) {
                    r.v[i * o.cols + j] += a * o.get(k, j);
                }
            }
        }
        return r;
    }

    /** thisᵀ · other */
    public Matrix transposeTimes(Matrix o) {
        Matrix r = new Matrix(cols, o.cols);
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < cols; i++) {
                double a = get(k, i);
                for (int j = 0; j < o.cols; j++) {
                    r.v[i * o.cols + j] += a * o.get(k, j);
                }
            }
        }
        return r;
    }

    /** this · otherᵀ */
    public Matrix timesTranspose(Matrix o) {
        Matrix r = new Matrix(rows, o.rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < o.rows; j++) {
                double s = 0;
                for (int k = 0; k < cols; k++) {
                    s += get(i, k) * o.get(j, k);
                }
                r.v[i * o.rows + j] = s;
            }
        }
        return r;
    }

    public Matrix columnSums() {
        Matrix r = new Matrix(1, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r.v[j] += get(i, j);
            }
        }
        return r;
    }

    public interface Op {
        double apply(double a, double b);
    }

    public Matrix zip(Matrix o, Op f) {
        Matrix r = new Matrix(rows, cols);
        for (int i = 0; i < v.length; i++) {
            r.v[i] = f.apply(v[i], o.v[i]);
        }
        return r;
    }

    public Matrix map(java.util.function.DoubleUnaryOperator f) {
        Matrix r = new Matrix(rows, cols);
        for (int i = 0; i < v.length; i++) {
            r.v[i] = f.applyAsDouble(v[i]);
        }
        return r;
    }

    public Matrix scale(double c) {
        return map(x -> x * c);
    }

    /** Equal to an array within a tight relative tolerance, scaled by the larger magnitude. */
    public boolean matches(INDArray a) {
        if (a == null || a.rows() != rows || a.columns() != cols) {
            return false;
        }
        double[] d = Elements.toArray(a);
        double scale = 1e-300;
        for (int i = 0; i < v.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(v[i]), Math.abs(d[i])));
        }
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i] - d[i]) > 1e-6 * scale) {
                return false;
            }
        }
        return true;
    }
}

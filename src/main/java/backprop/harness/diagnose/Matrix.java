package backprop.harness.diagnose;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A small dense matrix in plain doubles, for re-deriving gradients under a hypothesis. */
final class Matrix {
    final int rows;
    final int cols;
    final double[] v;

    Matrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.v = new double[rows * cols];
    }

    static Matrix of(INDArray a) {
        Matrix m = new Matrix(a.rows(), a.columns());
        double[] d = a.dup('c').data().asDouble();
        System.arraycopy(d, 0, m.v, 0, d.length);
        return m;
    }

    double get(int i, int j) {
        return v[i * cols + j];
    }

    void set(int i, int j, double x) {
        v[i * cols + j] = x;
    }

    /** this · other */
    Matrix times(Matrix o) {
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
    Matrix transposeTimes(Matrix o) {
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
    Matrix timesTranspose(Matrix o) {
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

    Matrix columnSums() {
        Matrix r = new Matrix(1, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r.v[j] += get(i, j);
            }
        }
        return r;
    }

    interface Op {
        double apply(double a, double b);
    }

    Matrix zip(Matrix o, Op f) {
        Matrix r = new Matrix(rows, cols);
        for (int i = 0; i < v.length; i++) {
            r.v[i] = f.apply(v[i], o.v[i]);
        }
        return r;
    }

    Matrix map(java.util.function.DoubleUnaryOperator f) {
        Matrix r = new Matrix(rows, cols);
        for (int i = 0; i < v.length; i++) {
            r.v[i] = f.applyAsDouble(v[i]);
        }
        return r;
    }

    Matrix scale(double c) {
        return map(x -> x * c);
    }

    /** Equal to an array within a tight relative tolerance, scaled by the larger magnitude. */
    boolean matches(INDArray a) {
        if (a == null || a.rows() != rows || a.columns() != cols) {
            return false;
        }
        double[] d = a.dup('c').data().asDouble();
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

package kata.losses;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.core.Elements;

/**
 * The tests' own losses, written straight from docs/NOTATION.md. The values loop over plain doubles: the finite differences call them
 * thousands of times, and one ND4J call costs more than the whole loop.
 */
final class Reference {
    private Reference() {
    }

    static double squaredError(INDArray A, INDArray Y) {
        double[] a = Elements.toArray(A);
        double[] y = Elements.toArray(Y);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - y[i]) * (a[i] - y[i]);
        }
        return sum / (2.0 * A.rows());
    }

    /** ∂J/∂A = (A − Y) / m. */
    static INDArray squaredErrorDA(INDArray A, INDArray Y) {
        return A.sub(Y).div(A.rows());
    }

    /** ∂J/∂A = (A − Y) / (A (1 − A)) / m. */
    static INDArray crossEntropyDA(INDArray A, INDArray Y) {
        return A.sub(Y).div(A.mul(A.rsub(1.0))).div(A.rows());
    }

    static double crossEntropy(INDArray A, INDArray Y) {
        double[] a = Elements.toArray(A);
        double[] y = Elements.toArray(Y);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += y[i] * Math.log(a[i]) + (1 - y[i]) * Math.log(1 - a[i]);
        }
        return -sum / A.rows();
    }
}

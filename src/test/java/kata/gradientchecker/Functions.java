package kata.gradientchecker;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.core.Elements;
import kata.gradientchecker.GradientChecker.ScalarFunction;

/** Functions whose gradients the tests know exactly, each read from x afresh at every call. */
final class Functions {
    private Functions() {
    }

    /** f(x) = Σ x²;  ∇f = 2x. */
    static final ScalarFunction SUM_OF_SQUARES = x -> {
        double s = 0;
        for (double v : Elements.toArray(x)) {
            s += v * v;
        }
        return s;
    };

    static INDArray sumOfSquaresGradient(INDArray x) {
        return x.mul(2);
    }

    /** An asymmetric M, so that ½(M + Mᵀ)x differs from Mx and a gradient that forgets the ½(… + Mᵀ) fails. */
    static final INDArray M = Nd4j.createFromArray(new double[][] {{2, 1, 0}, {-1, 3, 0.5}, {4, 0, 1}});
    static final INDArray C = Nd4j.createFromArray(new double[][] {{0.5}, {-1}, {2}});

    /** f(x) = ½ xᵀ M x + cᵀ x for a 3×1 column x;  ∇f = ½ (M + Mᵀ) x + c. */
    static final ScalarFunction QUADRATIC = x -> 0.5 * x.transpose().mmul(M).mmul(x).getDouble(0) + C.transpose().mmul(x).getDouble(0);

    static INDArray quadraticGradient(INDArray x) {
        return M.add(M.transpose()).mmul(x).mul(0.5).add(C);
    }

    /** Weights for the sines: not symmetric, so a transposed gradient of a square X has other values. */
    static final INDArray S = Nd4j.createFromArray(new double[][] {{1, 2, -1}, {0.5, -3, 1.5}, {2.5, -0.5, 1}});

    /** f(X) = Σ S ⊙ sin(X) for a 3×3 X;  ∇f = S ⊙ cos(X). */
    static final ScalarFunction SINES = x -> S.mul(Transforms.sin(x, true)).sumNumber().doubleValue();

    static INDArray sinesGradient(INDArray x) {
        return S.mul(Transforms.cos(x, true));
    }

    /** f(x) = Σ (e^x − x);  ∇f = e^x − 1, exactly 0 where x = 0 although the finite difference is not. */
    static final ScalarFunction EXP_MINUS_X = x -> {
        double s = 0;
        for (double v : Elements.toArray(x)) {
            s += Math.exp(v) - v;
        }
        return s;
    };

    static INDArray expMinusXGradient(INDArray x) {
        return Transforms.exp(x, true).sub(1.0);
    }

    /** f(X) = Σ sin(X) + ½ (Σ X)²: every partial derivative depends on every element. */
    static final ScalarFunction SINES_AND_SQUARED_SUM = x -> {
        double sines = 0;
        double sum = 0;
        for (double v : Elements.toArray(x)) {
            sines += Math.sin(v);
            sum += v;
        }
        return sines + 0.5 * sum * sum;
    };
}

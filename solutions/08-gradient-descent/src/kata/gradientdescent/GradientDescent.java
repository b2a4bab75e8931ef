package kata.gradientdescent;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Loss;
import kata.twolayer.TwoLayerNetwork;
import kata.twolayer.TwoLayerNetwork.Gradients;
import kata.twolayer.TwoLayerNetwork.Params;

/**
 * Full-batch gradient descent on the network of exercise 04, written the way the question writes
 * it: a loop over the m samples adds each sample's gradient, times 1/m, into sums; then every
 * parameter takes one step against its sum. Shapes: X (m×n0), Y (m×n2), parameters as in
 * {@link Params}. The loss is the question's squared error.
 */
public final class GradientDescent {
    /** The question's loss: its delta3 = (a3 − y) ⊙ σ'(z3) is the squared error's output delta. */
    public static final Loss LOSS = Loss.MSE;

    private final double learningRate;
    private Params params;

    /** Starts from {@code initial} (kept, not copied) with step size {@code learningRate} (η). */
    public GradientDescent(Params initial, double learningRate) {
        this.params = initial;
        this.learningRate = learningRate;
    }

    /** W1 (n0×n1) ~ N(0, 1/n0), W2 (n1×n2) ~ N(0, 1/n1): zero mean, variance 1/fan-in; b1 (1×n1), b2 (1×n2) zero. */
    public static Params initialise(int n0, int n1, int n2, Random rng) {
        return new Params(gaussian(n0, n1, rng), Nd4j.zeros(1, n1), gaussian(n1, n2, rng), Nd4j.zeros(1, n2));
    }

    /** fanIn×fanOut draws of N(0, 1/fanIn), row by row. */
    private static INDArray gaussian(int fanIn, int fanOut, Random rng) {
        double scale = 1 / Math.sqrt(fanIn);
        double[][] w = new double[fanIn][fanOut];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                w[i][j] = rng.nextGaussian() * scale;
            }
        }
        return Nd4j.createFromArray(w);
    }

    /** The current W1, b1, W2, b2. */
    public Params params() {
        return params;
    }

    /** Puts the network at {@code p} (kept, not copied); the next step starts from there. */
    public void setParams(Params p) {
        this.params = p;
    }

    /** J (scalar) of the current parameters on X (m×n0) and Y (m×n2), averaged over the m samples. */
    public double loss(INDArray X, INDArray Y) {
        return TwoLayerNetwork.loss(TwoLayerNetwork.forward(X, params), Y, LOSS);
    }

    /** dW1 (n0×n1), db1 (1×n1), dW2 (n1×n2), db2 (1×n2): the sum over the m rows of X, Y of (1/m) · that row's gradient. */
    public Gradients gradient(INDArray X, INDArray Y) {
        int m = X.rows();
        // The question's w_grad1 = 0 and w_grad2 = 0, but here, at the start of every step.
        INDArray dW1 = Nd4j.zerosLike(params.W1());
        INDArray db1 = Nd4j.zerosLike(params.b1());
        INDArray dW2 = Nd4j.zerosLike(params.W2());
        INDArray db2 = Nd4j.zerosLike(params.b2());
        for (int j = 0; j < m; j++) {
            INDArray x = X.getRow(j, true);
            INDArray y = Y.getRow(j, true);
            Gradients g = TwoLayerNetwork.backward(TwoLayerNetwork.forward(x, params), y, params, LOSS);
            dW1.addi(g.dW1().div(m));
            db1.addi(g.db1().div(m));
            dW2.addi(g.dW2().div(m));
            db2.addi(g.db2().div(m));
        }
        return new Gradients(dW1, db1, dW2, db2);
    }

    /** One step on the batch: W1 ← W1 − η·dW1 (n0×n1), b1 ← b1 − η·db1 (1×n1), likewise W2 (n1×n2), b2 (1×n2). */
    public void step(INDArray X, INDArray Y) {
        Gradients g = gradient(X, Y);
        params = new Params(params.W1().sub(g.dW1().mul(learningRate)), params.b1().sub(g.db1().mul(learningRate)),
                params.W2().sub(g.dW2().mul(learningRate)), params.b2().sub(g.db2().mul(learningRate)));
    }

    /** {@code epochs} steps, each on the whole batch X (m×n0), Y (m×n2). */
    public void train(INDArray X, INDArray Y, int epochs) {
        for (int e = 0; e < epochs; e++) {
            step(X, Y);
        }
    }
}

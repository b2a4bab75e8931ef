package kata.gradientdescent;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j; // Nd4j.createFromArray(double[][]), Nd4j.zeros(rows, cols), Nd4j.zerosLike(a)

import backprop.harness.api.Loss;
import kata.twolayer.TwoLayerNetwork; // your exercise 04: forward, loss and backward
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
        throw new UnsupportedOperationException("not implemented yet: GradientDescent.initialise — draw every weight from"
                + " rng.nextGaussian() scaled to variance 1/fan-in (W1: 1/n0, W2: 1/n1); biases start at 0");
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
        throw new UnsupportedOperationException("not implemented yet: GradientDescent.loss — J of the current parameters:"
                + " TwoLayerNetwork.forward, then TwoLayerNetwork.loss with LOSS (exercise 04)");
    }

    /** dW1 (n0×n1), db1 (1×n1), dW2 (n1×n2), db2 (1×n2): the sum over the m rows of X, Y of (1/m) · that row's gradient. */
    public Gradients gradient(INDArray X, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: GradientDescent.gradient — start four sums at zero,"
                + " then for each row j of X and Y add (1/m) · TwoLayerNetwork.backward of that one row");
    }

    /** One step on the batch: W1 ← W1 − η·dW1 (n0×n1), b1 ← b1 − η·db1 (1×n1), likewise W2 (n1×n2), b2 (1×n2). */
    public void step(INDArray X, INDArray Y) {
        throw new UnsupportedOperationException("not implemented yet: GradientDescent.step — take gradient(X, Y) and"
                + " move every parameter against it by the learning rate");
    }

    /** {@code epochs} steps, each on the whole batch X (m×n0), Y (m×n2). */
    public void train(INDArray X, INDArray Y, int epochs) {
        throw new UnsupportedOperationException("not implemented yet: GradientDescent.train — call step(X, Y) epochs times");
    }
}

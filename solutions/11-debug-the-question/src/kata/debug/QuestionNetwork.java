package kata.debug;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The question's program, line by line in Java, with everything it does, right or wrong. The
 * course's notation: each layer's input starts with a column of ones and each weight matrix has
 * its bias row on top, so weights1 (3×5) is W1 (2×5) under b1 (1×5), and weights2 (6×1) is W2
 * (5×1) under b2 (1×1). The Python's globals are the fields, under the Python's names; only its
 * progress line (sys.stdout.write) is left out. Fixed: the gradient sums restart at zero in every
 * iteration, the bias activation is left alone, the weights start zero-mean, and reg_param is used.
 */
public final class QuestionNetwork {
    public INDArray x_train; // m×3: a column of ones, then x1, x2
    public INDArray y_train; // m×1
    public double learning_rate = 0.03;
    public double reg_param = 0.5;
    public int num_h_units = 5;
    public int max_iter = 60000; // for gradient descent
    public int m = 4; // training
    public INDArray weights1; // 3x5 (Including bias)
    public INDArray weights2; // 6x1 (Including bias)
    INDArray w_grad1;
    INDArray w_grad2;

    /** What forward returns: a1 (1×3), a2 (1×6, a leading 1 for the bias), a3 (1×1). */
    public record Activations(INDArray a1, INDArray a2, INDArray a3) { }

    /** The sums the update uses: w_grad1 (3×5), w_grad2 (6×1), each bias row first. */
    public record Gradients(INDArray w_grad1, INDArray w_grad2) { }

    /** x_train (m×3), y_train (m×1), weights1 (3×num_h_units), weights2 ((num_h_units+1)×1), kept, not copied. */
    public QuestionNetwork(INDArray x_train, INDArray y_train, INDArray weights1, INDArray weights2) {
        this.x_train = x_train;
        this.y_train = y_train;
        this.weights1 = weights1;
        this.weights2 = weights2;
        this.m = x_train.rows();
        this.num_h_units = weights1.columns();
    }

    /** The question's set-up: x_train (4×3) and y_train (4×1) of XOR, weights1 (3×5) and weights2 (6×1) drawn from rng. */
    public static QuestionNetwork question(Random rng) {
        INDArray x_train = Nd4j.createFromArray(new double[][] {
            {1, 0, 1},
            {1, 1, 0},
            {1, 1, 1},
            {1, 0, 0}});
        INDArray y_train = Nd4j.createFromArray(new double[][] {{1}, {1}, {0}, {0}});
        int num_h_units = 5;
        INDArray weights1 = normal(x_train.columns(), num_h_units, rng); // 3x5 (Including bias)
        INDArray weights2 = normal(num_h_units + 1, 1, rng); // 6x1 (Including bias)
        return new QuestionNetwork(x_train, y_train, weights1, weights2);
    }

    /** rows×cols draws of N(0, 1), row by row: np.random.normal(size=(rows, cols)), zero mean, half of them negative. */
    static INDArray normal(long rows, long cols, Random rng) {
        double[][] w = new double[(int) rows][(int) cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                w[i][j] = rng.nextGaussian();
            }
        }
        return Nd4j.createFromArray(w);
    }

    /** σ(z) element-wise (any shape); with derv, z is already an activation a = σ(·) and the result is a ⊙ (1 − a). */
    static INDArray sigmoid(INDArray z, boolean derv) {
        if (derv) {
            return z.mul(z.rsub(1)); // z * (1 - z)
        }
        return Transforms.sigmoid(z, true); // 1 / (1 + np.exp(-z))
    }

    /** a1 (1×3) = x as a row;  a2 (1×6) = [1, σ(a1 · weights1)];  a3 (1×1) = σ(a2 · weights2). */
    public Activations forward(INDArray x) {
        INDArray a1 = x.reshape(1, x.length()); // 1x3; reshaping now, to avoid reshaping the other activations
        INDArray a2 = insertOnes(sigmoid(a1.mmul(weights1), false)); // 1x3 * 3x5 = 1x5 + bias = 1x6
        INDArray a3 = sigmoid(a2.mmul(weights2), false); // 1x6 * 6x1 = 1x1
        return new Activations(a1, a2, a3);
    }

    /** The question's inner loop, for j in range(m): w_grad1 (3×5) and w_grad2 (6×1), the gradient one update uses. */
    public Gradients gradients() {
        w_grad1 = Nd4j.zeros(weights1.shape()); // w_grad1 = 0, in every iteration
        w_grad2 = Nd4j.zeros(weights2.shape()); // w_grad2 = 0
        for (int j = 0; j < m; j++) {
            Activations f = forward(x_train.getRow(j));
            INDArray a1 = f.a1();
            INDArray a2 = f.a2();
            INDArray a3 = f.a3();
            INDArray delta3 = a3.sub(y_train.getRow(j, true)).mul(sigmoid(a3, true)); // 1x1
            // (1x6 * 1x1) .* 1x6 = 1x6 (Here, ".*" stands for element wise mult)
            INDArray delta2 = weights2.transpose().mul(delta3).mul(sigmoid(a2, true));
            delta2 = delta2.get(NDArrayIndex.all(), NDArrayIndex.interval(1, delta2.columns())); // Getting rid of the bias value since that shouldn't be updated.
            // 3x1 * 1x5 = 3x5 (Gradient of all the weight values for weights connecting input to hidden)
            w_grad1.addi(a1.transpose().mmul(delta2).mul(1.0 / m));
            // 6x1 * 1x1 = 6x1; row 0 is the bias's gradient, because a2[:, 0] is the bias unit's 1
            w_grad2.addi(a2.transpose().mmul(delta3).mul(1.0 / m));
        }
        // The course's regularisation: (reg_param / m) * weights, on every row but the bias row.
        w_grad1.addi(withoutBiasRow(weights1).mul(reg_param / m));
        w_grad2.addi(withoutBiasRow(weights2).mul(reg_param / m));
        return new Gradients(w_grad1, w_grad2);
    }

    /** A copy of weights ((n+1)×k) with its bias row, row 0, set to 0. */
    static INDArray withoutBiasRow(INDArray weights) {
        INDArray w = weights.dup();
        w.get(NDArrayIndex.point(0), NDArrayIndex.all()).assign(0);
        return w;
    }

    /** The question's outer loop: max_iter times the inner loop, then weights1 (3×5), weights2 (6×1) -= learning_rate * w_grad. */
    public void train() {
        for (int i = 0; i < max_iter; i++) {
            gradients();
            weights1.subi(w_grad1.mul(learning_rate));
            weights2.subi(w_grad2.mul(learning_rate));
        }
    }

    /** a3_full (m×1): the question's closing lines, the outputs for all of x_train (m×3) at once. */
    public INDArray predict() {
        INDArray a1_full = x_train;
        INDArray a2_full = insertOnes(sigmoid(a1_full.mmul(weights1), false));
        INDArray a3_full = sigmoid(a2_full.mmul(weights2), false);
        return a3_full;
    }

    /** np.insert(a, 0, 1, axis=1): a column of ones before a (rows×n), giving rows×(n+1). */
    static INDArray insertOnes(INDArray a) {
        return Nd4j.hstack(Nd4j.ones(a.rows(), 1), a);
    }
}

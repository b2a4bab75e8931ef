package kata.debug;

import kata.support.Xor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;
import backprop.harness.check.NetworkUnderTest;

/**
 * The harness's view of the question's port. The harness speaks Z = A·W + b with W1, b1, W2,
 * b2; the port keeps each bias as the top row of its weight matrix and puts a column of ones in
 * front of each layer's input. This adapter converts both ways: x_train = [1 | X],
 * weights1 = [b1; W1], weights2 = [b2; W2], reg_param = lambda, and back from w_grad1 and
 * w_grad2 to dW1, db1, dW2, db2.
 *
 * <p>A call of {@link #gradients} followed by an identical one shares one port between the two,
 * as the question's iterations share its w_grad1 and w_grad2: sums that are never reset then
 * show up as a second call that returns twice the first. Every other call gets a new port, so
 * the first of a pair always starts from a port that has never run.
 */
final class CourseNotation implements NetworkUnderTest {
    private NetworkCase lastCase;
    private QuestionNetwork lastPort;

    @Override
    public double loss(NetworkCase c) {
        // J = 1/(2m) Σ (a3 − y)² + (lambda / 2m) Σ W², from the port's own outputs; bias rows are not in W.
        INDArray error = port(c).predict().sub(c.y());
        double squares = error.mul(error).sumNumber().doubleValue();
        double weights = squaredNorm(c.params().get("W1")) + squaredNorm(c.params().get("W2"));
        return (squares + c.spec().lambda() * weights) / (2.0 * c.m());
    }

    @Override
    public Tensors gradients(NetworkCase c) {
        QuestionNetwork q;
        if (lastPort != null && sameCase(c, lastCase)) {
            q = lastPort;
            lastPort = null;
        } else {
            q = port(c);
            lastPort = q;
            lastCase = c.copy();
        }
        QuestionNetwork.Gradients g = q.gradients();
        // Copies: the port may go on adding into its w_grad arrays after this call returns.
        return Tensors.of("W1", belowBiasRow(g.w_grad1()), "b1", biasRow(g.w_grad1()),
                "W2", belowBiasRow(g.w_grad2()), "b2", biasRow(g.w_grad2()));
    }

    /** A new port on copies of the case's arrays, so that nothing it does can change the case. */
    static QuestionNetwork port(NetworkCase c) {
        Tensors p = c.params();
        QuestionNetwork q = new QuestionNetwork(Nd4j.hstack(Nd4j.ones(c.m(), 1), c.x()), c.y().dup(),
                Nd4j.vstack(p.get("b1"), p.get("W1")), Nd4j.vstack(p.get("b2"), p.get("W2")));
        q.reg_param = c.spec().lambda();
        return q;
    }

    /** The question's four XOR rows and targets, with fixed weights that make every gradient non-zero. */
    static NetworkCase questionsBatch(double lambda) {
        INDArray x = Xor.x();
        INDArray y = Xor.y();
        Tensors p = Tensors.of(
                "W1", Nd4j.createFromArray(new double[][] {{0.5, -0.3, 0.8, -0.6, 0.2}, {-0.4, 0.7, 0.1, 0.9, -0.5}}),
                "b1", Nd4j.createFromArray(new double[][] {{0.1, -0.2, 0.05, 0.3, -0.1}}),
                "W2", Nd4j.createFromArray(new double[][] {{0.6}, {-0.7}, {0.4}, {0.9}, {-0.3}}),
                "b2", Nd4j.createFromArray(new double[][] {{0.2}}));
        return new NetworkCase(NetSpec.of(2, 5, 1).withLambda(lambda), p, x, y,
                "the question's XOR batch; weights1 = [b1; W1] is 3×5, weights2 = [b2; W2] is 6×1, reg_param = " + lambda);
    }

    private static boolean sameCase(NetworkCase a, NetworkCase b) {
        if (!a.spec().equals(b.spec()) || !Elements.same(a.x(), b.x()) || !Elements.same(a.y(), b.y())) {
            return false;
        }
        for (String n : a.spec().parameterNames()) {
            if (!Elements.same(a.params().get(n), b.params().get(n))) {
                return false;
            }
        }
        return true;
    }

    private static INDArray biasRow(INDArray w) {
        return w.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()).dup();
    }

    private static INDArray belowBiasRow(INDArray w) {
        return w.get(NDArrayIndex.interval(1, w.rows()), NDArrayIndex.all()).dup();
    }

    private static double squaredNorm(INDArray a) {
        return a.mul(a).sumNumber().doubleValue();
    }
}

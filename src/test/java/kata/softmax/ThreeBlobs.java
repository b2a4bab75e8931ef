package kata.softmax;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;

/**
 * A small 3-class data set: three Gaussian blobs in 2-D, one per class, centred on a circle of
 * radius {@link #RADIUS} at 90°, 210° and 330°, each with standard deviation {@link #SPREAD}.
 * The same seed always gives the same points.
 */
final class ThreeBlobs {
    static final int CLASSES = 3;

    /** Centres 2·RADIUS·sin 60° ≈ 3.46 apart: about 2.9 spreads from each centre to the boundary between two. */
    static final double RADIUS = 2;

    /** With RADIUS 2 the best possible classifier still misses about 0.4% of points. */
    static final double SPREAD = 0.6;

    /** X (m×2), Y one-hot (m×3) and the class of each row, m = 3 · perClass, classes interleaved. */
    record Data(INDArray x, INDArray y, int[] labels) {
        int m() {
            return labels.length;
        }
    }

    private ThreeBlobs() {
    }

    static Data generate(long seed, int perClass) {
        SplittableRandom rng = new SplittableRandom(seed);
        int m = CLASSES * perClass;
        INDArray x = Nd4j.create(DataType.DOUBLE, m, 2);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, m, CLASSES);
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            int c = i % CLASSES;
            double angle = Math.toRadians(90 + 120 * c);
            x.putScalar(i, 0, RADIUS * Math.cos(angle) + SPREAD * gaussian(rng));
            x.putScalar(i, 1, RADIUS * Math.sin(angle) + SPREAD * gaussian(rng));
            y.putScalar(i, c, 1.0);
            labels[i] = c;
        }
        return new Data(x, y, labels);
    }

    /** Weights drawn from N(0, 1/n(l−1)), zero-mean and scaled to the layer's fan-in; biases 0. */
    static Tensors initialParams(NetSpec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tensors p = Tensors.empty();
        for (int l = 1; l <= spec.layers(); l++) {
            INDArray w = Nd4j.create(DataType.DOUBLE, spec.width(l - 1), spec.width(l));
            double scale = 1 / Math.sqrt(spec.width(l - 1));
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.columns(); j++) {
                    w.putScalar(i, j, scale * gaussian(rng));
                }
            }
            p.put("W" + l, w);
            if (spec.hasBias(l)) {
                p.put("b" + l, Nd4j.zeros(DataType.DOUBLE, 1, spec.width(l)));
            }
        }
        return p;
    }

    /** Fraction of rows whose predicted class is the true one. */
    static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}

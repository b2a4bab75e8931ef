package backprop.harness.cases;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.core.Nd4jSetup;
import backprop.harness.cases.PreActivations;

/**
 * Draws a random case from a {@link CaseSpace}. The same seed always gives the same case, so a
 * printed seed reproduces a failure exactly.
 *
 * <p>What varies: depth, widths, batch size (m = 1 is drawn on purpose, one case in six),
 * activations, head, biases, lambda (zero half the time), the scale of the parameters
 * (log-uniform in [0.1, 2]), binary or Gaussian inputs, and in some cases one layer blown up
 * until its units saturate. Pre-activations are kept within |z| ≤ 20, where sigmoid and
 * log(sigmoid) written plainly are still exact in double.
 */
public final class CaseGenerator {
    /** Largest |z| a generated case reaches; beyond it 1 − sigmoid(z) underflows towards 0. */
    public static final double MAX_PREACTIVATION = 20;

    private CaseGenerator() {
    }

    public static NetworkCase generate(CaseSpace space, long seed) {
        Nd4jSetup.ensure();
        SplittableRandom rng = new SplittableRandom(seed);
        int hidden = between(rng, space.minHidden(), space.maxHidden());
        CaseSpace.Head head = pick(rng, space.heads());
        List<Integer> sizes = new ArrayList<>();
        sizes.add(between(rng, space.minInputs(), space.maxInputs()));
        for (int l = 0; l < hidden; l++) {
            sizes.add(between(rng, space.minWidth(), space.maxWidth()));
        }
        int minOut = head.loss() == Loss.SOFTMAX_CE ? Math.max(2, space.minOutputs()) : space.minOutputs();
        sizes.add(between(rng, minOut, space.maxOutputs()));
        List<Activation> acts = new ArrayList<>();
        List<Boolean> bias = new ArrayList<>();
        for (int l = 0; l <= hidden; l++) {
            acts.add(l < hidden ? pick(rng, space.hiddenActivations()) : head.output());
            bias.add(space.biases() == CaseSpace.Biases.EITHER ? rng.nextInt(4) != 0 : space.biases() == CaseSpace.Biases.ALWAYS);
        }
        double lambda = space.lambda() && rng.nextBoolean() ? logUniform(rng, 0.01, 3) : 0;
        NetSpec spec = new NetSpec(sizes, acts, bias, head.loss(), lambda);

        int m = space.minBatch() == 1 && rng.nextInt(6) == 0 ? 1 : between(rng, space.minBatch(), space.maxBatch());
        INDArray x = Nd4j.create(DataType.DOUBLE, m, spec.width(0));
        boolean binary = rng.nextInt(10) < 3;
        fill(x, () -> binary ? rng.nextInt(2) : gaussian(rng));

        double scale = logUniform(rng, 0.1, 2);
        Tensors params = Tensors.empty();
        LayerStep step = space.layerStep();
        // A stream of its own, so that the draws of W, b, X and Y for a seed do not depend on the step.
        SplittableRandom stepRng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int l = 1; l <= spec.layers(); l++) {
            INDArray w = Nd4j.create(DataType.DOUBLE, spec.width(l - 1), spec.width(l));
            fill(w, () -> scale * gaussian(rng));
            params.put("W" + l, w);
            if (spec.hasBias(l)) {
                INDArray b = Nd4j.create(DataType.DOUBLE, 1, spec.width(l));
                fill(b, () -> scale * gaussian(rng));
                params.put("b" + l, b);
            }
            if (step != null && l < spec.layers()) {
                StepParameters.draw(step, l, spec.width(l), stepRng, params);
            }
        }
        if (rng.nextDouble() < space.saturation()) {
            int l = between(rng, 1, spec.layers());
            double blowUp = logUniform(rng, 4, 15);
            params.get("W" + l).muli(blowUp);
            if (spec.hasBias(l)) {
                params.get("b" + l).muli(blowUp);
            }
        }
        INDArray y = head.targets() == null ? targets(rng, spec, m) : drawn(head, rng, m, spec.width(spec.layers()));
        NetworkCase c = new NetworkCase(spec, params, x, y, "seed " + seed, step);
        capPreActivations(c);
        return c;
    }

    private static INDArray targets(SplittableRandom rng, NetSpec spec, int m) {
        int k = spec.width(spec.layers());
        INDArray y = Nd4j.create(DataType.DOUBLE, m, k);
        switch (spec.loss()) {
            case BCE: {
                boolean hard = rng.nextInt(10) < 7;
                fill(y, () -> hard ? rng.nextInt(2) : rng.nextDouble());
                break;
            }
            case SOFTMAX_CE: {
                boolean oneHot = rng.nextInt(10) < 8;
                for (int i = 0; i < m; i++) {
                    if (oneHot) {
                        y.putScalar(i, rng.nextInt(k), 1.0);
                    } else {
                        double[] p = new double[k];
                        double s = 0;
                        for (int j = 0; j < k; j++) {
                            p[j] = Math.exp(gaussian(rng));
                            s += p[j];
                        }
                        for (int j = 0; j < k; j++) {
                            y.putScalar(i, j, p[j] / s);
                        }
                    }
                }
                break;
            }
            default:
                switch (spec.output()) {
                    case SIGMOID: fill(y, rng::nextDouble); break;
                    case TANH: fill(y, () -> 2 * rng.nextDouble() - 1); break;
                    default: fill(y, () -> gaussian(rng));
                }
        }
        return y;
    }

    /** The head's own targets, checked to be m × k: a wrong shape is the instructor's to fix, said plainly. */
    private static INDArray drawn(CaseSpace.Head head, SplittableRandom rng, int m, int k) {
        INDArray y = head.targets().draw(rng, m, k);
        if (y == null || y.rank() != 2 || y.rows() != m || y.columns() != k) {
            throw new IllegalArgumentException("CaseSpace.Head " + head.output().label() + " with " + head.loss().label()
                    + ": its targets must be m × k = " + m + "×" + k + ", got " + (y == null ? "null" : backprop.harness.api.Shapes.of(y)));
        }
        return y.castTo(DataType.DOUBLE);
    }

    /** Scales a layer down wherever its pre-activations exceed the cap, layer by layer. */
    private static void capPreActivations(NetworkCase c) {
        for (int l = 1; l <= c.spec().layers(); l++) {
            double[] z = PreActivations.all(c, c.params())[l - 1];
            double max = 0;
            for (double v : z) {
                max = Math.max(max, Math.abs(v));
            }
            if (max > MAX_PREACTIVATION) {
                double f = MAX_PREACTIVATION / max;
                c.params().get("W" + l).muli(f);
                if (c.spec().hasBias(l)) {
                    c.params().get("b" + l).muli(f);
                }
            }
        }
    }

    interface DoubleSource {
        double next();
    }

    private static void fill(INDArray a, DoubleSource s) {
        for (long i = 0; i < a.rows(); i++) {
            for (long j = 0; j < a.columns(); j++) {
                a.putScalar(i, j, s.next());
            }
        }
    }

    static int between(SplittableRandom rng, int min, int max) {
        return min + rng.nextInt(max - min + 1);
    }

    static <T> T pick(SplittableRandom rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}

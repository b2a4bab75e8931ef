package backprop.harness.catalogue;

import static backprop.harness.catalogue.ExerciseSpaces.*;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.testnets.PlainNetwork;

/** A factor on every gradient (Java's integer 1 / m, a learning rate), and state kept between calls. */
final class ScalingAndStateBugs {
    private ScalingAndStateBugs() {
    }

    /** {@code double scale = 1 / m;} with an int m, used for the delta and the L2 term alike. */
    static final class IntegerDivision extends PlainNetwork {
        @Override
        protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
            return super.outputDelta(s, a, z, y, m).mul(m).mul(1 / m);
        }

        @Override
        protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
            return aPrev.transpose().mmul(dz).add(w.mul(lambda * (1 / m)));
        }
    }

    /** m read once, on the first call, and kept in a field. */
    static final class FrozenBatchSize extends PlainNetwork {
        private int frozen;

        @Override
        protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
            if (frozen == 0) {
                frozen = m;
            }
            return super.outputDelta(s, a, z, y, m).mul(m).div(frozen);
        }
    }

    /** The question's w_grad kept in a field: summed into on every call, never reset. */
    static final class SumsNeverReset extends PlainNetwork {
        private Tensors sums;

        @Override
        public Tensors gradients(NetworkCase c) {
            Tensors g = super.gradients(c);
            if (sums == null) {
                sums = g.map((n, a) -> a.mul(0));
            }
            for (String n : g.names()) {
                sums.get(n).addi(g.get(n));
            }
            return sums.copy();
        }
    }

    static List<Bug> all() {
        List<Bug> b = new ArrayList<>();
        String intDiv = "integer division";
        for (Object[] e : new Object[][] {{"04", TWO_LAYER}, {"05", TWO_LAYER}, {"06", TWO_LAYER}, {"07", REGULARISED},
                {"08", SQUARED_ERROR}, {"09", DEEP}, {"10", CLASSIFIERS}, {"11", QUESTION}}) {
            b.add(new Bug("every gradient 0: 1 / m with an int m (" + e[0] + ")", (String) e[0], new IntegerDivision(),
                    (CaseSpace) e[1], intDiv));
        }
        b.add(new Bug("a learning rate folded into every gradient (0.1 · dW)", "08", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                return super.gradients(c).map((n, a) -> a.mul(0.1));
            }
        }, SQUARED_ERROR, "one constant multiplies every gradient"));
        b.add(new Bug("the question's m = 4 written into the per-sample gradient", "06", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).mul(m).div(4);
            }
        }, TWO_LAYER.withBatch(1, 1), "divided by 4, not by this batch's m"));
        b.add(new Bug("1/m missing from the softmax delta", "10", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).mul(m);
            }
        }, CLASSIFIERS, "the 1/m of the batch mean is missing"));
        b.add(new Bug("a per-sample loop over X.getRow(i), a rank-1 row (06)", "06", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                Tensors sum = null;
                for (int i = 0; i < c.m(); i++) {
                    INDArray x = c.x().getRow(i); // rank 1: the mistake; getRow(i, true) keeps a 1×n0 row
                    INDArray z1 = x.mmul(c.params().get("W1"));
                    sum = Tensors.of("W1", z1);
                }
                return sum;
            }
        }, TWO_LAYER, "rank-1 vector"));
        b.add(new Bug("the batch size kept from the first call (06)", "06", new FrozenBatchSize(), TWO_LAYER, "stale state"));
        b.add(new Bug("the batch size kept from the first call (04)", "04", new FrozenBatchSize(), SQUARED_ERROR, "stale state"));
        b.add(new Bug("the batch size kept from the first call (10)", "10", new FrozenBatchSize(), CLASSIFIERS, "stale state"));
        b.add(new Bug("gradient sums kept in a field, never reset, whatever the shapes (06)", "06", new SumsNeverReset(),
                TWO_LAYER, "accumulate across calls"));
        b.add(new Bug("gradient sums kept in a field, never reset, whatever the shapes (08)", "08", new SumsNeverReset(),
                SQUARED_ERROR, "accumulate across calls"));
        return b;
    }
}

package backprop.harness.catalogue;

import static backprop.harness.catalogue.ExerciseSpaces.*;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.NetworkCase;
import backprop.harness.testnets.PlainNetwork;

/** An input returned as its gradient, a shape exception in learner code, arrays changed in place, a loss off by a constant. */
final class FormAndLossBugs {
    private FormAndLossBugs() {
    }

    /** The cross-entropy's logarithm in base 2. */
    static final class LogBaseTwo extends PlainNetwork {
        @Override
        protected double dataLoss(NetSpec s, Cache k, INDArray y) {
            double d = super.dataLoss(s, k, y);
            return s.loss() == Loss.MSE ? d : d / Math.log(2);
        }
    }

    /** As exercise 04's and 09's adapters do: the forward cache is compared before and after backward. */
    abstract static class CacheCheckedNetwork extends PlainNetwork {
        private Cache last;
        private Tensors before;
        INDArray lastX;

        @Override
        protected Cache forward(NetworkCase c, Tensors p) {
            last = super.forward(c, p);
            lastX = last.a[0];
            before = cached(last).copy();
            return last;
        }

        @Override
        public Tensors gradients(NetworkCase c) {
            Tensors g = super.gradients(c);
            backprop.harness.check.ChangedInPlace.requireUnchanged("backward", "the forward cache", before, cached(last));
            return g;
        }

        private static Tensors cached(Cache k) {
            Tensors t = Tensors.empty();
            for (int l = 0; l < k.a.length; l++) {
                t.put("A" + l, k.a[l]);
                if (k.z[l] != null) {
                    t.put("Z" + l, k.z[l]);
                }
            }
            return t;
        }
    }

    static List<Bug> all() {
        List<Bug> b = new ArrayList<>();
        b.add(new Bug("W2 returned in place of dW2", "04", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                return super.gradients(c).put("W2", c.params().get("W2").dup());
            }
        }, TWO_LAYER, "itself, the array you were given"));
        b.add(new Bug("dW = A · dZ without the transpose (a shape exception inside backward)", "04", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                return aPrev.mmul(dz);
            }
        }, TWO_LAYER, "the likely fix: "));
        b.add(new Bug("dW = A · dZ without the transpose, deep network", "09", new PlainNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                return aPrev.mmul(dz);
            }
        }, DEEP, "the likely fix: "));
        b.add(new Bug("backward centres X in place (X.subi)", "06", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                c.x().subi(c.x().mean(0));
                return super.gradients(c);
            }
        }, TWO_LAYER, "changed its input X"));
        b.add(new Bug("the loss writes A − Y into Y (Y.subi)", "04", new PlainNetwork() {
            @Override
            protected double dataLoss(NetSpec s, Cache k, INDArray y) {
                if (s.loss() != Loss.MSE) {
                    return super.dataLoss(s, k, y);
                }
                INDArray d = y.subi(k.a[s.layers()]);
                return 0.5 * d.mul(d).sumNumber().doubleValue();
            }
        }, SQUARED_ERROR, "changed its input Y"));
        b.add(new Bug("cross-entropy with a base-2 logarithm (04)", "04", new LogBaseTwo(),
                TWO_LAYER.withHeads(backprop.harness.cases.CaseSpace.Head.of(backprop.harness.api.Activation.SIGMOID, Loss.BCE)),
                "a logarithm in base 2"));
        b.add(new Bug("softmax cross-entropy with a base-2 logarithm (10)", "10", new LogBaseTwo(), CLASSIFIERS,
                "a logarithm in base 2"));
        b.add(new Bug("backward doubles the cached A1 in place after using it (c.A1().muli(2))", "04", new CacheCheckedNetwork() {
            @Override
            protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
                INDArray g = super.weightGradient(aPrev, dz, w, lambda, m);
                if (aPrev != lastX) {
                    aPrev.muli(2);
                }
                return g;
            }
        }, TWO_LAYER, "changed A1 of the forward cache in place"));
        b.add(new Bug("db returned for a layer whose bias is off", "09", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                Tensors g = super.gradients(c);
                for (int l = 1; l <= c.spec().layers(); l++) {
                    if (!c.spec().hasBias(l)) {
                        g.put("b" + l, org.nd4j.linalg.factory.Nd4j.zeros(1, c.spec().width(l)));
                    }
                }
                return g;
            }
        }, DEEP.withBiases(backprop.harness.cases.CaseSpace.Biases.NEVER), "were returned, but this network has only"));
        b.add(new Bug("the L2 term of the loss without its ½", "07", new PlainNetwork() {
            @Override
            protected double regularisation(NetworkCase c) {
                return 2 * super.regularisation(c);
            }
        }, REGULARISED, "the L2 term is counted twice"));
        return b;
    }
}

package backprop.harness.catalogue;

import static backprop.harness.catalogue.ExerciseSpaces.*;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.NetworkCase;
import backprop.harness.testnets.PlainNetwork;

/** The delta on its way down: stopped, not multiplied by Wᵀ, another activation's slope, dW from the wrong layer. */
final class PropagationBugs {
    private PropagationBugs() {
    }

    /** dA of the layer below left as the zeros it was created with. */
    static final class DeltaNotPassed extends PlainNetwork {
        @Override
        protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
            INDArray da = Nd4j.zeros(dz.rows(), w.rows());
            return da.mul(derivative(f, zPrev, aPrev));
        }
    }

    /** dA = dZ above, without the product with Wᵀ: equal widths, or one output spread over the columns. */
    static final class NoWeights extends PlainNetwork {
        @Override
        protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
            INDArray da = dz.columns() == w.rows() ? dz.dup() : Nd4j.ones(dz.rows(), w.rows()).mulColumnVector(dz);
            return da.mul(derivative(f, zPrev, aPrev));
        }
    }

    /** Another activation's slope, written from a, in the hidden layers (target) where the true one is {@code real}'s. */
    static PlainNetwork hiddenSlope(Activation real, Activation used) {
        return new PlainNetwork() {
            @Override
            protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
                return f == real ? dz.mmul(w.transpose()).mul(fromA(used, aPrev)) : super.propagate(dz, w, f, zPrev, aPrev);
            }
        };
    }

    static INDArray fromA(Activation g, INDArray a) {
        switch (g) {
            case SIGMOID: return a.mul(a.rsub(1.0));
            case TANH: return a.mul(a).rsub(1.0);
            default: return org.nd4j.linalg.ops.transforms.Transforms.step(a);
        }
    }

    /** dW of a layer formed from another cached quantity than the layer's input A{l-1}. */
    static final class WrongInput extends PlainNetwork {
        private final boolean useZ;
        private Cache last;

        WrongInput(boolean useZ) {
            this.useZ = useZ;
        }

        @Override
        protected Cache forward(NetworkCase c, Tensors p) {
            last = super.forward(c, p);
            return last;
        }

        @Override
        protected INDArray weightGradient(INDArray aPrev, INDArray dz, INDArray w, double lambda, int m) {
            for (int i = 1; i < last.a.length; i++) {
                if (aPrev == last.a[i]) {
                    INDArray in = useZ ? last.z[i] : last.a[i - 1];
                    if (in.columns() == aPrev.columns()) {
                        return super.weightGradient(in, dz, w, lambda, m);
                    }
                }
            }
            return super.weightGradient(aPrev, dz, w, lambda, m);
        }
    }

    static List<Bug> all() {
        List<Bug> b = new ArrayList<>();
        String stopped = "the delta never reached";
        b.add(new Bug("the delta not passed down: dA1 left at zeros (04)", "04", new DeltaNotPassed(), TWO_LAYER, stopped));
        b.add(new Bug("the delta not passed down: dA left at zeros (09)", "09", new DeltaNotPassed(),
                DEEP.withHiddenLayers(1, 3), stopped));
        b.add(new Bug("the delta not passed down: dA1 left at zeros (11)", "11", new DeltaNotPassed(), QUESTION, stopped));
        String noW = "without the product with W";
        b.add(new Bug("dA1 = dZ2 spread over the columns, not multiplied by W2ᵀ (one output)", "04", new NoWeights(),
                TWO_LAYER.withOutputs(1, 1), noW));
        b.add(new Bug("dA = dZ above, not multiplied by Wᵀ (equal widths)", "09", new NoWeights(),
                ExerciseSpaces.deep(Activation.TANH).withInputs(3, 3).withWidth(3, 3).withOutputs(3, 3), noW));
        b.add(new Bug("dW1 never computed: a zero array returned, db1 right", "04", new PlainNetwork() {
            @Override
            public Tensors gradients(NetworkCase c) {
                Tensors g = super.gradients(c);
                return g.put("W1", g.get("W1").mul(0));
            }
        }, TWO_LAYER, "itself is never computed"));
        b.add(new Bug("tanh's slope 1 − a² for the sigmoid hidden layer (04)", "04", hiddenSlope(Activation.SIGMOID, Activation.TANH),
                TWO_LAYER, "uses tanh's slope where sigmoid's belongs"));
        b.add(new Bug("tanh's slope 1 − a² for the sigmoid hidden layer (11)", "11", hiddenSlope(Activation.SIGMOID, Activation.TANH),
                QUESTION, "uses tanh's slope where sigmoid's belongs"));
        b.add(new Bug("tanh's slope 1 − a² for the sigmoid output (squared error)", "05", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return a.sub(y).div(m).mul(a.mul(a).rsub(1.0));
            }
        }, SQUARED_ERROR, "uses tanh's slope where sigmoid's belongs"));
        b.add(new Bug("sigmoid's slope a(1 − a) for tanh hidden layers", "09", hiddenSlope(Activation.TANH, Activation.SIGMOID),
                ExerciseSpaces.deep(Activation.TANH), "uses sigmoid's slope where tanh's belongs"));
        b.add(new Bug("tanh's slope for sigmoid hidden layers under a softmax", "10", hiddenSlope(Activation.SIGMOID, Activation.TANH),
                CLASSIFIERS.withHiddenLayers(1, 2).withHiddenActivations(Activation.SIGMOID), "uses tanh's slope where sigmoid's belongs"));
        b.add(new Bug("σ' applied twice in the hidden layers", "09", new PlainNetwork() {
            @Override
            protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
                return super.propagate(dz, w, f, zPrev, aPrev).mul(derivative(f, zPrev, aPrev));
            }
        }, ExerciseSpaces.deep(Activation.SIGMOID), "twice"));
        b.add(new Bug("plain ReLU's derivative for leaky ReLU", "09", new PlainNetwork() {
            @Override
            protected INDArray derivative(Activation f, INDArray z, INDArray a) {
                return f == Activation.LEAKY_RELU ? super.derivative(Activation.RELU, z, a) : super.derivative(f, z, a);
            }
        }, ExerciseSpaces.deep(Activation.LEAKY_RELU), "uses plain ReLU's derivative"));
        b.add(new Bug("dW2 formed from X instead of A1", "04", new WrongInput(false),
                TWO_LAYER.withInputs(3, 3).withWidth(3, 3), "is formed from A0 = X instead of A1"));
        b.add(new Bug("dW formed from Z, before the activation, instead of A", "09", new WrongInput(true),
                ExerciseSpaces.deep(Activation.TANH), "the pre-activation, instead of A"));
        b.add(new Bug("dW2 formed from Z1 instead of A1 (course notation)", "05", new WrongInput(true),
                TWO_LAYER, "the pre-activation, instead of A1"));
        b.add(new Bug("the output layer's derivative (identity's 1) used for the sigmoid layer below it", "09", new PlainNetwork() {
            @Override
            protected INDArray propagate(INDArray dz, INDArray w, Activation f, INDArray zPrev, INDArray aPrev) {
                return dz.mmul(w.transpose());
            }
        }, ExerciseSpaces.deep(Activation.SIGMOID).withHiddenLayers(1, 1)
                .withHeads(CaseSpace.Head.of(Activation.IDENTITY, backprop.harness.api.Loss.MSE)), "without the factor f'(Z1)"));
        b.add(new Bug("softmax delta times P ⊙ (1 − P), as for squared error after a sigmoid", "10", new PlainNetwork() {
            @Override
            protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
                return super.outputDelta(s, a, z, y, m).mul(a.mul(a.rsub(1.0)));
            }
        }, CLASSIFIERS, "the error is most likely in the output delta"));
        return b;
    }
}

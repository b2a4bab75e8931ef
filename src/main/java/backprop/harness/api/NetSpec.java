package backprop.harness.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;


/**
 * The architecture of a fully connected network: layer sizes n0 (inputs) ... nL (outputs),
 * one activation and one bias switch per layer, a loss and an L2 strength lambda.
 *
 * <p>Notation used by the whole kata: layer l = 1..L has weights W{l} (n{l-1} × n{l}) and,
 * if its bias is on, bias b{l} (1 × n{l}); Z{l} = A{l-1} · W{l} + b{l} and A{l} = f{l}(Z{l})
 * are m × n{l}, with A0 = X (m × n0) and Y (m × nL).
 */
public record NetSpec(List<Integer> sizes, List<Activation> activations, List<Boolean> bias,
                      Loss loss, double lambda) {

    public NetSpec {
        if (sizes == null || activations == null || bias == null || loss == null) {
            throw new IllegalArgumentException("NetSpec: sizes, activations, bias and loss must all be given (one was null)");
        }
        sizes = List.copyOf(sizes);
        activations = List.copyOf(activations);
        bias = List.copyOf(bias);
        int layers = sizes.size() - 1;
        if (layers < 1) {
            throw new IllegalArgumentException("NetSpec: need at least an input size and an output size, got sizes " + sizes);
        }
        for (int i = 0; i < sizes.size(); i++) {
            if (sizes.get(i) < 1) {
                throw new IllegalArgumentException("NetSpec: layer sizes must be at least 1, got n" + i + " = " + sizes.get(i) + " in " + sizes);
            }
        }
        if (activations.size() != layers || bias.size() != layers) {
            throw new IllegalArgumentException("NetSpec: sizes " + sizes + " describe " + layers + " layer(s), but got "
                    + activations.size() + " activation(s) and " + bias.size() + " bias switch(es); give one of each per layer");
        }
        for (int l = 0; l < layers - 1; l++) {
            if (activations.get(l) == Activation.SOFTMAX) {
                throw new IllegalArgumentException("NetSpec: softmax is only supported on the output layer, found it on layer " + (l + 1));
            }
        }
        Activation out = activations.get(layers - 1);
        if (!loss.accepts(out)) {
            throw new IllegalArgumentException("NetSpec: " + loss.label() + " cannot follow a " + out.label() + " output"
                    + " (binary cross-entropy needs sigmoid, softmax cross-entropy needs softmax)");
        }
        if (loss == Loss.SOFTMAX_CE && sizes.get(layers) < 2) {
            throw new IllegalArgumentException("NetSpec: softmax cross-entropy needs at least 2 classes, got nL = " + sizes.get(layers));
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("NetSpec: lambda must be a finite number >= 0, got " + lambda);
        }
    }

    /** Starts a spec from layer sizes n0, n1, ..., nL: sigmoid everywhere, biases on, MSE, lambda 0. */
    public static NetSpec of(int... sizes) {
        List<Integer> s = new ArrayList<>();
        for (int n : sizes) {
            s.add(n);
        }
        int layers = Math.max(sizes.length - 1, 0);
        return new NetSpec(s, Collections.nCopies(layers, Activation.SIGMOID),
                Collections.nCopies(layers, true), Loss.MSE, 0);
    }

    public NetSpec withActivations(Activation... acts) {
        return new NetSpec(sizes, List.of(acts), bias, loss, lambda);
    }

    /** Hidden layers get {@code hidden}, the output layer gets {@code output}. */
    public NetSpec withActivations(Activation hidden, Activation output) {
        List<Activation> a = new ArrayList<>(Collections.nCopies(layers() - 1, hidden));
        a.add(output);
        return new NetSpec(sizes, a, bias, loss, lambda);
    }

    public NetSpec withBias(Boolean... on) {
        return new NetSpec(sizes, activations, List.of(on), loss, lambda);
    }

    public NetSpec withAllBiases(boolean on) {
        return new NetSpec(sizes, activations, Collections.nCopies(layers(), on), loss, lambda);
    }

    /** Output activation and loss together, e.g. {@code withHead(Activation.SOFTMAX, Loss.SOFTMAX_CE)}. */
    public NetSpec withHead(Activation output, Loss l) {
        List<Activation> a = new ArrayList<>(activations);
        a.set(layers() - 1, output);
        return new NetSpec(sizes, a, bias, l, lambda);
    }

    public NetSpec withLoss(Loss l) {
        return new NetSpec(sizes, activations, bias, l, lambda);
    }

    public NetSpec withLambda(double lam) {
        return new NetSpec(sizes, activations, bias, loss, lam);
    }

    /** Number of layers with weights, L. */
    public int layers() {
        return sizes.size() - 1;
    }

    /** n{l}; n0 is the number of inputs. */
    public int width(int l) {
        return sizes.get(l);
    }

    /** Activation of layer l, 1-based as in the notation. */
    public Activation activation(int l) {
        return activations.get(l - 1);
    }

    /** Whether layer l (1-based) has a bias. */
    public boolean hasBias(int l) {
        return bias.get(l - 1);
    }

    public Activation output() {
        return activations.get(layers() - 1);
    }

    public boolean hasKinks() {
        return activations.stream().anyMatch(Activation::hasKinkAtZero);
    }

    /** Parameter names in order: W1, b1, W2, b2, ... (b only where the bias is on). */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= layers(); l++) {
            names.add("W" + l);
            if (hasBias(l)) {
                names.add("b" + l);
            }
        }
        return names;
    }

    /** Sizes joined by dashes, e.g. "3-5-1". */
    public String shortSizes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sizes.size(); i++) {
            sb.append(i == 0 ? "" : "-").append(sizes.get(i));
        }
        return sb.toString();
    }

    /** One line, e.g. "3-5-1, sigmoid → sigmoid, mean squared error, lambda 0, biases on/on". */
    public String describe() {
        StringBuilder acts = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int l = 1; l <= layers(); l++) {
            acts.append(l == 1 ? "" : " → ").append(activation(l).label());
            b.append(l == 1 ? "" : "/").append(hasBias(l) ? "on" : "off");
        }
        return shortSizes() + ", " + acts + ", " + loss.label() + ", lambda " + plain(lambda)
                + ", biases " + b;
    }

    /** lambda as written in a report: "0", "0.5", "1e-3". */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}

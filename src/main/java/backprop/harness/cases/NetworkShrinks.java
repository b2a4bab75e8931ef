package backprop.harness.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.core.Elements;

/**
 * The simpler neighbours of a network case, simplest change first: fewer layers, a smaller
 * batch, narrower layers, biases off, a simpler head, a simpler hidden activation, lambda 0,
 * rounder numbers. Every neighbour stays inside the property's {@link CaseSpace} and away from
 * ReLU kinks (where a gradient is a matter of convention). Neighbours are built lazily, as the
 * shrinker asks for them; one that does not apply to this case is left out, never signalled
 * with an exception.
 */
public final class NetworkShrinks {
    private NetworkShrinks() {
    }

    public static Stream<NetworkCase> of(NetworkCase c, CaseSpace space) {
        return builders(c, space).stream().map(Supplier::get).filter(Objects::nonNull)
                .filter(space::contains).filter(n -> !nearKink(n));
    }

    /** A unit exactly on a ReLU kink makes its gradient a matter of convention: not a useful example. */
    private static boolean nearKink(NetworkCase c) {
        return PreActivations.hasKinks(c) && PreActivations.nearestKink(PreActivations.kinked(c, c.params())) < 1e-6;
    }

    private static List<Supplier<NetworkCase>> builders(NetworkCase c, CaseSpace space) {
        List<Supplier<NetworkCase>> out = new ArrayList<>();
        NetSpec s = c.spec();
        int layers = s.layers();
        for (int l = 1; l < layers; l++) {
            final int drop = l;
            out.add(() -> withoutHiddenLayer(c, drop));
        }
        int m = c.m();
        if (m > 1) {
            out.add(() -> rows(c, 0, (m + 1) / 2));
            out.add(() -> rows(c, 0, m - 1));
            out.add(() -> rows(c, 1, m));
        }
        for (int l = 1; l < layers; l++) {
            if (s.width(l) > 1) {
                final int layer = l;
                out.add(() -> withoutUnit(c, layer, s.width(layer) - 1));
                out.add(() -> withoutUnit(c, layer, 0));
            }
        }
        if (s.width(0) > 1) {
            out.add(() -> withoutUnit(c, 0, s.width(0) - 1));
            out.add(() -> withoutUnit(c, 0, 0));
        }
        if (s.width(layers) > (s.loss() == Loss.SOFTMAX_CE ? 2 : 1)) {
            out.add(() -> withoutUnit(c, layers, s.width(layers) - 1));
        }
        for (int l = 1; l <= layers; l++) {
            if (s.hasBias(l)) {
                final int layer = l;
                out.add(() -> withoutBias(c, layer));
            }
        }
        for (CaseSpace.Head h : space.heads()) {
            if (h.matches(s.output(), s.loss())) {
                break;
            }
            if (fits(c, h)) {
                out.add(() -> withHead(c, h));
            }
        }
        if (!space.hiddenActivations().isEmpty()) {
            Activation simplest = space.hiddenActivations().get(0);
            for (int l = 1; l < layers; l++) {
                if (s.activation(l) != simplest) {
                    final int layer = l;
                    out.add(() -> withHiddenActivation(c, layer, simplest));
                }
            }
        }
        if (s.lambda() != 0) {
            out.add(() -> new NetworkCase(s.withLambda(0), c.params(), c.x(), c.y(), c.origin(), c.layerStep()));
        }
        out.add(() -> rounded(c, 10));
        out.add(() -> rounded(c, 1));
        return out;
    }

    /** Whether the case's outputs and targets suit the head (softmax needs two classes, BCE targets in [0, 1]). */
    private static boolean fits(NetworkCase c, CaseSpace.Head h) {
        int outputs = c.spec().width(c.spec().layers());
        if (h.loss() == Loss.SOFTMAX_CE) {
            return outputs >= 2 && c.y().minNumber().doubleValue() >= 0
                    && Elements.same(c.y().sum(true, 1), org.nd4j.linalg.factory.Nd4j.ones(c.y().dataType(), c.m(), 1));
        }
        if (h.loss() == Loss.BCE) {
            return c.y().minNumber().doubleValue() >= 0 && c.y().maxNumber().doubleValue() <= 1;
        }
        return true;
    }

    private static NetworkCase withoutHiddenLayer(NetworkCase c, int l) {
        NetSpec s = c.spec();
        List<Integer> sizes = new ArrayList<>(s.sizes());
        sizes.remove(l);
        List<Activation> acts = new ArrayList<>(s.activations());
        acts.remove(l - 1);
        List<Boolean> bias = new ArrayList<>(s.bias());
        bias.remove(l - 1);
        Tensors p = Tensors.empty();
        for (int k = 1; k <= s.layers(); k++) {
            if (k == l) {
                continue;
            }
            int nk = k < l ? k : k - 1;
            INDArray w = k == l + 1 ? c.params().get("W" + l).mmul(c.params().get("W" + k)) : c.params().get("W" + k).dup();
            p.put("W" + nk, w);
            if (s.hasBias(k)) {
                p.put("b" + nk, c.params().get("b" + k).dup());
            }
            if (c.layerStep() != null && k < s.layers()) {
                StepParameters.renumber(c.layerStep(), c.params(), k, nk, p);
            }
        }
        return new NetworkCase(new NetSpec(sizes, acts, bias, s.loss(), s.lambda()), p, c.x(), c.y(), c.origin(), c.layerStep());
    }

    private static NetworkCase rows(NetworkCase c, int from, int to) {
        INDArray x = c.x().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        INDArray y = c.y().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
        return new NetworkCase(c.spec(), c.params(), x, y, c.origin(), c.layerStep());
    }

    /** Removes unit j of layer l (l = 0: an input; l = L: an output). */
    private static NetworkCase withoutUnit(NetworkCase c, int l, int j) {
        NetSpec s = c.spec();
        List<Integer> sizes = new ArrayList<>(s.sizes());
        sizes.set(l, sizes.get(l) - 1);
        Tensors p = c.params().copy();
        INDArray x = c.x();
        INDArray y = c.y();
        if (l == 0) {
            x = dropColumn(x, j);
        } else {
            p.put("W" + l, dropColumn(p.get("W" + l), j));
            if (s.hasBias(l)) {
                p.put("b" + l, dropColumn(p.get("b" + l), j));
            }
            if (c.layerStep() != null && l < s.layers() && !StepParameters.dropUnit(c.layerStep(), p, l, s.width(l), j)) {
                return null; // a declared shape that does not shrink with its layer
            }
        }
        if (l < s.layers()) {
            p.put("W" + (l + 1), dropColumn(p.get("W" + (l + 1)).transpose(), j).transpose().dup());
        } else {
            y = dropColumn(y, j);
            if (s.loss() == Loss.SOFTMAX_CE) {
                INDArray sums = y.sum(true, 1);
                if (sums.minNumber().doubleValue() <= 0) {
                    return null; // a sample would have no class left
                }
                y = y.divColumnVector(sums);
            }
        }
        return new NetworkCase(new NetSpec(sizes, s.activations(), s.bias(), s.loss(), s.lambda()), p, x, y, c.origin(), c.layerStep());
    }

    private static INDArray dropColumn(INDArray a, int j) {
        long n = a.columns();
        List<INDArray> keep = new ArrayList<>();
        if (j > 0) {
            keep.add(a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, j)));
        }
        if (j < n - 1) {
            keep.add(a.get(NDArrayIndex.all(), NDArrayIndex.interval(j + 1, n)));
        }
        return Nd4j.hstack(keep.toArray(new INDArray[0])).dup('c');
    }

    private static NetworkCase withoutBias(NetworkCase c, int l) {
        List<Boolean> bias = new ArrayList<>(c.spec().bias());
        bias.set(l - 1, false);
        Tensors p = Tensors.empty();
        for (String n : c.params().names()) {
            if (!n.equals("b" + l)) {
                p.put(n, c.params().get(n));
            }
        }
        NetSpec s = c.spec();
        return new NetworkCase(new NetSpec(s.sizes(), s.activations(), bias, s.loss(), s.lambda()), p, c.x(), c.y(), c.origin(), c.layerStep());
    }

    private static NetworkCase withHead(NetworkCase c, CaseSpace.Head h) {
        NetSpec s = c.spec();
        List<Activation> acts = new ArrayList<>(s.activations());
        acts.set(s.layers() - 1, h.output());
        return new NetworkCase(new NetSpec(s.sizes(), acts, s.bias(), h.loss(), s.lambda()), c.params(), c.x(), c.y(), c.origin(), c.layerStep());
    }

    private static NetworkCase withHiddenActivation(NetworkCase c, int l, Activation f) {
        NetSpec s = c.spec();
        List<Activation> acts = new ArrayList<>(s.activations());
        acts.set(l - 1, f);
        return new NetworkCase(new NetSpec(s.sizes(), acts, s.bias(), s.loss(), s.lambda()), c.params(), c.x(), c.y(), c.origin(), c.layerStep());
    }

    /** Rounds parameters and X to multiples of 1/scale; Y too where the loss allows any value. */
    private static NetworkCase rounded(NetworkCase c, double scale) {
        Tensors p = c.params().map((n, a) -> round(a, scale));
        INDArray x = round(c.x(), scale);
        INDArray y = c.spec().loss() == Loss.MSE ? round(c.y(), scale) : c.y();
        boolean same = Elements.same(x, c.x()) && Elements.same(y, c.y());
        for (String n : p.names()) {
            same &= Elements.same(p.get(n), c.params().get(n));
        }
        if (same) {
            return null; // already round: not a simpler case
        }
        return new NetworkCase(c.spec(), p, x, y, c.origin(), c.layerStep());
    }

    private static INDArray round(INDArray a, double scale) {
        INDArray r = a.dup();
        for (long i = 0; i < r.rows(); i++) {
            for (long j = 0; j < r.columns(); j++) {
                double v = Math.round(r.getDouble(i, j) * scale) / scale;
                r.putScalar(i, j, v == 0 ? 0.0 : v);
            }
        }
        return r;
    }
}

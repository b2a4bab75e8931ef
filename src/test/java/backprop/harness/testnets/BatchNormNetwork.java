package backprop.harness.testnets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.CaseSpace;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.cases.CustomLoss;
import backprop.harness.cases.LayerStep;
import backprop.harness.cases.NetworkCase;

/**
 * A network with batch normalisation between Z and the activation of every hidden layer, with
 * its γ{l} and β{l}, written as an instructor would on the public API only: the step declared
 * once ({@link #STEP}), the network in plain ND4J. Correct as it stands; the two backward steps
 * of γ and β are protected so that a catalogued mistake overrides exactly one.
 */
public class BatchNormNetwork extends PlainNetwork {
    /** ε of the variance, as batch normalisation usually takes it. */
    public static final double EPS = 1e-5;

    // docs/HARNESS.md: layer step
    /** Z̃ = γ ⊙ X̂ + β with X̂ = (Z − μ)/√(σ² + ε), μ and σ² (with 1/m) per column over the batch. */
    public static final LayerStep STEP = LayerStep.of("batch norm", "Z̃ = γ ⊙ (Z − μ)/√(σ² + ε) + β, μ and σ² over the batch",
            (z, p) -> normalised(z).mulRowVector(p.get("gamma")).addRowVector(p.get("beta")),
            (sd, z, p) -> {
                SDVariable centred = z.sub(z.mean(true, 0));
                SDVariable std = sd.math.sqrt(centred.mul(centred).mean(true, 0).add(EPS));
                // std.rdiv(centred), not centred.div(std): ND4J 1.0.0-M2.1's div gives a wrong gradient to a 1×1
                // divisor (a layer of width 1), which the width-1 cases showed (docs/HARNESS.md).
                return std.rdiv(centred).mul(p.get("gamma")).add(p.get("beta"));
            })
            .withParameter("gamma", LayerStep.ROW, rng -> rng.nextDouble(0.5, 2))
            .withParameter("beta", LayerStep.ROW, rng -> rng.nextDouble(-1, 1));

    /** Every head, one or two hidden layers, three activations (ReLU's kink sits after the step), regression targets of scale 5. */
    public static final CaseSpace SPACE = CaseSpace.networks().withHiddenLayers(1, 2)
            .withHiddenActivations(Activation.SIGMOID, Activation.TANH, Activation.RELU).withLambda(true)
            .withLayerStep(STEP)
            .withHeads(Head.of(Activation.IDENTITY, Loss.MSE).withTargets((rng, m, k) -> CustomLoss.GAUSSIAN.draw(rng, m, k).mul(5)),
                    Head.of(Activation.SIGMOID, Loss.BCE), Head.of(Activation.SOFTMAX, Loss.SOFTMAX_CE));
    // end

    static INDArray normalised(INDArray z) {
        INDArray centred = z.subRowVector(z.mean(true, 0));
        return centred.divRowVector(std(centred));
    }

    private static INDArray std(INDArray centred) {
        return Transforms.sqrt(centred.mul(centred).mean(true, 0).add(EPS), true);
    }

    /** Per layer: Z, X̂, √(σ² + ε), Z̃ and A (A[0] = X). */
    private record Pass(INDArray[] z, INDArray[] xHat, INDArray[] std, INDArray[] zt, INDArray[] a) {
    }

    private Pass run(NetworkCase c) {
        NetSpec s = c.spec();
        Tensors p = c.params();
        int layers = s.layers();
        Pass k = new Pass(new INDArray[layers + 1], new INDArray[layers + 1], new INDArray[layers + 1], new INDArray[layers + 1],
                new INDArray[layers + 1]);
        k.a()[0] = c.x();
        for (int l = 1; l <= layers; l++) {
            INDArray z = k.a()[l - 1].mmul(p.get("W" + l));
            if (s.hasBias(l)) {
                z = z.addRowVector(p.get("b" + l));
            }
            k.z()[l] = z;
            if (l < layers) {
                INDArray centred = z.subRowVector(z.mean(true, 0));
                k.std()[l] = std(centred);
                k.xHat()[l] = centred.divRowVector(k.std()[l]);
                k.zt()[l] = k.xHat()[l].mulRowVector(p.get("gamma" + l)).addRowVector(p.get("beta" + l));
            } else {
                k.zt()[l] = z;
            }
            k.a()[l] = activate(s.activation(l), k.zt()[l]);
        }
        return k;
    }

    @Override
    public double loss(NetworkCase c) {
        Pass k = run(c);
        Cache last = new Cache(c.spec().layers());
        last.a[c.spec().layers()] = k.a()[c.spec().layers()];
        last.z[c.spec().layers()] = k.z()[c.spec().layers()];
        return dataLoss(c.spec(), last, c.y()) / c.m() + regularisation(c);
    }

    @Override
    public Tensors gradients(NetworkCase c) {
        NetSpec s = c.spec();
        Tensors p = c.params();
        Pass k = run(c);
        int m = c.m();
        int layers = s.layers();
        Tensors g = Tensors.empty();
        INDArray dz = outputDelta(s, k.a()[layers], k.z()[layers], c.y(), m);
        for (int l = layers; l >= 1; l--) {
            INDArray w = p.get("W" + l);
            g.put("W" + l, weightGradient(k.a()[l - 1], dz, w, s.lambda(), m));
            if (s.hasBias(l)) {
                g.put("b" + l, biasGradient(dz, p.get("b" + l), s.lambda(), m));
            }
            if (l > 1) {
                int h = l - 1;
                INDArray dzt = dz.mmul(w.transpose()).mul(derivative(s.activation(h), k.zt()[h], k.a()[h]));
                g.put("gamma" + h, dGamma(dzt, k.xHat()[h]));
                g.put("beta" + h, dBeta(dzt, m));
                dz = throughStep(dzt, k.xHat()[h], p.get("gamma" + h), k.std()[h]);
            }
        }
        return g;
    }

    /** Z enters X̂ directly and through μ and σ²: dZ = γ/σ ⊙ (dZ̃ − mean(dZ̃) − X̂ ⊙ mean(dZ̃ ⊙ X̂)). */
    protected INDArray throughStep(INDArray dzt, INDArray xHat, INDArray gamma, INDArray std) {
        return dzt.subRowVector(dzt.mean(true, 0)).sub(xHat.mulRowVector(dzt.mul(xHat).mean(true, 0)))
                .mulRowVector(gamma.div(std));
    }

    /** dγ = Σ over the batch of dZ̃ ⊙ X̂, one row. */
    protected INDArray dGamma(INDArray dzt, INDArray xHat) {
        return dzt.mul(xHat).sum(true, 0);
    }

    /** dβ = Σ over the batch of dZ̃, one row (dZ̃ already carries J's 1/m). */
    protected INDArray dBeta(INDArray dzt, int m) {
        return dzt.sum(true, 0);
    }
}

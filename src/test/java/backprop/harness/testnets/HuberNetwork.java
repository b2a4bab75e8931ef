package backprop.harness.testnets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.CustomLoss;
import backprop.harness.core.Elements;

/**
 * {@link PlainNetwork} under the Huber loss with δ = 1, a loss the harness does not ship: the
 * harness's own correct network for {@link #LOSS}, and the base its catalogued mistakes override.
 */
public class HuberNetwork extends PlainNetwork {
    /** The Huber loss, given to the harness with its exact ∂J/∂A, over targets wide enough to reach both branches. */
    public static final CustomLoss LOSS = CustomLoss.exact("Huber loss", "J = 1/m Σ h(A − Y), h(r) = ½r² for |r| ≤ 1, |r| − ½ beyond",
            (a, y) -> sum(a, y) / a.rows(), (a, y) -> clip(a.sub(y)).div(a.rows()))
            .withTargets((rng, m, k) -> CustomLoss.GAUSSIAN.draw(rng, m, k).mul(3));

    /** Σ h(A − Y). */
    static double sum(INDArray a, INDArray y) {
        double s = 0;
        for (double r : Elements.toArray(a.sub(y))) {
            s += Math.abs(r) <= 1 ? 0.5 * r * r : Math.abs(r) - 0.5;
        }
        return s;
    }

    static INDArray clip(INDArray r) {
        return Transforms.min(Transforms.max(r, -1.0, true), 1.0, true);
    }

    @Override
    protected double dataLoss(NetSpec s, Cache k, INDArray y) {
        return sum(k.a[s.layers()], y);
    }

    @Override
    protected INDArray outputDelta(NetSpec s, INDArray a, INDArray z, INDArray y, int m) {
        return clip(a.sub(y)).div(m).mul(derivative(s.output(), z, a));
    }
}

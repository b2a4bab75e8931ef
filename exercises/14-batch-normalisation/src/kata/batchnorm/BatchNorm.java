package kata.batchnorm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms; // Transforms.sqrt(x, true), Transforms.pow(x, 2, true) give new arrays

/**
 * Batch normalisation of a layer's m × n pre-activations X, column by column over the batch:
 * X̂ = (X − μ) / √(σ² + ε) with μ and σ² (the 1/m variance) of each column, then Y = γ ⊙ X̂ + β
 * with a learned scale γ and shift β (1 × n each). No method may change its arguments.
 */
public final class BatchNorm {

    /** ∂J/∂X (m×n), ∂J/∂γ (1×n), ∂J/∂β (1×n). */
    public record Gradients(INDArray dX, INDArray dGamma, INDArray dBeta) { }

    private BatchNorm() {
    }

    /** X̂ (m×n): each column of X shifted to mean 0 and scaled to variance 1 (up to ε). */
    public static INDArray normalise(INDArray X, double eps) {
        throw new UnsupportedOperationException("not implemented yet: BatchNorm.normalise — (X − μ) / √(σ² + ε), column by"
                + " column (see exercises/14-batch-normalisation/README.md)");
    }

    /** Y (m×n) = γ ⊙ X̂ + β, γ and β applied to every row. */
    public static INDArray forward(INDArray X, INDArray gamma, INDArray beta, double eps) {
        throw new UnsupportedOperationException("not implemented yet: BatchNorm.forward — Y = γ ⊙ X̂ + β");
    }

    /**
     * From dY = ∂J/∂Y (m×n): dβ = column sums of dY, dγ = column sums of dY ⊙ X̂, and
     * dX = γ/√(σ² + ε) ⊙ (dY − mean(dY) − X̂ ⊙ mean(dY ⊙ X̂)), means over the batch.
     */
    public static Gradients backward(INDArray X, INDArray gamma, INDArray dY, double eps) {
        throw new UnsupportedOperationException("not implemented yet: BatchNorm.backward — dβ, dγ, and dX through the"
                + " batch mean and variance");
    }
}

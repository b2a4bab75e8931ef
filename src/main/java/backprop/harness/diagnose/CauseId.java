package backprop.harness.diagnose;

/**
 * Every cause the diagnosis can name. Causes of different failing cases are compared by id (and
 * by factor where the id carries one), never by the words of their message, so a message can be
 * reworded without changing how the evidence votes.
 */
public enum CauseId {
    NOT_COMPILED, NOT_IMPLEMENTED, NULL_POINTER, SHAPE_MISMATCH, EXCEPTION,
    NOT_DOUBLE, TRANSPOSED_SHAPE, BIAS_PER_SAMPLE, WRONG_SHAPE, BAD_OUTPUT,
    /** A layer step's row parameter (γ, β) given one gradient row per sample: its sum over the batch is missing. */
    STEP_PARAMETER_PER_SAMPLE,
    MUTATES_INPUT, ACCUMULATES, STALE_STATE, NOT_FINITE,
    LOSS_NO_L2, LOSS_L2_TWICE, LOSS_L2_ON_BIAS, LOSS_SUMMED, LOSS_DIVIDED_TWICE, LOSS_TWICE, LOSS_HALF, LOSS_LOG_BASE, LOSS_FACTOR,
    LOSS_OTHER(true),
    FACTOR_SIGN, FACTOR_M, FACTOR_ONE_OVER_M, FACTOR_TWO, FACTOR_HALF, FACTOR_OTHER,
    BIAS_ACTIVATION_OVERWRITTEN, GRADIENT_ZERO, L2_MISSING, L2_WITHOUT_M, L2_WRONG_MULTIPLE, L2_ON_BIAS,
    TRANSPOSED_SQUARE, UNUSED_PARAMETER,
    DELTA_NO_FPRIME, DELTA_FPRIME_TWICE, DELTA_FPRIME_OF_A, DELTA_AFORM_OF_Z, DELTA_MSE_WITH_BCE, DELTA_FROM_LOGITS,
    HIDDEN_RELU_ONE, HIDDEN_NO_FPRIME, HIDDEN_FPRIME_TWICE, HIDDEN_FPRIME_OF_A, HIDDEN_AFORM_OF_Z, HIDDEN_LEAKY_AS_RELU,
    HIDDEN_W_NOT_TRANSPOSED, BIAS_ONE_ROW,
    /** Another activation's slope (factor: which one), in the output delta or a hidden layer. */
    DELTA_WRONG_SLOPE, HIDDEN_WRONG_SLOPE,
    /** dA = dZ above without the product with Wᵀ. */
    HIDDEN_NO_W,
    /** The delta stops at a layer: it and everything below it is 0 while the layer above is right. */
    DELTA_NOT_PASSED,
    /** dW from the wrong layer's activation (factor: which A; -1 for Z). */
    DW_WRONG_INPUT,
    /** Every gradient 0 together: a factor 0 (Java's integer 1 / m). */
    ALL_ZERO,
    /** A batch size frozen from an earlier call (factor: that m). */
    STALE_BATCH_SIZE,
    /** A gradient that is an input or a parameter itself. */
    INPUT_RETURNED,
    /** Works on one batch size, fails after a call with another: an array kept between calls. */
    STATE_ACROSS_BATCH_SIZES,
    /** An array given to or returned by the learner changed after the call returned (a cache). */
    MUTATES_CACHE,
    LOSS_NOT_WHAT_GRADIENTS_DIFFERENTIATE(true),
    WHERE_OUTPUT(true), WHERE_W_ONLY(true), WHERE_B_ONLY(true), WHERE_PROPAGATE(true),
    /** In a layer with a step: only the step's own gradients wrong; or W and b wrong while the step's are right. */
    WHERE_STEP_PARAMETER(true), WHERE_THROUGH_STEP(true),
    /** A function check's wrong gradient: zero, transposed, sign, constant factor, an input returned, an activation's a-form fed z. */
    FUNCTION_ZERO, FUNCTION_TRANSPOSED, FUNCTION_SIGN, FUNCTION_FACTOR, FUNCTION_INPUT_RETURNED, FUNCTION_VALUE_OFF, FUNCTION_AFORM_OF_Z,
    OTHER(true);

    private final boolean generic;

    CauseId() {
        this(false);
    }

    CauseId(boolean generic) {
        this.generic = generic;
    }

    /** Says only where an error is, not what it is: dropped when a specific cause is found. */
    public boolean generic() {
        return generic;
    }
}

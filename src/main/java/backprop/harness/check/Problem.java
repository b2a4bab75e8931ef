package backprop.harness.check;

/**
 * One thing wrong with the learner's result on one case. Kinds are listed in the order a
 * report should mention them: an exception hides everything after it, a wrong loss explains
 * wrong gradients, and so on.
 */
public record Problem(Kind kind, String quantity, String detail, Throwable cause) {

    /** Kinds that one bug can show as, depending on the case. */
    public enum Family { CRASH, FORM, STATE, VALUES }

    public enum Kind {
        /** The learner's code does not compile (the learner build compiles past errors). */
        NOT_COMPILED(Family.CRASH),
        /** The exercise's stub still throws "not implemented yet". */
        NOT_IMPLEMENTED(Family.CRASH),
        /** Learner code threw. */
        EXCEPTION(Family.CRASH),
        /** A result array is FLOAT (or another non-double type). */
        NOT_DOUBLE(Family.FORM),
        /** A gradient is missing, null, of the wrong shape, or an unexpected one is present. */
        BAD_OUTPUT(Family.FORM),
        /** NaN or infinity in the loss or a gradient. */
        NOT_FINITE(Family.FORM),
        /** The learner's code changed an input array (X, Y, a parameter). */
        MUTATES_INPUT(Family.STATE),
        /** Two identical calls gave different gradients. */
        NOT_REPEATABLE(Family.STATE),
        /** The loss value differs from the reference's: a forward-pass bug. */
        WRONG_LOSS(Family.VALUES),
        /** A gradient differs from the reference's. */
        WRONG_GRADIENT(Family.VALUES),
        /** The gradients disagree with finite differences of the learner's own loss. */
        INCONSISTENT(Family.VALUES);

        private final Family family;

        Kind(Family family) {
            this.family = family;
        }

        /** Failures of one family are "the same failure" for shrinking; crashes only of the same kind. */
        public Family family() {
            return family;
        }
    }

    /** The kind for something learner code threw. */
    public static Kind kindOf(Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof ChangedInPlace) {
            return Kind.MUTATES_INPUT;
        }
        if (e.getClass() == Error.class && m.startsWith("Unresolved compilation")) {
            return Kind.NOT_COMPILED;
        }
        if (e instanceof UnsupportedOperationException && m.startsWith("not implemented yet")) {
            return Kind.NOT_IMPLEMENTED;
        }
        return Kind.EXCEPTION;
    }

    public Problem(Kind kind, String quantity, String detail) {
        this(kind, quantity, detail, null);
    }
}

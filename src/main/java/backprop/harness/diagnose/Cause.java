package backprop.harness.diagnose;

/**
 * A likely cause in plain words and where to look. {@code certain} is true only when the
 * evidence admits one reading (e.g. a gradient that is exactly the true one times m).
 * {@code factor} is the number a cause found where its id alone does not say it (an unnamed
 * constant factor; NaN for the others, whose id says it: "×m", "×2"): two failing cases share a
 * cause when their ids match and, where there is one, their factors do.
 */
public record Cause(CauseId id, String text, String lookAt, boolean certain, double factor) {

    public Cause(CauseId id, String text, String lookAt, boolean certain) {
        this(id, text, lookAt, certain, Double.NaN);
    }

    public boolean sameAs(Cause other) {
        if (id != other.id) {
            return false;
        }
        if (Double.isNaN(factor) || Double.isNaN(other.factor)) {
            return Double.isNaN(factor) == Double.isNaN(other.factor);
        }
        return Math.abs(factor - other.factor) <= 1e-6 * Math.max(1, Math.abs(factor));
    }

    Cause asGuess() {
        return new Cause(id, text, lookAt, false, factor);
    }
}

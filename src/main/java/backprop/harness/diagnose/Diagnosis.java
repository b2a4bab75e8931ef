package backprop.harness.diagnose;

/**
 * A likely cause in plain words and where to look. {@code certain} is true only when the
 * evidence admits one reading (e.g. a gradient that is exactly the true one times m). The
 * {@code key} names the cause's family, so that diagnoses of several failing cases can be
 * compared: a cause counts only if every case shows it.
 */
public record Diagnosis(String cause, String lookAt, boolean certain, String key) {
    /** Keyed by the cause's words with numbers and layer indices taken out. */
    public Diagnosis(String cause, String lookAt, boolean certain) {
        this(cause, lookAt, certain, cause.replaceAll("\\d+(\\.\\d+)?(e-?\\d+)?", "#"));
    }

    Diagnosis asGuess() {
        return new Diagnosis(cause, lookAt, false, key);
    }
}

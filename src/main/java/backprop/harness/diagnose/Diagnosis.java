package backprop.harness.diagnose;

/**
 * A likely cause in plain words and where to look. {@code certain} is true only when the
 * evidence admits one reading (e.g. a gradient that is exactly the true one times m).
 */
public record Diagnosis(String cause, String lookAt, boolean certain) {
}

package backprop.harness.diagnose;

import java.util.List;

/**
 * One family of causes: reads the evidence of one failing case and returns the causes it
 * supports (none when it has nothing to say). A rule never throws on purpose; if it does, the
 * {@link Diagnoser} records the failure instead of losing it.
 */
public interface Rule {
    List<Cause> causes(Evidence e);

    /** Stop after this rule when it found something: what follows would only repeat it (a crash hides the rest). */
    default boolean stopsDiagnosis() {
        return false;
    }
}

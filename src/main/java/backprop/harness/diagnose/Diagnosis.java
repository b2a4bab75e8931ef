package backprop.harness.diagnose;

import java.util.List;

/**
 * The causes named for a failure, and how far the evidence carries them.
 *
 * @param causes      most likely first
 * @param support     whether every failing case examined shows them
 * @param examined    how many failing cases were examined
 * @param ruleErrors  rules that threw while reading the evidence (a harness bug, shown in the
 *                    harness's own tests, never silently dropped)
 */
public record Diagnosis(List<Cause> causes, Support support, int examined, List<RuleError> ruleErrors) {

    public enum Support {
        /** Every failing case examined shows every cause listed. */
        ALL_CASES,
        /** No cause holds in all cases; those listed hold in most of them, or in the shown one. */
        SOME_CASES
    }

    /** A rule that threw, with what it threw. */
    public record RuleError(String rule, Throwable error) {
    }

    public Diagnosis {
        causes = List.copyOf(causes);
        ruleErrors = List.copyOf(ruleErrors);
    }

    /** Whether the report may state the causes as facts: all cases support them and each is certain. */
    public boolean stated() {
        return support == Support.ALL_CASES && causes.stream().allMatch(Cause::certain);
    }
}

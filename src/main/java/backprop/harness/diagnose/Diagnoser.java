package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.check.CaseResult;
import backprop.harness.check.FunctionResult;

/**
 * Names the most likely causes of a failure from the evidence: each rule family reads each
 * failing case, and {@link Voting} keeps what the cases agree on. Rules run in this order; a
 * crash or a malformed result stops the rest, since nothing after it is evidence.
 */
public final class Diagnoser {
    private static final List<Rule> RULES = List.of(new CrashRule(), new OutputFormRule(), new StateRule(),
            new NotFiniteRule(), new LossRule(), new FactorRule(), new PropagationRule(), new ElementRule(), new HypothesisRule(),
            new LocalisationRule(), new UnusedParameterRule(), new ConsistencyRule());

    private Diagnoser() {
    }

    /** Diagnoses several failing cases of the same code; the first is the one shown. */
    public static Diagnosis diagnose(List<CaseResult> failing) {
        List<List<Cause>> perCase = new ArrayList<>();
        List<Diagnosis.RuleError> errors = new ArrayList<>();
        for (CaseResult r : failing) {
            perCase.add(causes(Evidence.of(r), errors));
        }
        return Voting.vote(perCase, errors);
    }

    /** The causes of one function check's failure (one point: nothing to vote on). */
    public static Diagnosis diagnose(FunctionResult r) {
        if (!r.problems().isEmpty() && r.problems().get(0).kind() == backprop.harness.check.Problem.Kind.EXCEPTION) {
            // A shape exception is read the same way as in a network: operands, letters where known, the likely fix.
            return new Diagnosis(List.of(CrashRule.exception(r.problems().get(0))), Diagnosis.Support.ALL_CASES, 1, List.of());
        }
        return new Diagnosis(FunctionRules.causes(r), Diagnosis.Support.ALL_CASES, 1, List.of());
    }

    static List<Cause> causes(Evidence e, List<Diagnosis.RuleError> errors) {
        List<Cause> out = new ArrayList<>();
        for (Rule rule : RULES) {
            List<Cause> found;
            try {
                found = rule.causes(e);
            } catch (RuntimeException ex) {
                errors.add(new Diagnosis.RuleError(rule.getClass().getSimpleName(), ex));
                continue;
            }
            out.addAll(found);
            if (rule.stopsDiagnosis() && !found.isEmpty()) {
                return out;
            }
        }
        if (out.isEmpty()) {
            out.add(new Cause(CauseId.OTHER, e.first().detail() + ".", e.first().quantity(), false));
        }
        return out;
    }
}

package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines the causes found in several failing cases of the same code (the shown case first).
 * A cause every case shows is kept as found; when none is common to all, the causes most cases
 * show (else the first case's) are offered as guesses, so a pattern that one small case shows by
 * coincidence is never stated as fact.
 */
final class Voting {
    private Voting() {
    }

    static Diagnosis vote(List<List<Cause>> perCase, List<Diagnosis.RuleError> errors) {
        List<Cause> first = perCase.get(0);
        List<Cause> common = new ArrayList<>();
        for (Cause c : first) {
            // FactorRule and ElementRule both read a single wrong gradient's factor: one finding, said once.
            if (perCase.stream().allMatch(o -> contains(o, c)) && !contains(common, c)) {
                common.add(c);
            }
        }
        if (!common.isEmpty()) {
            return new Diagnosis(specificFirst(common), Diagnosis.Support.ALL_CASES, perCase.size(), errors);
        }
        // Guesses: causes most cases show, but only those the shown case shows too, in the shown
        // case's words, so the text never names quantities or layers the shown case does not have.
        List<Cause> guesses = new ArrayList<>();
        for (Cause c : first) {
            long n = perCase.stream().filter(o -> contains(o, c)).count();
            if (2 * n > perCase.size() && !contains(guesses, c)) {
                guesses.add(c.asGuess());
            }
        }
        if (guesses.isEmpty()) {
            for (Cause c : first) {
                if (!contains(guesses, c)) {
                    guesses.add(c.asGuess());
                }
            }
        }
        return new Diagnosis(specificFirst(guesses), Diagnosis.Support.SOME_CASES, perCase.size(), errors);
    }

    private static boolean contains(List<Cause> causes, Cause c) {
        return causes.stream().anyMatch(x -> x.sameAs(c));
    }

    /** A specific finding makes a general "where the error starts" redundant. */
    static List<Cause> specificFirst(List<Cause> causes) {
        List<Cause> out = new ArrayList<>(causes);
        boolean specific = out.stream().anyMatch(c -> !c.id().generic());
        out.removeIf(c -> specific && c.id().generic());
        return out;
    }
}

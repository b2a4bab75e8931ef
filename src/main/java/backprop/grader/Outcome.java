package backprop.grader;

import java.math.BigDecimal;

/**
 * One graded test as it goes into results.json and the JUnit XML. A parameterised test is one
 * item: {@code cases} is how many invocations it ran (0 for a plain test), {@code casesPassed}
 * how many of them passed; it passes only when all of them do.
 */
record Outcome(TestCatalog.GradedTest test, String number, BigDecimal score, BigDecimal maxScore, boolean passed, String output,
        Assignment.Visibility visibility, int cases, int casesPassed) {

    /** The name a student reads: the exercise folder, then the test as a sentence. */
    String name() {
        return test.exercise() + ": " + test.name();
    }
}

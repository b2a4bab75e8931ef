package backprop.grader;

import java.math.BigDecimal;

/** One graded test as it goes into results.json and the JUnit XML. */
record Outcome(TestCatalog.GradedTest test, String number, BigDecimal score, BigDecimal maxScore, boolean passed, String output,
        Assignment.Visibility visibility) {

    /** The name a student reads: the exercise folder, then the test as a sentence. */
    String name() {
        return test.exercise() + ": " + test.name();
    }
}

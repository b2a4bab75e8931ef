package backprop.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import backprop.harness.junit.Checks;
import backprop.harness.reference.Nd4jSetup;

/**
 * Every catalogued bug must be caught, and its report must name the cause. The closing line
 * of the run states the detection and diagnosis rates.
 */
class CatalogueTest {
    private static int caught;
    private static int named;
    private static int total;

    static List<Bug> bugs() {
        return NetworkBugs.all();
    }

    @BeforeAll
    static void setUp() {
        Nd4jSetup.ensure();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void isCaughtAndItsCauseNamed(Bug bug) {
        total++;
        Checks checks = Checks.standalone("catalogue " + bug.exercise());

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> checks.forAll(bug.space(), bug.network()));

        assertThat(failure).as("the harness must reject: " + bug.name()).isNotNull();
        caught++;
        Reports.save(bug, failure.getMessage());
        // Reports wrap long lines; the cause must be there in words, wherever the lines break.
        String words = failure.getMessage().replaceAll("\\s+", " ");
        assertThat(words).as("the report for: " + bug.name()).contains(bug.expectedCause());
        named++;
    }

    static List<FunctionBug> functionBugs() {
        return FunctionBugs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionBugs")
    void isCaughtAtRandomPointsAndItsCauseNamed(FunctionBug bug) {
        total++;
        Checks checks = Checks.standalone("catalogue " + bug.exercise());

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> checks.forAllPoints(bug.name(), bug.points(), bug.function()));

        assertThat(failure).as("the harness must reject: " + bug.name()).isNotNull();
        caught++;
        Reports.save(new Bug(bug.name(), bug.exercise(), null, null, bug.expectedCause()), failure.getMessage());
        String words = failure.getMessage().replaceAll("\\s+", " ");
        assertThat(words).as("the report for: " + bug.name()).contains(bug.expectedCause());
        named++;
    }

    @AfterAll
    static void rates() {
        System.out.printf("catalogue: %d bugs, %d caught (%.0f%%), %d with the cause named (%.0f%%)%n",
                total, caught, 100.0 * caught / Math.max(total, 1), named, 100.0 * named / Math.max(total, 1));
    }
}

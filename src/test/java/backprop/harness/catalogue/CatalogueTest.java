package backprop.harness.catalogue;

import backprop.harness.api.Tensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import backprop.harness.junit.Checks;
import backprop.harness.core.Nd4jSetup;

/**
 * Every catalogued bug must be caught, and its report must name the cause. The closing line
 * of the run states the detection and diagnosis rates.
 */
class CatalogueTest {
    private static int caught;
    private static int named;
    private static int total;
    /** Per exercise: bugs, caught, named. */
    private static final java.util.Map<String, int[]> BY_EXERCISE = new java.util.TreeMap<>();

    private static int[] row(String exercise) {
        return BY_EXERCISE.computeIfAbsent(exercise.substring(0, 2), k -> new int[3]);
    }

    static List<Bug> bugs() {
        List<Bug> all = new java.util.ArrayList<>(NetworkBugs.all());
        all.addAll(ScalingAndStateBugs.all());
        all.addAll(PropagationBugs.all());
        all.addAll(FormAndLossBugs.all());
        all.addAll(CustomBugs.networks());
        return all;
    }

    @BeforeAll
    static void setUp() {
        Nd4jSetup.ensure();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void isCaughtAndItsCauseNamed(Bug bug) {
        total++;
        row(bug.exercise())[0]++;
        Checks checks = Checks.standalone("catalogue " + bug.exercise());

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> checks.forAll(bug.space(), bug.loss(), bug.network()));

        assertThat(failure).as("the harness must reject: " + bug.name()).isNotNull();
        caught++;
        row(bug.exercise())[1]++;
        Reports.save(bug, failure.getMessage());
        // Reports wrap long lines; the cause must be there in words, wherever the lines break.
        String words = failure.getMessage().replaceAll("\\s+", " ");
        assertThat(words).as("the report for: " + bug.name()).contains(bug.expectedCause());
        assertThat(words).as("no diagnosis rule may throw on: " + bug.name()).doesNotContain("the harness's own rule");
        assertThat(ReportConsistency.contradictions(failure.getMessage())).as("contradictions in the report for: " + bug.name())
                .isEmpty();
        named++;
        row(bug.exercise())[2]++;
    }

    static List<FunctionBug> functionBugs() {
        List<FunctionBug> all = new java.util.ArrayList<>(FunctionBugs.all());
        all.addAll(CustomBugs.functions());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionBugs")
    void isCaughtAtRandomPointsAndItsCauseNamed(FunctionBug bug) {
        total++;
        row(bug.exercise())[0]++;
        Checks checks = Checks.standalone("catalogue " + bug.exercise());

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> checks.forAllPoints(bug.name(), bug.points(), bug.function(),
                        backprop.harness.check.FiniteDifferences.KinkGuard.NONE, bug.exact()));

        assertThat(failure).as("the harness must reject: " + bug.name()).isNotNull();
        caught++;
        row(bug.exercise())[1]++;
        Reports.save(new Bug(bug.name(), bug.exercise(), null, null, bug.expectedCause()), failure.getMessage());
        String words = failure.getMessage().replaceAll("\\s+", " ");
        assertThat(words).as("the report for: " + bug.name()).contains(bug.expectedCause());
        assertThat(ReportConsistency.functionContradictions(failure.getMessage()))
                .as("contradictions in the report for: " + bug.name()).isEmpty();
        named++;
        row(bug.exercise())[2]++;
    }

    /** The question's np.random.random, and unit variance on a wide layer: 400 draws of W1 (fan-in 50). */
    static List<Object[]> initialisationBugs() {
        return List.of(
                new Object[] {"all-positive initialisation in [0, 1) (the question's np.random.random)", (Draw) r -> r.nextDouble(),
                    "like the question's np.random.random"},
                new Object[] {"unit-variance initialisation on a layer with fan-in 50", (Draw) r -> gaussian(r),
                    "scale the draws by 1/sqrt(fan-in)"});
    }

    interface Draw {
        double next(java.util.SplittableRandom r);
    }

    static double gaussian(java.util.SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static backprop.harness.api.Tensors draws(Draw d, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        org.nd4j.linalg.api.ndarray.INDArray w = org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 50 * 400, 4);
        for (int i = 0; i < 50 * 400; i++) {
            for (int j = 0; j < 4; j++) {
                w.putScalar(i, j, d.next(r));
            }
        }
        return backprop.harness.api.Tensors.of("W1", w);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initialisationBugs")
    void aBadInitialisationIsCaughtAndNamed(String name, Draw draw, String expectedCause) {
        total++;
        row("08")[0]++;
        Checks checks = Checks.standalone("catalogue 08");

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> checks.initialisation(name, draws(draw, 1), java.util.Map.of("W1", 50)));

        assertThat(failure).as("the harness must reject: " + name).isNotNull();
        caught++;
        row("08")[1]++;
        Reports.save(new Bug(name, "08", null, null, expectedCause), failure.getMessage());
        assertThat(failure.getMessage().replaceAll("\\s+", " ")).as("the report for: " + name).contains(expectedCause);
        named++;
        row("08")[2]++;
    }

    @AfterAll
    static void rates() {
        System.out.println("catalogue by exercise:  exercise  bugs  caught  named");
        for (var e : BY_EXERCISE.entrySet()) {
            System.out.printf("catalogue by exercise:  %-8s  %4d  %6d  %5d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]);
        }
        System.out.printf("catalogue: %d bugs, %d caught (%.0f%%), %d with the cause named (%.0f%%)%n",
                total, caught, 100.0 * caught / Math.max(total, 1), named, 100.0 * named / Math.max(total, 1));
    }
}

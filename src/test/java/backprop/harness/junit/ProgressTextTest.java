package backprop.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** What the learner build prints after its tests: one report per failure, grouped, and the progress last. */
class ProgressTextTest {
    @TempDir
    Path kata;

    private LearnerCode code;

    @BeforeEach
    void learnerFiles() throws IOException {
        for (String file : new String[] {"01-sigmoid/src/kata/sigmoid/Sigmoid.java", "02-losses-and-output-delta/src/kata/losses/Losses.java"}) {
            Path p = kata.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "// a learner's file\n");
        }
        code = LearnerCode.in(kata);
    }

    @Test
    void anExceptionThrownBelowTheLearnersCodeNamesTheLearnersLine() {
        IllegalStateException e = thrown(new IllegalStateException("shapes [2, 3] and [2, 3] do not multiply"),
                frame("org.nd4j.linalg.api.ndarray.BaseNDArray", "mmul", 3012),
                frame("kata.losses.Losses", "mse", 27),
                frame("kata.losses.LossesTest", "mseOfEqualArraysIsZero", 41));

        String text = FailureText.of(new RunRecord.Failure("kata.losses.LossesTest", "mseOfEqualArraysIsZero", e), code);

        assertThat(text).isEqualTo("IllegalStateException: shapes [2, 3] and [2, 3] do not multiply\n"
                + "  thrown in BaseNDArray.mmul(BaseNDArray.java:3012), called from your code at Losses.mse(Losses.java:27)\n"
                + "  from the test at LossesTest.java:41");
    }

    @Test
    void codeOutsideTheExerciseFoldersIsNotCalledTheLearners() {
        IllegalStateException e = thrown(new IllegalStateException("boom"),
                frame("kata.support.ShapeText", "of", 12), frame("kata.losses.LossesTest", "t", 41));

        String text = FailureText.of(new RunRecord.Failure("kata.losses.LossesTest", "t", e), code);

        assertThat(text).doesNotContain("your code").contains("from the test at LossesTest.java:41");
    }

    @Test
    void aMethodThatDoesNotCompileIsReportedAsSuch() {
        Error e = thrown(new Error("Unresolved compilation problem: \n\tSyntax error, insert \";\" to complete ReturnStatement\n"),
                frame("kata.sigmoid.Sigmoid", "primeFromA", 36), frame("kata.sigmoid.SigmoidTest", "t", 53));

        String text = FailureText.of(new RunRecord.Failure("kata.sigmoid.SigmoidTest", "t", e), code);

        assertThat(text).isEqualTo("your code does not compile yet, in Sigmoid.primeFromA(Sigmoid.java:36):\n"
                + "  Syntax error, insert \";\" to complete ReturnStatement");
    }

    @Test
    void theHarnesssReportIsShownAsItIs() {
        AssertionFailedError e = thrown(new AssertionFailedError("04-two-layer-network: db2 is wrong\n\nMost likely cause: …"),
                frame("backprop.harness.junit.Checks", "failNetwork", 204), frame("kata.twolayer.TwoLayerNetworkTest", "t", 60));

        assertThat(FailureText.of(new RunRecord.Failure("kata.twolayer.TwoLayerNetworkTest", "t", e), code))
                .isEqualTo("04-two-layer-network: db2 is wrong\n\nMost likely cause: …");
    }

    @Test
    void failuresComeByExerciseInOrderEachOnceAndTheProgressLast() {
        RunRecord run = new RunRecord();
        run.record("05-course-notation", "kata.coursenotation.CourseNetworkTest", "a", stub("CourseNetwork.forward", 20));
        run.record("02-losses-and-output-delta", "kata.losses.LossesTest", "mseIsHalfTheMeanSquare",
                thrown(new AssertionFailedError("[J of a 1×1 case] expected: 0.5 but was: 1.0"), frame("kata.losses.LossesTest", "x", 30)));
        run.record("02-losses-and-output-delta", "kata.losses.LossesTest", "bceIsFinite", null);
        run.record("01-sigmoid", "kata.sigmoid.SigmoidTest", "s", null);
        run.record("03-dense-layer", "kata.dense.DenseTest", "d", stub("Dense.forward", 15));

        String text = ProgressText.of(run, code);

        assertThat(text).containsSubsequence("── 02-losses-and-output-delta: 1 of 2 tests fail",
                "✗ LossesTest.mseIsHalfTheMeanSquare", "expected: 0.5 but was: 1.0", "checked at LossesTest.java:30",
                "Backprop Kata: your progress",
                "✓ 01-sigmoid", "✗ 02-losses-and-output-delta", "← next: exercises/02-losses-and-output-delta/README.md",
                "✗ 03-dense-layer", "not started", "✗ 05-course-notation", "not started");
        assertThat(text.split("expected: 0.5", -1)).as("the report appears once").hasSize(2);
        assertThat(text).as("untouched exercises other than the next show no report").doesNotContain("Dense.forward", "CourseNetwork.forward");
        assertThat(text.strip()).endsWith("Run one exercise alone with the command in its README.");
    }

    @Test
    void aMistakeInWrittenCodeComesBeforeTheStubsStillToWrite() {
        RunRecord run = new RunRecord();
        run.record("01-sigmoid", "kata.sigmoid.SigmoidTest", "arrays", stub("Sigmoid.of(INDArray)", 36));
        run.record("01-sigmoid", "kata.sigmoid.SigmoidTest", "numbers",
                thrown(new AssertionFailedError("[σ(0)] expected: 0.5 but was: 0.25"), frame("kata.sigmoid.SigmoidTest", "numbers", 120)));

        assertThat(ProgressText.inReadingOrder(run.exercises().get("01-sigmoid"))).extracting(RunRecord.Failure::method)
                .containsExactly("numbers", "arrays");
    }

    @Test
    void theNextExerciseUntouchedListsWhatItsStubsAskForInTheirOrder() {
        RunRecord run = new RunRecord();
        run.record("01-sigmoid", "kata.sigmoid.SigmoidTest", "b", stub("Sigmoid.prime(double)", 30));
        run.record("01-sigmoid", "kata.sigmoid.SigmoidTest", "a", stub("Sigmoid.of(double)", 20));
        run.record("01-sigmoid", "kata.sigmoid.SigmoidTest", "c", stub("Sigmoid.of(double)", 20));

        assertThat(ProgressText.of(run, code)).containsSubsequence("── 01-sigmoid: not started", "Its 3 tests wait for:",
                "  not implemented yet: Sigmoid.of(double)\n  not implemented yet: Sigmoid.prime(double)\n", "Backprop Kata: your progress");
    }

    @Test
    void theGatePrintsTheTextAndFailsTheBuildOnlyWhenATestFails() throws Exception {
        Path file = kata.resolve("progress.txt");
        Files.writeString(file, KataProgress.FAIL + "\nBackprop Kata: your progress\n  ✗ 01-sigmoid\n", StandardCharsets.UTF_8);
        assertThat(gate(file)).isEqualTo("1:Backprop Kata: your progress\n  ✗ 01-sigmoid\n");

        Files.writeString(file, KataProgress.PASS + "\nBackprop Kata: your progress\n  ✓ 01-sigmoid\n", StandardCharsets.UTF_8);
        assertThat(gate(file)).isEqualTo("0:Backprop Kata: your progress\n  ✓ 01-sigmoid\n");
    }

    /** Runs ProgressGate in its own JVM (it ends the JVM to fail the build): "exit status:output". */
    private static String gate(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dstdout.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                ProgressGate.class.getName(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + ":" + out;
    }

    private static UnsupportedOperationException stub(String what, int line) {
        String cls = what.substring(0, what.indexOf('.'));
        return thrown(new UnsupportedOperationException("not implemented yet: " + what),
                frame("kata.sigmoid." + cls, "m", line), frame("kata.sigmoid.SigmoidTest", "t", 99));
    }

    private static <T extends Throwable> T thrown(T e, StackTraceElement... frames) {
        e.setStackTrace(frames);
        return e;
    }

    private static StackTraceElement frame(String cls, String method, int line) {
        return new StackTraceElement(cls, method, cls.substring(cls.lastIndexOf('.') + 1) + ".java", line);
    }
}

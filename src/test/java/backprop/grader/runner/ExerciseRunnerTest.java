package backprop.grader.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** What a test's failure becomes in results.json, and which failures score the whole exercise 0. */
class ExerciseRunnerTest {

    @Test
    void aReportIsKeptAsTextWithoutAnsiCodes() {
        String text = ExerciseRunner.describe(new AssertionFailedError("\u001B[31m04-two-layer-network: db2 is wrong\u001B[0m"));

        assertThat(text).isEqualTo("04-two-layer-network: db2 is wrong");
    }

    @Test
    void anExceptionIsNamedWithItsPlaceInKataCodeOnly() {
        IllegalStateException e = new IllegalStateException("not implemented yet: forward");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("kata.twolayer.TwoLayerNetwork", "forward", "TwoLayerNetwork.java", 29),
            new StackTraceElement("backprop.grader.runner.ExerciseRunner", "main", "ExerciseRunner.java", 80),
            new StackTraceElement("org.junit.platform.launcher.core.DefaultLauncher", "execute", "DefaultLauncher.java", 1)});

        String text = ExerciseRunner.describe(e);

        assertThat(text).startsWith("Your code threw java.lang.IllegalStateException: not implemented yet: forward")
                .contains("at kata.twolayer.TwoLayerNetwork.forward(TwoLayerNetwork.java:29)")
                .doesNotContain("backprop.grader").doesNotContain("org.junit");
    }

    @Test
    void stackOverflowAndOutOfMemoryAreFatalEvenInsideAReport() {
        assertThat(ExerciseRunner.fatal(new StackOverflowError())).isEqualTo("stackoverflow");
        assertThat(ExerciseRunner.fatal(new RuntimeException(new OutOfMemoryError("Java heap space")))).isEqualTo("oom");
        assertThat(ExerciseRunner.fatal(new AssertionFailedError("your code threw java.lang.StackOverflowError in backward"))).isEqualTo("stackoverflow");
        assertThat(ExerciseRunner.fatal(new AssertionFailedError("db2 is wrong"))).isNull();
    }
}

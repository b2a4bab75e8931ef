package backprop.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.methvin.watcher.DirectoryWatcher;

/**
 * Watch mode as a learner meets it: in a copy of the kata holding exercise 01's stub, saving the
 * solution turns the verdict from ✗ to ✓, a wrong slope turns it back, and a line that does not
 * compile is reported as such, each noticed by the file watcher alone.
 */
class WatchModeTest {
    private static final Path SOLUTION = Path.of("solutions/01-sigmoid/src/kata/sigmoid/Sigmoid.java");
    private static final String SLOPE = "return a * (1 - a);";

    /** Generous: a check of exercise 01 takes about a second here; a missed save never ends. */
    private static final long WAIT_MS = 60_000;

    @TempDir
    Path project;

    @Test
    void aSavedFileChangesTheVerdict() throws Exception {
        Path learnerFile = project.resolve("exercises/01-sigmoid/src/kata/sigmoid/Sigmoid.java");
        copy(Path.of("exercises/01-sigmoid/src/kata/sigmoid/Sigmoid.java"), learnerFile);
        copy(Path.of("src/test/java/kata/sigmoid/SigmoidTest.java"), project.resolve("src/test/java/kata/sigmoid/SigmoidTest.java"));
        // The exercise after it, without its tests: what the verdict names as next.
        copy(Path.of("exercises/02-losses-and-output-delta/src/kata/losses/Losses.java"),
                project.resolve("exercises/02-losses-and-output-delta/src/kata/losses/Losses.java"));
        String solution = Files.readString(SOLUTION, StandardCharsets.UTF_8);
        assertThat(solution).as("the solution this test breaks on purpose").contains(SLOPE);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WatchMode watch = new WatchMode(project, WatchMode.classpath(), project.resolve("target/watch"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        watch.start();
        assertThat(text(bytes)).contains("✗ 01-sigmoid", "0 of 13 tests pass", "not implemented yet: Sigmoid.of(double)");

        DirectoryWatcher watcher = watch.watcher();
        watcher.watchAsync();
        try {
            String passed = afterSaving(watch, bytes, learnerFile, solution);
            assertThat(passed).contains("✓ 01-sigmoid passes, next: 02-losses-and-output-delta");

            String wrong = afterSaving(watch, bytes, learnerFile, solution.replace(SLOPE, "return a * (1 + a);"));
            assertThat(wrong).contains("✗ 01-sigmoid").doesNotContain("✓").containsPattern("\\d+ of 13 tests pass");

            String broken = afterSaving(watch, bytes, learnerFile, solution.replace(SLOPE, "return a * (1 - a)"));
            assertThat(broken).contains("your code does not compile yet, in Sigmoid.primeFromA(Sigmoid.java:");
        } finally {
            watcher.close();
        }
    }

    @Test
    void watchModeRunsAsManyTriesAsTheLearnerBuild() throws IOException {
        String pom = Files.readString(Path.of("course-parent", "pom.xml"), StandardCharsets.UTF_8);
        Matcher tries = Pattern.compile("<kata.tries>(\\d+)</kata.tries>").matcher(pom);
        assertThat(tries.find()).as("course-parent/pom.xml sets kata.tries").isTrue();
        assertThat(WatchMode.LEARNER_TRIES).as("WatchMode.LEARNER_TRIES against the learner build's kata.tries in course-parent/pom.xml")
                .isEqualTo(Integer.parseInt(tries.group(1)));
    }

    /** Saves the file and returns what watch mode printed about it. */
    private static String afterSaving(WatchMode watch, ByteArrayOutputStream bytes, Path file, String content)
            throws IOException, InterruptedException {
        int before = text(bytes).length();
        Files.writeString(file, content, StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (watch.checkNextChange(1000) && Pattern.compile("[✓✗] 01-sigmoid").matcher(text(bytes).substring(before)).find()) {
                return text(bytes).substring(before);
            }
        }
        throw new AssertionError("watch mode printed no verdict within " + WAIT_MS / 1000 + " s of saving " + file
                + "; it printed:\n" + text(bytes).substring(before));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

}

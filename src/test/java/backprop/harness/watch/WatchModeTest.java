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
import org.junit.jupiter.api.Timeout;
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
    @Timeout(120) // without the limit this test would wait for ever: the interrupt then ends it as a failure
    void anEndlessLoopIsStoppedAtTheLimitNamedInTheLearnersFileAndTheNextSaveIsChecked() throws Exception {
        Path learnerFile = project.resolve("exercises/01-sigmoid/src/kata/sigmoid/Sigmoid.java");
        copy(Path.of("exercises/01-sigmoid/src/kata/sigmoid/Sigmoid.java"), learnerFile);
        copy(Path.of("src/test/java/kata/sigmoid/SigmoidTest.java"), project.resolve("src/test/java/kata/sigmoid/SigmoidTest.java"));
        String solution = Files.readString(SOLUTION, StandardCharsets.UTF_8);
        int line = (int) solution.substring(0, solution.indexOf(SLOPE)).lines().count();
        // On the slope's own line, so the stack names it: σ'(a) for a in (0, 1) never reaches 2.
        String endless = solution.replace(SLOPE, "double s = a; while (s < 2) { s = s * 1; } " + SLOPE);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // 3 s of CPU time: far above what exercise 01 needs (under 0.5 s warm), far below the default.
        WatchMode watch = new WatchMode(project, WatchMode.classpath(), project.resolve("target/watch"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), 3);
        watch.start();
        DirectoryWatcher watcher = watch.watcher();
        watcher.watchAsync();
        try {
            String stuck = afterSaving(watch, bytes, learnerFile, endless, "01-sigmoid");
            assertThat(stuck).contains("✗ 01-sigmoid: your code did not return within 3 s, in SigmoidTest.")
                    .contains("It was running Sigmoid.primeFromA(Sigmoid.java:" + line + ")")
                    .contains("Watch mode stopped that run and keeps watching: save again to check.");

            // Code that waits uses no CPU time: stopped once it has computed nothing for as long.
            String waiting = afterSaving(watch, bytes, learnerFile, solution.replace(SLOPE,
                    "try { while (a < 2) { Thread.sleep(20); } } catch (InterruptedException e) { } " + SLOPE), "01-sigmoid");
            assertThat(waiting).contains("✗ 01-sigmoid: your code did not return within 3 s")
                    .contains("It was running Sigmoid.primeFromA(Sigmoid.java:" + line + ")");

            String fixed = afterSaving(watch, bytes, learnerFile, solution, "01-sigmoid");
            assertThat(fixed).contains("✓ 01-sigmoid passes");
        } finally {
            watcher.close();
        }
    }

    @Test
    void savingAnExerciseChecksTheExercisesThatUseItsCodeAgain() throws Exception {
        Path a = project.resolve("exercises/01-a/src/kata/a/A.java");
        write(a, "package kata.a;\n\npublic class A {\n    public static int twice(int x) {\n        return 2 * x;\n    }\n}\n");
        write(project.resolve("exercises/02-b/src/kata/b/B.java"),
                "package kata.b;\n\npublic class B {\n    public static int four() {\n        return kata.a.A.twice(2);\n    }\n}\n");
        write(project.resolve("exercises/03-c/src/kata/c/C.java"), "package kata.c;\n\npublic class C {\n}\n");
        // A stub that uses 01's code: not started, so named on one line, not given one of its own.
        write(project.resolve("exercises/04-d/src/kata/d/D.java"), "package kata.d;\n\npublic class D {\n"
                + "    public static int eight() {\n        throw new UnsupportedOperationException(\"not implemented yet: D.eight()\");\n    }\n\n"
                + "    static int helper() {\n        return kata.a.A.twice(4);\n    }\n}\n");
        write(project.resolve("src/test/java/kata/a/ATest.java"), test("kata.a", "01-a", "ATest", "twiceOfZeroIsZero", "0, A.twice(0)"));
        write(project.resolve("src/test/java/kata/b/BTest.java"), test("kata.b", "02-b", "BTest", "fourIsFour", "4, B.four()"));
        write(project.resolve("src/test/java/kata/c/CTest.java"), test("kata.c", "03-c", "CTest", "oneIsOne", "1, 1"));
        write(project.resolve("src/test/java/kata/d/DTest.java"), test("kata.d", "04-d", "DTest", "eightIsEight", "8, D.eight()"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WatchMode watch = new WatchMode(project, WatchMode.classpath(), project.resolve("target/watch"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        watch.start();
        assertThat(text(bytes)).contains("✓ 03-c", "✗ 04-d");
        DirectoryWatcher watcher = watch.watcher();
        watcher.watchAsync();
        try {
            // Still right for 01's own test (twice(0) = 0), wrong for 02, which calls it with 2; 03 does not use it.
            String broken = afterSaving(watch, bytes, a, Files.readString(a).replace("2 * x", "x + x * x"), "01-a");
            assertThat(broken).contains("✓ 01-a passes", "Exercises that use its code, checked again:")
                    .containsPattern("✗ 02-b +0 of  1 tests pass   first failing: BTest.fourIsFour").doesNotContain("03-c")
                    .contains("  not started yet: 04-d\n").doesNotContainPattern("✗ 04-d")
                    .as("what to do next, once 02 is known to fail").contains("Next: 02-b (exercises/02-b/README.md)")
                    .doesNotContain("every exercise passes");

            String failing = afterSaving(watch, bytes, a, Files.readString(a).replace("x + x * x", "1"), "01-a");
            assertThat(failing).contains("✗ 01-a").doesNotContain("checked again:")
                    .as("no user passed when last checked (02-b failed just before): none named").doesNotContain("uses its code");

            String mended = afterSaving(watch, bytes, a, Files.readString(a).replace("return 1;", "return 2 * x;"), "01-a");
            assertThat(mended).contains("✓ 01-a passes").containsPattern("✓ 02-b +1 of  1 tests pass");

            String again = afterSaving(watch, bytes, a, Files.readString(a).replace("return 2 * x;", "return 1;"), "01-a");
            assertThat(again).contains("(02-b uses its code and passed: checked again once it passes.)");
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

    private static String afterSaving(WatchMode watch, ByteArrayOutputStream bytes, Path file, String content)
            throws IOException, InterruptedException {
        return afterSaving(watch, bytes, file, content, "01-sigmoid");
    }

    /** Saves the file and returns what watch mode printed about it, once it printed a verdict on {@code exercise}. */
    private static String afterSaving(WatchMode watch, ByteArrayOutputStream bytes, Path file, String content, String exercise)
            throws IOException, InterruptedException {
        int before = text(bytes).length();
        Files.writeString(file, content, StandardCharsets.UTF_8);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (watch.checkNextChange(1000) && Pattern.compile("[✓✗] " + exercise).matcher(text(bytes).substring(before)).find()) {
                return text(bytes).substring(before);
            }
        }
        throw new AssertionError("watch mode printed no verdict within " + WAIT_MS / 1000 + " s of saving " + file
                + "; it printed:\n" + text(bytes).substring(before));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String test(String pkg, String exercise, String cls, String method, String assertion) {
        return "package " + pkg + ";\n\nimport static org.junit.jupiter.api.Assertions.assertEquals;\n\n"
                + "import org.junit.jupiter.api.Test;\n\nimport backprop.harness.junit.Exercise;\n\n"
                + "@Exercise(\"" + exercise + "\")\nclass " + cls + " {\n    @Test\n    void " + method + "() {\n        assertEquals("
                + assertion + ");\n    }\n}\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

}

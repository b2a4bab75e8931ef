package backprop.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;



/**
 * Grades one submission: takes its exercises' sources, compiles them against the grader's own
 * harness, checks their bytecode, runs each exercise's tests in a JVM of its own, and scores what
 * the grader itself observed. Nothing the submission prints or writes is read as a result.
 */
public final class Grader {
    private final Layout layout;
    private final Assignment assignment;
    private final PrintStream log;

    public Grader(Layout layout, Assignment assignment, PrintStream log) {
        this.layout = layout;
        this.assignment = assignment;
        this.log = log;
    }

    /** What a grading produced: every test's outcome, the summary shown on top, the time it took. */
    public record Report(List<Outcome> outcomes, String output, double seconds, Map<String, ExerciseJvm.Run> runs) {
        public BigDecimal score() {
            return Points.sum(outcomes, Outcome::score);
        }

        public BigDecimal maxScore() {
            return Points.sum(outcomes, Outcome::maxScore);
        }
    }

    public Report grade(Path submission, List<String> only, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> all = layout.exercises();
        List<String> graded = select(all, only);

        Path harness = work.resolve("harness");
        copyTree(layout.classes(), harness, rel -> !rel.startsWith("kata/")
                && !rel.equals("META-INF/services/org.junit.platform.launcher.TestExecutionListener"));
        Path tests = work.resolve("tests");
        copyTree(layout.testClasses(), tests, rel -> rel.startsWith("kata/"));
        List<Path> jars = layout.runtimeJars();

        List<Path> testRoots = new ArrayList<>(List.of(tests));
        Path hidden = null;
        if (assignment.hiddenTestsDir() != null) {
            hidden = HiddenTests.compile(layout, assignment.hiddenTestsDir(), work, harness, tests, jars);
            testRoots.add(hidden);
        }
        TestCatalog catalog = TestCatalog.discover(testRoots, hidden == null ? Set.of() : Set.of(hidden), Grader.class.getClassLoader());

        Intake intake = Intake.of(submission, all);
        List<Path> compileCp = new ArrayList<>(List.of(harness));
        compileCp.addAll(jars);
        StudentBuild build = StudentBuild.run(layout, intake, all, work, compileCp, catalog::isTestClass);
        Path student = work.resolve("student");
        Files.createDirectories(student);
        List<Instrumenter.Site> sites = build.instrumentInto(student);

        List<Path> runCp = new ArrayList<>(List.of(harness, tests));
        if (hidden != null) {
            runCp.add(hidden);
        }
        runCp.add(student);
        runCp.addAll(jars);

        Map<String, Future<ExerciseJvm.Run>> futures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(assignment.jobs);
        try {
            for (String e : graded) {
                if (build.violations.containsKey(e) || catalog.tests(e).isEmpty()) {
                    continue;
                }
                boolean probe = !assignment.numericalGradientsAllowed.contains(e);
                List<String> cmd = command(e, runCp, probe ? sites.size() : 0, catalog);
                Path dir = work.resolve("run").resolve(e);
                futures.put(e, pool.submit(() -> ExerciseJvm.run(cmd, dir, assignment.timeLimit(e))));
            }
            Map<String, ExerciseJvm.Run> runs = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ExerciseJvm.Run>> f : futures.entrySet()) {
                try {
                    ExerciseJvm.Run r = f.getValue().get();
                    runs.put(f.getKey(), r);
                    log.printf("%-28s %5.1f s (CPU %5.1f s)  peak RSS %4d MB  %s%n", f.getKey(), r.seconds, r.cpuSeconds, r.peakRssKb / 1024,
                            r.done ? "finished" : r.timedOut ? "timed out" : "ended early (exit " + r.exitCode + ")");
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IOException("could not run the tests of " + f.getKey() + ": " + ex.getCause(), ex.getCause());
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            StringBuilder summary = new StringBuilder();
            for (String e : graded) {
                int n = e.matches("\\d+-.*") ? Integer.parseInt(e.substring(0, e.indexOf('-'))) : graded.indexOf(e) + 1;
                outcomes.addAll(score(e, n, catalog, intake, build, runs.get(e), sites, summary));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Report(outcomes, header(outcomes, graded) + summary, seconds, runs);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> command(String exercise, List<Path> cp, int sites, TestCatalog catalog) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + assignment.heap(exercise) + "m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC"); // one GC thread: the machine's cores are for the tests
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Dkata.grading=true");
        cmd.add("-Dkata.tries=" + assignment.tries);
        if (assignment.seed != null) {
            cmd.add("-Dkata.grading.seed=" + assignment.seed);
        }
        cmd.add("-cp");
        cmd.add(StudentBuild.join(cp));
        cmd.add("backprop.grader.runner.ExerciseRunner");
        cmd.add(exercise);
        cmd.add(Integer.toString(sites));
        cmd.addAll(catalog.testClasses(exercise));
        cmd.add("--probe-only");
        cmd.addAll(catalog.helpers(exercise));
        return cmd;
    }

    private List<Outcome> score(String exercise, int number, TestCatalog catalog, Intake intake, StudentBuild build,
            ExerciseJvm.Run run, List<Instrumenter.Site> sites, StringBuilder summary) {
        List<TestCatalog.GradedTest> tests = catalog.tests(exercise);
        BigDecimal[] points = Points.split(assignment, exercise, tests);
        List<String> notes = new ArrayList<>(intake.notes(exercise));
        for (String f : build.stubbed.getOrDefault(exercise, List.of())) {
            notes.add(f + " is missing from the submission: the untouched stub was graded in its place.");
        }
        List<String> errors = build.compileErrors.getOrDefault(exercise, List.of());
        if (!errors.isEmpty()) {
            notes.add("Your code does not compile; each method with an error throws it when called, the rest was graded:\n  "
                    + String.join("\n  ", errors));
        }
        String zero = null; // why every test of the exercise scores 0, if one thing decides it
        if (build.violations.containsKey(exercise)) {
            zero = Verdicts.forbidden(exercise, build.violations.get(exercise));
        } else if (tests.isEmpty()) {
            summary.append(exercise).append(": no tests found for this exercise.\n");
            return List.of();
        } else {
            zero = Verdicts.jvmProblem(exercise, run, catalog, assignment);
            if (zero == null) {
                zero = Verdicts.numerical(exercise, run, sites);
            }
        }
        String prefix = notes.isEmpty() ? "" : String.join("\n", notes) + "\n\n";
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            TestCatalog.GradedTest t = tests.get(i);
            boolean passed;
            String output;
            int cases = 0;
            int casesPassed = 0;
            if (zero != null) {
                passed = false;
                output = zero;
            } else {
                String[] r = run.tests.get(t.uniqueId());
                if (r == null) {
                    passed = false;
                    output = "This test did not run" + Verdicts.containerReason(run, t);
                } else {
                    passed = r[0].equals("passed");
                    output = r[1];
                    cases = Integer.parseInt(r[2]);
                    casesPassed = Integer.parseInt(r[3]);
                }
            }
            if (!passed) {
                output = prefix + output;
            }
            out.add(new Outcome(t, number + "." + (i + 1), passed ? points[i] : BigDecimal.ZERO, points[i], passed, output, Points.visibility(assignment, exercise, t),
                    cases, casesPassed));
        }
        long pass = out.stream().filter(Outcome::passed).count();
        summary.append(String.format("%-28s %2d of %2d tests pass   %s of %s points%n", exercise, pass, out.size(),
                Points.text(Points.sum(out, Outcome::score)), Points.text(Points.sum(out, Outcome::maxScore))));
        if (zero != null) {
            summary.append("  ").append(zero.lines().findFirst().orElse("")).append('\n');
        }
        for (String note : notes) {
            summary.append("  ").append(note.lines().findFirst().orElse("")).append('\n');
        }
        return out;
    }

    private String header(List<Outcome> outcomes, List<String> graded) {
        return "Backprop Kata: " + Points.text(Points.sum(outcomes, Outcome::score)) + " of " + Points.text(Points.sum(outcomes, Outcome::maxScore)) + " points, " + graded.size() + " exercise(s) graded"
                + (assignment.seed == null ? " (no secret seed: the learner's own cases)" : "") + ".\n\n";
    }

    private List<String> select(List<String> all, List<String> only) {
        List<String> chosen = assignment.exercises.isEmpty() ? all : new ArrayList<>(assignment.exercises.keySet());
        for (String c : chosen) {
            if (!all.contains(c)) {
                throw new IllegalArgumentException("the assignment names exercise '" + c + "', which is not in " + layout.root().resolve("exercises")
                        + "; the exercises are: " + String.join(", ", all));
            }
        }
        if (only == null || only.isEmpty()) {
            return chosen;
        }
        List<String> out = new ArrayList<>();
        for (String o : only) {
            String match = chosen.stream().filter(e -> e.equals(o) || e.startsWith(o + "-") || e.startsWith(String.format("%02d-", parse(o))))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--exercises: no exercise '" + o + "' in this assignment; it has "
                            + String.join(", ", chosen)));
            if (!out.contains(match)) {
                out.add(match);
            }
        }
        out.sort(Comparator.comparingInt(chosen::indexOf));
        return out;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void copyTree(Path tree, Path to, java.util.function.Predicate<String> include) throws IOException {
        Path from = tree.toRealPath(); // the grader's own folders, which may be links; their contents are walked without following links
        Files.createDirectories(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                if (include.test(rel)) {
                    Path t = to.resolve(rel);
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        }
    }
}

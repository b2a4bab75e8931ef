package backprop.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code grader/grade [--exercises LIST] [--assignment FILE] [--junit FILE] SUBMISSION RESULTS_JSON}.
 * Exits 0 whenever grading completed, whatever the score; 2 for a wrong command line; 1 when
 * the grader itself could not run (its message says why).
 */
public final class Grade {
    private Grade() {
    }

    public static void main(String[] args) {
        // If the platform stops the grading (its own timeout), the exercise JVMs stop with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream log) {
        Path root = null;
        Path build = null;
        Path assignmentFile = null;
        Path junit = null;
        List<String> only = new ArrayList<>();
        boolean keep = false;
        Integer jobs = null;
        String hiddenTests = null;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--root" -> root = Path.of(args[++i]);
                    case "--build" -> build = Path.of(args[++i]);
                    case "--assignment" -> assignmentFile = Path.of(args[++i]);
                    case "--junit" -> junit = Path.of(args[++i]);
                    case "--exercises" -> only.addAll(Arrays.stream(args[++i].split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
                    case "--keep" -> keep = true;
                    case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                    case "--hidden-tests" -> hiddenTests = Path.of(args[++i]).toAbsolutePath().toString();
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (positional.size() != 2 || root == null || build == null) {
                throw new IllegalArgumentException("expected SUBMISSION and RESULTS_JSON");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            log.println("grader/grade: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option is missing its value" : e.getMessage()));
            log.println("usage: grader/grade [--exercises 04,06] [--assignment FILE.yaml] [--junit FILE.xml] [--jobs N] [--hidden-tests DIR] SUBMISSION RESULTS_JSON");
            return 2;
        }
        Path submission = Path.of(positional.get(0));
        Path results = Path.of(positional.get(1));
        if (!Files.isDirectory(submission)) {
            log.println("grader/grade: the submission " + submission + " is not a directory");
            return 2;
        }
        Path work = null;
        try {
            Layout layout = Layout.built(root, build);
            Assignment assignment = assignmentFile == null ? Assignment.defaults(root) : Assignment.read(assignmentFile);
            if (hiddenTests != null) {
                assignment.hiddenTests = hiddenTests; // absolute, so it does not depend on where the assignment file is
            }
            if (jobs != null) {
                assignment.jobs = Math.max(1, jobs);
            }
            work = Files.createTempDirectory("kata-grade-");
            Grader.Report report = new Grader(layout, assignment, log).grade(submission, only, work);
            ResultsWriter.gradescope(results, report.outcomes(), report.output(), report.seconds());
            ResultsWriter.junitXml(junit != null ? junit : results.resolveSibling(stem(results) + "-junit.xml"), report.outcomes(), report.seconds());
            log.print(report.output());
            log.printf("graded in %.1f s; results in %s%n", report.seconds(), results);
            return 0;
        } catch (IOException | RuntimeException | InterruptedException e) {
            log.println("grader/grade: the grader could not run: " + e.getMessage());
            return 1;
        } finally {
            if (work != null && !keep) {
                deleteQuietly(work);
            } else if (work != null) {
                log.println("workspace kept in " + work);
            }
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temp file is no reason to fail a grading
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}

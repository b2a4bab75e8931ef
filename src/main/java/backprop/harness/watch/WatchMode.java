package backprop.harness.watch;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;

import backprop.harness.junit.LearnerCode;
import backprop.harness.junit.ProgressText;
import backprop.harness.junit.RunRecord;

/**
 * {@code ./kata watch}: one warm JVM that, each time a file under exercises/ is saved, compiles
 * that exercise (and its tests) and runs its tests, then prints a short verdict: the progress
 * line and the first failure's report, or "✓ 04-… passes, next: 05-…".
 */
public final class WatchMode {
    /** The learner build's tries per property (kata.tries in course-parent/pom.xml), unless -Dkata.tries says otherwise. */
    static final int LEARNER_TRIES = 20;

    /** Editors save in bursts (a temporary file, a rename, a second write): changes this close together are one save. */
    private static final long QUIET_MS = 30;

    private final KataLayout layout;
    private final EcjCompiler compiler;
    private final ExerciseRunner runner;
    private final LearnerCode learnerCode;
    private final PrintStream out;
    private final Path classes;
    private final double limit;
    private final Map<String, Boolean> passes = new HashMap<>();
    private Users users;
    private final BlockingQueue<Path> changes = new LinkedBlockingQueue<>();

    WatchMode(Path project, List<Path> classpath, Path work, PrintStream out) {
        this(project, classpath, work, out, RunLimit.seconds());
    }

    /** {@code limit}: CPU seconds a run may take before it is stopped. */
    WatchMode(Path project, List<Path> classpath, Path work, PrintStream out, double limit) {
        this.layout = KataLayout.of(project);
        this.out = out;
        this.classes = work.resolve("classes");
        this.limit = limit;
        deleteTree(classes);
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.compiler = new EcjCompiler(classpath, classes);
        this.runner = new ExerciseRunner(classes);
        this.learnerCode = LearnerCode.in(layout.exercises());
        this.users = new Users(layout, runner, classes, learnerCode, passes, out);
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        if (System.getProperty("kata.tries") == null) {
            System.setProperty("kata.tries", Integer.toString(LEARNER_TRIES));
        }
        System.setProperty("kata.dir", project.resolve("exercises").toString());
        WatchMode watch = new WatchMode(project, classpath(), project.resolve("target/watch"), System.out);
        watch.start();
        DirectoryWatcher watcher = watch.watcher();
        watcher.watchAsync();
        watch.out.println("\nWatching exercises/: save a file to check its exercise. Ctrl-C stops.");
        try {
            while (true) {
                watch.checkNextChange(Long.MAX_VALUE);
            }
        } finally {
            watcher.close();
        }
    }

    /** Compiles everything, then checks the exercises in order up to the first that does not pass. */
    void start() {
        out.println("Backprop Kata watch: compiling exercises/ and the kata's tests…");
        compiler.compile(layout.allSources());
        users.reread();
        for (String exercise : layout.exerciseNames()) {
            long t0 = System.nanoTime();
            ExerciseRunner.Result result = runner.run(exercise, layout.packagesOf(exercise), limit);
            if (result.overrun() != null) {
                passes.put(exercise, false);
                out.print(OverrunText.of(exercise, result.overrun(), learnerCode));
                return;
            }
            RunRecord.Tally t = result.record().exercises().get(exercise);
            if (t == null) {
                continue;
            }
            if (Boolean.getBoolean("kata.verbose")) {
                out.printf("(%s: tests %.0f ms, %.1f s of CPU time)%n", exercise, (System.nanoTime() - t0) / 1e6, result.cpuSeconds());
            }
            passes.put(exercise, t.allPass());
            if (!t.allPass()) {
                out.print(verdict(exercise, t, t0));
                return;
            }
            out.println(ProgressText.line(exercise, t, false));
        }
        out.println("  Every exercise passes.");
    }

    /** A watcher that queues every changed path under exercises/. */
    DirectoryWatcher watcher() throws IOException {
        return DirectoryWatcher.builder().path(layout.exercises()).listener(event -> {
            if (event.eventType() != DirectoryChangeEvent.EventType.OVERFLOW && event.path() != null) {
                changes.add(event.path());
            }
        }).build();
    }

    /**
     * Waits up to {@code timeoutMs} for a change, lets the burst it starts settle, and checks each
     * exercise it touched. Returns false when nothing changed in time.
     */
    boolean checkNextChange(long timeoutMs) throws InterruptedException {
        Path first = changes.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        long t0 = System.nanoTime();
        List<Path> burst = new ArrayList<>(List.of(first));
        for (Path p; (p = changes.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null;) {
            burst.add(p);
        }
        TreeSet<String> exercises = new TreeSet<>();
        for (Path p : burst) {
            String e = layout.exerciseOf(p);
            if (e != null && Files.exists(p)) {
                exercises.add(e);
            }
        }
        for (String exercise : exercises) {
            try {
                check(exercise, burst, t0);
            } catch (RuntimeException | LinkageError e) {
                // One bad check (a file that vanished mid-compile, a class the JVM rejects) must not end the session.
                out.println("Could not check " + exercise + ": " + e + "\nSave again to retry; if it persists, restart ./kata watch.");
            }
        }
        return true;
    }

    private void check(String exercise, List<Path> burst, long t0) {
        String saved = burst.stream().filter(p -> exercise.equals(layout.exerciseOf(p))).map(p -> p.getFileName().toString())
                .distinct().sorted().reduce((a, b) -> a + ", " + b).orElse(exercise);
        String title = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "  " + saved + " saved";
        out.println("\n── " + title + " " + "─".repeat(Math.max(3, 72 - title.length())));
        long t1 = System.nanoTime();
        compiler.compile(layout.sourcesOf(exercise));
        users.reread();
        long t2 = System.nanoTime();
        ExerciseRunner.Result result = runner.run(exercise, layout.packagesOf(exercise), limit);
        if (Boolean.getBoolean("kata.verbose")) {
            out.printf("(settling %.0f ms, compiling %.0f ms, tests %.0f ms, %.1f s of CPU time%s)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (System.nanoTime() - t2) / 1e6, result.cpuSeconds(),
                    result.overrun() == null ? "" : String.format(", stopped, unwound in %.0f ms", result.overrun().unwindSeconds() * 1e3));
        }
        if (result.overrun() != null) {
            passes.put(exercise, false);
            out.print(OverrunText.of(exercise, result.overrun(), learnerCode));
            out.flush();
            return;
        }
        RunRecord.Tally t = result.record().exercises().get(exercise);
        if (t == null) {
            out.println("No tests found for " + exercise + " (do its test classes compile?)");
            return;
        }
        passes.put(exercise, t.allPass());
        List<String> users = this.users.of(exercise);
        boolean recheck = t.allPass() && !users.isEmpty();
        // When others are checked again, "next" waits for their results: it may be one of them.
        out.print(recheck ? "✓ " + exercise + " passes   " + took(t0) + "\n" : verdict(exercise, t, t0));
        out.flush();
        this.users.check(users, t.allPass(), limit);
        if (recheck) {
            String next = next(exercise);
            out.println(next == null ? "Every exercise passes." : "Next: " + next + " (exercises/" + next + "/README.md)");
        }
    }

    private static String took(long t0) {
        return String.format("(%.1f s)", (System.nanoTime() - t0) / 1e9);
    }

    private String verdict(String exercise, RunRecord.Tally t, long t0) {
        String took = took(t0);
        if (t.allPass()) {
            String next = next(exercise);
            return "✓ " + exercise + " passes" + (next == null ? ": every exercise passes" : ", next: " + next
                    + " (exercises/" + next + "/README.md)") + "   " + took + "\n";
        }
        return VerdictText.failing(exercise, t, took, learnerCode);
    }

    /** The first exercise after this one (then from the start) not known to pass. */
    private String next(String exercise) {
        List<String> names = layout.exerciseNames();
        int at = names.indexOf(exercise);
        for (int i = 1; i < names.size(); i++) {
            String candidate = names.get((at + i) % names.size());
            if (!passes.getOrDefault(candidate, false)) {
                return candidate;
            }
        }
        return null;
    }

    /** The harness and its libraries: the loader's jars when started by {@link Bootstrap}, else the JVM's class path. */
    static List<Path> classpath() throws URISyntaxException {
        List<Path> out = new ArrayList<>();
        if (WatchMode.class.getClassLoader() instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                out.add(Path.of(url.toURI()));
            }
            return out;
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(Path.of(entry));
        }
        return out;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

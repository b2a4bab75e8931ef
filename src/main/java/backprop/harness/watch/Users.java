package backprop.harness.watch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import backprop.harness.junit.LearnerCode;
import backprop.harness.junit.ProgressText;
import backprop.harness.junit.RunRecord;

/** After a save: the exercises that use the saved one's code ({@link Dependents}), checked again. */
final class Users {
    private final KataLayout layout;
    private final ExerciseRunner runner;
    private final Path classes;
    private final LearnerCode learnerCode;
    /** Watch mode's record of which exercises pass, updated here too. */
    private final Map<String, Boolean> passes;
    private final PrintStream out;
    private Dependents dependents;

    Users(KataLayout layout, ExerciseRunner runner, Path classes, LearnerCode learnerCode, Map<String, Boolean> passes, PrintStream out) {
        this.layout = layout;
        this.runner = runner;
        this.classes = classes;
        this.learnerCode = learnerCode;
        this.passes = passes;
        this.out = out;
    }

    /** Reads who uses whom again from the compiled classes (a save may add or drop a use). */
    void reread() {
        Map<String, List<Path>> packages = new LinkedHashMap<>();
        layout.exerciseNames().forEach(e -> packages.put(e, layout.packagesOf(e)));
        dependents = Dependents.read(classes, packages, learnerCode::wrote);
    }

    List<String> of(String exercise) {
        return List.copyOf(dependents.of(exercise));
    }

    /**
     * The exercises that run this one's code (06–08 call 04's network), run again with it as now
     * saved, a line each: a change that passes its own tests can still break an exercise built on
     * it. Those not started yet are named on one line, and not at all while none is started: a
     * learner who has just passed 04 needs no five lines about stubs. While this one fails, they
     * are not run (they would fail for its reason); those that passed are named.
     */
    void check(List<String> users, boolean savedPasses, double limit) {
        if (users.isEmpty()) {
            return;
        }
        if (!savedPasses) {
            List<String> passed = users.stream().filter(u -> passes.getOrDefault(u, false)).toList();
            if (!passed.isEmpty()) {
                out.println("\n(" + String.join(", ", passed) + (passed.size() == 1 ? " uses" : " use")
                        + " its code and passed: checked again once it passes.)");
            }
            return;
        }
        List<String> lines = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (String user : users) {
            ExerciseRunner.Result r = runner.run(user, layout.packagesOf(user), limit);
            RunRecord.Tally t = r.record().exercises().get(user);
            passes.put(user, r.overrun() == null && t != null && t.allPass());
            if (r.overrun() == null && t != null && ProgressText.notStarted(t)) {
                notStarted.add(user);
            } else {
                lines.add(VerdictText.userLine(user, r, limit));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        out.println("\nExercises that use its code, checked again:");
        lines.forEach(out::println);
        if (!notStarted.isEmpty()) {
            out.println("  not started yet: " + String.join(", ", notStarted));
        }
        out.flush();
    }
}

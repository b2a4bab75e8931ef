package backprop.grader.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * The invocations of one parameterised test (its cases: one per activation, per value). The
 * test is one graded item, worth what the assignment gives the method: its points are known
 * before any learner code runs, whatever number of cases the run produces, and a method with
 * five cases weighs no more than one with one. It passes only when every case passes; its
 * output lists every failing case on a line of its own, then their reports.
 */
final class Invocations {
    /** One case: its display name ("[2] SIGMOID") and its failure's text, null when it passed. */
    record Case(String name, String failure) { }

    private final List<Case> cases = new ArrayList<>();

    void add(String name, String failure) {
        cases.add(new Case(name, failure));
    }

    int total() {
        return cases.size();
    }

    int passed() {
        return (int) cases.stream().filter(c -> c.failure() == null).count();
    }

    boolean allPass() {
        return passed() == total();
    }

    /** What results.json shows for the test. */
    String output() {
        if (allPass()) {
            return "All " + total() + " cases pass: " + String.join(", ", cases.stream().map(Case::name).toList()) + ".";
        }
        List<Case> failing = cases.stream().filter(c -> c.failure() != null).toList();
        StringBuilder sb = new StringBuilder().append(failing.size()).append(" of ").append(total())
                .append(" cases fail; this test scores only when all ").append(total()).append(" pass:\n");
        for (Case c : failing) {
            sb.append("  ✗ ").append(c.name()).append(": ").append(c.failure().lines().findFirst().orElse("failed")).append('\n');
        }
        for (Case c : failing) {
            sb.append("\n── ").append(c.name()).append(" ──\n").append(c.failure()).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}

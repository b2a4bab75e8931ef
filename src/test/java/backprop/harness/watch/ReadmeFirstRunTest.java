package backprop.harness.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import backprop.harness.junit.KataProgress;
import backprop.harness.junit.LearnerCode;
import backprop.harness.junit.ProgressText;

/**
 * README.md quotes the whole of a first {@code mvn test} on untouched stubs. This runs every
 * exercise's tests on the stubs in exercises/ (compiled and run as watch mode does, into one
 * record, as the learner build does), renders the text with the learner build's own code
 * ({@link KataProgress#STARTING}, {@link ProgressText}), and compares it with the README's block,
 * where a line "…" stands for one or more lines left out.
 */
class ReadmeFirstRunTest {
    private static final String INTRO = "The whole of a first `mvn test`:";
    private static final String GAP = "…";

    @TempDir
    Path classes;

    @Test
    void theReadmesFirstRunIsWhatTheStubsPrint() throws Exception {
        KataLayout layout = KataLayout.of(Path.of(""));
        new EcjCompiler(WatchMode.classpath(), classes).compile(layout.allSources());
        Set<String> exercises = new LinkedHashSet<>(layout.exerciseNames());
        List<Path> packages = new ArrayList<>();
        exercises.forEach(e -> packages.addAll(layout.packagesOf(e)));
        ExerciseRunner.Result run = new ExerciseRunner(classes).run(exercises, packages, 600, "kata-readme-sample");
        assertThat(run.overrun()).as("the stubs' tests returned").isNull();
        String printed = KataProgress.STARTING + "\n" + ProgressText.of(run.record(), LearnerCode.in(layout.exercises()));

        List<String> sample = readmeSample(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        String mismatch = mismatch(sample, printed.lines().toList());
        assertThat(mismatch).as("README.md's sample of the first `mvn test` (under \"" + INTRO + "\") against what the"
                + " learner build prints on the untouched stubs").isNull();
    }

    @Test
    void aSampleThatDiffersFromThePrintedTextIsShownAsADiff() {
        List<String> printed = List.of("head", "a", "b", "c", "tail");
        assertThat(mismatch(List.of("head", GAP, "tail"), printed)).isNull();
        assertThat(mismatch(List.of("head", "a", "  …", "tail"), printed)).isNull();
        assertThat(mismatch(List.of("head", "a", "b", "c", "tail"), printed)).isNull();
        assertThat(mismatch(List.of("head", "a", GAP, "c", GAP, "tail"), printed)).as("a gap stands for at least one line").isNotNull();
        assertThat(mismatch(List.of("head", "a"), printed)).as("the sample's end is the text's end").isNotNull();
        assertThat(mismatch(List.of("head", "a", "x", GAP, "tail"), printed)).contains("- x\n+ b\n");
        assertThat(mismatch(List.of("head", GAP, "tall"), printed)).as("the printed line most like it").contains("- tall\n+ tail\n");
    }

    /** The fenced block after the README's introduction line. */
    static List<String> readmeSample(String readme) {
        int intro = readme.indexOf(INTRO);
        assertThat(intro).as("README.md has the line \"" + INTRO + "\"").isNotNegative();
        int open = readme.indexOf("```\n", intro);
        int close = readme.indexOf("\n```", open + 4);
        return readme.substring(open + 4, close).lines().toList();
    }

    /**
     * Null when the sample matches the printed lines: its lines equal, in order, with each "…" line
     * standing for one or more printed lines; else a diff ("- " the README, "+ " the run).
     */
    static String mismatch(List<String> sample, List<String> printed) {
        if (matches(sample, 0, printed, 0)) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the README's sample differs from the printed text (- README, + printed;"
                + " a README line \"…\" stands for lines left out). Copy the printed text into README.md, leaving out lines as \"…\":\n");
        int p = 0;
        for (String s : sample) {
            if (s.strip().equals(GAP)) {
                sb.append("  ").append(s).append('\n');
                continue;
            }
            int found = printed.subList(Math.min(p, printed.size()), printed.size()).indexOf(s);
            if (found < 0) {
                sb.append("- ").append(s).append('\n');
                int like = mostAlike(s, printed, p);
                if (like >= 0) {
                    sb.append("+ ").append(printed.get(like)).append('\n');
                }
            } else {
                p += found + 1;
                sb.append("  ").append(s).append('\n');
            }
        }
        sb.append("\nThe whole printed text:\n").append(String.join("\n", printed));
        return sb.toString();
    }

    /** The printed line from {@code from} on with the longest common prefix (then the nearest), or -1. */
    private static int mostAlike(String s, List<String> printed, int from) {
        int best = -1;
        int bestPrefix = -1;
        for (int i = from; i < printed.size(); i++) {
            String t = printed.get(i);
            int k = 0;
            while (k < Math.min(s.length(), t.length()) && s.charAt(k) == t.charAt(k)) {
                k++;
            }
            if (k > bestPrefix) {
                best = i;
                bestPrefix = k;
            }
        }
        return best;
    }

    private static boolean matches(List<String> sample, int s, List<String> printed, int p) {
        if (s == sample.size()) {
            return p == printed.size();
        }
        if (sample.get(s).strip().equals(GAP)) {
            for (int q = p + 1; q <= printed.size(); q++) {
                if (matches(sample, s + 1, printed, q)) {
                    return true;
                }
            }
            return false;
        }
        return p < printed.size() && sample.get(s).equals(printed.get(p)) && matches(sample, s + 1, printed, p + 1);
    }
}

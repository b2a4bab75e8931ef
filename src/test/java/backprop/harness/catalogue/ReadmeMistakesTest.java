package backprop.harness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.opentest4j.AssertionFailedError;

import backprop.harness.core.Elements;
import backprop.harness.core.Nd4jSetup;
import backprop.harness.junit.Checks;

/**
 * Every quoted message in every exercise README's "Common mistakes" table is what a learner
 * really sees: a quote of a diagnosis is checked against the report the catalogue's version of
 * that mistake gives (run here), any other quote against the exercise's own test sources. A
 * reworded report or assertion makes this fail, naming the README row. Quotes not yet checked
 * either way are listed below; the list may only shrink (a listed quote that now checks fails
 * the test until it is taken off).
 */
class ReadmeMistakesTest {
    /** README quote → the catalogue mistake whose report must contain it. */
    private static final Map<String, String> FROM_REPORT = Map.ofEntries(
            Map.entry("Every gradient (…) is exactly m = … times the true gradient: the 1/m of the batch mean is missing",
                    "1/m missing from the output delta"),
            Map.entry("exactly m = … times the true gradient: the 1/m of the batch mean is missing", "1/m missing from the output delta"),
            Map.entry("has one row per sample (…): a bias gradient is summed over the batch", "bias gradient not summed over the batch (m × n)"),
            Map.entry("Every gradient … is exactly 1/m (m = …) of the true gradient: divided by m twice", "1/m applied twice"),
            Map.entry("they are divided by 4, not by this batch's m", "the question's m = 4 written into the per-sample gradient"),
            Map.entry("Gradients accumulate across calls", "gradient sums kept in a field, never reset, whatever the shapes (06)"),
            Map.entry("gradients for […] were returned, but this network has only […] (its bias is off in this case)",
                    "db returned for a layer whose bias is off"),
            Map.entry("has an extra σ'(Z…): that is the squared-error delta, but with cross-entropy σ' cancels and dZ = (A − Y)/m",
                    "squared-error delta used with cross-entropy"),
            Map.entry("two identical calls of gradients() returned different d…",
                    "gradients accumulated across calls and never reset (the question's w_grad)"),
            Map.entry("Gradients accumulate across calls: the second identical call returned the first d… plus the gradient once more",
                    "gradients accumulated across calls and never reset (the question's w_grad)"),
            Map.entry("changed the parameter W1: an in-place ND4J op", "backward changes the weights in place (W.muli for the L2 term)"),
            Map.entry("elements differ from the finite difference", "squared-error gradient without its 1/m"),
            Map.entry("dA is exactly … times the finite differences of the function's value", "squared-error gradient without its 1/m"),
            Map.entry("db is 4×3 but must be 1×3, the shape of b", "db = dZ without summing over the batch"),
            Map.entry("… of 12 elements of dX differ from finite differences", "the layer divides by m again (dX, dW, db over 4)"),
            Map.entry("exactly 0.25 times the finite differences", "the layer divides by m again (dX, dW, db over 4)"),
            Map.entry("the true gradient with its sign flipped: that is gradient ascent", "sign flipped: (Y − A) instead of (A − Y)"),
            Map.entry("db2 is 0 where the true gradient is not, while dW2 is right: the bias receives no gradient",
                    "output bias gradient lost: the bias activation overwritten with 0 (a2[:, 0] = 0)"),
            Map.entry("exactly 1/m (m = …) of the true gradient: divided by m twice", "1/m applied twice"),
            Map.entry("dW1's L2 term is lambda · W1, not (lambda/m) · W1: the /m is missing", "L2 term λ·W without its /m"),
            Map.entry("db1 has an L2 term: the bias is regularised, but the convention leaves biases alone", "bias regularised"),
            Map.entry("it lacks the L2 term (lambda / 2m) · Σ W²", "L2 term missing from the loss"),
            Map.entry("your code threw an exception in gradients (the backward pass)", "dW = A · dZ without the transpose, deep network"),
            Map.entry("the loss J is wrong (a forward-pass bug)", "softmax cross-entropy with a base-2 logarithm (10)"),
            Map.entry("dZ is 6 but must be 2×3, the shape of Z", "σ'(Z) as a flat vector (Nd4j.createFromArray of the values)"),
            Map.entry("gradient() changed its input G", "backward scales its input G in place (dZ.muli)"),
            Map.entry("dZ1 = dA1 without the factor f'(Z1)",
                    "the output layer's derivative (identity's 1) used for the sigmoid layer below it"),
            Map.entry("4 of 6 elements of dX differ from finite differences", "a one-sided numerical gradient (f(x + h) − f(x)) / h"),
            Map.entry("Right: dW2", "the output layer's derivative (identity's 1) used for the sigmoid layer below it"),
            Map.entry("The output layer is already wrong, so the error is most likely in the output delta dZ… (for softmax cross-entropy after softmax)",
                    "softmax delta times P ⊙ (1 − P), as for squared error after a sigmoid"));

    /** Exercise-specific 1/m bugs: the softmax one for 10. */
    private static final Map<String, String> FROM_REPORT_IN = Map.of(
            "10|Every gradient (…) is exactly m = … times the true gradient: the 1/m of the batch mean is missing",
            "1/m missing from the softmax delta",
            "13|so the error is most likely in the output delta dZ2 (for Huber loss after identity)",
            "Huber delta not clipped (the squared-error delta A − Y)",
            "13|exactly m = … times the true gradient: the 1/m of the batch mean is missing", "1/m missing from the Huber delta",
            "13|the loss J is wrong (a forward-pass bug)", "Huber's linear branch without the −½δ²",
            "13|tanh's derivative written from a, 1 − a², was given z instead of a", "tanh' as 1 − Z² (the a-form fed z)",
            "14|… elements of dX differ from finite differences", "batch norm's dX with the mean and variance taken as constants",
            "14|dbeta is exactly 0.25 times the finite differences of the function's value", "batch norm's dβ as the mean of dY instead of its sum",
            "14|… elements of dgamma differ from finite differences", "batch norm's dγ from X instead of X̂");

    /**
     * Quotes of messages this test cannot find yet (a library's message, a report of a mistake the
     * catalogue does not hold): not checked. A message a test builds at run time (a format string,
     * a concatenation) is found through {@link MessageTemplates}.
     */
    private static final Set<String> NOT_YET_CHECKED = Set.of();

    /**
     * README quote → the library's own message for the same mistake (ND4J's, AssertJ's): no test
     * source or report holds this wording, so it is produced here and checked like a report.
     */
    private static final Map<String, Supplier<String>> FROM_LIBRARY = Map.of(
            "Cannot execute matrix multiplication: [4, 2]x[3, 5]",
            () -> catchThrowable(() -> Nd4j.ones(4, 2).mmul(Nd4j.ones(3, 5))).getMessage(),
            "Expecting actual: [NaN, 0.0, 0.0", ReadmeMistakesTest::unshiftedSoftmaxFailure);

    private static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"");

    private final Map<String, String> reports = new HashMap<>();

    @Test
    void everyQuotedMessageIsWhatTheTestsOrTheReportSay() throws IOException {
        Nd4jSetup.ensure();
        List<String> drifted = new ArrayList<>();
        List<String> nowChecked = new ArrayList<>();
        int checked = 0;
        int unchecked = 0;
        try (Stream<Path> folders = Files.list(Path.of("exercises"))) {
            for (Path folder : folders.sorted().toList()) {
                String exercise = folder.getFileName().toString();
                String tests = testSources(folder);
                MessageTemplates templates = new MessageTemplates(tests);
                for (String row : rows(folder.resolve("README.md"))) {
                    String[] cells = row.split(" \\| ");
                    Matcher q = QUOTE.matcher(cells[cells.length - 1]);
                    while (q.find()) {
                        String quote = q.group(1).replace("\\|", "|");
                        String source = sourceFor(exercise, quote, tests);
                        boolean fromTests = mapped(exercise, quote) == null && !FROM_LIBRARY.containsKey(quote);
                        boolean found = source != null && pieces(quote).stream()
                                .allMatch(p -> source.contains(p) || fromTests && templates.contains(p));
                        if (NOT_YET_CHECKED.contains(quote)) {
                            unchecked++;
                            if (found) {
                                nowChecked.add(exercise + ": \"" + quote + "\"");
                            }
                        } else if (found) {
                            checked++;
                        } else {
                            drifted.add(exercise + " README, row \"" + cells[0].replace("|", "").trim() + "\": \"" + quote + "\" is not"
                                    + " in " + (mapped(exercise, quote) != null ? "the report of the catalogue's \"" + mapped(exercise, quote)
                                    + "\"" : "the exercise's tests") + "; update the row to what the report or test says");
                        }
                    }
                }
            }
        }
        System.out.printf("README common-mistake quotes: %d checked, %d not yet checked%n", checked, unchecked);
        assertThat(drifted).as("README rows that no longer match what the learner sees").isEmpty();
        assertThat(nowChecked).as("quotes that now check: take them off NOT_YET_CHECKED").isEmpty();
    }

    private String sourceFor(String exercise, String quote, String tests) {
        if (FROM_LIBRARY.containsKey(quote)) {
            return FROM_LIBRARY.get(quote).get().replaceAll("\\s+", " ");
        }
        String bug = mapped(exercise, quote);
        return bug == null ? tests : reports.computeIfAbsent(bug, ReadmeMistakesTest::reportOf);
    }

    private static String mapped(String exercise, String quote) {
        String specific = FROM_REPORT_IN.get(exercise.substring(0, 2) + "|" + quote);
        return specific != null ? specific : FROM_REPORT.get(quote);
    }

    /** SoftmaxTest's ±1000 assertion on exp(Z) / Σ exp(Z) without the row maximum subtracted. */
    private static String unshiftedSoftmaxFailure() {
        INDArray z = Nd4j.createFromArray(new double[][] {{1000, 0, -1000}, {-1000, -1000, -1000}, {1000, 1000, 999}});
        INDArray e = Transforms.exp(z, true);
        double[] p = Elements.toArray(e.divColumnVector(e.sum(true, 1)));
        double c = Math.E / (2 * Math.E + 1);
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> assertThat(p).containsExactly(
                new double[] {1, 0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, c, c, 1 / (2 * Math.E + 1)}, within(1e-12)));
        assertThat(failure).as("the unshifted softmax must fail SoftmaxTest's assertion").isNotNull();
        return failure.getMessage();
    }

    private static String reportOf(String bugName) {
        FunctionBug f = CatalogueTest.functionBugs().stream().filter(b -> b.name().equals(bugName)).findFirst().orElse(null);
        if (f != null) {
            AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                    () -> Checks.standalone("catalogue " + f.exercise()).forAllPoints(f.name(), f.points(), f.function(),
                            backprop.harness.check.FiniteDifferences.KinkGuard.NONE, f.exact()));
            assertThat(failure).as("the catalogue's \"" + bugName + "\" must fail").isNotNull();
            return failure.getMessage().replaceAll("\\s+", " ");
        }
        Bug bug = CatalogueTest.bugs().stream().filter(b -> b.name().equals(bugName)).findFirst()
                .orElseThrow(() -> new AssertionError("no catalogue mistake named \"" + bugName + "\""));
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> Checks.standalone("catalogue " + bug.exercise()).forAll(bug.space(), bug.loss(), bug.network()));
        assertThat(failure).as("the catalogue's \"" + bugName + "\" must fail").isNotNull();
        return failure.getMessage().replaceAll("\\s+", " ");
    }

    /** The quote's pieces between ellipses ("…" stands for numbers that vary with the case). */
    static List<String> pieces(String quote) {
        List<String> out = new ArrayList<>();
        for (String p : quote.split("…|\\.\\.\\.")) {
            String t = p.replaceAll("\\s+", " ").trim();
            if (t.length() > 3) {
                out.add(t);
            }
        }
        return out;
    }

    static List<String> rows(Path readme) throws IOException {
        String text = Files.readString(readme);
        int at = text.indexOf("ommon mistakes");
        List<String> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        for (String line : text.substring(at).split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| mistake")) {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * The exercise's tests and the starting code of it and every exercise before it (a stub's "not
     * implemented yet: …" reaches the learner through a later exercise that calls it), with string literals joined
     * across "+" so a message split over lines reads whole.
     */
    static String testSources(Path folder) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Path> packages;
        try (Stream<Path> files = Files.walk(folder.resolve("src"))) {
            packages = files.filter(p -> p.toString().endsWith(".java")).map(p -> folder.resolve("src").relativize(p.getParent()))
                    .distinct().toList();
        }
        for (Path pkg : packages) {
            Path dir = Path.of("src/test/java").resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    sb.append(Files.readString(f)).append('\n');
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("exercises"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/")
                    && p.getName(1).toString().compareTo(folder.getFileName().toString()) <= 0).sorted().toList()) {
                sb.append(Files.readString(f)).append('\n');
            }
        }
        return sb.toString().replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("\\s+", " ");
    }
}

package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.NetworkCase;
import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.check.CaseResult;
import backprop.harness.core.Elements;
import backprop.harness.check.Problem;
import backprop.harness.check.TensorComparison;
import backprop.harness.core.Numbers;

/**
 * Reads the evidence a check gathered (ratios to the true gradient, which quantities are right,
 * repeated calls, changed inputs, data types) and names the most likely causes, most likely
 * first. Where the evidence fits several causes it says so and lists them; it never names one
 * cause with confidence on ambiguous evidence.
 */
public final class Diagnoser {
    private Diagnoser() {
    }

    /**
     * Diagnoses several failing cases of the same code (the first is the one shown) and keeps
     * the causes every case supports. When none is common to all, the first case's causes are
     * listed as guesses, so a pattern that one small case shows by coincidence is never stated
     * as fact.
     */
    public static List<Diagnosis> diagnose(List<CaseResult> evidence) {
        List<Diagnosis> first = diagnose(evidence.get(0));
        if (evidence.size() == 1) {
            return specificFirst(first);
        }
        List<List<Diagnosis>> others = new ArrayList<>();
        for (CaseResult r : evidence.subList(1, evidence.size())) {
            others.add(diagnose(r));
        }
        if (Boolean.getBoolean("kata.debugDiagnosis")) {
            System.out.println("DEBUG first " + first.stream().map(Diagnosis::key).toList() + " " + evidence.get(0).problems());
            for (int i = 0; i < others.size(); i++) {
                System.out.println("DEBUG other " + others.get(i).stream().map(Diagnosis::key).toList() + " " + evidence.get(i + 1).problems());
            }
        }
        List<Diagnosis> common = new ArrayList<>();
        for (Diagnosis d : first) {
            boolean everywhere = others.stream().allMatch(o -> o.stream().anyMatch(x -> x.key().equals(d.key())));
            if (everywhere) {
                common.add(d);
            }
        }
        if (!common.isEmpty()) {
            return specificFirst(common);
        }
        // No cause in all cases: offer those in most of them, as guesses.
        List<List<Diagnosis>> all = new ArrayList<>();
        all.add(first);
        all.addAll(others);
        List<Diagnosis> guesses = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (List<Diagnosis> ds : all) {
            for (Diagnosis d : ds) {
                long n = all.stream().filter(o -> o.stream().anyMatch(x -> x.key().equals(d.key()))).count();
                if (2 * n > all.size() && !seen.contains(d.key())) {
                    seen.add(d.key());
                    guesses.add(d.asGuess());
                }
            }
        }
        if (guesses.isEmpty()) {
            for (Diagnosis d : specificFirst(first)) {
                guesses.add(d.asGuess());
            }
        }
        return specificFirst(guesses);
    }

    /** Specific findings make the general "where the error starts" redundant. */
    private static List<Diagnosis> specificFirst(List<Diagnosis> ds) {
        List<Diagnosis> out = new ArrayList<>(ds);
        boolean specific = out.stream().anyMatch(d -> !generic(d));
        out.removeIf(d -> specific && generic(d));
        return out;
    }

    /** "Where the error starts" and "the loss differs" say less than any named cause. */
    private static boolean generic(Diagnosis d) {
        return d.key().startsWith("where:") || d.key().equals("loss:other");
    }

    public static List<Diagnosis> diagnose(CaseResult r) {
        List<Diagnosis> out = new ArrayList<>();
        if (r.passed()) {
            return out;
        }
        Problem first = r.problems().get(0);
        switch (first.kind()) {
            case NOT_COMPILED:
                out.add(new Diagnosis("Your code does not compile yet: " + first.cause().getMessage(), "the compiler's message", true));
                return out;
            case NOT_IMPLEMENTED:
                out.add(new Diagnosis("This exercise is not written yet: " + first.cause().getMessage(), "the stub in exercises/", true));
                return out;
            case EXCEPTION:
                out.add(exception(r, first));
                return out;
            case NOT_DOUBLE:
                out.add(new Diagnosis(first.detail() + ".", "where " + first.quantity()
                        + " is created: Nd4j.create/zeros/ones with DataType.FLOAT, or castTo(FLOAT)", true));
                return out;
            case BAD_OUTPUT:
                out.add(badOutput(r, first));
                return out;
            default:
                break;
        }
        for (Problem p : r.problems()) {
            if (p.kind() == Problem.Kind.MUTATES_INPUT) {
                out.add(new Diagnosis(p.detail() + ": an in-place ND4J op (addi, subi, muli, divi, assign, putScalar)"
                        + " on an array you were given, or on an array that shares its memory.",
                        "in-place calls on " + p.quantity() + "; use add/sub/mul/div, or dup() before changing it", true));
                break;
            }
        }
        if (r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.NOT_REPEATABLE)) {
            out.add(notRepeatable(r));
        }
        for (Problem p : r.problems()) {
            if (p.kind() == Problem.Kind.NOT_FINITE) {
                out.add(new Diagnosis(p.detail() + ".", "exp or log of a large number: write sigmoid and log(sigmoid) so they"
                        + " cannot overflow, and never take log(0)", false));
            }
        }
        if (r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.WRONG_LOSS)) {
            out.addAll(wrongLoss(r));
        }
        out.addAll(wrongGradients(r));
        out.addAll(unusedParameters(r));
        if (out.isEmpty() && r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.INCONSISTENT)) {
            out.add(new Diagnosis("Your gradients match the reference but not finite differences of your own loss():"
                    + " loss() computes something other than what the gradients differentiate.",
                    "loss(): the regularisation term and the 1/m", false));
        }
        if (out.isEmpty()) {
            out.add(new Diagnosis(first.detail() + ".", first.quantity(), false));
        }
        return out;
    }

    /**
     * Your gradient for a parameter is right, but your loss does not move when it moves: the
     * forward pass never uses that parameter.
     */
    private static List<Diagnosis> unusedParameters(CaseResult r) {
        List<Diagnosis> out = new ArrayList<>();
        for (TensorComparison fd : r.vsFiniteDifferences()) {
            TensorComparison ref = r.referenceComparison(fd.name());
            if (fd.passed() || ref == null || fd.compared() == 0) {
                continue;
            }
            if (fd.expected().amaxNumber().doubleValue() < 1e-10 && Patterns.nonZero(fd.actual()) && Patterns.nonZero(ref.expected())) {
                String n = fd.name();
                out.add(new Diagnosis("Your loss() does not change when " + n + " changes (its finite differences are 0),"
                        + " although the true d" + n + " is not 0: your forward pass never uses " + n + ".",
                        n.startsWith("b") ? "the forward pass: Z" + n.substring(1) + " = A" + (Integer.parseInt(n.substring(1)) - 1)
                                + " · W" + n.substring(1) + " + " + n : "the forward pass: where " + n + " should enter", true,
                        "forward:unused:" + n.charAt(0)));
            }
        }
        return out;
    }

    private static Diagnosis exception(CaseResult r, Problem p) {
        Throwable e = p.cause();
        String msg = String.valueOf(e.getMessage());
        String where = LearnerFrames.first(e);
        String at = where == null ? "" : " at " + where;
        if (e instanceof NullPointerException) {
            return new Diagnosis("Your code threw a NullPointerException in " + p.quantity() + at + ": "
                    + "something it used was never set (a cache field filled by forward, a gradient not yet computed).",
                    where == null ? p.quantity() : where, true);
        }
        String lower = msg.toLowerCase();
        if (lower.contains("shape") || lower.contains("mmul") || lower.contains("broadcast") || lower.contains("matrix multiplication")) {
            return new Diagnosis("A matrix product or an element-wise op got shapes that do not fit, in " + p.quantity() + at
                    + ". ND4J said: " + firstLine(msg),
                    "the shape table below: for A · B the columns of A must equal the rows of B", true);
        }
        return new Diagnosis("Your code threw " + e.getClass().getSimpleName() + " in " + p.quantity() + at + ": " + firstLine(msg),
                where == null ? p.quantity() : where, true);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Diagnosis badOutput(CaseResult r, Problem p) {
        NetworkCase c = r.networkCase();
        Tensors g = r.learnerGradients();
        String name = p.quantity().startsWith("d") ? p.quantity().substring(1) : p.quantity();
        if (g != null && g.has(name) && r.referenceGradients() != null && r.referenceGradients().has(name)) {
            INDArray mine = g.get(name);
            INDArray truth = r.referenceGradients().get(name);
            if (Patterns.transposedEquals(mine, truth)) {
                return new Diagnosis(p.quantity() + " is the right gradient, transposed: you have " + Shapes.of(mine)
                        + ", it must be " + Shapes.of(truth) + ", the shape of " + name + ".",
                        name.startsWith("W") ? "the order in dW = Aᵀ · dZ (A of the layer's input, dZ of its output)" : p.quantity(), true);
            }
            if (name.startsWith("b") && mine.rank() == 2 && mine.rows() == c.m() && mine.columns() == truth.columns()) {
                return new Diagnosis(p.quantity() + " has one row per sample (" + Shapes.of(mine) + "): a bias gradient"
                        + " is summed over the batch, giving " + Shapes.of(truth) + ".",
                        "sum dZ over its rows (dim 0), keeping a 1 × n row", true);
            }
            if (name.startsWith("W") && mine.rank() == 2 && mine.length() > 0) {
                return new Diagnosis(p.quantity() + " is " + Shapes.of(mine) + " but must be " + Shapes.of(truth) + ".",
                        "dW = Aᵀ · dZ: (n_in × m) · (m × n_out)", true);
            }
        }
        return new Diagnosis(p.detail() + ".", p.quantity(), true);
    }

    private static Diagnosis notRepeatable(CaseResult r) {
        Tensors a = r.learnerGradients();
        if (a == null || r.secondCallGradients() == null) {
            return new Diagnosis("The same case gave different results when called again after another case: your code"
                    + " depends on state left behind by an earlier call (a cache kept in a field and reused, a sum that keeps growing).",
                    "fields of your class that forward or backward read or write", true, "repeat:state");
        }
        Tensors b = r.secondCallGradients();
        for (String n : r.networkCase().spec().parameterNames()) {
            INDArray first = a.get(n);
            INDArray second = b.get(n);
            if (Elements.same(first, second)) {
                continue;
            }
            double f = Patterns.factor(second, first);
            INDArray truth = r.referenceGradients() == null ? null : r.referenceGradients().get(n);
            boolean addsTruth = truth != null && Patterns.close(Elements.toArray(second.sub(first)), Elements.toArray(truth));
            if (Patterns.near(f, 2) || addsTruth) {
                return new Diagnosis("Gradients accumulate across calls: the second identical call returned the first d" + n
                        + " plus the gradient once more. The gradient is added to something kept from the previous call and never reset"
                        + " (in the question's code, w_grad1 and w_grad2 are set to 0 once, before all iterations).",
                        "where the gradient sums start: set them to zero at the start of every backward pass", true,
                        "repeat:accumulate");
            }
            return new Diagnosis("Two identical calls returned different d" + n + ": the result depends on state left"
                    + " behind by an earlier call (a stale cache, a field that keeps growing, an in-place update).",
                    "fields of your class that backward reads or writes", false, "repeat:state");
        }
        return new Diagnosis("Two identical calls returned different gradients.", "state kept between calls", false, "repeat:state");
    }

    /** Every reading of the loss's difference that fits; with m = 2, "twice" has two. */
    private static List<Diagnosis> wrongLoss(CaseResult r) {
        List<Diagnosis> out = new ArrayList<>();
        NetworkCase c = r.networkCase();
        double mine = r.learnerLoss();
        double ref = r.referenceLoss();
        int m = c.m();
        double ratio = mine / ref;
        double lambda = c.spec().lambda();
        double weights = 0;
        double biases = 0;
        for (String n : c.spec().parameterNames()) {
            double s = c.params().get(n).norm2Number().doubleValue();
            if (n.startsWith("W")) {
                weights += s * s;
            } else {
                biases += s * s;
            }
        }
        double l2 = lambda / (2.0 * m) * weights;
        String intro = "Your loss is " + Numbers.plain(mine) + ", the reference's " + Numbers.plain(ref) + ": ";
        if (lambda > 0 && Patterns.near(mine, ref - l2)) {
            out.add(new Diagnosis(intro + "it lacks the L2 term (lambda / 2m) · Σ W² = " + Numbers.plain(l2) + ".",
                    "the loss: add the regularisation term (weights only, not biases)", true, "loss:no-l2"));
        }
        if (lambda > 0 && Patterns.near(mine, ref + l2)) {
            out.add(new Diagnosis(intro + "the L2 term is counted twice: it is (lambda / 2m) · Σ W² = " + Numbers.plain(l2)
                    + ", with the ½.", "the regularisation term of the loss", true, "loss:l2-twice"));
        }
        if (lambda > 0 && Patterns.near(mine, ref + lambda / (2.0 * m) * biases)) {
            out.add(new Diagnosis(intro + "the biases are regularised too; the convention regularises weights only.",
                    "the L2 term of the loss", true, "loss:bias-l2"));
        }
        if (m > 1 && Patterns.near(ratio, m)) {
            out.add(new Diagnosis(intro + "exactly m = " + m + " times too large, so the loss is summed over the batch, not averaged.",
                    "the loss: divide the sum over samples by m", true, "loss:m"));
        }
        if (m > 1 && Patterns.near(ratio, 1.0 / m)) {
            out.add(new Diagnosis(intro + "exactly 1/m (m = " + m + ") of the true loss: divided by m twice.", "the loss's 1/m", true, "loss:1/m"));
        }
        if (Patterns.near(ratio, 2)) {
            out.add(new Diagnosis(intro + "exactly twice the true loss: the ½ of the squared error is missing.",
                    "J = 1/(2m) Σ (A − Y)²", true, "loss:2"));
        }
        if (Patterns.near(ratio, 0.5)) {
            out.add(new Diagnosis(intro + "exactly half the true loss: a ½ too many.", "the loss formula", true, "loss:1/2"));
        }
        if (!out.isEmpty()) {
            return out;
        }
        out.add(new Diagnosis(intro + "the forward pass or the loss formula differs (" + c.spec().loss().formula() + ").",
                "the forward pass step by step: Z = A·W + b, then the activation, then the loss", false, "loss:other"));
        return out;
    }

    private static List<Diagnosis> wrongGradients(CaseResult r) {
        List<Diagnosis> out = new ArrayList<>();
        NetworkCase c = r.networkCase();
        NetSpec s = c.spec();
        List<String> wrong = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (TensorComparison tc : r.vsReference()) {
            (tc.passed() ? right : wrong).add(tc.name());
        }
        if (wrong.isEmpty()) {
            return out;
        }
        int m = c.m();
        // One factor for every wrong quantity is the strongest evidence there is.
        double common = Double.NaN;
        for (String n : wrong) {
            double f = Patterns.factor(r.learnerGradients().get(n), r.referenceGradients().get(n));
            if (Double.isNaN(f) || (!Double.isNaN(common) && !Patterns.near(f, common))) {
                common = Double.NaN;
                break;
            }
            common = f;
        }
        String list = String.join(", ", d(wrong));
        if (!Double.isNaN(common)) {
            // Not final on its own: with m = 2, or a weight of 0, a factor can fit by accident, so the
            // other readings are gathered too and several failing cases decide between them.
            out.addAll(factorDiagnoses(list, common, m, wrong.size() == s.parameterNames().size()));
        }
        boolean factorFound = out.stream().anyMatch(Diagnosis::certain);
        for (String n : wrong) {
            INDArray mine = r.learnerGradients().get(n);
            INDArray truth = r.referenceGradients().get(n);
            if (factorFound) {
                Diagnosis one = singleOne(c, n, mine, truth, right);
                if (one != null) {
                    out.add(one);
                }
            } else {
                out.addAll(single(c, n, mine, truth, right));
            }
        }
        int top = 0;
        for (String n : wrong) {
            top = Math.max(top, Integer.parseInt(n.substring(1)));
        }
        try {
            Hypotheses h = new Hypotheses(c);
            boolean onlyBias = wrong.stream().allMatch(n -> n.startsWith("b"));
            if (onlyBias) {
                for (String n : wrong) {
                    out.addAll(h.bias(r.learnerGradients(), Integer.parseInt(n.substring(1))));
                }
            } else {
                out.addAll(top == s.layers() ? h.outputLayer(r.learnerGradients())
                        : h.hiddenLayer(r.learnerGradients(), r.referenceGradients(), top));
            }
        } catch (RuntimeException e) {
            // A hypothesis that cannot be evaluated is simply not evidence.
        }
        out.add(localise(s, wrong, right));
        return out;
    }

    /** Every reading of "the learner's gradient is f times the true one"; with m = 2, a factor 2 has two. */
    private static List<Diagnosis> factorDiagnoses(String list, double f, int m, boolean all) {
        List<Diagnosis> out = new ArrayList<>();
        String who = all ? "Every gradient (" + list + ")" : list + (list.contains(",") ? " are" : " is");
        String verb = all ? " is" : "";
        // A factor within 0.1 % of 1 is rounding, not a pattern.
        if (Patterns.near(f, 0) || Math.abs(f - 1) < 1e-3) {
            return out;
        }
        if (Patterns.near(f, -1)) {
            out.add(new Diagnosis(who + verb + " the true gradient with its sign flipped: that is gradient ascent.",
                    all ? "the output delta: (A − Y), not (Y − A)" : "the sign where " + list + " is formed", true, "factor:-1"));
        }
        if (m > 1 && Patterns.near(f, m)) {
            out.add(new Diagnosis(who + verb + " exactly m = " + m + " times the true gradient: the 1/m of the batch mean is missing.",
                    all ? "the output delta, or each dW and db: divide by m once" : "where " + list + " is formed: divide by m",
                    true, "factor:m"));
        }
        if (m > 1 && Patterns.near(f, 1.0 / m)) {
            out.add(new Diagnosis(who + verb + " exactly 1/m (m = " + m + ") of the true gradient: divided by m twice.",
                    "every place that divides by m; keep one", true, "factor:1/m"));
        }
        if (Patterns.near(f, 2) || Patterns.near(f, 0.5)) {
            out.add(new Diagnosis(who + verb + " exactly " + Numbers.plain(f) + " times the true gradient: a factor 2,"
                    + " often the ½ of the squared error dropped or applied twice.", "the output delta", true,
                    "factor:" + (f > 1 ? "2" : "1/2")));
        }
        if (out.isEmpty()) {
            out.add(new Diagnosis(who + verb + " the true gradient times " + Numbers.plain(f) + ": a constant factor is off.",
                    "constant factors: 1/m, ½, lambda", false, "factor:" + String.format(java.util.Locale.ROOT, "%.6g", f)));
        }
        return out;
    }

    private static List<Diagnosis> single(NetworkCase c, String n, INDArray mine, INDArray truth, List<String> right) {
        Diagnosis one = singleOne(c, n, mine, truth, right);
        if (one != null) {
            return List.of(one);
        }
        double f = Patterns.factor(mine, truth);
        return Double.isNaN(f) ? List.of() : factorDiagnoses("d" + n, f, c.m(), false);
    }

    private static Diagnosis singleOne(NetworkCase c, String n, INDArray mine, INDArray truth, List<String> right) {
        int m = c.m();
        double lambda = c.spec().lambda();
        INDArray param = c.params().get(n);
        String d = "d" + n;
        if (Patterns.allZero(mine) && Patterns.nonZero(truth)) {
            if (n.startsWith("b") && right.contains("W" + n.substring(1))) {
                return new Diagnosis(d + " is 0 where the true gradient is not, while dW" + n.substring(1) + " is right:"
                        + " the bias receives no gradient. Did something overwrite the bias activation (the column of"
                        + " ones) before the gradient was computed, as a2[:, 0] = 0 does in the question?",
                        d + " = column sums of dZ" + n.substring(1), true);
            }
            return new Diagnosis(d + " is 0 where the true gradient is not.", "whether " + d + " is ever computed or returned", true);
        }
        if (lambda > 0) {
            double k = Patterns.offsetAlong(mine, truth, param.mul(lambda / m));
            if (!Double.isNaN(k) && n.startsWith("W")) {
                if (Patterns.near(k, -1)) {
                    return new Diagnosis(d + " lacks the L2 term (lambda/m) · " + n + ".", "dW += (lambda / m) · W", true);
                }
                if (Patterns.near(k, m - 1) && m > 1) {
                    return new Diagnosis(d + "'s L2 term is lambda · " + n + ", not (lambda/m) · " + n + ": the /m is missing.",
                            "the regularisation term of " + d, true);
                }
                return new Diagnosis(d + "'s L2 term is " + Numbers.plain(k + 1) + " · (lambda/m) · " + n
                        + " instead of once (lambda/m) · " + n + ".", "the regularisation term of " + d, true);
            }
            if (!Double.isNaN(k) && n.startsWith("b") && Patterns.near(k, 1)) {
                return new Diagnosis(d + " has an L2 term: the bias is regularised, but the convention leaves biases alone.",
                        "drop the lambda term from " + d, true);
            }
        }
        if (Patterns.transposedEquals(mine, truth) && mine.rows() == mine.columns()) {
            return new Diagnosis(d + " is the true gradient transposed (the shapes agree only because " + n + " is square).",
                    "the order of the product: dW = Aᵀ · dZ", true);
        }
        return null;
    }

    /** No arithmetic pattern: say where in the backward pass the error starts. */
    private static Diagnosis localise(NetSpec s, List<String> wrong, List<String> right) {
        int top = 0;
        for (String n : wrong) {
            top = Math.max(top, Integer.parseInt(n.substring(1)));
        }
        String wl = "W" + top;
        String bl = "b" + top;
        boolean wWrong = wrong.contains(wl);
        boolean bWrong = wrong.contains(bl);
        String list = String.join(", ", d(wrong));
        String okList = right.isEmpty() ? "none" : String.join(", ", d(right));
        if (top == s.layers() && wWrong && (bWrong || !s.hasBias(top))) {
            return new Diagnosis("Wrong: " + list + "; right: " + okList + ". The output layer is already wrong, so the error"
                    + " is most likely in the output delta dZ" + top + " (for " + s.loss().label() + " after "
                    + s.output().label() + "), or in how dW" + top + " is formed from it.",
                    "dZ" + top + " = ∂J/∂Z" + top + ", then dW" + top + " = A" + (top - 1) + "ᵀ · dZ" + top, false, "where:output");
        }
        if (wWrong && !bWrong && s.hasBias(top)) {
            return new Diagnosis("d" + wl + " is wrong but d" + bl + " is right, so dZ" + top + " is right and the error is in"
                    + " the product with the layer's input: dW" + top + " = A" + (top - 1) + "ᵀ · dZ" + top + ".",
                    "which activation is used as A" + (top - 1) + " (the cached one, before the activation function?)", false,
                    "where:w-only");
        }
        if (!wWrong && bWrong) {
            return new Diagnosis("d" + bl + " is wrong but d" + wl + " is right, so dZ" + top + " is right and the bias"
                    + " gradient is formed wrongly: db" + top + " is the sum of dZ" + top + " over the batch (its rows).",
                    "db" + top + " = column sums of dZ" + top + " (one row, not the first row, not averaged twice)", false,
                    "where:b-only");
        }
        return new Diagnosis("Wrong: " + list + "; right: " + okList + ". Layer " + (top + 1) + " is right and layer " + top
                + " is not, so the error is in passing the delta down: dA" + top + " = dZ" + (top + 1) + " · W" + (top + 1)
                + "ᵀ, then dZ" + top + " = dA" + top + " ⊙ f'(Z" + top + ") with f = " + s.activation(top).label() + ".",
                "f'(Z" + top + ") — from Z or from A = f(Z)? applied once? — and the transpose of W" + (top + 1), false,
                "where:propagate");
    }

    private static List<String> d(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add("d" + n);
        }
        return out;
    }
}

package kata.walkthrough;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import backprop.harness.api.Loss;
import backprop.harness.core.Elements;
import backprop.harness.check.Tolerance;
import backprop.harness.core.Nd4jSetup;
import kata.coursenotation.BiasRows;
import kata.coursenotation.CourseNetwork;
import kata.twolayer.TwoLayerNetwork;

/**
 * Writes docs/WALKTHROUGH.md: one forward and one backward pass through the question's network
 * on its XOR batch, in both notations, with every number computed by the solutions of
 * exercises 04 and 05. The few intermediates the solutions keep to themselves (dZ2, dA1, dZ1,
 * delta2 before its bias column goes) are recomputed here and checked against the solutions'
 * results, so that the page cannot disagree with the code.
 */
public final class Walkthrough {
    /** The page, from the project's root (where Maven runs the tests). */
    public static final Path DOCUMENT = Path.of("docs", "WALKTHROUGH.md");

    public static final String REGENERATE = "mvn -Psolutions test -Dtest=WalkthroughTest -Dkata.regenerate=true";

    /** Recomputed intermediates against the solutions: the same arithmetic, so equal to rounding. */
    private static final Tolerance CONSISTENT = Tolerance.REFERENCE;

    private Walkthrough() {
    }

    public static String render() {
        Nd4jSetup.ensure();
        Page page = new Page();
        Text.intro(page);
        INDArray x = TheQuestion.x();
        INDArray y = TheQuestion.y();
        TwoLayerNetwork.Params p = new TwoLayerNetwork.Params(TheQuestion.w1(), TheQuestion.b1(), TheQuestion.w2(), TheQuestion.b2());
        page.matrix("X, one sample per row", x).matrix("Y, XOR of each row", y)
                .matrix("W1", p.W1()).matrix("b1", p.b1()).matrix("W2", p.W2()).matrix("b2", p.b2());
        TwoLayerNetwork.Gradients separate = separateBiases(page, x, y, p);
        courseNotation(page, x, y, p, separate);
        Text.shapes(page);
        return page.text().strip() + "\n";
    }

    private static TwoLayerNetwork.Gradients separateBiases(Page page, INDArray x, INDArray y, TwoLayerNetwork.Params p) {
        int m = x.rows();
        TwoLayerNetwork.Cache c = TwoLayerNetwork.forward(x, p);
        double j = TwoLayerNetwork.loss(c, y, Loss.MSE);
        TwoLayerNetwork.Gradients g = TwoLayerNetwork.backward(c, y, p, Loss.MSE);

        page.heading("## 1. Separate biases: Z = X · W + b (exercise 04)").heading("### Forward");
        page.para("**Z1 = X · W1 + b1**: (4×2) · (2×5) = 4×5, then b1 (1×5) is added to each of the 4 rows."
                + " Row 0 is the sample x = (0, 1); its first hidden unit:")
                .code("Z1[0,0] = X[0,0]·W1[0,0] + X[0,1]·W1[1,0] + b1[0,0] = "
                        + Page.given(x.getDouble(0, 0)) + "·" + Page.term(Page.given(p.W1().getDouble(0, 0))) + " + "
                        + Page.given(x.getDouble(0, 1)) + "·" + Page.term(Page.given(p.W1().getDouble(1, 0))) + " + "
                        + Page.term(Page.given(p.b1().getDouble(0, 0))) + " = " + page.fixed(c.Z1().getDouble(0, 0)))
                .matrix("Z1 = X · W1 + b1", c.Z1());
        page.para("**A1 = σ(Z1)**, element by element, with σ(z) = 1 / (1 + e^(−z)); σ(" + page.fixed(c.Z1().getDouble(0, 0))
                + ") = " + page.fixed(c.A1().getDouble(0, 0)) + ".").matrix("A1 = σ(Z1)", c.A1());
        page.para("**Z2 = A1 · W2 + b2**: (4×5) · (5×1) = 4×1, plus b2 on each row. Row 0:")
                .code("Z2[0,0] = " + rowTimesColumn(page, c.A1(), 0, p.W2(), 0) + " + " + Page.term(Page.given(p.b2().getDouble(0, 0)))
                        + " = " + page.fixed(c.Z2().getDouble(0, 0)))
                .matrix("Z2 = A1 · W2 + b2", c.Z2());
        page.para("**A2 = σ(Z2)**: the network's four outputs, against the targets 1, 1, 0, 0.").matrix("A2 = σ(Z2)", c.A2());
        INDArray error = c.A2().sub(y);
        page.para("**J = 1/(2m) Σ (A2 − Y)²** with m = 4, from the errors A2 − Y:").matrix("A2 − Y", error)
                .code("J = 1/8 · (" + squares(page, error) + ") = " + page.fixed(j));

        // The solution keeps its deltas to itself: recompute them, and check them against its gradients.
        INDArray dZ2 = error.mul(c.A2().mul(c.A2().rsub(1.0))).div(m);
        INDArray dA1 = dZ2.mmul(p.W2().transpose());
        INDArray dZ1 = dA1.mul(c.A1().mul(c.A1().rsub(1.0)));
        agree("A1ᵀ · dZ2", c.A1().transpose().mmul(dZ2), "dW2", g.dW2());
        agree("the column sums of dZ2", dZ2.sum(true, 0), "db2", g.db2());
        agree("Xᵀ · dZ1", x.transpose().mmul(dZ1), "dW1", g.dW1());
        agree("the column sums of dZ1", dZ1.sum(true, 0), "db1", g.db1());

        page.heading("### Backward").decimals(Page.BACKWARD_DECIMALS);
        page.para("**dZ2 = (A2 − Y) ⊙ A2 ⊙ (1 − A2) / m**: 4×1, the shape of Z2. The 1/m of the mean enters here, once. Row 0:")
                .code("dZ2[0,0] = " + Page.term(page.fixed(error.getDouble(0, 0))) + " · " + page.fixed(c.A2().getDouble(0, 0))
                        + " · (1 − " + page.fixed(c.A2().getDouble(0, 0)) + ") / 4 = " + page.fixed(dZ2.getDouble(0, 0)))
                .matrix("dZ2", dZ2);
        page.para("**dW2 = A1ᵀ · dZ2**: (5×4) · (4×1) = 5×1, the shape of W2. The product sums over the four samples:")
                .code("dW2[0,0] = " + columnTimesColumn(page, c.A1(), 0, dZ2) + " = " + page.fixed(g.dW2().getDouble(0, 0)))
                .matrix("dW2 = A1ᵀ · dZ2", g.dW2());
        page.para("**db2 = the sum of dZ2 over its rows** (the samples): 1×1, the shape of b2.").matrix("db2", g.db2());
        page.para("**dA1 = dZ2 · W2ᵀ**: (4×1) · (1×5) = 4×5. Each hidden unit receives the output's delta times its"
                + " weight to the output.").matrix("dA1 = dZ2 · W2ᵀ", dA1);
        page.para("**dZ1 = dA1 ⊙ A1 ⊙ (1 − A1)**: 4×5, element by element (`mul`, not a matrix product).").matrix("dZ1", dZ1);
        page.para("**dW1 = Xᵀ · dZ1**: (2×4) · (4×5) = 2×5, the shape of W1. Only the samples whose input is 1 contribute:")
                .code("dW1[0,0] = " + columnTimesColumn(page, x, 0, dZ1) + " = " + page.fixed(g.dW1().getDouble(0, 0)))
                .matrix("dW1 = Xᵀ · dZ1", g.dW1());
        page.para("**db1 = the sum of dZ1 over its rows**: 1×5, the shape of b1.").matrix("db1", g.db1());
        return g;
    }

    private static void courseNotation(Page page, INDArray x, INDArray y, TwoLayerNetwork.Params p, TwoLayerNetwork.Gradients separate) {
        int m = x.rows();
        CourseNetwork.Weights w = new CourseNetwork.Weights(BiasRows.fold(p.W1(), p.b1()), BiasRows.fold(p.W2(), p.b2()));
        CourseNetwork.Cache c = CourseNetwork.forward(x, w);
        CourseNetwork.Deltas d = CourseNetwork.deltas(c, y, w, Loss.MSE);
        CourseNetwork.Gradients g = CourseNetwork.backward(c, y, w, Loss.MSE);
        INDArray full = d.delta3().mmul(w.weights2().transpose()).mul(c.a2().mul(c.a2().rsub(1.0)));
        agree("delta3 · weights2ᵀ ⊙ a2 ⊙ (1 − a2) without column 0", withoutColumn0(full), "delta2", d.delta2());
        agree("rows 1… of wGrad1", BiasRows.weightRows(g.wGrad1()), "exercise 04's dW1", separate.dW1());
        agree("row 0 of wGrad2", BiasRows.biasRow(g.wGrad2()), "exercise 04's db2", separate.db2());
        INDArray zeroed = c.a2().dup();
        zeroed.getColumn(0).assign(0);
        INDArray broken = zeroed.transpose().mmul(d.delta3()).div(m);

        Text.courseIntro(page);
        page.heading("### Forward").decimals(Page.FORWARD_DECIMALS);
        page.para("**a1 = [1, X]**: X with a column of ones in front, 4×3.").matrix("a1 = [1, X]", c.a1());
        page.para("**weights1 = [b1; W1]**: the question's 3×5 `weights1`; row 0 is b1, rows 1–2 are W1.")
                .matrix("weights1", w.weights1());
        page.para("**z2 = a1 · weights1**: (4×3) · (3×5) = 4×5. The 1 in front of each row picks up row 0, the bias:")
                .code("z2[0,0] = " + rowTimesColumn(page, c.a1(), 0, w.weights1(), 0) + " = " + page.fixed(c.z2().getDouble(0, 0))
                        + ", Z1[0,0] above")
                .matrix("z2 = a1 · weights1, equal to Z1", c.z2());
        page.para("**a2 = [1, σ(z2)]**: A1 with a column of ones in front, 4×6. The ones are the hidden layer's \"bias unit\".")
                .matrix("a2 = [1, σ(z2)]", c.a2());
        page.para("**weights2 = [b2; W2]**: the question's 6×1 `weights2`.").matrix("weights2", w.weights2());
        page.para("**z3 = a2 · weights2** and **a3 = σ(z3)**: (4×6) · (6×1) = 4×1. a3 is A2; no ones are added, as nothing"
                + " sits above the output.").matrix("a3 = σ(a2 · weights2), equal to A2", c.a3());

        page.heading("### Backward").decimals(Page.BACKWARD_DECIMALS);
        page.para("**delta3 = (a3 − Y) ⊙ a3 ⊙ (1 − a3)**: 4×1. The course's deltas belong to each sample and have no 1/m:"
                + " delta3 = 4 · dZ2.").matrix("delta3", d.delta3());
        page.para("**delta3 · weights2ᵀ ⊙ a2 ⊙ (1 − a2)**: (4×1) · (1×6) = 4×6, one column per unit of a2, the bias unit"
                + " first. Column 0 is 0 here, since a2's bias unit is the constant 1 and 1 · (1 − 1) = 0; whatever it were,"
                + " no weight leads into the bias unit, so nothing below could use it.")
                .matrix("delta3 · weights2ᵀ ⊙ a2 ⊙ (1 − a2)", full);
        page.para("**delta2 = the same without column 0**, the question's `delta2[:, 1:]`: 4×5, one column per hidden unit,"
                + " = 4 · dZ1.").matrix("delta2", d.delta2());
        page.para("**wGrad2 = a2ᵀ · delta3 / m**: (6×4) · (4×1) = 6×1, the shape of weights2. Row 0 is the ones of a2 times"
                + " delta3, summed and divided by m: db2. Rows 1–5 are dW2.").matrix("wGrad2 = [db2; dW2]", g.wGrad2());
        page.para("**wGrad1 = a1ᵀ · delta2 / m**: (3×4) · (4×5) = 3×5, the shape of weights1. Row 0 is db1, rows 1–2 are dW1.")
                .matrix("wGrad1 = [db1; dW1]", g.wGrad1());
        page.heading("### What the question's `a2[:, 0] = 0` does");
        page.para("Set a2's column of ones to 0 before computing wGrad2, as the question does, and the gradient keeps its"
                + " shape but loses its bias row:")
                .matrix("a2ᵀ · delta3 / m, with a2[:, 0] = 0", broken);
        page.para("Row 0 is " + page.fixed(broken.getDouble(0, 0)) + " instead of " + page.fixed(g.wGrad2().getDouble(0, 0))
                + ": the output bias never learns, and no shape complains. Dropping delta2's column 0 is right; zeroing a2's"
                + " column 0 is not. The first is the delta of a unit nothing feeds; the second is the input that the bias"
                + " row multiplies.");
    }

    /** "a[i,0]·b[0,j] + a[i,1]·b[1,j] + …" with the values. */
    private static String rowTimesColumn(Page page, INDArray a, int i, INDArray b, int j) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < a.columns(); k++) {
            terms.add(value(page, a.getDouble(i, k)) + "·" + Page.term(value(page, b.getDouble(k, j))));
        }
        return String.join(" + ", terms);
    }

    /** "a[0,j]·v[0,0] + a[1,j]·v[1,0] + …": column j of a against column 0 of v, a sum over the samples. */
    private static String columnTimesColumn(Page page, INDArray a, int j, INDArray v) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < a.rows(); k++) {
            terms.add(value(page, a.getDouble(k, j)) + "·" + Page.term(value(page, v.getDouble(k, 0))));
        }
        return String.join(" + ", terms);
    }

    private static String squares(Page page, INDArray e) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < e.rows(); k++) {
            terms.add(Page.term(page.fixed(e.getDouble(k, 0))) + "²");
        }
        return String.join(" + ", terms);
    }

    /** Round numbers as given (0.5, 1), computed ones to the page's decimals. */
    private static String value(Page page, double v) {
        String given = Page.given(v);
        return Double.parseDouble(given) == v ? given : page.fixed(v);
    }

    private static INDArray withoutColumn0(INDArray a) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(1, a.columns())).dup();
    }

    private static void agree(String mine, INDArray a, String theirs, INDArray b) {
        double[] x = Elements.toArray(a);
        double[] y = Elements.toArray(b);
        boolean same = x.length == y.length;
        for (int i = 0; same && i < x.length; i++) {
            same = CONSISTENT.accepts(x[i], y[i]);
        }
        if (!same) {
            throw new IllegalStateException("The walkthrough's " + mine + " is " + a + " but the solution's " + theirs + " is " + b
                    + ": the page would contradict the code.");
        }
    }
}

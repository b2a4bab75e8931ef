package kata.walkthrough;

/** The walkthrough's fixed prose: what the page is, and the shape tables. */
final class Text {
    private Text() {
    }

    static void intro(Page page) {
        page.heading("# Walkthrough: one forward and one backward pass through the question's network");
        page.para("The network of the question: 2 inputs, 5 sigmoid hidden units, 1 sigmoid output, squared error,"
                + " on its XOR batch of m = 4 samples. Every quantity is printed with its shape, first with separate"
                + " biases (exercise 04), then in the course's notation with a bias row and a column of ones"
                + " (exercise 05). The starting weights are round numbers so that you can redo the first steps by"
                + " hand; a few elements are worked out in full.");
        page.para("Matrices show " + Page.FORWARD_DECIMALS + " decimals in the forward pass and " + Page.BACKWARD_DECIMALS
                + " in the backward pass, whose numbers are smaller; the code computes in double precision. Letters as in"
                + " [NOTATION.md](NOTATION.md): m samples, one per row; n0 = 2, n1 = 5, n2 = 1.");
        page.para("This page is generated from the solutions of exercises 04 and 05 by `kata.walkthrough.Walkthrough`"
                + " (under src/test/java), and a test checks that it matches them. Do not edit it by hand; regenerate it with",
                "", "    " + Walkthrough.REGENERATE);
        page.heading("## The batch and the starting weights");
        page.para("The question's rows (1, x1, x2) without their leading 1, and XOR as the targets the question lost.");
    }

    static void courseIntro(Page page) {
        page.heading("## 2. The course's notation: a column of ones and a bias row (exercise 05)");
        page.para("The same network, with each bias folded into its weight matrix as row 0 and a column of ones put in"
                + " front of each layer's input, so that [1, x] · [b; W] = x · W + b. The course numbers the layers"
                + " from the input: its a1 is X, its z2 is Z1, its a3 is A2. The numbers are those of part 1.");
    }

    static void shapes(Page page) {
        page.heading("## 3. Every shape, in both notations");
        page.para("| separate biases | shape | the course | shape |",
                "|---|---|---|---|",
                "| X | 4×2 | a1 = [1, X] | 4×3 |",
                "| W1, dW1 | 2×5 | weights1 = [b1; W1], wGrad1 | 3×5 |",
                "| b1, db1 | 1×5 | row 0 of weights1, wGrad1 | 1×5 |",
                "| Z1, A1, dA1, dZ1 | 4×5 | z2, delta2 (= 4 · dZ1) | 4×5 |",
                "| | | a2 = [1, σ(z2)] | 4×6 |",
                "| W2, dW2 | 5×1 | weights2 = [b2; W2], wGrad2 | 6×1 |",
                "| b2, db2 | 1×1 | row 0 of weights2, wGrad2 | 1×1 |",
                "| Z2, A2, dZ2, Y | 4×1 | z3, a3, delta3 (= 4 · dZ2), Y | 4×1 |",
                "| J | scalar | J | scalar |");
        page.para("Every gradient has the shape of what it is the gradient of; the batch size m appears only in the"
                + " shapes of the per-sample quantities (X, Z, A, the deltas), never in a weight or its gradient.");
    }
}

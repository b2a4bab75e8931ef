package kata.walkthrough;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;

/** A Markdown page under construction: headings, paragraphs, and matrices printed so that a reader can follow them. */
final class Page {
    /** Decimals of the forward pass: enough to redo the arithmetic, few enough to read. */
    static final int FORWARD_DECIMALS = 4;

    /** Decimals of the backward pass, whose numbers are a hundred times smaller: the same significant digits. */
    static final int BACKWARD_DECIMALS = 6;

    private final StringBuilder text = new StringBuilder();
    private int decimals = FORWARD_DECIMALS;

    /** Numbers from here on are printed with {@code d} decimals. */
    Page decimals(int d) {
        decimals = d;
        return this;
    }

    Page heading(String h) {
        text.append(h).append("\n\n");
        return this;
    }

    Page para(String... lines) {
        text.append(String.join("\n", lines)).append("\n\n");
        return this;
    }

    /** A fenced block: a title line with the shape, then the rows of {@code a}. */
    Page matrix(String title, INDArray a) {
        text.append("```\n").append(title).append("    (").append(Shapes.of(a)).append(")\n");
        for (int i = 0; i < a.rows(); i++) {
            StringBuilder row = new StringBuilder(" ");
            for (int j = 0; j < a.columns(); j++) {
                row.append(String.format(Locale.ROOT, "%12s", fixed(a.getDouble(i, j))));
            }
            text.append(row).append('\n');
        }
        text.append("```\n\n");
        return this;
    }

    /** A fenced block of plain lines (equations worked out element by element). */
    Page code(String... lines) {
        text.append("```\n").append(String.join("\n", lines)).append("\n```\n\n");
        return this;
    }

    String text() {
        return text.toString();
    }

    /** -0.3000 style, with the page's current decimals and no "-0.0000" for a value that rounds to zero. */
    String fixed(double v) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.0+") ? s.substring(1) : s;
    }

    /** The shortest form of a value as given: 0.5, -0.4, 1 (inputs and weights are round numbers). */
    static String given(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(FORWARD_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A value inside a sum: negative ones in parentheses, so "1·(−0.4)" reads unambiguously. */
    static String term(String v) {
        return v.startsWith("-") ? "(" + v + ")" : v;
    }
}

package backprop.harness.check;

import backprop.harness.core.Elements;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import backprop.harness.api.Shapes;
import backprop.harness.api.Tensors;
import backprop.harness.core.Numbers;

/**
 * Starting weights: zero mean, and a spread that fits the layer's fan-in. The question drew them
 * with np.random.random: all in [0, 1), all positive, the same scale whatever the fan-in.
 *
 * <p>Each W{l} (fan-in = its number of rows) must have a mean within 5 standard errors of 0,
 * and a variance between 1/(3·fan-in) and 3/fan-in: wide enough for N(0, 1/fan-in) (LeCun),
 * 2/fan-in (He) and uniform ±sqrt(3/fan-in) alike, narrow enough to catch unit variance on a
 * wide layer or the [0, 1) draw. Pass several draws stacked as rows to give the statistics
 * enough elements; fewer than 30 is refused.
 */
public final class InitialisationCheck {
    /** How many standard errors a mean may sit from 0: one correct draw in 1.7 million fails. */
    static final double MEAN_SE = 5;
    static final double SPREAD = 3;
    static final int MIN_ELEMENTS = 30;

    private InitialisationCheck() {
    }

    /** Problems in words, empty if the weights look right. */
    public static List<String> problems(Tensors weights, java.util.Map<String, Integer> fanIn) {
        List<String> out = new ArrayList<>();
        for (String n : weights.names()) {
            INDArray w = weights.get(n);
            if (w == null) {
                out.add(n + " is null");
                continue;
            }
            int fan = fanIn.getOrDefault(n, w.rows());
            double[] v = Elements.toArray(w);
            if (v.length < MIN_ELEMENTS) {
                throw new IllegalArgumentException("InitialisationCheck: " + n + " has " + v.length
                        + " elements; give at least " + MIN_ELEMENTS + " (stack several draws) to judge its statistics");
            }
            double mean = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                mean += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            mean /= v.length;
            double var = 0;
            for (double x : v) {
                var += (x - mean) * (x - mean);
            }
            var /= v.length - 1;
            double se = Math.sqrt(var / v.length);
            String where = n + " (" + Shapes.of(w) + ", fan-in " + fan + ")";
            if (min >= 0) {
                out.add("every starting weight of " + where + " is positive (mean " + Numbers.plain(mean) + ", from "
                        + Numbers.plain(min) + " to " + Numbers.plain(max) + "): drawn from [0, 1), like the question's"
                        + " np.random.random? All-positive weights start every hidden unit on the same side; draw"
                        + " zero-mean weights, e.g. N(0, 1/fan-in): rng.nextGaussian() / Math.sqrt(fanIn).");
                continue;
            }
            if (Math.abs(mean) > MEAN_SE * se) {
                out.add("the starting weights of " + where + " have mean " + Numbers.plain(mean) + ", not 0 (the allowance is "
                        + MEAN_SE + " standard errors = " + Numbers.plain(MEAN_SE * se) + ")");
            }
            double scaled = var * fan;
            if (scaled > SPREAD || scaled < 1 / SPREAD) {
                out.add("the starting weights of " + where + " have variance " + Numbers.plain(var) + ", that is "
                        + Numbers.plain(scaled) + " / fan-in; expected about 1 / fan-in = " + Numbers.plain(1.0 / fan)
                        + ": scale the draws by 1/sqrt(fan-in)");
            }
        }
        return out;
    }
}

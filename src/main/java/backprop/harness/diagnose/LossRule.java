package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.cases.NetworkCase;
import backprop.harness.check.Problem;
import backprop.harness.core.Numbers;

/** A wrong loss value: every reading of its difference from the reference that fits (with m = 2, "twice" has two). */
public final class LossRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<Cause> out = new ArrayList<>();
        if (!e.has(Problem.Kind.WRONG_LOSS)) {
            return out;
        }
        NetworkCase c = e.networkCase();
        double mine = e.learnerLoss();
        double ref = e.referenceLoss();
        int m = c.m();
        double ratio = mine / ref;
        double lambda = c.spec().lambda();
        double weights = 0;
        double biases = 0;
        for (String n : c.spec().parameterNames()) {
            double s = c.params().get(n).norm2Number().doubleValue();
            if (backprop.harness.core.ParameterNames.isWeight(n)) {
                weights += s * s;
            } else {
                biases += s * s;
            }
        }
        double l2 = lambda / (2.0 * m) * weights;
        String intro = "Your loss is " + Numbers.plain(mine) + ", the reference's " + Numbers.plain(ref) + ": ";
        if (lambda > 0 && Patterns.near(mine, ref - l2)) {
            out.add(new Cause(CauseId.LOSS_NO_L2, intro + "it lacks the L2 term (lambda / 2m) · Σ W² = " + Numbers.plain(l2) + ".",
                    "the loss: add the regularisation term (weights only, not biases)", true));
        }
        if (lambda > 0 && Patterns.near(mine, ref + l2)) {
            out.add(new Cause(CauseId.LOSS_L2_TWICE, intro + "the L2 term is counted twice: it is (lambda / 2m) · Σ W² = "
                    + Numbers.plain(l2) + ", with the ½.", "the regularisation term of the loss", true));
        }
        if (lambda > 0 && Patterns.near(mine, ref + lambda / (2.0 * m) * biases)) {
            out.add(new Cause(CauseId.LOSS_L2_ON_BIAS, intro + "the biases are regularised too; the convention regularises"
                    + " weights only.", "the L2 term of the loss", true));
        }
        if (m > 1 && Patterns.near(ratio, m)) {
            out.add(new Cause(CauseId.LOSS_SUMMED, intro + "exactly m = " + m + " times too large, so the loss is summed over"
                    + " the batch, not averaged.", "the loss: divide the sum over samples by m", true));
        }
        if (m > 1 && Patterns.near(ratio, 1.0 / m)) {
            out.add(new Cause(CauseId.LOSS_DIVIDED_TWICE, intro + "exactly 1/m (m = " + m + ") of the true loss: divided by m"
                    + " twice.", "the loss's 1/m", true));
        }
        if (Patterns.near(ratio, 2)) {
            out.add(new Cause(CauseId.LOSS_TWICE, intro + "exactly twice the true loss: the ½ of the squared error is missing.",
                    "J = 1/(2m) Σ (A − Y)²", true));
        }
        if (Patterns.near(ratio, 0.5)) {
            out.add(new Cause(CauseId.LOSS_HALF, intro + "exactly half the true loss: a ½ too many.", "the loss formula", true));
        }
        // The data term alone, so a log base or a constant is read the same with or without L2.
        double dataRatio = (mine - l2) / (ref - l2);
        if (c.spec().loss() != backprop.harness.api.Loss.MSE && Patterns.near(dataRatio, 1 / Math.log(2))) {
            out.add(new Cause(CauseId.LOSS_LOG_BASE, intro + "its data term is 1/ln 2 = 1.4427 times the true one: a logarithm in"
                    + " base 2 where the natural log belongs.", "the log in the loss: Math.log / Transforms.log (base e)", true));
        } else if (c.spec().loss() != backprop.harness.api.Loss.MSE && Patterns.near(dataRatio, 1 / Math.log(10))) {
            out.add(new Cause(CauseId.LOSS_LOG_BASE, intro + "its data term is 1/ln 10 = 0.4343 times the true one: log10 where"
                    + " the natural log belongs.", "the log in the loss: Math.log / Transforms.log (base e)", true));
        }
        if (out.isEmpty() && Double.isFinite(dataRatio) && Math.abs(dataRatio - 1) > 1e-3) {
            // Any wrong loss has some ratio in one case; voting keeps it only when every case has the same one.
            out.add(new Cause(CauseId.LOSS_FACTOR, intro + "its data term is " + Numbers.plain(dataRatio) + " times the true"
                    + " one: a constant factor in the loss.", "the loss's constants: ½, 1/m, a logarithm's base", true, dataRatio));
        }
        if (out.isEmpty()) {
            out.add(new Cause(CauseId.LOSS_OTHER, intro + "the forward pass or the loss formula differs ("
                    + c.lossFormula() + ").",
                    "the forward pass step by step: Z = A·W + b, then "
                    + (c.layerStep() == null ? "" : "the " + c.layerStep().label() + " (" + c.layerStep().formula() + "), then ")
                    + "the activation, then the loss", false));
        }
        return out;
    }
}

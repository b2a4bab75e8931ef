package backprop.harness.diagnose;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.core.ParameterNames;


/**
 * Named mistakes tested against the learner's numbers: for the highest wrong layer, each
 * mistake's dW and db are recomputed and kept when they match the learner's (see
 * {@link Hypotheses}).
 */
public final class HypothesisRule implements Rule {
    @Override
    public List<Cause> causes(Evidence e) {
        List<String> wrong = e.wrong();
        if (wrong.isEmpty()) {
            return List.of();
        }
        if (e.networkCase().layerStep() != null) {
            // Every named mistake is re-derived for Z → f(Z) with nothing between; a layer step breaks that chain.
            return List.of();
        }
        Hypotheses h = new Hypotheses(e.networkCase());
        List<Cause> out = new ArrayList<>();
        if (wrong.stream().allMatch(ParameterNames::isBias)) {
            for (String n : wrong) {
                out.addAll(h.bias(e.learnerGradients(), layer(n)));
            }
            return out;
        }
        int top = wrong.stream().mapToInt(HypothesisRule::layer).max().orElseThrow();
        if (!wrong.contains("b" + top) && wrong.stream().filter(n -> layer(n) == top).count() == 1) {
            // Only dW of the top layer is wrong: its delta is right, so dW's other factor is suspect.
            out.addAll(h.weightInput(e.learnerGradients(), top));
            if (!out.isEmpty()) {
                return out;
            }
        }
        return top == e.networkCase().spec().layers() ? h.outputLayer(e.learnerGradients())
                : h.hiddenLayer(e.learnerGradients(), top);
    }

    static int layer(String parameter) {
        return ParameterNames.layer(parameter);
    }
}

package backprop.harness.report;

import java.util.ArrayList;
import java.util.List;

import backprop.harness.api.NetSpec;
import backprop.harness.cases.LayerStep;
import backprop.harness.cases.NetworkCase;
import backprop.harness.cases.StepParameters;
import backprop.harness.api.Shapes;

/** Every quantity of a case with its shape, in numbers and in the kata's letters. */
public final class ShapeTable {
    private ShapeTable() {
    }

    public static List<String> lines(NetworkCase c) {
        NetSpec s = c.spec();
        int m = c.m();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"X = A0", Shapes.of(m, s.width(0)), "m × n0", "input batch, one sample per row"});
        for (int l = 1; l <= s.layers(); l++) {
            String n = "n" + l;
            String prev = "n" + (l - 1);
            rows.add(new String[] {"W" + l + ", dW" + l, Shapes.of(s.width(l - 1), s.width(l)), prev + " × " + n, ""});
            if (s.hasBias(l)) {
                rows.add(new String[] {"b" + l + ", db" + l, Shapes.of(1, s.width(l)), "1 × " + n, "added to every row"});
            }
            LayerStep step = l < s.layers() ? c.layerStep() : null;
            if (step == null) {
                rows.add(new String[] {"Z" + l + ", A" + l + ", dZ" + l, Shapes.of(m, s.width(l)), "m × " + n,
                        "A" + l + " = " + c.activationLabel(l) + "(Z" + l + ")"});
                continue;
            }
            for (LayerStep.Parameter p : step.parameters()) {
                rows.add(new String[] {p.name() + l + ", d" + p.name() + l, Shapes.of(p.shape().of(s.width(l))),
                        StepParameters.inLetters(p.shape(), l, s.width(l)), step.label() + "'s " + p.name()});
            }
            rows.add(new String[] {"Z" + l + ", Z̃" + l + ", A" + l, Shapes.of(m, s.width(l)), "m × " + n,
                    "Z̃" + l + " = " + step.label() + "(Z" + l + "), A" + l + " = " + c.activationLabel(l) + "(Z̃" + l + ")"});
        }
        rows.add(new String[] {"Y", Shapes.of(m, s.width(s.layers())), "m × n" + s.layers(), "targets"});
        rows.add(new String[] {"J", "scalar", "", c.lossFormula()
                + (s.lambda() > 0 ? " + lambda/(2m) Σ W²" : "")});
        return Table.render(new String[] {"quantity", "shape", "in letters", ""}, rows);
    }
}

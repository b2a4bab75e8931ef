package backprop.harness.report;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns, two spaces apart. */
final class Table {
    private Table() {
    }

    static List<String> render(String[] header, List<String[]> rows) {
        int cols = header.length;
        int[] width = new int[cols];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] r : all) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : all) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                sb.append(i == 0 ? "" : "  ").append(r[i]);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - r[i].length()));
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}

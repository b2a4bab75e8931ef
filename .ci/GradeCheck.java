import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CI's check of a grading: {@code full RESULTS_JSON} (every test passed, full score) or
 * {@code stubs RESULTS_JSON} (score 0, every test failed saying "not implemented yet").
 * Run with the grader's class path: java -cp "$(cat target/grader/classpath.txt)" .ci/GradeCheck.java …
 */
public class GradeCheck {
    public static void main(String[] args) throws Exception {
        JsonNode r = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        List<String> wrong = new ArrayList<>();
        double max = 0;
        int n = 0;
        for (JsonNode t : r.get("tests")) {
            n++;
            max += t.get("max_score").asDouble();
            String name = t.get("name").asText();
            boolean passed = t.get("status").asText().equals("passed");
            if (args[0].equals("full") && !passed) {
                wrong.add(name + " FAILED on the solutions:\n" + t.get("output").asText());
            }
            if (args[0].equals("stubs") && (passed || !t.get("output").asText().contains("not implemented yet"))) {
                wrong.add(name + (passed ? " PASSED on the stubs" : " failed without \"not implemented yet\":\n" + t.get("output").asText()));
            }
        }
        double score = r.get("score").asDouble();
        double expected = args[0].equals("full") ? max : 0;
        if (n == 0 || Math.abs(score - expected) > 1e-6) {
            wrong.add("score " + plain(score) + " of " + plain(max) + " over " + n + " tests; expected " + plain(expected));
        }
        if (!wrong.isEmpty()) {
            wrong.forEach(System.err::println);
            System.exit(1);
        }
        System.out.println(args[0] + ": " + n + " tests, score " + plain(score) + " of " + plain(max) + " as expected");
    }

    /** A sum of per-test points as a person writes it (140, not 139.99999999999986): 12 significant digits. */
    static String plain(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}

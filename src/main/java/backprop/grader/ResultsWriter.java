package backprop.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** results.json in Gradescope's format, and the same results as JUnit XML for platforms that read that. */
final class ResultsWriter {
    private ResultsWriter() {
    }

    static void gradescope(Path file, List<Outcome> outcomes, String output, double seconds) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("score", Points.sum(outcomes, Outcome::score));
        root.put("execution_time", Math.round(seconds));
        root.put("output", output);
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        for (Outcome o : outcomes) {
            ObjectNode t = tests.addObject();
            t.put("name", o.name());
            t.put("number", o.number());
            t.put("score", Points.plain(o.score()));
            t.put("max_score", Points.plain(o.maxScore()));
            t.put("status", o.passed() ? "passed" : "failed");
            t.put("output", o.output());
            t.put("visibility", o.visibility().gradescope());
            if (o.cases() > 0) {
                // A parameterised test: one item over all its cases, passed only when every case passed.
                t.putObject("extra_data").put("cases", o.cases()).put("cases_passed", o.casesPassed())
                        .put("passes_when", "all cases pass");
            }
        }
        write(file, mapper.writeValueAsString(root) + "\n");
    }

    static void junitXml(Path file, List<Outcome> outcomes, double seconds) throws IOException {
        Map<String, List<Outcome>> byExercise = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byExercise.computeIfAbsent(o.test().exercise(), k -> new java.util.ArrayList<>()).add(o);
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        sb.append("<testsuites name=\"Backprop Kata\" tests=\"").append(outcomes.size()).append("\" failures=\"").append(failures)
                .append("\" time=\"").append(String.format(java.util.Locale.ROOT, "%.1f", seconds)).append("\">\n");
        for (Map.Entry<String, List<Outcome>> e : byExercise.entrySet()) {
            long f = e.getValue().stream().filter(o -> !o.passed()).count();
            sb.append("  <testsuite name=\"").append(xml(e.getKey())).append("\" tests=\"").append(e.getValue().size())
                    .append("\" failures=\"").append(f).append("\">\n");
            for (Outcome o : e.getValue()) {
                sb.append("    <testcase classname=\"").append(xml(e.getKey())).append("\" name=\"").append(xml(o.test().name()))
                        .append("\" points=\"").append(Points.text(o.score())).append('/').append(Points.text(o.maxScore())).append("\"");
                if (o.passed()) {
                    sb.append("/>\n");
                } else {
                    String first = o.output().lines().findFirst().orElse("failed");
                    sb.append(">\n      <failure message=\"").append(xml(first)).append("\">").append(xml(o.output()))
                            .append("</failure>\n    </testcase>\n");
                }
            }
            sb.append("  </testsuite>\n");
        }
        sb.append("</testsuites>\n");
        write(file, sb.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** XML text: escaped, and without the control characters XML 1.0 cannot hold. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}

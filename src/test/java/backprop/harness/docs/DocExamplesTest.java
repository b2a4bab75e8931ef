package backprop.harness.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A code example in docs/ that says where it comes from, with
 * {@code <!-- code from PATH, after "MARKER" -->} before its fence, must be the lines of PATH
 * between the line MARKER and the next {@code // end}, line for line (indentation aside). That file
 * is compiled and run by the tests, so the example cannot drift from code that works.
 */
class DocExamplesTest {
    private static final Pattern SOURCE = Pattern.compile("<!-- code from (\\S+), after \"([^\"]+)\" -->");

    @Test
    void everyExampleTakenFromASourceFileIsThatFilesCode() throws IOException {
        List<String> drifted = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = SOURCE.matcher(lines.get(i));
                    if (m.find()) {
                        checked++;
                        List<String> example = fenceAfter(lines, i);
                        String problem = example.isEmpty() ? "no code follows it"
                                : drift(example, region(Path.of(m.group(1)), m.group(2)));
                        if (problem != null) {
                            drifted.add(doc + " line " + (i + 1) + " (" + m.group(1) + "): " + problem);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("examples in docs/ that name their source").isPositive();
        assertThat(drifted).as("examples that no longer match their source; copy the source's lines into the doc").isEmpty();
    }

    @Test
    void anExampleThatDriftedIsFound() {
        List<String> source = List.of("int a = 1;", "", "int b = 2;");
        assertThat(drift(List.of("  int a = 1;", "  int b = 2;"), source)).isNull();
        assertThat(drift(List.of("int a = 1;", "int b = 3;"), source)).contains("int b = 3;").contains("int b = 2;");
        assertThat(drift(List.of("int a = 1;"), source)).contains("ends");
    }

    /** Null when the example is the source, line for line with blank lines and indentation ignored; else the first difference. */
    static String drift(List<String> example, List<String> source) {
        List<String> a = significant(example);
        List<String> b = significant(source);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size()) {
                return "the example ends " + (i >= a.size() ? "before" : "after") + " the source's line " + (i + 1);
            }
            if (!a.get(i).equals(b.get(i))) {
                return "the example has \"" + a.get(i) + "\" where the source has \"" + b.get(i) + "\"";
            }
        }
        return null;
    }

    private static List<String> significant(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> fenceAfter(List<String> lines, int from) {
        List<String> out = new ArrayList<>();
        int i = from + 1;
        while (i < lines.size() && !lines.get(i).strip().startsWith("```")) {
            i++;
        }
        for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    private static List<String> region(Path file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (in && line.strip().equals("// end")) {
                return out;
            }
            if (in) {
                out.add(line);
            }
            in |= line.strip().equals(marker);
        }
        throw new AssertionError(file + " has no region after \"" + marker + "\" ending in \"// end\"");
    }
}

package kata.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("docs/WALKTHROUGH.md")
class WalkthroughTest {

    @Test
    void theCommittedWalkthroughShowsWhatTheSolutionsCompute() throws IOException {
        assumeTrue("solutions".equals(System.getProperty("kata.dir")),
                "the walkthrough is generated from the solutions; it is checked only in the solutions build (mvn -Psolutions test)");
        String generated = Walkthrough.render();
        if (Boolean.getBoolean("kata.regenerate")) {
            Files.writeString(Walkthrough.DOCUMENT, generated, StandardCharsets.UTF_8);
        }

        List<String> committed = Files.readString(Walkthrough.DOCUMENT, StandardCharsets.UTF_8).lines().toList();
        List<String> computed = generated.lines().toList();

        int line = firstDifference(committed, computed);
        assertThat(line).as(Walkthrough.DOCUMENT + ", line " + (line + 1) + ", is\n  " + at(committed, line)
                + "\nbut the solutions of exercises 04 and 05 now give\n  " + at(computed, line)
                + "\nIf the change is intended, regenerate the page: " + Walkthrough.REGENERATE).isEqualTo(-1);
    }

    /** Index of the first line that differs, or −1 if none does. */
    private static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (!at(a, i).equals(at(b, i))) {
                return i;
            }
        }
        return -1;
    }

    private static String at(List<String> lines, int i) {
        return i >= 0 && i < lines.size() ? lines.get(i) : "(no such line)";
    }
}

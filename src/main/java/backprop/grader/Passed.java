package backprop.grader;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code grader/passed EXERCISE RESULTS_JSON}: prints how an exercise did in a results.json and
 * exits 0 only when every one of its tests passed. For platforms that score a command's exit
 * code (GitHub Classroom's command grader), one step per exercise.
 */
public final class Passed {
    private Passed() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: grader/passed EXERCISE RESULTS_JSON   (EXERCISE: 04 or 04-two-layer-network)");
            System.exit(2);
        }
        String want = args[0];
        JsonNode root = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        int tests = 0;
        int passed = 0;
        String exercise = null;
        for (JsonNode t : root.get("tests")) {
            String name = t.get("name").asText();
            String folder = name.substring(0, Math.max(0, name.indexOf(": ")));
            if (folder.equals(want) || folder.startsWith(want + "-")) {
                exercise = folder;
                tests++;
                if ("passed".equals(t.get("status").asText())) {
                    passed++;
                } else {
                    System.out.println(name + ": FAILED\n" + t.get("output").asText().lines().limit(12)
                            .map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n"));
                }
            }
        }
        if (exercise == null) {
            System.out.println(want + ": not in " + args[1] + " (not graded)");
            System.exit(1);
        }
        System.out.println(exercise + ": " + passed + " of " + tests + " tests pass");
        System.exit(passed == tests ? 0 : 1);
    }
}

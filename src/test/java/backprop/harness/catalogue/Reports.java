package backprop.harness.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps each catalogued bug's report under target/catalogue/, for reading them as a learner would. */
final class Reports {
    private Reports() {
    }

    static void save(Bug bug, String report) {
        try {
            Path dir = Path.of(System.getProperty("kata.build.dir", "target"), "catalogue");
            Files.createDirectories(dir);
            String file = bug.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".txt";
            Files.writeString(dir.resolve(file), "# " + bug.name() + "\n" + report + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Reports are for reading; failing to keep one must not fail the check.
        }
    }
}

package backprop.harness.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The last step of the learner build: prints what the tests left behind (failures by exercise,
 * then the progress) and fails the build if any test fails. Surefire carries on past failures
 * and is silenced (.mvn/jvm.config), so this text is the last thing on screen.
 */
public final class ProgressGate {
    private ProgressGate() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            // No tests ran in this build (e.g. -DskipTests): nothing to report.
            return;
        }
        if (args.length > 1 && writtenBefore(file, args[1])) {
            // Left by an earlier build that stopped before this step (or ran its tests alone): not this build's verdict.
            Files.delete(file);
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.delete(file);
        int firstLine = text.indexOf('\n');
        boolean pass = text.substring(0, firstLine).equals(KataProgress.PASS);
        System.out.print(text.substring(firstLine + 1));
        System.out.flush();
        if (!pass) {
            // exec:java runs this inside Maven's JVM. Throwing would make Maven print a stack trace,
            // "BUILD FAILURE" and "[Help 1]" below the progress; exiting fails the build just as
            // surely (exit status 1) and leaves the progress as the last thing on screen.
            System.exit(1);
        }
    }

    /** Whether the file is older than the build that started at {@code buildStart} (Maven's timestamp, whole seconds, UTC). */
    static boolean writtenBefore(Path file, String buildStart) throws IOException {
        java.time.Instant start;
        try {
            start = java.time.Instant.parse(buildStart);
        } catch (java.time.format.DateTimeParseException e) {
            return false; // no usable timestamp: trust the file, as before
        }
        return Files.getLastModifiedTime(file).toInstant().isBefore(start.minusSeconds(1));
    }
}

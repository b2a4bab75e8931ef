package backprop.grader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Takes from a submission only the exercises' Java sources ({@code exercises/NN-…/src/**.java}),
 * as text, into the grader's workspace. Everything else in the submission (its pom, tests,
 * harness, build output, solutions) is never read. Files that leave the submission through a
 * symbolic link, that are too large or too many, or that are not UTF-8 are refused with a note
 * that says why; an exercise missing a file is graded with the untouched stub in its place.
 */
public final class Intake {
    public static final long MAX_FILE_BYTES = 256 * 1024;
    public static final int MAX_FILES_PER_EXERCISE = 50;

    /** Sources taken, by exercise, as relative path under src/ → text. */
    public final Map<String, Map<String, String>> sources = new TreeMap<>();
    /** Problems with the submission's files, by exercise: shown to the student with the exercise's results. */
    public final Map<String, List<String>> notes = new TreeMap<>();
    /** Where the exercises were found in the submission, or null when none were. */
    public Path exercisesRoot;

    public static Intake of(Path submission, List<String> exercises) throws IOException {
        Intake in = new Intake();
        Path root = submission.toRealPath();
        Path ex = Files.isDirectory(root.resolve("exercises"), LinkOption.NOFOLLOW_LINKS) ? root.resolve("exercises") : root;
        boolean any = exercises.stream().anyMatch(e -> Files.isDirectory(ex.resolve(e), LinkOption.NOFOLLOW_LINKS));
        in.exercisesRoot = any ? ex : null;
        for (String e : exercises) {
            in.sources.put(e, new TreeMap<>());
            if (any) {
                in.take(root, ex.resolve(e), e);
            }
        }
        return in;
    }

    private void take(Path submissionRoot, Path exerciseDir, String exercise) throws IOException {
        Path src = exerciseDir.resolve("src");
        if (Files.isSymbolicLink(exerciseDir) || Files.isSymbolicLink(src)) {
            note(exercise, "exercises/" + exercise + (Files.isSymbolicLink(exerciseDir) ? "" : "/src")
                    + " is a symbolic link: the grader reads only real folders inside the submission, so nothing in it was graded.");
            return;
        }
        if (!Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) { // does not follow links: a linked folder is seen as a link, not entered
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList());
        }
        int taken = 0;
        for (Path f : files) {
            String rel = src.relativize(f).toString().replace('\\', '/');
            String shown = "exercises/" + exercise + "/src/" + rel;
            Path real;
            if (Files.isSymbolicLink(f)) {
                try {
                    real = f.toRealPath();
                } catch (IOException e) {
                    note(exercise, shown + " is a symbolic link to nothing: not graded.");
                    continue;
                }
                if (!real.startsWith(submissionRoot)) {
                    note(exercise, shown + " is a symbolic link to " + real + ", outside the submission: not graded."
                            + " Submit the file itself.");
                    continue;
                }
            } else {
                real = f;
            }
            if (!Files.isRegularFile(real)) {
                continue;
            }
            long size = Files.size(real);
            if (size > MAX_FILE_BYTES) {
                note(exercise, shown + " is " + kb(size) + ", more than the " + kb(MAX_FILE_BYTES)
                        + " a source file may have: not graded.");
                continue;
            }
            if (++taken > MAX_FILES_PER_EXERCISE) {
                note(exercise, "more than " + MAX_FILES_PER_EXERCISE + " .java files under exercises/" + exercise
                        + "/src: " + shown + " and the rest were not graded.");
                break;
            }
            byte[] bytes = Files.readAllBytes(real);
            String text = utf8(bytes, shown, exercise);
            if (text != null) {
                sources.get(exercise).put(rel, text);
            }
        }
    }

    private String utf8(byte[] bytes, String shown, String exercise) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            d.flush(out);
            return out.flip().toString();
        }
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        note(exercise, shown + " is not UTF-8 text (byte 0x" + String.format("%02X", bytes[at] & 0xFF) + " on line " + line
                + "): not graded. Save it as UTF-8 (in most editors: Save with Encoding, UTF-8) and submit it again.");
        return null;
    }

    void note(String exercise, String text) {
        notes.computeIfAbsent(exercise, k -> new ArrayList<>()).add(text);
    }

    public List<String> notes(String exercise) {
        return notes.getOrDefault(exercise, List.of());
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1048576.0) : (bytes / 1024) + " KB";
    }
}

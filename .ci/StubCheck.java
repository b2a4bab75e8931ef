import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the surefire reports of a build of the untouched stubs and fails unless every exercise
 * has tests, every one of them fails, each with a "not implemented yet: ..." message, and at
 * least one with a message from that exercise's own stub.
 *
 * Usage: java .ci/StubCheck.java exercises target/stubs/surefire-reports
 */
public class StubCheck {
    private static final String MARKER = "not implemented yet: ";

    public static void main(String[] args) throws IOException {
        Path exercises = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        Map<String, String> stubTextByPackageDir = new TreeMap<>();
        Map<String, String> exerciseByPackageDir = new TreeMap<>();
        List<Path> folders;
        try (Stream<Path> s = Files.list(exercises)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path ex : folders) {
            try (Stream<Path> files = Files.walk(ex.resolve("src"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String pkgDir = ex.resolve("src").relativize(f.getParent()).toString().replace('\\', '/');
                    String text = Files.readString(f).replaceAll("\"\\s*\\+\\s*\"", "");
                    stubTextByPackageDir.merge(pkgDir, text, String::concat);
                    exerciseByPackageDir.put(pkgDir, ex.getFileName().toString());
                }
            }
        }
        Map<String, int[]> counts = new TreeMap<>(); // exercise -> {tests, failedWithMarker, ownMessage}
        List<String> problems = new ArrayList<>();
        for (String ex : exerciseByPackageDir.values()) {
            counts.putIfAbsent(ex, new int[3]);
        }
        Pattern testcase = Pattern.compile("<testcase [^>]*?name=\"([^\"]*)\" classname=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL);
        Pattern message = Pattern.compile("<(failure|error)[^>]*?message=\"([^\"]*)\"", Pattern.DOTALL);
        try (Stream<Path> s = Files.list(reports)) {
            for (Path xml : s.filter(p -> p.getFileName().toString().matches("TEST-kata\\..*\\.xml")).toList()) {
                String body = Files.readString(xml);
                // The file is named after the class; "classname" may be a @DisplayName instead.
                String cls = xml.getFileName().toString().replaceFirst("^TEST-", "").replaceFirst("\\.xml$", "");
                Matcher m = testcase.matcher(body);
                while (m.find()) {
                    String pkgDir = cls.substring(0, cls.lastIndexOf('.')).replace('.', '/');
                    String ex = exerciseByPackageDir.get(pkgDir);
                    String id = cls + "#" + m.group(1);
                    if (ex == null) {
                        continue; // not an exercise's test (e.g. the walkthrough's, which needs the solutions)
                    }
                    int[] c = counts.get(ex);
                    c[0]++;
                    String inner = m.group(4) == null ? "" : m.group(4);
                    Matcher mm = message.matcher(inner);
                    if (!mm.find()) {
                        problems.add(ex + ": " + id + " PASSED on the untouched stub (a test that cannot fail?)");
                        continue;
                    }
                    String msg = unescape(mm.group(2));
                    int at = msg.indexOf(MARKER);
                    if (at < 0) {
                        problems.add(ex + ": " + id + " failed without a \"" + MARKER + "...\" message: " + firstLine(msg));
                        continue;
                    }
                    c[1]++;
                    String what = msg.substring(at + MARKER.length());
                    String probe = MARKER + what.substring(0, Math.min(30, what.length()));
                    if (stubTextByPackageDir.getOrDefault(pkgDir, "").contains(probe)) {
                        c[2]++;
                    }
                }
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            System.out.printf("  %-32s %2d tests, %2d failed with \"not implemented yet\", %2d with this exercise's own message%n",
                    e.getKey(), c[0], c[1], c[2]);
            if (c[0] == 0) {
                problems.add(e.getKey() + ": no test ran");
            } else if (c[2] == 0) {
                problems.add(e.getKey() + ": no test failed with this exercise's own stub message");
            }
        }
        if (!problems.isEmpty()) {
            System.out.println("Stub check FAILED:");
            problems.forEach(p -> System.out.println("  - " + p));
            System.exit(1);
        }
        System.out.println("Stub check passed: every exercise's tests fail on its untouched stub with its own message.");
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#10;", "\n").replace("&amp;", "&");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

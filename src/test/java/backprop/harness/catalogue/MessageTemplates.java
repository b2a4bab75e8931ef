package backprop.harness.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages a test source builds at run time, as templates: a format string ("σ(%s), finite
 * and right") or a concatenation (name + " is " + shape) has holes where the learner sees numbers,
 * shapes or names. A README quote of such a message holds the numbers of one run, so it cannot be
 * found in the source literally; it is found when it reads as one stretch of a template with each
 * hole filled.
 */
final class MessageTemplates {
    private static final Pattern SPECIFIER = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z]");
    /** An expression between two literals of a concatenation, or before the first, or after the last. */
    private static final Pattern INNER = Pattern.compile("\" \\+ [^\";]{1,80}? \\+ \"");
    private static final Pattern LEADING = Pattern.compile("\\( ?[\\w.()]{1,60} \\+ \"");
    private static final Pattern TRAILING = Pattern.compile("\" \\+ [\\w.()]{1,60} ?\\)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /**
     * The literal text a quote must share with the template, beyond what fills its holes: short
     * stretches such as " is " alone would let almost any sentence of that shape through.
     */
    private static final int MIN_LITERAL = 12;

    private final List<List<String>> templates = new ArrayList<>();

    /** @param source test sources with literals already joined across "+" and whitespace collapsed */
    MessageTemplates(String source) {
        String holes = TRAILING.matcher(LEADING.matcher(INNER.matcher(source).replaceAll("%s"))
                .replaceAll("(\"%s")).replaceAll("%s\")");
        Matcher m = LITERAL.matcher(holes);
        while (m.find()) {
            String[] parts = SPECIFIER.split(m.group(1), -1);
            if (parts.length > 1) {
                templates.add(List.of(parts));
            }
        }
    }

    /** Whether {@code piece} is a stretch of some template with its holes filled by any text. */
    boolean contains(String piece) {
        for (List<String> parts : templates) {
            for (int i = 0; i < parts.size(); i++) {
                for (int j = i + 1; j < parts.size(); j++) {
                    if (matches(piece, parts, i, j)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The piece as the end of part i, each hole and whole part up to j, then the start of part j. */
    private static boolean matches(String piece, List<String> parts, int i, int j) {
        int inner = 0;
        StringBuilder middle = new StringBuilder();
        for (int k = i + 1; k < j; k++) {
            middle.append("(.+?)").append(Pattern.quote(parts.get(k)));
            inner += parts.get(k).length();
        }
        for (int k = i + 1; k < j; k++) {
            if (!piece.contains(parts.get(k))) {
                return false;
            }
        }
        Pattern holesAndParts = Pattern.compile(middle + "(.+?)", Pattern.DOTALL);
        // Every split of the piece between head, holes and tail has to be tried: the lazy match
        // alone may put a hole's end where the part's start should be.
        for (int headEnd = 0; headEnd <= piece.length(); headEnd++) {
            String head = piece.substring(0, headEnd);
            if (!parts.get(i).endsWith(head)) {
                continue;
            }
            String rest = piece.substring(headEnd);
            for (int tailStart = rest.length(); tailStart >= 1; tailStart--) {
                String tail = rest.substring(tailStart);
                if (!parts.get(j).startsWith(tail) || head.length() + inner + tail.length() < MIN_LITERAL) {
                    continue;
                }
                Matcher holes = holesAndParts.matcher(rest.substring(0, tailStart));
                // A quote may start or end inside a hole (a name or number it cuts off), but a
                // hole there must not swallow words: "σ(710.0), finite and wrong; e^%s" would
                // otherwise pass as one long hole in front of "overflows".
                if (holes.matches() && (!head.isEmpty() || parts.get(i).isEmpty() || !holes.group(1).contains(" "))
                        && (!tail.isEmpty() || parts.get(j).isEmpty() || !holes.group(holes.groupCount()).contains(" "))) {
                    return true;
                }
            }
        }
        return false;
    }
}

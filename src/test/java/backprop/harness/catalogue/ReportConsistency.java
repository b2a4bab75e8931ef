package backprop.harness.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways a whole-network report can contradict itself, read from its text: the heading calling
 * the causes guesses and facts at once; the headline, the value tables and the causes naming
 * different quantities; a cause naming a layer or a parameter the shown case does not have; an
 * exception said to be thrown in one step and explained as thrown in another.
 */
final class ReportConsistency {
    private static final Pattern HEADLINE = Pattern.compile("^[^:]+: ((?:d[Wb]\\d+(?:, )?)+) (?:is|are) wrong$");
    private static final Pattern TABLE = Pattern.compile("^(d[Wb]\\d+) \\([^)]*\\), \\d+ of \\d+ elements wrong");
    private static final Pattern PARAMETER = Pattern.compile("^  ([Wb]\\d+)\\s+\\(");
    private static final Pattern NAMED = Pattern.compile("\\bd?([Wb])(\\d+)\\b");
    private static final Pattern RIGHT_LAYER = Pattern.compile("[Ll]ayer (\\d+) is right");
    private static final Pattern WRONG_LIST = Pattern.compile("Wrong: ((?:d[Wb]\\d+(?:, )?)+);");

    private ReportConsistency() {
    }

    static List<String> contradictions(String report) {
        List<String> out = new ArrayList<>();
        String[] lines = report.split("\n");
        String words = report.replaceAll("\\s+", " ");
        if (words.contains("a guess") && words.contains("seen in all")) {
            out.add("the heading calls the cause a guess and says every case shows it");
        }
        Set<String> headline = new LinkedHashSet<>();
        Matcher h = HEADLINE.matcher(lines[0]);
        if (h.find()) {
            headline.addAll(List.of(h.group(1).split(", ")));
        }
        Set<String> tables = new LinkedHashSet<>();
        Set<String> parameters = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher t = TABLE.matcher(line);
            if (t.find()) {
                tables.add(t.group(1));
            }
            Matcher p = PARAMETER.matcher(line);
            if (p.find()) {
                parameters.add(p.group(1));
            }
        }
        if (!headline.isEmpty() && !headline.equals(tables)) {
            out.add("the headline names " + headline + " but the value tables show " + tables);
        }
        String causes = causeText(lines);
        Matcher named = NAMED.matcher(causes);
        while (named.find() && !parameters.isEmpty()) {
            int layer = Integer.parseInt(named.group(2));
            if (layer > 0 && !parameters.contains("W" + layer)) {
                out.add("a cause names " + named.group() + ", which the shown case does not have (" + parameters + ")");
            }
        }
        Matcher rightLayer = RIGHT_LAYER.matcher(causes);
        while (rightLayer.find()) {
            String l = rightLayer.group(1);
            if (headline.contains("dW" + l) || headline.contains("db" + l)) {
                out.add("a cause says layer " + l + " is right but the headline has it wrong: " + headline);
            }
        }
        Matcher wrongList = WRONG_LIST.matcher(causes.replaceAll("\\s+", " "));
        while (wrongList.find() && !headline.isEmpty()) {
            Set<String> listed = new LinkedHashSet<>(List.of(wrongList.group(1).split(", ")));
            if (!listed.equals(headline)) {
                out.add("a cause lists " + listed + " as wrong but the headline names " + headline);
            }
        }
        Matcher threw = Pattern.compile("^[^:]+: your code threw an exception in (.+)$").matcher(lines[0]);
        if (threw.find() && !causes.replaceAll("\\s+", " ").contains(threw.group(1))) {
            out.add("the headline says it threw in " + threw.group(1) + " but the cause does not say so");
        }
        return out;
    }

    /** The lines between the cause heading and the case dump. */
    private static String causeText(String[] lines) {
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("Most likely cause") || line.startsWith("Possible causes") || line.startsWith("Causes found")) {
                in = true;
                continue;
            }
            if (line.startsWith("Smallest failing case")) {
                break;
            }
            if (in) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}

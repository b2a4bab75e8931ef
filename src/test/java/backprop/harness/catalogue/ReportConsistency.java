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
    // Any parameter: W{l} and b{l}, and a layer step's (gamma1, beta2).
    private static final Pattern HEADLINE = Pattern.compile("^[^:]+: ((?:d[A-Za-z]+\\d+(?:, )?)+) (?:is|are) wrong$");
    private static final Pattern TABLE = Pattern.compile("^(d[A-Za-z]+\\d+) \\([^)]*\\), \\d+ of \\d+ elements wrong");
    private static final Pattern PARAMETER = Pattern.compile("^  ([A-Za-z]+\\d+)\\s+\\(");
    private static final Pattern NAMED = Pattern.compile("\\bd?([Wb])(\\d+)\\b");
    private static final Pattern RIGHT_LAYER = Pattern.compile("[Ll]ayer (\\d+) is right");
    private static final Pattern WRONG_LIST = Pattern.compile("Wrong: ((?:d[A-Za-z]+\\d+(?:, )?)+);");

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
        boolean originalCase = false;
        for (String line : lines) {
            Matcher t = TABLE.matcher(line);
            if (t.find()) {
                tables.add(t.group(1));
            }
            if (line.startsWith("The random case it was shrunk from")) {
                originalCase = true; // its parameters are not the shown case's
            }
            Matcher p = PARAMETER.matcher(line);
            if (p.find() && !originalCase) {
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

    private static final Pattern POINT_NAME = Pattern.compile("^  (\\S+)\\s+\\(\\d[^)]*\\)\\s");
    private static final Pattern FUNCTION_TABLE = Pattern.compile("^d(\\S+) \\([^)]*\\), \\d+ of \\d+ elements differ");
    private static final Pattern FUNCTION_HEADLINE = Pattern.compile("\\d+ of \\d+ elements of d(\\S+) differ");
    private static final Pattern CAUSE_GRADIENT = Pattern.compile("\\bd([A-Za-z]\\w*)\\b");

    /**
     * What contradicts itself in a function check's report: a gradient the headline calls wrong
     * without its value table, or a cause naming the gradient of an input the point does not have.
     */
    static List<String> functionContradictions(String report) {
        List<String> out = new ArrayList<>();
        String[] lines = report.split("\n");
        String words = report.replaceAll("\\s+", " ");
        if (words.contains("a guess") && words.contains("seen in all")) {
            out.add("the heading calls the cause a guess and says every case shows it");
        }
        Set<String> point = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        boolean inPoint = false;
        StringBuilder causes = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("At (")) {
                inPoint = true;
                continue;
            }
            if (inPoint && line.isEmpty()) {
                inPoint = false;
            }
            Matcher n = POINT_NAME.matcher(line);
            if (inPoint && n.find()) {
                point.add(n.group(1));
            }
            Matcher t = FUNCTION_TABLE.matcher(line);
            if (t.find()) {
                tables.add(t.group(1));
            }
            if (line.startsWith("  Most likely cause: ")) {
                causes.append(line).append('\n');
            }
        }
        Matcher h = FUNCTION_HEADLINE.matcher(lines[0]);
        if (h.find() && !tables.contains(h.group(1))) {
            out.add("the headline says d" + h.group(1) + " differs but no value table shows it (tables: " + tables + ")");
        }
        Matcher c = CAUSE_GRADIENT.matcher(causes);
        while (c.find() && !point.isEmpty()) {
            String name = c.group(1);
            if (point.contains(name) || !Character.isUpperCase(name.charAt(0)) || name.length() > 3) {
                continue;
            }
            out.add("a cause names d" + name + ", but the point has no " + name + " (" + point + ")");
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

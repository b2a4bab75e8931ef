package backprop.harness.reference;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import backprop.harness.api.Activation;
import backprop.harness.api.NetSpec;
import backprop.harness.cases.CaseSpace.Head;
import backprop.harness.core.Nd4jSetup;

/**
 * The long comparison of docs/ORACLE.md: the SameDiff reference on every case of a file the
 * oracle answered, with the worst error per hidden activation and per head. Not a test: it
 * takes minutes, and PyTorch must have answered the cases first (tools/oracle/soak.sh).
 */
public final class OracleSoak {
    private OracleSoak() {
    }

    /** The worst errors of the cases in one row of the table. */
    static final class Row {
        long cases;
        long elements;
        long outside;
        double worstRelative;
        double worstInUlps;
        double worstLoss;
        String worstCase = "";
        String firstMismatch = "";

        void add(OracleJson.Entry e, OracleComparison.Errors err) {
            cases++;
            elements += err.elements;
            outside += err.mismatches.size();
            if (err.worstRelative > worstRelative) {
                worstRelative = err.worstRelative;
                worstCase = e.name();
            }
            worstInUlps = Math.max(worstInUlps, err.worstInUlps);
            worstLoss = Math.max(worstLoss, err.worstLoss);
            if (firstMismatch.isEmpty() && !err.mismatches.isEmpty()) {
                firstMismatch = e.name() + " " + err.mismatches.get(0).describe();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OracleSoak ANSWERED.json   (see docs/ORACLE.md)");
            System.exit(2);
        }
        Nd4jSetup.ensure();
        List<OracleJson.Entry> entries;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            entries = OracleJson.read(in);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Activation f : OracleCases.HIDDEN) {
            rows.put("hidden " + f.label(), new Row());
        }
        rows.put("no hidden layer", new Row());
        for (Head h : OracleCases.HEADS) {
            rows.put("head " + h.output().label() + " + " + h.loss().label(), new Row());
        }
        Row all = new Row();
        long start = System.nanoTime();
        for (OracleJson.Entry e : entries) {
            OracleComparison.Errors err = OracleComparison.compare(e, Reference.evaluate(e.c()));
            if (Boolean.getBoolean("oracle.list")) {
                for (OracleComparison.Mismatch mm : err.mismatches) {
                    System.out.println("outside: " + e.name() + " | " + e.c().spec().describe() + " m=" + e.c().m() + " | " + e.covers() + " | " + mm.describe());
                }
            }
            NetSpec s = e.c().spec();
            Set<String> keys = new LinkedHashSet<>();
            for (int l = 1; l < s.layers(); l++) {
                keys.add("hidden " + s.activation(l).label());
            }
            if (s.layers() == 1) {
                keys.add("no hidden layer");
            }
            keys.add("head " + s.output().label() + " + " + s.loss().label());
            for (String k : keys) {
                rows.get(k).add(e, err);
            }
            all.add(e, err);
        }
        rows.put("all cases", all);
        System.out.printf(Locale.ROOT, "%d cases against PyTorch in %.0f s; tolerance |ref − torch| ≤ %.0e·max(|ref|, |torch|) + %.0f·eps·(size of the terms)%n",
                entries.size(), (System.nanoTime() - start) / 1e9, OracleComparison.RTOL, OracleComparison.ULPS);
        System.out.println();
        System.out.println("| cases with | cases | gradient elements | outside the tolerance | worst relative error | worst error in eps of the terms | worst loss error (relative) | case with the worst relative error |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Row> r : rows.entrySet()) {
            Row v = r.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2g | %.2g | %.2g | %s |%n", r.getKey(), v.cases, v.elements, v.outside,
                    v.worstRelative, v.worstInUlps, v.worstLoss, v.worstCase);
        }
        System.out.println();
        for (Map.Entry<String, Row> r : rows.entrySet()) {
            if (!r.getValue().firstMismatch.isEmpty()) {
                System.out.println("first outside, " + r.getKey() + ": " + r.getValue().firstMismatch);
            }
        }
    }
}

package backprop.harness.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import backprop.harness.api.Activation;
import backprop.harness.api.Loss;
import backprop.harness.api.NetSpec;
import backprop.harness.api.Tensors;
import backprop.harness.cases.NetworkCase;

/**
 * The file format shared with tools/oracle/pytorch_oracle.py: a case is its spec, X, Y and
 * parameters as nested row lists; the oracle adds {@code "pytorch": {"loss", "gradients"}}.
 * Doubles are written with Java's shortest round-trip form and read back bit for bit on both
 * sides, so the oracle sees exactly the numbers the harness generated.
 */
final class OracleJson {
    /** One stored case: what it covers, the case itself, and PyTorch's answer when it has one. */
    record Entry(String name, String covers, NetworkCase c, double loss, Tensors gradients) {
        boolean hasAnswer() {
            return gradients != null;
        }
    }

    private OracleJson() {
    }

    static void writeCases(Path file, List<Entry> entries, String note) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); JsonWriter w = new JsonWriter(out)) {
            w.beginObject();
            w.name("note").value(note);
            w.name("cases").beginArray();
            for (Entry e : entries) {
                NetSpec s = e.c().spec();
                w.beginObject();
                w.name("name").value(e.name());
                w.name("covers").value(e.covers());
                w.name("sizes").beginArray();
                for (int n : s.sizes()) {
                    w.value(n);
                }
                w.endArray();
                w.name("activations").beginArray();
                for (Activation a : s.activations()) {
                    w.value(a.name());
                }
                w.endArray();
                w.name("bias").beginArray();
                for (boolean b : s.bias()) {
                    w.value(b);
                }
                w.endArray();
                w.name("loss").value(s.loss().name());
                w.name("lambda").value(s.lambda());
                w.name("X");
                matrix(w, e.c().x());
                w.name("Y");
                matrix(w, e.c().y());
                w.name("params").beginObject();
                for (String p : s.parameterNames()) {
                    w.name(p);
                    matrix(w, e.c().params().get(p));
                }
                w.endObject();
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
    }

    private static void matrix(JsonWriter w, INDArray a) throws IOException {
        w.beginArray();
        for (long i = 0; i < a.rows(); i++) {
            w.beginArray();
            for (long j = 0; j < a.columns(); j++) {
                w.value(a.getDouble(i, j));
            }
            w.endArray();
        }
        w.endArray();
    }

    static List<Entry> read(Reader in) {
        JsonObject root = JsonParser.parseReader(in).getAsJsonObject();
        List<Entry> entries = new ArrayList<>();
        for (JsonElement el : root.getAsJsonArray("cases")) {
            JsonObject o = el.getAsJsonObject();
            List<Integer> sizes = new ArrayList<>();
            o.getAsJsonArray("sizes").forEach(v -> sizes.add(v.getAsInt()));
            List<Activation> acts = new ArrayList<>();
            o.getAsJsonArray("activations").forEach(v -> acts.add(Activation.valueOf(v.getAsString())));
            List<Boolean> bias = new ArrayList<>();
            o.getAsJsonArray("bias").forEach(v -> bias.add(v.getAsBoolean()));
            NetSpec spec = new NetSpec(sizes, acts, bias, Loss.valueOf(o.get("loss").getAsString()), o.get("lambda").getAsDouble());
            String name = o.get("name").getAsString();
            NetworkCase c = new NetworkCase(spec, tensors(o.getAsJsonObject("params")), matrix(o.getAsJsonArray("X")),
                    matrix(o.getAsJsonArray("Y")), name);
            JsonObject torch = o.getAsJsonObject("pytorch");
            entries.add(torch == null
                    ? new Entry(name, o.get("covers").getAsString(), c, Double.NaN, null)
                    : new Entry(name, o.get("covers").getAsString(), c, torch.get("loss").getAsDouble(),
                            tensors(torch.getAsJsonObject("gradients"))));
        }
        return entries;
    }

    private static Tensors tensors(JsonObject o) {
        Tensors t = Tensors.empty();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            t.put(e.getKey(), matrix(e.getValue().getAsJsonArray()));
        }
        return t;
    }

    private static INDArray matrix(JsonArray rows) {
        int m = rows.size();
        int n = rows.get(0).getAsJsonArray().size();
        INDArray a = Nd4j.create(DataType.DOUBLE, m, n);
        for (int i = 0; i < m; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            for (int j = 0; j < n; j++) {
                a.putScalar(i, j, row.get(j).getAsDouble());
            }
        }
        return a;
    }
}

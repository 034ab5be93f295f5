package io.github.rnnkit.core.bundle;

import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.RnnActivation;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.core.spec.Tbptt;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.scale.IdentityScaler;
import io.github.rnnkit.data.scale.LogReturnScaler;
import io.github.rnnkit.data.scale.MinMaxScaler;
import io.github.rnnkit.data.scale.Scaler;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.scale.ZScoreScaler;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.window.WindowSpec;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON of a bundle's spec, data description and provenance, field by field. */
final class BundleJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private BundleJson() {
    }

    static ObjectNode spec(ModelSpec s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("cell", s.cell().name());
        o.put("topology", s.topology().name());
        o.put("horizon", s.horizon());
        o.put("inputSize", s.inputSize());
        ArrayNode hidden = o.putArray("hiddenSizes");
        s.hiddenSizes().forEach(hidden::add);
        o.put("outputSize", s.outputSize());
        o.put("task", s.task().name());
        o.put("bidirectional", s.bidirectional());
        o.put("dropout", s.dropout());
        o.put("activation", s.activation().name());
        o.put("updater", s.updater().name());
        o.put("learningRate", s.learningRate());
        o.put("weightInit", s.weightInit().name());
        o.put("forgetGateBias", s.forgetGateBias());
        o.put("seed", s.seed());
        o.put("dataType", s.dataType().name());
        if (s.tbptt() != null) {
            o.putObject("tbptt").put("forward", s.tbptt().forward()).put("backward", s.tbptt().backward());
        }
        o.putObject("clipping").put("mode", s.clipping().mode().name()).put("threshold", s.clipping().threshold());
        return o;
    }

    static ModelSpec spec(JsonNode o) {
        List<Integer> hidden = new ArrayList<>();
        o.get("hiddenSizes").forEach(n -> hidden.add(n.asInt()));
        JsonNode t = o.get("tbptt");
        JsonNode c = o.get("clipping");
        return new ModelSpec(CellType.valueOf(text(o, "cell")), Topology.valueOf(text(o, "topology")),
                o.get("horizon").asInt(), o.get("inputSize").asInt(), hidden, o.get("outputSize").asInt(),
                Task.valueOf(text(o, "task")), o.get("bidirectional").asBoolean(), o.get("dropout").asDouble(),
                RnnActivation.valueOf(text(o, "activation")), UpdaterKind.valueOf(text(o, "updater")),
                o.get("learningRate").asDouble(), WeightInit.valueOf(text(o, "weightInit")),
                o.get("forgetGateBias").asDouble(), o.get("seed").asLong(), DataType.valueOf(text(o, "dataType")),
                t == null ? null : new Tbptt(t.get("forward").asInt(), t.get("backward").asInt()),
                new Clipping(GradientNormalization.valueOf(text(c, "mode")), c.get("threshold").asDouble()));
    }

    static ObjectNode data(DataDescription d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", d.kind().name());
        ArrayNode cols = o.putArray("columns");
        d.columns().forEach(cols::add);
        o.put("dateColumn", d.dateColumn());
        o.putObject("window").put("lookBack", d.window().lookBack()).put("topology", d.window().topology().name())
                .put("horizon", d.window().horizon()).put("stride", d.window().stride());
        if (d.vocabulary() != null) {
            ArrayNode v = o.putArray("vocabulary");
            d.vocabulary().categories().forEach(v::add);
        }
        ArrayNode scalers = o.putArray("scalers");
        for (Scaler s : d.scalers()) {
            ObjectNode n = scalers.addObject().put("kind", s.kind().name());
            if (s instanceof MinMaxScaler m) {
                n.put("min", m.min()).put("max", m.max());
            } else if (s instanceof ZScoreScaler z) {
                n.put("mean", z.mean()).put("std", z.std());
            } else if (s instanceof LogReturnScaler l) {
                n.put("mean", l.mean()).put("std", l.std());
            }
        }
        return o;
    }

    static DataDescription data(JsonNode o) {
        List<String> columns = new ArrayList<>();
        o.get("columns").forEach(n -> columns.add(n.asText()));
        JsonNode w = o.get("window");
        WindowSpec window = new WindowSpec(w.get("lookBack").asInt(), Topology.valueOf(text(w, "topology")),
                w.get("horizon").asInt(), w.get("stride").asInt());
        Vocabulary vocabulary = null;
        if (o.has("vocabulary")) {
            List<String> cats = new ArrayList<>();
            o.get("vocabulary").forEach(n -> cats.add(n.asText()));
            vocabulary = Vocabulary.of(cats);
        }
        List<Scaler> scalers = new ArrayList<>();
        for (JsonNode n : o.get("scalers")) {
            scalers.add(switch (ScalerKind.valueOf(text(n, "kind"))) {
                case NONE -> new IdentityScaler();
                case MIN_MAX -> new MinMaxScaler(n.get("min").asDouble(), n.get("max").asDouble());
                case Z_SCORE -> new ZScoreScaler(n.get("mean").asDouble(), n.get("std").asDouble());
                case LOG_RETURNS -> new LogReturnScaler(n.get("mean").asDouble(), n.get("std").asDouble());
            });
        }
        JsonNode date = o.get("dateColumn");
        return new DataDescription(SeriesKind.valueOf(text(o, "kind")), columns,
                date == null || date.isNull() ? null : date.asText(), window, vocabulary, scalers);
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", ModelBundle.FORMAT);
        o.put("rnnkit", p.rnnkit()).put("dl4j", p.dl4j()).put("java", p.java());
        o.put("dataSource", p.dataSource()).put("dataSha256", p.dataSha256()).put("seed", p.seed());
        o.put("created", p.created().toString());
        return o;
    }

    static Provenance provenance(JsonNode o) {
        JsonNode sha = o.get("dataSha256");
        return new Provenance(text(o, "rnnkit"), text(o, "dl4j"), text(o, "java"), text(o, "dataSource"),
                sha == null || sha.isNull() ? null : sha.asText(), o.get("seed").asLong(), Instant.parse(text(o, "created")));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return n.asText();
    }
}

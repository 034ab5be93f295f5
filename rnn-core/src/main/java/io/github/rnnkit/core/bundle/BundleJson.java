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
import java.time.LocalDate;
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
        ObjectNode clip = o.putObject("clipping").put("mode", s.clipping().mode().name()).put("threshold", s.clipping().threshold());
        if (s.clipping().global()) {
            clip.put("global", true);
        }
        return o;
    }

    static ModelSpec spec(JsonNode o) {
        object(o, "the file");
        List<Integer> hidden = new ArrayList<>();
        JsonNode hs = o.get("hiddenSizes");
        if (hs == null || !hs.isArray() || hs.isEmpty()) {
            throw new IllegalArgumentException("field 'hiddenSizes' must be a non-empty array of sizes");
        }
        hs.forEach(n -> hidden.add(asInteger(n, "hiddenSizes")));
        JsonNode t = o.get("tbptt");
        JsonNode c = o.get("clipping");
        object(c, "field 'clipping'");
        if (t != null && !t.isNull()) {
            object(t, "field 'tbptt'");
        }
        return new ModelSpec(enumValue(o, "cell", CellType.class), enumValue(o, "topology", Topology.class),
                integer(o, "horizon"), integer(o, "inputSize"), hidden, integer(o, "outputSize"),
                enumValue(o, "task", Task.class), bool(o, "bidirectional"), number(o, "dropout"),
                enumValue(o, "activation", RnnActivation.class), enumValue(o, "updater", UpdaterKind.class),
                number(o, "learningRate"), enumValue(o, "weightInit", WeightInit.class),
                number(o, "forgetGateBias"), longInteger(o, "seed"), enumValue(o, "dataType", DataType.class),
                t == null || t.isNull() ? null : new Tbptt(integer(t, "forward"), integer(t, "backward")),
                new Clipping(enumValue(c, "mode", GradientNormalization.class), number(c, "threshold"), flag(c, "global")));
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
        object(o, "the file");
        List<String> columns = texts(o, "columns");
        JsonNode w = o.get("window");
        object(w, "field 'window'");
        WindowSpec window = new WindowSpec(integer(w, "lookBack"), enumValue(w, "topology", Topology.class),
                integer(w, "horizon"), integer(w, "stride"));
        Vocabulary vocabulary = o.has("vocabulary") && !o.get("vocabulary").isNull()
                ? Vocabulary.of(texts(o, "vocabulary")) : null;
        List<Scaler> scalers = new ArrayList<>();
        JsonNode list = o.get("scalers");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("field 'scalers' must be an array");
        }
        for (JsonNode n : list) {
            object(n, "an entry of 'scalers'");
            scalers.add(switch (enumValue(n, "kind", ScalerKind.class)) {
                case NONE -> new IdentityScaler();
                case MIN_MAX -> new MinMaxScaler(number(n, "min"), number(n, "max"));
                case Z_SCORE -> new ZScoreScaler(number(n, "mean"), number(n, "std"));
                case LOG_RETURNS -> new LogReturnScaler(number(n, "mean"), number(n, "std"));
            });
        }
        JsonNode date = o.get("dateColumn");
        if (date != null && !date.isNull() && !date.isTextual()) {
            throw new IllegalArgumentException("field 'dateColumn' must be a column name or null");
        }
        return new DataDescription(enumValue(o, "kind", SeriesKind.class), columns,
                date == null || date.isNull() ? null : date.asText(), window, vocabulary, scalers);
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", ModelBundle.FORMAT);
        o.put("rnnkit", p.rnnkit()).put("dl4j", p.dl4j()).put("java", p.java());
        o.put("dataSource", p.dataSource()).put("dataSha256", p.dataSha256()).put("seed", p.seed());
        o.put("created", p.created().toString());
        if (p.training() != null) {
            ObjectNode t = o.putObject("training");
            t.put("steps", p.training().steps());
            t.put("first", p.training().dated() ? p.training().first().toString() : null);
            t.put("last", p.training().dated() ? p.training().last().toString() : null);
        }
        return o;
    }

    static Provenance provenance(JsonNode o) {
        object(o, "the file");
        JsonNode sha = o.get("dataSha256");
        return new Provenance(text(o, "rnnkit"), text(o, "dl4j"), text(o, "java"), text(o, "dataSource"),
                sha == null || sha.isNull() ? null : sha.asText(), longInteger(o, "seed"), Instant.parse(text(o, "created")),
                training(o.get("training")));
    }

    /** @return the boolean field, false when absent (bundles from before it existed) */
    private static boolean flag(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n != null && !n.isNull() && bool(o, field);
    }

    /** @return the training span, or null when the field is absent (a bundle from before it was recorded) */
    private static TrainingSpan training(JsonNode t) {
        if (t == null || t.isNull()) {
            return null;
        }
        object(t, "field 'training'");
        try {
            return new TrainingSpan(integer(t, "steps"), date(t, "first"), date(t, "last"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'training': " + e.getMessage(), e);
        }
    }

    private static LocalDate date(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a date (yyyy-mm-dd) or null");
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "' must be a date (yyyy-mm-dd), found '" + n.asText() + "'");
        }
    }

    // Jackson's asInt/asDouble turn "wide" into 0 silently; every field is read by type instead.

    static void object(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object"
                    + (n == null ? " (missing)" : ", found " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static JsonNode field(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return n;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = field(o, field);
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be text, found " + n);
        }
        return n.asText();
    }

    private static List<String> texts(JsonNode o, String field) {
        JsonNode n = field(o, field);
        if (!n.isArray() || n.isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty array of names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual() || e.asText().isEmpty()) {
                throw new IllegalArgumentException("field '" + field + "' must hold non-empty names, found " + e);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static int integer(JsonNode o, String field) {
        return asInteger(field(o, field), field);
    }

    private static int asInteger(JsonNode n, String field) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' must be a whole number, found " + n);
        }
        return n.intValue();
    }

    private static long longInteger(JsonNode o, String field) {
        JsonNode n = field(o, field);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field + "' must be a whole number, found " + n);
        }
        return n.longValue();
    }

    private static double number(JsonNode o, String field) {
        JsonNode n = field(o, field);
        // Jackson writes non-finite doubles as the strings "NaN"/"Infinity"; they are refused here too.
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("field '" + field + "' must be a finite number, found " + n);
        }
        return n.doubleValue();
    }

    private static boolean bool(JsonNode o, String field) {
        JsonNode n = field(o, field);
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("field '" + field + "' must be true or false, found " + n);
        }
        return n.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode o, String field, Class<E> type) {
        String v = text(o, field);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' is '" + v + "', not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

package io.github.rnnkit.core.bundle;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.Topology;
import io.github.rnnkit.data.scale.LogReturnScaler;
import io.github.rnnkit.data.scale.MinMaxScaler;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.Vocabulary;
import io.github.rnnkit.data.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {
    @TempDir
    Path dir;

    private static ModelBundle bundle() {
        return bundle(CellType.GRU);
    }

    private static ModelBundle bundle(CellType cell) {
        ModelSpec spec = ModelSpec.builder().setCell(cell).setTopology(Topology.SEQ2SEQ).optHorizon(3)
                .setInputSize(2).setHiddenSizes(5, 4).setOutputSize(1).setTask(Task.REGRESSION).optSeed(3)
                .optClipping(Clipping.parse("l2-per-layer:2.5")).optDropout(0.1).build();
        RnnNetwork net = NetworkFactory.create(spec);
        DataDescription data = new DataDescription(SeriesKind.PRICE, List.of("close", "volume"), "Date",
                WindowSpec.seq2seq(10, 3), null, List.of(new LogReturnScaler(0.001, 0.02), new MinMaxScaler(1, 9)));
        Provenance p = Provenance.now("prices.csv", "abc123", 3);
        return new ModelBundle(net, spec, data, new Provenance(p.rnnkit(), p.dl4j(), p.java(), p.dataSource(), p.dataSha256(),
                p.seed(), p.created(), new TrainingSpan(700, java.time.LocalDate.of(2012, 1, 1), java.time.LocalDate.of(2013, 12, 1))),
                null);
    }

    @Test
    void clippingModesRoundTripThroughTheSpecJson() {
        for (String clip : List.of("global-l2:2.5", "l2-per-layer:1.0", "renormalize-l2-per-layer", "none")) {
            ModelSpec spec = ModelSpec.builder().setCell(CellType.GRU).setTopology(Topology.MANY_TO_ONE).setInputSize(2)
                    .setHiddenSizes(3).setOutputSize(1).setTask(Task.REGRESSION).optClipping(Clipping.parse(clip)).build();
            ModelSpec back = BundleJson.spec(BundleJson.spec(spec));
            assertEquals(spec, back, clip);
            assertEquals(clip.equals("none") ? "none" : clip, back.clipping().describe());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(CellType.class)
    void reloadedBundlePredictsExactlyTheSame(CellType cell) {
        ModelBundle b = bundle(cell);
        b.save(dir.resolve("model"));
        ModelBundle back = ModelBundle.load(dir.resolve("model"));
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 2, 10);
        assertEquals(b.network().output(x), back.network().output(x));
        assertEquals(b.spec(), back.spec());
        assertEquals(b.data(), back.data());
        assertEquals(b.provenance(), back.provenance());
    }

    @Test
    void categoricalVocabularyRoundTrips() {
        ModelSpec spec = ModelSpec.builder().setCell(CellType.LSTM).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(4).setOutputSize(3).setTask(Task.CLASSIFICATION).optTbptt(20, 10).build();
        DataDescription data = new DataDescription(SeriesKind.CATEGORICAL, List.of("weather"), null,
                WindowSpec.manyToOne(7), Vocabulary.of("rain", "sun", "fog"), List.of());
        new ModelBundle(NetworkFactory.create(spec), spec, data, Provenance.now("sample:x", null, 42), null)
                .save(dir.resolve("cat"));
        ModelBundle back = ModelBundle.load(dir.resolve("cat"));
        assertEquals(Vocabulary.of("rain", "sun", "fog"), back.data().vocabulary());
        assertEquals(spec, back.spec());
        assertTrue(back.network().isTruncatedBptt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing folder      | none       | model bundle not found",
            "a file, not a folder| file       | a bundle is a folder",
            "missing part        | nospec     | spec.json is missing",
            "truncated JSON      | truncjson  | data.json: corrupt or truncated JSON",
            "foreign format      | foreign    | not an rnnkit model bundle of format rnnkit-bundle/1",
            "corrupt network     | badnet     | network.zip: not an rnnkit model",
            "truncated network   | truncnet   | network.zip",
            "bad field           | badfield   | spec.json: corrupt: field 'cell' is 'TCN', not one of",
            "unusable scaler     | badstd     | data.json: corrupt: field 'std' must be a finite number",
    })
    void damagedBundlesAreNamed(String what, String damage, String says) throws IOException {
        Path b = dir.resolve("b");
        bundle().save(b);
        // Without its manifest, as bundles saved before manifests existed: the parsers must still
        // refuse each damage by name (BundleFolderTest covers the manifest's own refusal).
        Files.delete(b.resolve(BundleFolder.MANIFEST));
        switch (damage) {
            case "none" -> b = dir.resolve("nothing-here");
            case "file" -> b = Files.writeString(dir.resolve("plain.txt"), "hello");
            case "nospec" -> Files.delete(b.resolve("spec.json"));
            case "truncjson" -> Files.writeString(b.resolve("data.json"), Files.readString(b.resolve("data.json")).substring(0, 40));
            case "foreign" -> Files.writeString(b.resolve("provenance.json"), "{\"format\": \"keras-h5\"}");
            case "badnet" -> Files.writeString(b.resolve("network.zip"), "not a zip");
            case "truncnet" -> {
                byte[] bytes = Files.readAllBytes(b.resolve("network.zip"));
                Files.write(b.resolve("network.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
            case "badfield" -> Files.writeString(b.resolve("spec.json"),
                    Files.readString(b.resolve("spec.json")).replace("\"GRU\"", "\"TCN\""));
            case "badstd" -> Files.writeString(b.resolve("data.json"),
                    Files.readString(b.resolve("data.json")).replaceFirst("\"std\" : [0-9.eE-]+", "\"std\" : \"wide\""));
            default -> throw new IllegalArgumentException(damage);
        }
        Path target = b;
        DataException e = assertThrows(DataException.class, () -> ModelBundle.load(target));
        assertTrue(e.getMessage().contains(says), what + ": " + e.getMessage());
    }

    /** A categorical bundle: GRU over a vocabulary of 3, many-to-one, look-back 7. */
    private static ModelBundle categorical(long seed) {
        ModelSpec spec = ModelSpec.builder().setCell(CellType.GRU).setTopology(Topology.MANY_TO_ONE).setInputSize(3)
                .setHiddenSizes(4).setOutputSize(3).setTask(Task.CLASSIFICATION).optSeed(seed).build();
        DataDescription data = new DataDescription(SeriesKind.CATEGORICAL, List.of("weather"), null,
                WindowSpec.manyToOne(7), Vocabulary.of("rain", "sun", "fog"), List.of());
        return new ModelBundle(NetworkFactory.create(spec), spec, data, Provenance.now("sample:x", null, seed), null);
    }

    private static void editJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode o = (ObjectNode) BundleJson.MAPPER.readTree(file.toFile());
        edit.accept(o);
        BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), o);
    }

    /**
     * Every edit the reliability campaign made to a saved bundle, each refused by name: first by
     * the manifest (any change at all), then, with the manifest removed as an editor could, by the
     * field's type and range or by the parts' consistency, where the edit leaves a contradiction.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "std as text           | std=wide      | field 'std' must be a finite number",
            "std zero              | std=0         | standard deviation above 0",
            "std negative          | std=-5        | standard deviation above 0",
            "std infinite          | std=Infinity  | field 'std' must be a finite number",
            "look-back as text     | lookBack=ten  | field 'lookBack' must be a whole number",
            "look-back negative    | lookBack=-3   | look-back must be at least 1",
            "data.json empty       | empty         | must be a JSON object",
            "data.json an array    | array         | must be a JSON object, found array",
            "vocabulary of 4       | vocab4        | inconsistent bundle: data.json has a vocabulary of 4 categories but the network takes 3",
            "prices in a classifier| prices        | inconsistent bundle: data.json describes prices but spec.json a CLASSIFICATION network",
            "horizon changed       | horizon       | inconsistent bundle",
            "hidden size as text   | hidden        | field 'hiddenSizes' must be a whole number",
            "spec seed fractional  | seed          | field 'seed' must be a whole number",
            "reordered vocabulary  | reorder       | ",
            "changed look-back     | lookBack=9    | ",
            "other network         | othernet      | ",
            "training span reversed| span          | field 'training': training span ends (2013-01-01) before it starts",
            "training date as text | spandate      | field 'first' must be a date (yyyy-mm-dd), found 'soon'",
    })
    void tamperedBundlesAreRefused(String what, String edit, String says) throws IOException {
        Path b = dir.resolve("b");
        categorical(1).save(b);
        if (edit.startsWith("std")) {
            bundle().save(b);
        }
        Path data = b.resolve("data.json");
        Path spec = b.resolve("spec.json");
        switch (edit) {
            case "std=wide" -> editJson(data, o -> ((ObjectNode) o.withArray("scalers").get(0)).put("std", "wide"));
            case "std=0" -> editJson(data, o -> ((ObjectNode) o.withArray("scalers").get(0)).put("std", 0.0));
            case "std=-5" -> editJson(data, o -> ((ObjectNode) o.withArray("scalers").get(0)).put("std", -5.0));
            case "std=Infinity" -> editJson(data, o -> ((ObjectNode) o.withArray("scalers").get(0))
                    .put("std", Double.POSITIVE_INFINITY));
            case "lookBack=ten" -> editJson(data, o -> ((ObjectNode) o.get("window")).put("lookBack", "ten"));
            case "lookBack=-3" -> editJson(data, o -> ((ObjectNode) o.get("window")).put("lookBack", -3));
            case "lookBack=9" -> editJson(data, o -> ((ObjectNode) o.get("window")).put("lookBack", 9));
            case "empty" -> Files.writeString(data, "");
            case "array" -> Files.writeString(data, "[1, 2]");
            case "vocab4" -> editJson(data, o -> o.withArray("vocabulary").add("snow"));
            case "reorder" -> editJson(data, o -> o.putArray("vocabulary").add("sun").add("rain").add("fog"));
            case "prices" -> editJson(data, o -> {
                o.put("kind", "PRICE").remove("vocabulary");
                o.putArray("scalers").addObject().put("kind", "NONE");
            });
            case "horizon" -> editJson(data, o -> ((ObjectNode) o.get("window")).put("topology", "SEQ2SEQ").put("horizon", 4));
            case "hidden" -> editJson(spec, o -> o.putArray("hiddenSizes").add("4"));
            case "seed" -> editJson(spec, o -> o.put("seed", 1.5));
            case "span" -> editJson(b.resolve("provenance.json"), o -> o.putObject("training").put("steps", 5)
                    .put("first", "2014-01-01").put("last", "2013-01-01"));
            case "spandate" -> editJson(b.resolve("provenance.json"), o -> o.putObject("training").put("steps", 5)
                    .put("first", "soon").put("last", "2013-01-01"));
            case "othernet" -> {
                Path other = dir.resolve("other");
                categorical(2).save(other);
                Files.copy(other.resolve("network.zip"), b.resolve("network.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            default -> throw new IllegalArgumentException(edit);
        }
        DataException withManifest = assertThrows(DataException.class, () -> ModelBundle.load(b), what);
        assertTrue(withManifest.getMessage().contains("does not match the bundle's manifest"), withManifest.getMessage());
        if (says == null || says.isBlank()) {
            return;   // consistent edits: only the manifest can tell
        }
        Files.delete(b.resolve(BundleFolder.MANIFEST));
        DataException e = assertThrows(DataException.class, () -> ModelBundle.load(b), what);
        assertTrue(e.getMessage().contains(says), what + ": " + e.getMessage());
    }
}

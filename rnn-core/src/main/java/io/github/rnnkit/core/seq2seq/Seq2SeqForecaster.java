package io.github.rnnkit.core.seq2seq;

import io.github.rnnkit.core.bundle.BundleFolder;
import io.github.rnnkit.core.eval.CategoricalBaselines;
import io.github.rnnkit.core.eval.HorizonEvaluation;
import io.github.rnnkit.core.eval.PriceBaselines;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.Task;
import io.github.rnnkit.data.DataException;
import io.github.rnnkit.data.series.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An encoder-decoder forecaster of one series, from training to a saved bundle to the next H
 * values: prices (on {@link PriceSeq2Seq}'s relative scale, σ fitted on the training part) or
 * categories ({@link CategorySeq2Seq}, the vocabulary fitted on the training part). Training uses
 * a chronological 70/15/15 split, keeps the epoch whose free-running forecasts of the validation
 * part are best, and scores the test part day by day against the baselines (naive and drift;
 * persistence, the Markov chain and the majority class) with significance.
 *
 * <pre>
 *   Seq2SeqForecaster.Trained t = Seq2SeqForecaster.trainPrices(close, "close",
 *           Seq2SeqForecaster.Settings.defaults(CellType.GRU, AttentionKind.BAHDANAU, 30, 5));
 *   System.out.println(t.test().sentence(Seq2SeqForecaster.MODEL, "naive"));
 *   t.forecaster().save(dir);
 *   double[] next5 = Seq2SeqForecaster.load(dir).next(close).prices();
 * </pre>
 *
 * <p>A bundle holds {@code network.zip}, {@code encoder-decoder.json} (what decoding needs: the
 * kind, window, horizon, scale or vocabulary and start symbol, and the settings) and
 * {@code provenance.json}, written atomically with a manifest of SHA-256 sums that loading checks.
 */
public final class Seq2SeqForecaster {
    /** The bundle format written into {@code encoder-decoder.json}. */
    public static final String FORMAT = "rnnkit-encoder-decoder/1";
    /** The bundle's description file; its presence marks an encoder-decoder bundle. */
    public static final String SETTINGS = "encoder-decoder.json";
    /** The model's name in evaluations. */
    public static final String MODEL = "encoder-decoder";
    private static final String NETWORK = "network.zip";
    private static final String PROVENANCE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the series holds. */
    public enum Kind {
        /** Positive prices. */
        PRICES,
        /** Categories, one per step. */
        CATEGORIES
    }

    /**
     * How to build and train the model.
     *
     * @param cell         RNN, LSTM or GRU
     * @param hidden       units of encoder and decoder
     * @param attention    none, Bahdanau or Luong
     * @param window       steps the encoder reads
     * @param horizon      steps forecast
     * @param epochs       passes over the training windows (the best on validation is kept)
     * @param batch        windows per update
     * @param learningRate Adam's step size
     * @param seed         seed of the weights and the minibatch order
     */
    public record Settings(CellType cell, int hidden, AttentionKind attention, int window, int horizon, int epochs, int batch,
                           double learningRate, long seed) {
        /**
         * Validates the values.
         *
         * @param cell RNN, LSTM or GRU
         * @param hidden units of encoder and decoder
         * @param attention none, Bahdanau or Luong
         * @param window steps the encoder reads
         * @param horizon steps forecast
         * @param epochs passes over the training windows (the best on validation is kept)
         * @param batch windows per update
         * @param learningRate Adam's step size
         * @param seed seed of the weights and the minibatch order
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public Settings {
            require(cell != null && !cell.parallelInTime(), "cell: the encoder-decoder runs rnn, lstm or gru, not "
                    + (cell == null ? "none" : cell.label()));
            require(attention != null, "attention: none, bahdanau or luong");
            require(hidden >= 1, "hidden: at least 1, got " + hidden);
            require(window >= 1, "window (look-back): at least 1, got " + window);
            require(horizon >= 1, "horizon: at least 1, got " + horizon);
            require(epochs >= 1 && batch >= 1, "epochs and batch: at least 1, got " + epochs + " and " + batch);
            require(learningRate > 0 && Double.isFinite(learningRate), "learning rate: positive, got " + learningRate);
        }

        /**
         * Hidden 32, 30 epochs of 32 windows, Adam 0.003, seed 42.
         *
         * @param cell      the cell
         * @param attention the attention
         * @param window    steps read
         * @param horizon   steps forecast
         * @return the settings
         */
        public static Settings defaults(CellType cell, AttentionKind attention, int window, int horizon) {
            return new Settings(cell, 32, attention, window, horizon, 30, 32, 0.003, 42);
        }
    }

    /**
     * A trained forecaster and how it did.
     *
     * @param forecaster the forecaster
     * @param test       the test part scored day by day: {@link #MODEL} beside the baselines
     * @param fit        what training did (epochs, the one kept, validation errors)
     * @param forecasts  the test part's true values and every forecaster's forecasts, for further comparisons
     */
    public record Trained(Seq2SeqForecaster forecaster, HorizonEvaluation test, Seq2SeqFit.Result fit, TestForecasts forecasts) {
    }

    /**
     * The test part's values and forecasts {@code [window][step ahead]}, by forecaster name in report order.
     *
     * @param priceTruth    true prices, or null for categories
     * @param prices        forecast prices, or null
     * @param categoryTruth true category codes, or null for prices
     * @param categories    forecast codes, or null
     */
    public record TestForecasts(double[][] priceTruth, Map<String, double[][]> prices, int[][] categoryTruth,
                                Map<String, int[][]> categories) {
    }

    /**
     * The next steps after the end of a series.
     *
     * @param prices        for prices, the next H prices, else null
     * @param categories    for categories, the most likely category of each next step, else null
     * @param probabilities for categories, per step the probability of each category {@code [H][C]}, else null
     * @param attention     per step the weights over the window's steps {@code [H][W]}, or null without attention
     */
    public record Forecast(double[] prices, List<String> categories, double[][] probabilities, double[][] attention) {
    }

    private final Kind kind;
    private final Settings settings;
    private final String column;
    private final double sigma;
    private final Vocabulary vocabulary;
    private final MultiLayerNetwork net;

    private Seq2SeqForecaster(Kind kind, Settings settings, String column, double sigma, Vocabulary vocabulary,
                              MultiLayerNetwork net) {
        this.kind = kind;
        this.settings = settings;
        this.column = column;
        this.sigma = sigma;
        this.vocabulary = vocabulary;
        this.net = net;
    }

    /**
     * @param prices the series, all positive, in time order
     * @param column the series' name (the CSV column), kept in the bundle
     * @param s      model and training settings
     * @return the trained forecaster and its test scores against naive and drift
     * @throws IllegalArgumentException when the series is too short for the window and horizon
     */
    public static Trained trainPrices(double[] prices, String column, Settings s) {
        int w = s.window();
        int h = s.horizon();
        PriceSeq2Seq.Parts parts = PriceSeq2Seq.chronological(prices, w, h);
        double sigma = parts.sigma();
        PriceSeq2Seq.Windows train = parts.train();
        PriceSeq2Seq.Windows val = parts.validation();
        PriceSeq2Seq.Windows test = parts.test();
        MultiLayerNetwork net = new EncoderDecoderSpec(s.cell(), 1, s.hidden(), s.attention(), s.hidden(), 1, w, 1, 1,
                Task.REGRESSION, s.learningRate(), 5, s.seed()).network();
        Seq2SeqFit.Result fit = Seq2SeqFit.fit(net, PriceSeq2Seq.teacherForced(train), s.batch(), s.epochs(), s.seed(),
                m -> PriceSeq2Seq.meanSquaredError(PriceSeq2Seq.forecast(m, val), val.target()));
        Map<String, double[][]> f = new LinkedHashMap<>();
        f.put(MODEL, test.toPrices(PriceSeq2Seq.forecast(net, test)));
        f.put("naive", PriceBaselines.naive(test.last(), h));
        f.put("drift", PriceBaselines.drift(prices[0], test.last(), test.lastIndex(), h));
        Seq2SeqForecaster forecaster = new Seq2SeqForecaster(Kind.PRICES, s, column, sigma, null, net);
        double[][] truth = test.truePrices();
        return new Trained(forecaster, HorizonEvaluation.prices(truth, f, "naive"), fit, new TestForecasts(truth, f, null, null));
    }

    /**
     * @param values the series' categories, in time order
     * @param column the series' name, kept in the bundle
     * @param s      model and training settings
     * @return the trained forecaster and its test scores against persistence, the Markov chain and the majority class
     * @throws IllegalArgumentException when the series is too short, or a later category never occurs in the training part
     */
    public static Trained trainCategories(List<String> values, String column, Settings s) {
        int n = values.size();
        int trainEnd = Chronological.trainEnd(n);
        int valEnd = Chronological.validationEnd(n);
        int w = s.window();
        int h = s.horizon();
        Chronological.requireRoom(n, w, h);
        Vocabulary vocab = Vocabulary.fit(values.subList(0, trainEnd));
        int c = vocab.size();
        if (c < 2) {
            throw new IllegalArgumentException(column + " has only one category in its training part: nothing to forecast");
        }
        int[] codes = encode(values, vocab, column);
        int[] trainEnds = IntStream.rangeClosed(w - 1, trainEnd - h - 1).toArray();
        int[] valEnds = IntStream.rangeClosed(trainEnd - 1, valEnd - h - 1).toArray();
        int[] testEnds = IntStream.rangeClosed(valEnd - 1, n - h - 1).toArray();
        int classes = CategorySeq2Seq.decoderClasses(c);
        MultiLayerNetwork net = new EncoderDecoderSpec(s.cell(), 1, s.hidden(), s.attention(), s.hidden(), c, w, classes, classes,
                Task.CLASSIFICATION, s.learningRate(), 5, s.seed()).network();
        Seq2SeqFit.Result fit = Seq2SeqFit.fit(net, CategorySeq2Seq.teacherForced(codes, trainEnds, w, h, c), s.batch(), s.epochs(),
                s.seed(), m -> 1 - accuracy(CategorySeq2Seq.forecast(m, codes, valEnds, w, h, c), codes, valEnds));
        int[][] truth = new int[testEnds.length][h];
        int[] today = new int[testEnds.length];
        int[][] persistence = new int[testEnds.length][h];
        int[][] majority = new int[testEnds.length][h];
        CategoricalBaselines base = CategoricalBaselines.fit(Arrays.copyOf(codes, trainEnd), c);
        int major = Seq2SeqDecoder.argmax(base.frequencies());
        for (int i = 0; i < testEnds.length; i++) {
            today[i] = codes[testEnds[i]];
            for (int k = 0; k < h; k++) {
                truth[i][k] = codes[testEnds[i] + 1 + k];
            }
            Arrays.fill(persistence[i], today[i]);
            Arrays.fill(majority[i], major);
        }
        Map<String, int[][]> f = new LinkedHashMap<>();
        f.put(MODEL, CategorySeq2Seq.forecast(net, codes, testEnds, w, h, c));
        f.put("persistence", persistence);
        f.put("Markov chain", base.markovRollout(today, h));
        f.put("majority class", majority);
        Seq2SeqForecaster forecaster = new Seq2SeqForecaster(Kind.CATEGORIES, s, column, Double.NaN, vocab, net);
        return new Trained(forecaster, HorizonEvaluation.categories(truth, f, List.of("persistence", "Markov chain")), fit,
                new TestForecasts(null, null, truth, f));
    }

    /** @return prices or categories */
    public Kind kind() {
        return kind;
    }

    /** @return the settings it was trained with */
    public Settings settings() {
        return settings;
    }

    /** @return the series' name it was trained on */
    public String column() {
        return column;
    }

    /** @return the categories in code order, or null for prices */
    public List<String> categories() {
        return vocabulary == null ? null : vocabulary.categories();
    }

    /** @return the network (an {@link EncoderDecoderLayer} and an output layer) */
    public MultiLayerNetwork network() {
        return net;
    }

    /**
     * @param prices a price series of at least the window's length
     * @return the next H prices after its last one, with the attention weights
     * @throws IllegalArgumentException for a categorical model, a short series or a price that is not positive
     */
    public Forecast next(double[] prices) {
        if (kind != Kind.PRICES) {
            throw new IllegalArgumentException("this model forecasts categories; give it categories, not prices");
        }
        int w = settings.window();
        requireSteps(prices.length);
        int end = prices.length - 1;
        double last = prices[end];
        INDArray source = Nd4j.zeros(DataType.FLOAT, 1, 1, w);
        for (int t = 0; t < w; t++) {
            double p = prices[end - w + 1 + t];
            if (!(p > 0) || !Double.isFinite(p) || !(last > 0)) {
                throw new IllegalArgumentException("price at step " + (end - w + 1 + t) + " is " + p + "; forecasting needs positive prices");
            }
            source.putScalar(0, 0, t, Math.log(p / last) / sigma);
        }
        Seq2SeqDecoder.Decoded d = Seq2SeqDecoder.of(net).greedy(source, null, new double[]{0}, settings.horizon(), -1);
        double[] out = new double[settings.horizon()];
        for (int k = 0; k < out.length; k++) {
            out[k] = last * Math.exp(sigma * d.outputs()[0][k][0]);
        }
        return new Forecast(out, null, null, d.attention() == null ? null : d.attention()[0]);
    }

    /**
     * @param values a categorical series of at least the window's length
     * @return the most likely category of each of the next H steps and their probabilities, with the attention weights
     * @throws IllegalArgumentException for a price model, a short series or a category the model never saw
     */
    public Forecast next(List<String> values) {
        if (kind != Kind.CATEGORIES) {
            throw new IllegalArgumentException("this model forecasts prices; give it prices, not categories");
        }
        requireSteps(values.size());
        int[] codes = encode(values, vocabulary, column);
        int c = vocabulary.size();
        int end = codes.length - 1;
        double[] start = new double[c + 1];
        start[c] = 1;
        INDArray source = Nd4j.zeros(DataType.FLOAT, 1, c, settings.window());
        for (int t = 0; t < settings.window(); t++) {
            source.putScalar(0, codes[end - settings.window() + 1 + t], t, 1.0);
        }
        Seq2SeqDecoder.Decoded d = Seq2SeqDecoder.of(net).greedy(source, null, start, settings.horizon(), -1);
        List<String> cats = new ArrayList<>();
        double[][] probs = new double[settings.horizon()][c];
        for (int k = 0; k < settings.horizon(); k++) {
            double[] o = d.outputs()[0][k];
            System.arraycopy(o, 0, probs[k], 0, c);
            cats.add(vocabulary.category(Seq2SeqDecoder.argmax(probs[k])));
        }
        return new Forecast(null, cats, probs, d.attention() == null ? null : d.attention()[0]);
    }

    /**
     * Saves the bundle atomically: a crash leaves the previous bundle whole.
     *
     * @param dir the bundle folder (new, empty, or holding a bundle to replace)
     */
    public void save(Path dir) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("kind", kind.name()).put("column", column)
                .put("cell", settings.cell().label()).put("hidden", settings.hidden()).put("attention", settings.attention().label())
                .put("window", settings.window()).put("horizon", settings.horizon()).put("epochs", settings.epochs())
                .put("batch", settings.batch()).put("learningRate", settings.learningRate()).put("seed", settings.seed());
        if (kind == Kind.PRICES) {
            root.put("sigma", sigma);
        } else {
            var arr = root.putArray("vocabulary");
            vocabulary.categories().forEach(arr::add);
            root.put("startSymbol", vocabulary.size());
        }
        ObjectNode provenance = JSON.createObjectNode().put("format", FORMAT).put("saved", Instant.now().toString());
        BundleFolder.write(dir, List.of(BundleFolder.part(NETWORK, f -> ModelSerializer.writeModel(net, f.toFile(), false)),
                BundleFolder.part(SETTINGS, f -> JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), root)),
                BundleFolder.part(PROVENANCE, f -> JSON.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), provenance))),
                List.of(NETWORK, SETTINGS));
    }

    /**
     * @param dir a folder
     * @return true when it holds an encoder-decoder bundle
     */
    public static boolean isBundle(Path dir) {
        return Files.isRegularFile(dir.resolve(SETTINGS));
    }

    /**
     * @param dir a bundle folder written by {@link #save}
     * @return the forecaster
     * @throws DataException naming the file and what is wrong with it (missing, changed since saving, not this format)
     */
    public static Seq2SeqForecaster load(Path dir) {
        Path file = dir.resolve(SETTINGS);
        if (!Files.isRegularFile(file)) {
            throw new DataException(dir.toString(), 0, null, "not an encoder-decoder bundle: " + SETTINGS + " is missing");
        }
        BundleFolder.verify(dir);
        try {
            JsonNode j = JSON.readTree(file.toFile());
            if (!FORMAT.equals(j.path("format").asText())) {
                throw new DataException(file.toString(), 0, null, "format '" + j.path("format").asText() + "' is not " + FORMAT);
            }
            Settings s = new Settings(CellType.parse(j.get("cell").asText()), j.get("hidden").asInt(),
                    AttentionKind.parse(j.get("attention").asText()), j.get("window").asInt(), j.get("horizon").asInt(),
                    j.get("epochs").asInt(), j.get("batch").asInt(), j.get("learningRate").asDouble(), j.get("seed").asLong());
            Kind kind = Kind.valueOf(j.get("kind").asText());
            Vocabulary vocab = null;
            if (kind == Kind.CATEGORIES) {
                List<String> cats = new ArrayList<>();
                j.get("vocabulary").forEach(x -> cats.add(x.asText()));
                vocab = Vocabulary.of(cats);
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(dir.resolve(NETWORK).toFile(), false);
            long outputs = net.getLayer(1).getParam("b").length();
            long expected = kind == Kind.PRICES ? 1 : vocab.size() + 1;
            if (outputs != expected) {
                throw new DataException(file.toString(), 0, null, "the network has " + outputs + " outputs but the bundle "
                        + "describes " + expected + (kind == Kind.PRICES ? " (prices)" : " (the vocabulary and the start symbol)"));
            }
            return new Seq2SeqForecaster(kind, s, j.get("column").asText(), kind == Kind.PRICES ? j.get("sigma").asDouble()
                    : Double.NaN, vocab, net);
        } catch (IOException | NullPointerException | IllegalArgumentException e) {
            if (e instanceof DataException de) {
                throw de;
            }
            throw new DataException(file.toString(), 0, null, "corrupt or incomplete: " + e.getMessage());
        }
    }

    private void requireSteps(int steps) {
        if (steps < settings.window()) {
            throw new IllegalArgumentException("the series has " + steps + " steps; the model reads the last " + settings.window());
        }
    }


    private static int[] encode(List<String> values, Vocabulary vocab, String column) {
        int[] codes = new int[values.size()];
        for (int t = 0; t < codes.length; t++) {
            int c = vocab.indexOf(values.get(t));
            if (c < 0) {
                throw new IllegalArgumentException(column + ", step " + (t + 1) + ": category '" + values.get(t)
                        + "' is not one the model knows (" + String.join(", ", vocab.categories()) + ")");
            }
            codes[t] = c;
        }
        return codes;
    }


    private static double accuracy(int[][] f, int[] codes, int[] ends) {
        int right = 0;
        int all = 0;
        for (int i = 0; i < f.length; i++) {
            for (int k = 0; k < f[i].length; k++) {
                right += f[i][k] == codes[ends[i] + 1 + k] ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : right / (double) all;
    }


    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

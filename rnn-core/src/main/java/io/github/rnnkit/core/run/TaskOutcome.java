package io.github.rnnkit.core.run;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one task gave: its test metric next to each baseline's with the paired test's p-value, or
 * the message of the error that stopped it (bad data for one series, a diverging configuration),
 * which a plan reports instead of stopping.
 *
 * @param id        the task's id
 * @param error     null when the task ran, else what went wrong
 * @param metric    the metric's name (accuracy, or RMSE on the price scale)
 * @param model     the model's value of it on the test part
 * @param baselines each baseline's value of it
 * @param pValues   each baseline's p-value against the model (McNemar or Diebold-Mariano)
 * @param epochs    epochs trained
 * @param validationLoss the validation loss at the epoch the model kept (lower is better for every
 *                  task: what a sweep selects on, never the test metric), NaN when failed
 * @param seconds   wall time of the task
 * @param figures   further figures a kind of task reports, by name (e.g. a memory run's {@code updates}); may be empty
 * @param bundle    the trained model's bundle as zip bytes ({@link #saveBundle}) when the task asked to
 *                  keep it, else null; never in the results file, so a resumed plan has none
 * @param payload   what a kind of task gives beyond these figures (e.g. a {@link SeedTask}'s per-window
 *                  losses and network), or null; like the bundle, kept in memory only
 * @serial exclude
 */
public record TaskOutcome(String id, String error, String metric, double model, Map<String, Double> baselines,
                          Map<String, Double> pValues, int epochs, double validationLoss, double seconds,
                          Map<String, Double> figures, byte[] bundle, Serializable payload)
        implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An outcome without a model bundle.
     *
     * @param id        the task's id
     * @param error     null when the task ran, else what went wrong
     * @param metric    the metric's name
     * @param model     the model's value of it
     * @param baselines each baseline's value of it
     * @param pValues   each baseline's p-value against the model
     * @param epochs    epochs trained
     * @param validationLoss the validation loss at the kept epoch
     * @param seconds   wall time of the task
     */
    public TaskOutcome(String id, String error, String metric, double model, Map<String, Double> baselines,
                       Map<String, Double> pValues, int epochs, double validationLoss, double seconds) {
        this(id, error, metric, model, baselines, pValues, epochs, validationLoss, seconds, Map.of(), null, null);
    }

    /**
     * An outcome without a payload.
     *
     * @param id        the task's id
     * @param error     null when the task ran, else what went wrong
     * @param metric    the metric's name
     * @param model     the model's value of it
     * @param baselines each baseline's value of it
     * @param pValues   each baseline's p-value against the model
     * @param epochs    epochs trained
     * @param validationLoss the validation loss at the kept epoch
     * @param seconds   wall time of the task
     * @param figures   further figures, by name
     * @param bundle    the model's bundle as zip bytes, or null
     */
    public TaskOutcome(String id, String error, String metric, double model, Map<String, Double> baselines,
                       Map<String, Double> pValues, int epochs, double validationLoss, double seconds,
                       Map<String, Double> figures, byte[] bundle) {
        this(id, error, metric, model, baselines, pValues, epochs, validationLoss, seconds, figures, bundle, null);
    }

    /** @return this outcome without its bundle and payload, as the results file keeps it */
    public TaskOutcome withoutBundle() {
        return bundle == null && payload == null ? this : new TaskOutcome(id, error, metric, model, baselines, pValues, epochs,
                validationLoss, seconds, figures, null, null);
    }

    /**
     * Unpacks the model bundle into a folder that {@link io.github.rnnkit.core.bundle.ModelBundle#load} reads.
     *
     * @param dir the folder, created; it must not exist yet
     * @throws IllegalStateException when the outcome holds no bundle
     * @throws UncheckedIOException when the folder cannot be written
     */
    public void saveBundle(java.nio.file.Path dir) {
        if (bundle == null) {
            throw new IllegalStateException("task " + id + " kept no model (set keepModel)");
        }
        BundleBytes.unzip(bundle, dir);
    }

    /**
     * @param id      the task's id
     * @param error   what went wrong
     * @param seconds how long it ran
     * @return a failed outcome
     */
    public static TaskOutcome failed(String id, String error, double seconds) {
        return new TaskOutcome(id, error, null, Double.NaN, Map.of(), Map.of(), 0, Double.NaN, seconds);
    }

    /** @return true when the task ran to the end */
    public boolean ok() {
        return error == null;
    }

    /**
     * @param metric a metric's name as outcomes give it (RMSE... is lower-better, accuracy higher-better)
     * @param a      one value of it
     * @param b      another
     * @return true when {@code a} is the better value
     */
    public static boolean better(String metric, double a, double b) {
        return metric.startsWith("RMSE") ? a < b : a > b;
    }

    /** @return true when the model's test metric is better than every baseline's (a point comparison, no test) */
    public boolean betterThanEveryBaseline() {
        return ok() && !baselines.isEmpty() && baselines.values().stream().allMatch(b -> better(metric, model, b));
    }

    /**
     * @return true when the model is better than every baseline with p below 0.05
     */
    public boolean beatsAllBaselines() {
        if (!betterThanEveryBaseline()) {
            return false;
        }
        return baselines.keySet().stream().allMatch(b -> pValues.get(b) != null && pValues.get(b) < 0.05);
    }

    /** Compares every value, the bundle's bytes by content; the payload is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TaskOutcome t && json().equals(t.json()) && java.util.Arrays.equals(bundle, t.bundle);
    }

    @Override
    public int hashCode() {
        return json().hashCode();
    }

    /** @return the outcome as one line of JSON (without the bundle) */
    public String json() {
        ObjectNode n = JSON.createObjectNode().put("id", id).put("seconds", seconds).put("epochs", epochs);
        if (error != null) {
            n.put("error", error);
        } else {
            n.put("metric", metric).put("model", model).put("validationLoss", validationLoss);
            ObjectNode b = n.putObject("baselines");
            baselines.forEach(b::put);
            ObjectNode p = n.putObject("p");
            pValues.forEach(p::put);
            if (figures != null && !figures.isEmpty()) {
                ObjectNode f = n.putObject("figures");
                figures.forEach(f::put);
            }
        }
        return n.toString();
    }

    /**
     * @param line a line written by {@link #json()}
     * @return the outcome
     * @throws IllegalArgumentException when the line is not such an outcome
     */
    public static TaskOutcome parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n.hasNonNull("error")) {
                return failed(n.get("id").asText(), n.get("error").asText(), n.get("seconds").asDouble());
            }
            Map<String, Double> b = new LinkedHashMap<>();
            n.get("baselines").fields().forEachRemaining(e -> b.put(e.getKey(), e.getValue().asDouble()));
            Map<String, Double> p = new LinkedHashMap<>();
            n.get("p").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asDouble()));
            Map<String, Double> f = new LinkedHashMap<>();
            if (n.has("figures")) {
                n.get("figures").fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asDouble()));
            }
            return new TaskOutcome(n.get("id").asText(), null, n.get("metric").asText(), n.get("model").asDouble(), b, p,
                    n.get("epochs").asInt(), n.get("validationLoss").asDouble(), n.get("seconds").asDouble(), f, null);
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("not a task outcome: " + line, e instanceof IOException io
                    ? new UncheckedIOException(io) : e);
        }
    }
}

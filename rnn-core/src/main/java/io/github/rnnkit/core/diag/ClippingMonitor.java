package io.github.rnnkit.core.diag;

import io.github.rnnkit.core.net.RnnNetwork;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training listener that records, for every update and layer, the L2 norm of the gradient
 * before and after gradient clipping, and whether clipping changed it. It works out the clipped
 * gradient the way DL4J's updater does (divide by the minibatch size, then the layer's
 * {@link GradientNormalization}), since after the update DL4J keeps only the update itself. With
 * global-norm clipping every layer is scaled by the same factor
 * ({@link RnnNetwork#globalClipScale()}).
 */
public final class ClippingMonitor extends BaseTrainingListener {
    /**
     * @param iteration 1-based update
     * @param layer     layer index
     * @param before    ‖g‖ per example before clipping
     * @param after     ‖g‖ after clipping
     * @param clipped   whether clipping changed the gradient
     */
    public record Record(int iteration, int layer, double before, double after, boolean clipped) {
    }

    private final List<Record> records = new ArrayList<>();
    private int iteration;

    @Override
    public void onGradientCalculation(Model model) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        iteration++;
        Gradient g = net.gradient();
        // Global-norm clipping has already scaled the gradient in place when listeners see it:
        // dividing by its factor recovers the gradient before clipping.
        double scale = net instanceof RnnNetwork r ? r.globalClipScale() : 1;
        double batch = Math.max(1, net.getInput().size(0)) * scale;
        Map<Integer, List<INDArray>> byLayer = new LinkedHashMap<>();
        g.gradientForVariable().forEach((key, value) -> {
            int layer = Integer.parseInt(key.substring(0, key.indexOf('_')));
            byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(value.div(batch));
        });
        for (Map.Entry<Integer, List<INDArray>> e : byLayer.entrySet()) {
            GradientNormalization mode = GradientNormalization.None;
            double threshold = 1.0;
            if (net.getLayerWiseConfigurations().getConf(e.getKey()).getLayer() instanceof BaseLayer b
                    && b.getGradientNormalization() != null) {
                mode = b.getGradientNormalization();
                threshold = b.getGradientNormalizationThreshold();
            }
            double before = norm(e.getValue());
            double after = clippedNorm(e.getValue(), before, mode, threshold) * scale;
            records.add(new Record(iteration, e.getKey(), before, after, Math.abs(after - before) > 1e-12 * Math.max(1, before)));
        }
    }

    private static double norm(List<INDArray> arrays) {
        double sq = 0;
        for (INDArray a : arrays) {
            double n = a.norm2Number().doubleValue();
            sq += n * n;
        }
        return Math.sqrt(sq);
    }

    /** @return the norm DL4J's gradient normalization leaves */
    static double clippedNorm(List<INDArray> arrays, double before, GradientNormalization mode, double t) {
        return switch (mode) {
            case None -> before;
            case RenormalizeL2PerLayer -> before == 0 ? 0 : 1;
            case RenormalizeL2PerParamType -> Math.sqrt(arrays.stream().filter(a -> a.norm2Number().doubleValue() > 0).count());
            case ClipL2PerLayer -> Math.min(before, t);
            case ClipL2PerParamType -> Math.sqrt(arrays.stream()
                    .mapToDouble(a -> Math.pow(Math.min(a.norm2Number().doubleValue(), t), 2)).sum());
            case ClipElementWiseAbsoluteValue -> Math.sqrt(arrays.stream()
                    .mapToDouble(a -> {
                        double s = 0;
                        for (double v : a.dup().data().asDouble()) {
                            double c = Math.min(Math.abs(v), t);
                            s += c * c;
                        }
                        return s;
                    }).sum());
        };
    }

    /** @return every record, in order */
    public List<Record> records() {
        return List.copyOf(records);
    }

    /** @return the share of (update, layer) pairs where clipping changed the gradient */
    public double clippedFraction() {
        return records.isEmpty() ? 0 : records.stream().filter(Record::clipped).count() / (double) records.size();
    }

    /**
     * Writes iteration, layer, norm_before, norm_after, clipped.
     *
     * @param file the CSV file to write (replaced if it exists)
     */
    public void writeCsv(Path file) {
        StringBuilder sb = new StringBuilder("iteration,layer,norm_before,norm_after,clipped\n");
        for (Record r : records) {
            sb.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s%n", r.iteration(), r.layer(), r.before(), r.after(), r.clipped()));
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.rnnkit.examples;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.stream.StreamingPredictor;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * A year of Seattle weather fed to a trained GRU one day at a time, as a live system would.
 *
 * <p>Teaches: the hidden state is the network's memory. A {@link StreamingPredictor} keeps it
 * between calls, so each day costs one step instead of a pass over the whole history, and after
 * day t its output is exactly what the full-sequence forward pass gives at step t; {@code reset()}
 * forgets it.
 *
 * <p>Prints: a few days' streamed forecasts, and the largest difference between the streamed and
 * the full-pass probabilities over the year (0, or float32 round-off).
 */
public final class Streaming {
    private Streaming() {
    }

    /**
     * @param days          days streamed
     * @param maxDifference largest absolute difference between streamed and full-pass probabilities
     * @param lastForecast  the streamed probabilities after the last day
     */
    public record Result(int days, double maxDifference, double[] lastForecast) {
    }

    /**
     * Runs the example; {@code --quick} for a few seconds' run.
     *
     * @param args {@code --quick} or nothing
     */
    public static void main(String[] args) {
        run(Examples.quick(args));
    }

    /**
     * @param quick one epoch and 60 days instead of 10 epochs and a year
     * @return the days streamed and the largest difference from the full pass
     */
    public static Result run(boolean quick) {
        CategoricalSeries weather = SampleDataset.SEATTLE_WEATHER.series();
        CategoricalDataset data = CategoricalDataset.builder(weather).window(WindowSpec.manyToOne(10))
                .split(SplitFractions.DEFAULT).build();
        RnnNetwork net = NetworkFactory.create(ModelSpec.builder().setCell(CellType.GRU).setHiddenSizes(16)
                .setDataShape(data).optUpdater(UpdaterKind.ADAM, 0.005).build());
        Trainer.fit(net, data.train(), data.validation(), TrainerOptions.of(quick ? 1 : 10));

        int days = quick ? 60 : 365;
        CategoricalSeries year = weather.slice(new IndexRange(weather.length() - days, weather.length()));
        double[][] oneHot = CategoricalDataset.oneHot(year.encode(data.vocabulary()), data.vocabulary().size());

        INDArray full = net.output(Nd4j.create(oneHot).castTo(DataType.FLOAT).transpose().reshape(1, oneHot[0].length, days));
        StreamingPredictor live = StreamingPredictor.of(net);
        double worst = 0;
        double[] p = null;
        for (int t = 0; t < days; t++) {
            p = live.step(oneHot[t]);                       // one day in, tomorrow's probabilities out
            for (int k = 0; k < p.length; k++) {
                worst = Math.max(worst, Math.abs(p[k] - full.getDouble(0, k, t)));
            }
            if (t < 3 || t == days - 1) {
                System.out.printf(Locale.ROOT, "%s: %-8s -> tomorrow %s (p = %.3f)%n", year.index().date(t), year.get(t),
                        data.vocabulary().category(argMax(p)), p[argMax(p)]);
            }
        }
        live.reset();                                       // the next call starts a new sequence
        System.out.printf(Locale.ROOT, "%d days streamed; largest difference from the full pass: %.2e%n", days, worst);
        return new Result(days, worst, p);
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}

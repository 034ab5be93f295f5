package io.github.rnnkit.examples;

import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.McNemar;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Vanilla RNN, LSTM and GRU on the same data, split, seed, epochs and parameter budget.
 *
 * <p>Teaches: matching model sizes by parameter count rather than by hidden units (an LSTM of 32
 * units has four times the weights of a vanilla RNN of 32), keeping everything else fixed, and
 * reading a comparison honestly: accuracy next to the best baseline, and a paired McNemar test
 * between the best cell and each other before calling a winner.
 *
 * <p>Prints: one line per cell (hidden units, parameters, seconds per epoch, best epoch, test
 * accuracy) and whether the best cell's lead is significant.
 */
public final class CompareCells {
    private CompareCells() {
    }

    /**
     * One cell's run.
     *
     * @param cell       the cell
     * @param hidden     hidden units chosen for the budget
     * @param parameters trainable parameters
     * @param history    its training
     * @param test       the test part next to the baselines
     */
    public record Row(CellType cell, int hidden, long parameters, TrainingHistory history, CategoricalEvaluation test) {
    }

    /**
     * @param rows    one per cell
     * @param best    the cell with the highest test accuracy
     * @param pValues McNemar p-value of the best cell against each other cell, in row order (NaN for itself)
     */
    public record Result(List<Row> rows, CellType best, double[] pValues) {
    }

    /**
     * Runs the comparison; {@code --quick} for a few seconds' run at tiny size.
     *
     * @param args {@code --quick} or nothing
     */
    public static void main(String[] args) {
        run(Examples.quick(args));
    }

    /**
     * @param quick one epoch at a small budget instead of 30 epochs at a GRU-of-32 budget
     * @return one row per cell and the significance of the best cell's lead
     */
    public static Result run(boolean quick) {
        CategoricalDataset data = CategoricalDataset.builder(SampleDataset.SEATTLE_WEATHER.series())
                .window(WindowSpec.manyToOne(10)).split(SplitFractions.DEFAULT).build();
        int k = data.vocabulary().size();
        long budget = ParameterMatch.count(CellType.GRU, k, quick ? 8 : 32, k);   // a GRU of 32 units
        List<Row> rows = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            int hidden = ParameterMatch.hiddenFor(cell, k, k, budget);
            ModelSpec spec = ModelSpec.builder().setCell(cell).setHiddenSizes(hidden).setDataShape(data)
                    .optUpdater(UpdaterKind.ADAM, 0.005).optSeed(7).build();
            RnnNetwork net = NetworkFactory.create(spec);
            TrainingHistory h = Trainer.fit(net, data.train(), data.validation(),
                    TrainerOptions.of(quick ? 1 : 30).withSeed(7));
            rows.add(new Row(cell, hidden, net.numParams(), h, CategoricalEvaluation.onTest(net, data)));
        }
        Row best = rows.stream().max(Comparator.comparingDouble(r -> r.test().model().accuracy())).orElseThrow();
        double[] p = new double[rows.size()];
        System.out.printf("%-11s%7s%8s%9s%6s%10s%n", "cell", "hidden", "params", "s/epoch", "best", "accuracy");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            p[i] = r == best ? Double.NaN : McNemar.pValue(r.test().truth(), best.test().forecasts().get("model"),
                    r.test().forecasts().get("model"));
            System.out.printf(Locale.ROOT, "%-11s%7d%8d%9.2f%6d%10.3f%n", r.cell(), r.hidden(), r.parameters(),
                    r.history().secondsPerEpoch(), r.history().bestEpoch(), r.test().model().accuracy());
        }
        double bestBaseline = best.test().baselines().values().stream().mapToDouble(m -> m.accuracy()).max().orElse(0);
        System.out.printf(Locale.ROOT, "best baseline accuracy %.3f%n", bestBaseline);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != best) {
                System.out.printf(Locale.ROOT, "%s vs %s: McNemar p = %.3g (%s)%n", best.cell(), rows.get(i).cell(), p[i],
                        p[i] < 0.05 ? "significant at 5 %" : "not significant: no winner between these two");
            }
        }
        return new Result(rows, best.cell(), p);
    }
}

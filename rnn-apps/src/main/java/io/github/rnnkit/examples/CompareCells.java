package io.github.rnnkit.examples;

import io.github.rnnkit.core.eval.ModelRanking;
import io.github.rnnkit.core.eval.SeedTrials;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.ParameterMatch;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.sample.SampleDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.window.WindowSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vanilla RNN, LSTM and GRU on the same data, split, seeds, epochs and parameter budget.
 *
 * <p>Teaches: matching model sizes by parameter count rather than by hidden units (an LSTM of 32
 * units has four times the weights of a vanilla RNN of 32), keeping everything else fixed, training
 * each cell with several seeds ({@link SeedTrials}) because one seed cannot tell a cell's advantage
 * from its initialisation's luck, and naming a winner only when a paired test across seeds and
 * test windows says so ({@link ModelRanking}: Diebold-Mariano, Holm-corrected).
 *
 * <p>Prints: one line per cell (hidden units, parameters, seconds per epoch of the first seed, test
 * accuracy mean ± sd over seeds), the best baseline, and the ranking's verdict.
 */
public final class CompareCells {
    private CompareCells() {
    }

    /**
     * One cell's runs.
     *
     * @param cell       the cell
     * @param hidden     hidden units chosen for the budget
     * @param parameters trainable parameters
     * @param trials     every seed's test accuracy and per-window losses, and the first seed's network
     */
    public record Row(CellType cell, int hidden, long parameters, SeedTrials trials) {
    }

    /**
     * @param rows    one per cell
     * @param ranking the cells' accuracies over seeds and their paired tests
     */
    public record Result(List<Row> rows, ModelRanking ranking) {
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
     * @param quick one epoch at a small budget and two seeds, instead of 30 epochs at a GRU-of-32
     *              budget and three seeds
     * @return one row per cell and the ranking
     */
    public static Result run(boolean quick) {
        CategoricalDataset data = CategoricalDataset.builder(SampleDataset.SEATTLE_WEATHER.series())
                .window(WindowSpec.manyToOne(10)).split(SplitFractions.DEFAULT).build();
        int k = data.vocabulary().size();
        long budget = ParameterMatch.count(CellType.GRU, k, quick ? 8 : 32, k);   // a GRU of 32 units
        List<Long> seeds = quick ? List.of(7L, 8L) : List.of(7L, 8L, 9L);
        List<Row> rows = new ArrayList<>();
        List<ModelRanking.Forecaster> ranked = new ArrayList<>();
        System.out.printf("%-11s%7s%8s%9s  %s%n", "cell", "hidden", "params", "s/epoch", "accuracy (mean ± sd)");
        for (CellType cell : CellType.values()) {
            int hidden = ParameterMatch.hiddenFor(cell, k, k, budget);
            ModelSpec spec = ModelSpec.builder().setCell(cell).setHiddenSizes(hidden).setDataShape(data)
                    .optUpdater(UpdaterKind.ADAM, 0.005).build();
            SeedTrials t = SeedTrials.run(spec, data, seeds, TrainerOptions.of(quick ? 1 : 30));
            ModelRanking.Forecaster f = t.forecaster(cell.toString());
            rows.add(new Row(cell, hidden, t.params(), t));
            ranked.add(f);
            System.out.printf(Locale.ROOT, "%-11s%7d%8d%9.2f  %.3f ± %.3f%n", cell, hidden, t.params(),
                    t.firstHistory().secondsPerEpoch(), f.mean(), f.sd());
        }
        System.out.printf(Locale.ROOT, "best baseline accuracy %.3f%n",
                rows.get(0).trials().baselines().values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        ModelRanking ranking = new ModelRanking("accuracy", true, 1, ranked);
        System.out.println(ranking.sentence("cell"));
        return new Result(rows, ranking);
    }
}

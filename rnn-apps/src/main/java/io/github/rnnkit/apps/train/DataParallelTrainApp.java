package io.github.rnnkit.apps.train;

import io.github.rnnkit.apps.report.RunFolder;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.bundle.Provenance;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.Comparison;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.train.DataParallelFit;
import io.github.rnnkit.core.train.DataParallelMethod;
import io.github.rnnkit.core.train.Minibatches;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rnnkit train --spark MASTER --workers N} (experimental): the same spec and data trained
 * for the same epochs three ways: on this machine, one minibatch after another; and twice
 * data-parallel ({@link DataParallelFit} on Spark: parameter averaging or gradient sharing). The report sets time, final
 * validation loss and whether the two data-parallel runs agree beside each other; the data-parallel
 * model (first run) is scored on the test part against the baselines and saved as a bundle. No early
 * stopping: every way trains all epochs.
 */
public final class DataParallelTrainApp {
    private DataParallelTrainApp() {
    }

    /**
     * One way of training.
     *
     * @param how            its name
     * @param seconds        wall time
     * @param validationLoss validation loss after each epoch
     */
    public record Run(String how, double seconds, List<Double> validationLoss) {
        /** @return the validation loss after the last epoch */
        public double last() {
            return validationLoss.get(validationLoss.size() - 1);
        }
    }

    /**
     * @param dir         the run folder
     * @param report      report.md
     * @param runs        one process, then the two data-parallel runs
     * @param comparisons the first data-parallel model on the test part against the baselines
     */
    public record Result(Path dir, Path report, List<Run> runs, List<Comparison> comparisons) {
        /** @return true when the two data-parallel runs ended with the same validation loss */
        public boolean reproducible() {
            return runs.get(1).validationLoss().equals(runs.get(2).validationLoss());
        }
    }

    /**
     * @param o       the series, spec, epochs and run folder (resume is not supported)
     * @param master  a Spark master, e.g. {@code local[2]}
     * @param workers partitions the minibatches are spread over
     * @param method  how the workers keep their copies in step
     * @return the three runs, the test comparisons and the report
     */
    public static Result run(TrainOptions o, String master, int workers, DataParallelMethod method) {
        TrainApp.Prepared p = TrainApp.prepare(o);
        DataParallelFit engine = DataParallelFit.forMaster(master);
        WindowedDataset data = p.data();
        try (RunFolder folder = RunFolder.create(o.out(), "train", o.write() == io.github.rnnkit.core.output.WriteMode.REPLACE)) {
            List<Run> runs = new ArrayList<>();
            RnnNetwork single = NetworkFactory.create(p.spec());
            long start = System.nanoTime();
            List<Double> losses = Minibatches.fitInOrder(single, data.train(), data.validation(), o.epochs(), o.batchSize(), o.seed());
            runs.add(new Run("this process, one minibatch after another", (System.nanoTime() - start) / 1e9, losses));
            RnnNetwork parallel = null;
            for (int r = 1; r <= 2; r++) {
                RnnNetwork net = NetworkFactory.create(p.spec());
                DataParallelFit.Result res = engine.fit(master, workers, method, net, data.train(), data.validation(), o.epochs(), o.batchSize(),
                        o.seed());
                runs.add(new Run(method.label() + " on " + master + ", " + workers + " workers, run " + r, res.seconds(),
                        res.validationLoss()));
                parallel = parallel == null ? net : parallel;
            }
            List<Comparison> comparisons = data instanceof CategoricalDataset c ? CategoricalEvaluation.onTest(parallel, c).comparisons()
                    : PriceEvaluation.onTest(parallel, (PriceDataset) data).comparisons();
            new ModelBundle(parallel, p.spec(), DataDescription.of(data, p.reader().dateColumn()), Provenance.of(data, o.seed()), null)
                    .save(folder.folder("model"));
            Table.Builder t = Table.builder("how", "seconds", "validation_loss_first_epoch", "validation_loss_last_epoch");
            runs.forEach(r -> t.row(r.how(), Table.fixed(r.seconds(), 1), Table.num(r.validationLoss().get(0), 6), Table.num(r.last(), 6)));
            Table table = t.build();
            folder.table("data-parallel", table);
            Result partial = new Result(folder.dir(), null, runs, comparisons);
            Path report = folder.text("report.md", markdown(o, master, workers, method, table, partial));
            folder.commit();
            return new Result(folder.dir(), report, runs, comparisons);
        }
    }

    private static String markdown(TrainOptions o, String master, int workers, DataParallelMethod method, Table table, Result r) {
        StringBuilder b = new StringBuilder("# Data-parallel training (experimental)\n\n");
        b.append(String.format(Locale.ROOT, "%s, hidden %s, look-back %d, %d epochs of minibatches of %d (no early stopping), Adam %s, "
                        + "seed %d. Trained three ways on the same data and minibatch order: in this process, and twice with "
                        + "%s on %s with %d workers.%n%n", o.cell().displayName(), o.hidden(),
                o.lookBack(), o.epochs(), o.batchSize(), o.learningRate(), o.seed(), method == DataParallelMethod.PARAMETER_AVERAGING
                        ? "parameter averaging (every 5 minibatches)" : "gradient sharing (threshold-encoded, adaptive threshold)",
                master, workers));
        b.append(table.markdown()).append('\n');
        Run one = r.runs().get(0);
        Run par = r.runs().get(1);
        b.append(String.format(Locale.ROOT, "- Time: data-parallel took %.1f× as long as this process.%n", par.seconds() / one.seconds()));
        b.append(String.format(Locale.ROOT, "- Score: final validation loss %.6f data-parallel against %.6f here (%s).%n", par.last(),
                one.last(), par.last() < one.last() ? "lower" : "not lower"));
        b.append("- Determinism: the two data-parallel runs ").append(r.reproducible() ? "ended identically."
                : "differed: " + method.label() + " is not reproducible here.").append('\n');
        b.append("\n## The data-parallel model on the test part\n\n");
        r.comparisons().forEach(c -> b.append("- ").append(c.sentence()).append('\n'));
        b.append("\nIts bundle is in model/. For speed on one machine, train without --spark; data-parallel training is for "
                + "training sets too large for one machine (docs/SCALING-OUT.md).\n");
        return b.toString();
    }
}

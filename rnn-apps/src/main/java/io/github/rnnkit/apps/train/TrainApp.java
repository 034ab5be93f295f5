package io.github.rnnkit.apps.train;

import io.github.rnnkit.core.bundle.DataDescription;
import io.github.rnnkit.core.diag.ClippingMonitor;
import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.diag.SpectralRadius;
import io.github.rnnkit.core.diag.StepGradientNorms;
import io.github.rnnkit.core.bundle.ModelBundle;
import io.github.rnnkit.core.bundle.Provenance;
import io.github.rnnkit.core.eval.CategoricalEvaluation;
import io.github.rnnkit.core.eval.PriceEvaluation;
import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.output.StagedFolder;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.Trainer;
import io.github.rnnkit.core.train.TrainingDivergedException;
import io.github.rnnkit.core.train.TrainerOptions;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.csv.CsvTable;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.scale.ScalerKind;
import io.github.rnnkit.data.series.CategoricalSeries;
import io.github.rnnkit.data.series.PriceSeries;
import io.github.rnnkit.data.series.SeriesKind;
import io.github.rnnkit.data.series.SeriesReader;
import io.github.rnnkit.data.window.WindowSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Trains a model on a user's series, evaluates it on the chronological test part and saves it. */
public final class TrainApp {
    private TrainApp() {
    }

    /**
     * Trains on the chronological training part, evaluates on the test part next to the baselines, and writes the bundle, report and history
     * into {@code o.out()}: staged beside it and moved into place when complete (see {@link StagedFolder}); a killed run resumes with
     * {@link io.github.rnnkit.core.output.WriteMode#RESUME}.
     *
     * @param o the series, model, training settings and output folder
     * @return the run's paths, history and evaluation
     */
    public static TrainResult run(TrainOptions o) {
        return run(o, dir -> {
        });
    }

    /**
     * The series read, windowed and split, and the spec that fits it: what every way of training shares.
     *
     * @param reader the series' reader (its date column goes into the bundle)
     * @param data   the windows, split
     * @param spec   the model's spec, shaped for {@code data}
     */
    record Prepared(SeriesReader reader, WindowedDataset data, ModelSpec spec) {
    }

    /**
     * @param o the options
     * @return the data and the spec, checked
     * @throws IllegalArgumentException naming what does not fit
     */
    static Prepared prepare(TrainOptions o) {
        CsvTable table = o.input().table();
        SeriesReader reader = o.input().reader(table);
        List<String> columns = o.input().resolvedColumns();
        SeriesKind kind = o.kind() != null ? o.kind() : reader.inferKind(columns.get(0));
        WindowedDataset data;
        ModelSpec.Builder spec = ModelSpec.builder().setCell(o.cell()).setHiddenSizes(o.hidden())
                .optUpdater(UpdaterKind.ADAM, o.learningRate()).optClipping(o.clipping()).optSeed(o.seed())
                .optDropout(o.dropout()).optBidirectional(o.bidirectional());
        if (o.tbptt() != null) {
            spec.optTbptt(o.tbptt().forward(), o.tbptt().backward());
        }
        if (kind == SeriesKind.CATEGORICAL) {
            if (columns.size() > 1) {
                throw new IllegalArgumentException("a categorical series is one column; got --column " + String.join(",", columns));
            }
            if (o.horizon() != 1) {
                WindowSpec.seq2seq(o.lookBack(), o.horizon()).requireFits(kind);
            }
            if (o.scaler() != null) {
                throw new IllegalArgumentException("--scaler applies to prices; column '" + columns.get(0)
                        + "' holds categories (one-hot inputs need no scaling)");
            }
            CategoricalSeries categories = reader.categorical(columns.get(0));
            CategoricalDataset ds = CategoricalDataset.builder(categories).window(WindowSpec.manyToOne(o.lookBack()))
                    .split(o.split()).build();
            int k = ds.vocabulary().size();
            if (k < 2) {
                throw new IllegalArgumentException("column '" + columns.get(0) + "' has only one category in the training part: "
                        + "nothing to classify");
            }
            spec.setDataShape(ds);
            data = ds;
        } else {
            PriceSeries prices = reader.prices(columns.toArray(new String[0]));
            WindowSpec window = o.horizon() > 1 ? WindowSpec.seq2seq(o.lookBack(), o.horizon()) : WindowSpec.manyToOne(o.lookBack());
            PriceDataset ds = PriceDataset.builder(prices).window(window).split(o.split()).optScaler(o.scaler() != null ? o.scaler() : ScalerKind.Z_SCORE).build();
            spec.setDataShape(ds);
            data = ds;
        }
        if (data.test().isEmpty()) {
            throw new IllegalArgumentException("the split leaves no test part to evaluate on; give a test fraction, "
                    + "e.g. --split 0.7,0.15,0.15");
        }
        return new Prepared(reader, data, spec.build());
    }

    /**
     * As {@link #run(TrainOptions)}, calling {@code onStart} with the (staging) run folder before
     * training starts, e.g. to record how the run was started so that it can be resumed.
     *
     * @param o the series, model, training settings and output folder
     * @param onStart called once with the folder the run is written into, not when resuming
     * @return the run's paths, history and evaluation
     */
    public static TrainResult run(TrainOptions o, java.util.function.Consumer<Path> onStart) {
        Prepared prepared = prepare(o);
        SeriesReader reader = prepared.reader();
        WindowedDataset data = prepared.data();
        ModelSpec modelSpec = prepared.spec();
        RnnNetwork net = NetworkFactory.create(modelSpec);
        StagedFolder folder = StagedFolder.open(o.out(), o.write(), "--out");
        Path work = folder.dir();
        Path checkpoints = work.resolve("checkpoints");
        try {
            if (!folder.resumed()) {
                onStart.accept(work);
            }
            List<SpectralRadius.LayerRadii> radiiAtInit = SpectralRadius.of(net);
            ClippingMonitor clipping = new ClippingMonitor();
            net.setListeners(clipping);
            TrainerOptions trainer = new TrainerOptions(o.epochs(), o.batchSize(), o.patience(), o.seed(), checkpoints,
                    o.progress());
            TrainingHistory history = folder.resumed() && Trainer.hasCheckpoint(checkpoints)
                    ? Trainer.resume(net, data.train(), data.validation(), trainer)
                    : Trainer.fit(net, data.train(), data.validation(), trainer);
            net.setListeners();
            clipping.writeCsv(work.resolve("clipping.csv"));
            StepGradientNorms gradients = GradientDiagnostics.inputGradientNorms(net,
                    data.test().subset(0, Math.min(64, data.test().size())).toDataSet());
            writeGradients(work.resolve("gradients.csv"), gradients);
            Diagnostics diagnostics = new Diagnostics(radiiAtInit, SpectralRadius.of(net), clipping.clippedFraction(), gradients);
            CategoricalEvaluation categorical = null;
            PriceEvaluation price = null;
            if (data instanceof CategoricalDataset cds) {
                categorical = CategoricalEvaluation.onTest(net, cds);
            } else {
                price = PriceEvaluation.onTest(net, (PriceDataset) data);
            }
            new ModelBundle(net, modelSpec, DataDescription.of(data, reader.dateColumn()), Provenance.of(data, modelSpec.seed()),
                    history).save(work.resolve("model"));
            history.writeEpochsCsv(work.resolve("history.csv"));
            TrainResult result = new TrainResult(o.out(), o.out().resolve("model"), o.out().resolve("report.md"), history,
                    categorical, price);
            write(work.resolve("report.md"), TrainReport.markdown(o, modelSpec, net.numParams(), data, result, diagnostics));
            folder.commit();
            return result;
        } catch (TrainingDivergedException | IllegalArgumentException e) {
            folder.discardUnfinished();   // resuming would meet the same divergence or the same bad input
            throw e;
        } finally {
            // A run that failed before its first checkpoint has nothing to resume: leave no trace.
            if (!Trainer.hasCheckpoint(checkpoints)) {
                folder.discardUnfinished();
            }
            folder.close();
        }
    }

    /**
     * What the diagnostics found.
     *
     * @param radiiAtInit     spectral radii of the recurrent weights before training
     * @param radiiTrained    and after
     * @param clippedFraction share of (update, layer) pairs where clipping changed the gradient
     * @param gradients       mean ‖∂L/∂x_t‖ per step on up to 64 test windows
     */
    record Diagnostics(List<SpectralRadius.LayerRadii> radiiAtInit, List<SpectralRadius.LayerRadii> radiiTrained,
                       double clippedFraction, StepGradientNorms gradients) {
    }

    private static void writeGradients(Path file, StepGradientNorms g) {
        StringBuilder sb = new StringBuilder("distance_from_last_step,input_gradient_norm\n");
        double[] d = g.byDistance();
        for (int i = 0; i < d.length; i++) {
            sb.append(i).append(',').append(d[i]).append('\n');
        }
        write(file, sb.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

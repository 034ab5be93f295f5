package io.github.rnnkit.spark;

import io.github.rnnkit.core.net.NetworkFactory;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.spec.UpdaterKind;
import io.github.rnnkit.core.train.DataParallelMethod;
import io.github.rnnkit.core.train.Minibatches;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.split.SplitFractions;
import io.github.rnnkit.data.synth.GeometricBrownianMotion;
import io.github.rnnkit.data.window.WindowSpec;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data-parallel comparison of docs/SCALING-OUT.md: one GRU on synthetic prices trained for
 * the same epochs on the same minibatches (a) in this process, one minibatch after another, and
 * (b) with parameter averaging and (c) with gradient sharing on Spark, twice each with the same seed
 * (is it reproducible?).
 * Run: {@code java -cp "rnn-spark/target/rnnkit-spark.jar" [Java 17 --add-opens]
 * io.github.rnnkit.spark.DataParallelComparison [MASTER] [WORKERS] [EPOCHS]}.
 */
public final class DataParallelComparison {
    private DataParallelComparison() {
    }

    /** One way of training and what it gave. */
    record Row(String how, double seconds, List<Double> validation) {
    }

    /**
     * @param master  Spark master, e.g. {@code local[2]}
     * @param workers partitions
     * @param epochs  passes
     * @param methods the data-parallel methods to run
     * @return the rows: single machine twice, then each data-parallel method twice
     */
    static List<Row> run(String master, int workers, int epochs, List<DataParallelMethod> methods) {
        PriceDataset data = PriceDataset.builder(GeometricBrownianMotion.DEFAULT.generate(3000, 11))
                .window(WindowSpec.manyToOne(20)).split(SplitFractions.DEFAULT).build();
        ModelSpec spec = ModelSpec.builder().setCell(CellType.GRU).setHiddenSizes(32).optUpdater(UpdaterKind.ADAM, 0.005).optSeed(5)
                .setDataShape(data).build();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            RnnNetwork net = NetworkFactory.create(spec);
            long start = System.nanoTime();
            List<Double> losses = Minibatches.fitInOrder(net, data.train(), data.validation(), epochs, 32, 5);
            rows.add(new Row("one process, run " + r, (System.nanoTime() - start) / 1e9, losses));
        }
        try (JavaSparkContext sc = SparkRunner.context(master, 1)) {
            for (DataParallelMethod method : methods) {
                for (int r = 1; r <= 2; r++) {
                    String how = method.label() + ", " + master + ", " + workers + " workers, run " + r;
                    long start = System.nanoTime();
                    try {
                        DataParallelTraining.Result res = DataParallelTraining.fit(sc, NetworkFactory.create(spec), data.train(),
                                data.validation(), epochs, 32, workers, method, 5, 5);
                        rows.add(new Row(how, res.seconds(), res.validationLoss()));
                    } catch (IllegalStateException e) {
                        // a hung fit leaves the method's transport unusable in this context: report it, skip its second run
                        rows.add(new Row(how + ": " + e.getMessage(), (System.nanoTime() - start) / 1e9, List.of(Double.NaN)));
                        break;
                    }
                }
            }
        }
        return rows;
    }

    /**
     * @param args master (default local[2]), workers (default 2), epochs (default 10), methods (default
     *             averaging,gradient-sharing)
     */
    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        System.out.println("| how | seconds | validation loss after epoch 1 | after the last epoch |");
        System.out.println("|---|---:|---:|---:|");
        List<DataParallelMethod> methods = java.util.Arrays.stream((args.length > 3 ? args[3] : "averaging,gradient-sharing")
                .split(",")).map(DataParallelMethod::parse).toList();
        for (Row r : run(master, workers, epochs, methods)) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.6f | %.6f |%n", r.how(), r.seconds(), r.validation().get(0),
                    r.validation().get(r.validation().size() - 1));
        }
    }
}

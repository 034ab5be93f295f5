package io.github.rnnkit.spark;

import io.github.rnnkit.apps.many.ManySeriesApp;
import io.github.rnnkit.apps.many.ManySeriesOptions;
import io.github.rnnkit.apps.many.ManySeriesResult;
import io.github.rnnkit.core.output.WriteMode;
import io.github.rnnkit.core.run.TrainingTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One model per series on Spark local[2]: the outcomes of the same run on threads, the bad series reported the same way. */
class SparkManySeriesTest {
    @Test
    void perSeriesModelsOnSparkEqualThoseOnThreads(@TempDir Path dir) {
        TrainingTask model = new TrainingTask("model", "unused", null, null, "lstm", List.of(4), 10, 1, 1, 0.005, 1);
        ManySeriesResult threads = ManySeriesApp.run(new ManySeriesOptions(null, model, true, false, "threads", 2, dir.resolve("t"),
                WriteMode.NEW), l -> { });
        ManySeriesResult spark = ManySeriesApp.run(new ManySeriesOptions(null, model, true, false, "local[2]", 1, dir.resolve("s"),
                WriteMode.NEW), l -> { });
        // the same outcomes; the short series' message names each run's own input file
        assertEquals(SparkSweepTest.withoutTimes(threads.perSeries()).stream().map(j -> j.replace(dir.resolve("t").toString(),
                dir.resolve("s").toString())).toList(), SparkSweepTest.withoutTimes(spark.perSeries()));
        assertEquals(9, spark.perSeries().size());
    }
}

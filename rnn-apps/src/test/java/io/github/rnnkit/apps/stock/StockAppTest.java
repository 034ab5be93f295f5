package io.github.rnnkit.apps.stock;

import io.github.rnnkit.apps.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rnnkit stock}: the toy's arithmetic, the decay measurement, forecasts and the clipping demonstration. */
class StockAppTest {
    @Test
    void theArticlesTwoStepToyForecastsZeroAndItsBackwardPassHalvesPerStepBack() {
        ToyTrace t = ToyTrace.of(ToyRnn.DEFAULT);
        assertEquals(0.0, t.handOutput(), 0);
        assertEquals(0.0, t.networkOutput(), 0);
        assertEquals("h_1 = tanh(Wx*x_1 + Wh*h_0 + b) = tanh(0.5*0 + 0.5*0 + 0) = tanh(0 + 0 + 0) = tanh(0) = 0", t.lines().get(1));
        assertEquals("y = W_out*h_2 + b_out = 2*0 + 0 = 0 + 0 = 0", t.lines().get(3));
        assertEquals(List.of("dy/dh_2 = W_out = 2", "dy/dx_2 = dy/dh_2 * (1 - h_2^2) * Wx = 2 * 1 * 0.5 = 1",
                "dy/dh_1 = dy/dh_2 * (1 - h_2^2) * Wh = 2 * 1 * 0.5 = 1", "dy/dx_1 = dy/dh_1 * (1 - h_1^2) * Wx = 1 * 1 * 0.5 = 0.5"),
                t.backwardLines());
        assertArrayEquals(new double[]{0.5, 1.0}, t.handGradient(), 0);
        assertArrayEquals(t.handGradient(), t.networkGradient(), 1e-9);
        assertEquals(0.5, t.stepFactor(), 0);
    }

    @Test
    void toyWithOtherWeightsStillMatchesInBothDirections() {
        ToyRnn toy = new ToyRnn(List.of(1.5, -0.9, 0.25, 0.8), -0.7, 1.2, 0.4, -1.5, 100);
        ToyTrace t = ToyTrace.of(toy);
        double h1 = Math.tanh(-0.7 * 1.5 + 0.4);
        double h2 = Math.tanh(-0.7 * -0.9 + 1.2 * h1 + 0.4);
        double h3 = Math.tanh(-0.7 * 0.25 + 1.2 * h2 + 0.4);
        double h4 = Math.tanh(-0.7 * 0.8 + 1.2 * h3 + 0.4);
        assertEquals(-1.5 * h4 + 100, t.handOutput(), 1e-13);
        assertEquals(t.handOutput(), t.networkOutput(), 1e-12);
        assertEquals(6, t.lines().size(), "h_0, four steps, the output");
        assertEquals(-1.5 * (1 - h4 * h4) * 1.2 * (1 - h3 * h3) * -0.7, t.handGradient()[2], 1e-14);
        assertArrayEquals(t.handGradient(), t.networkGradient(), 1e-8);
    }

    @Test
    void quickRunWritesEveryPartAndShowsClippingHelp(@TempDir Path dir) throws Exception {
        StockResult r = StockApp.run(StockOptions.quick(dir.resolve("s")));
        assertEquals(r.toy().handOutput(), r.toy().networkOutput(), 1e-12);
        GradientDecay d = r.decay();
        assertEquals(50, d.steps());
        assertEquals(0.5, d.rescaled().get(0).radius(), 1e-6);
        assertEquals(1.5, d.rescaled().get(1).radius(), 1e-6);
        assertTrue(d.rescaled().get(0).factorPerStep() <= 0.5 + 0.05, "below radius 1 the gradient shrinks at least like 0.5^d");
        assertTrue(d.rescaled().get(1).factorPerStep() > d.rescaled().get(0).factorPerStep());
        assertEquals(3, r.forecasts().size());
        assertEquals(StockApp.HORIZON, r.multiStep().evaluation().model().size(), "an RMSE per step ahead");
        assertEquals(StockApp.HORIZON, r.multiStep().evaluation().baselines().get("naive last value").size());
        assertEquals(r.forecasts().get(0).evaluation().model().get(0).n() - (StockApp.HORIZON - 1),
                r.multiStep().evaluation().model().get(0).n(), "each seq2seq window needs the days after it");
        r.forecasts().forEach(f -> assertEquals(List.of("naive last value", "drift"), List.copyOf(f.evaluation().baselines().keySet())));
        // the contrast: at the same SGD rate the gradient grows through 50-step windows, not through 2-step ones
        // (whether the long run reaches infinity within the budget depends on round-off: it sits at the edge)
        ExplodingRun longRun = r.exploding().get(0);
        ExplodingRun shortRun = r.exploding().get(1);
        assertEquals(List.of(50, 2, 50, 50), r.exploding().stream().map(ExplodingRun::steps).toList());
        assertFalse(longRun.clipping().enabled() || shortRun.clipping().enabled());
        assertTrue(longRun.maxGradientNorm() > 100 * shortRun.maxGradientNorm(),
                longRun.maxGradientNorm() + " vs " + shortRun.maxGradientNorm());
        assertFalse(shortRun.diverged(), "the control on 2-step windows does not blow up");
        for (ExplodingRun clipped : r.exploding().subList(2, 4)) {
            assertFalse(clipped.diverged(), clipped.label() + " finishes");
            assertTrue(Double.isFinite(clipped.testRmse()) && Double.isFinite(clipped.naiveRmse()));
        }
        assertTrue(r.exploding().get(3).clipping().global());
        for (String name : List.of("report.md", "forecast-vs-actual.png", "forecast-vs-actual.csv", "forecast-error.png", "exploding-state-gradients.png", "gradient-decay.png",
                "exploding-loss.png", "exploding-gradients.csv", "forecasts.csv", "forecast-loss.png")) {
            assertTrue(Files.isRegularFile(r.dir().resolve(name)), name);
        }
        String report = Files.readString(r.report());
        assertTrue(report.contains("0.5^49 = **1.78e-15**") && report.contains("1.5^49 = **4.25e+08**"), report);
        assertTrue(report.contains("does NOT beat") || report.contains("beats"));
        assertTrue(report.contains("### 5 days at once") && report.contains("| step ahead | LSTM seq2seq RMSE |")
                && report.contains("on a random walk it would be √5"), report);
        assertTrue(report.contains("The network's own ∂y/∂x_t") && report.contains("that is where section 2's 0.5^49 comes from"),
                report);
        assertEquals(longRun.diverged(), report.contains("the 50-step windows diverged at update " + longRun.divergedAt()
                + " and the 2-step windows did not"), report);
        assertEquals(!longRun.diverged(), report.contains("The long windows did not diverge at these settings"), report);
        assertTrue(report.contains("against the naive forecast's"), report);
    }

    @Test
    void commandTakesToyWeightsAndRejectsBadInput(@TempDir Path dir) throws Exception {
        CliRun bad = CliRun.of("stock", "--prices", "1,x");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--prices must be numbers"), bad.err());
        CliRun noCsv = CliRun.of("stock", "--column", "close");
        assertEquals(2, noCsv.status());
        assertTrue(noCsv.err().contains("--column and --date-column need --csv"), noCsv.err());
        Path missing = dir.resolve("nope.csv");
        CliRun gone = CliRun.of("stock", "--csv", missing.toString(), "--column", "close", "--quick", "--out", dir.resolve("o").toString());
        assertEquals(2, gone.status());
        assertTrue(gone.err().contains(missing.toString()), gone.err());
        CliRun clip = CliRun.of("stock", "--explode-clip", "none");
        assertEquals(2, clip.status());
        assertTrue(clip.err().contains("--explode-clip must name a clipping"), clip.err());
    }
}

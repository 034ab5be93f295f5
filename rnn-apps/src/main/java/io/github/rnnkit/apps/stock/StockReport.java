package io.github.rnnkit.apps.stock;

import io.github.rnnkit.core.eval.PriceEvaluation;

import io.github.rnnkit.core.spec.CellType;

import io.github.rnnkit.apps.common.EvaluationMarkdown;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.eval.ForecastMetrics;
import io.github.rnnkit.core.spec.Clipping;
import io.github.rnnkit.data.prep.PriceDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** report.md of {@code rnnkit stock}. */
final class StockReport {
    private StockReport() {
    }

    static String clipping(Clipping c) {
        return c.enabled() ? c.describe() : "off";
    }

    static String markdown(StockOptions o, StockResult r, PriceDataset data) {
        StringBuilder sb = new StringBuilder("# rnnkit stock\n\n");
        toy(sb, r.toy());
        decay(sb, r.decay());
        forecast(sb, o, r, data);
        multiStep(sb, o, r);
        exploding(sb, o, r);
        sb.append("\nFiles: each chart's data is in the CSV of the same name; `forecasts.csv` has the summary table.\n");
        return sb.toString();
    }

    private static void toy(StringBuilder sb, ToyTrace t) {
        ToyRnn toy = t.toy();
        sb.append("## 1. The toy: one hidden unit, worked by hand\n\n");
        sb.append(String.format(Locale.ROOT, "Prices x = %s (oldest first), weights Wx = %s, Wh = %s, b = %s, W_out = %s, "
                        + "b_out = %s (made up; set them with --prices, --wx, --wh, --b, --w-out, --b-out).%n%n",
                String.join(", ", toy.prices().stream().map(ToyTrace::f).toList()), ToyTrace.f(toy.wx()), ToyTrace.f(toy.wh()), ToyTrace.f(toy.b()), ToyTrace.f(toy.wOut()),
                ToyTrace.f(toy.bOut())));
        sb.append("```\n");
        t.lines().forEach(l -> sb.append(l).append('\n'));
        sb.append("```\n\n");
        sb.append(String.format(Locale.ROOT, "By hand: **%s**. An rnnkit network (SimpleRnn with 1 unit, identity output "
                        + "layer, double precision) holding the same weights outputs **%s** (difference %.1e). The hidden state "
                        + "h carries each step's input forward through Wh: that carried state is the network's memory.%n%n",
                ToyTrace.f(t.handOutput()), ToyTrace.f(t.networkOutput()), Math.abs(t.handOutput() - t.networkOutput())));
        sb.append("The backward pass by the chain rule: how much y moves per unit of each input. Each step back "
                + "multiplies by (1 − h²)·Wh, the derivative of tanh times the recurrent weight.\n\n```\n");
        t.backwardLines().forEach(l -> sb.append(l).append('\n'));
        sb.append("```\n\n");
        double worst = 0;
        for (int i = 0; i < t.handGradient().length; i++) {
            worst = Math.max(worst, Math.abs(t.handGradient()[i] - t.networkGradient()[i]));
        }
        sb.append(String.format(Locale.ROOT, "The network's own ∂y/∂x_t, by central differences of its output (step %.0e): "
                        + "%s; largest difference from the hand values %.1e. Here one step back multiplies the gradient by "
                        + "(1 − h_T²)·Wh = %s. Carry the same product 49 steps back (a 50-step window) and it is %s^49 = %s: "
                        + "that is where section 2's 0.5^49 comes from.%n%n", ToyTrace.EPSILON,
                String.join(", ", java.util.Arrays.stream(t.networkGradient()).mapToObj(ToyTrace::f).toList()), worst, ToyTrace.f(t.stepFactor()),
                ToyTrace.f(t.stepFactor()), Table.num(Math.pow(t.stepFactor(), 49), 3)));
    }

    private static void decay(StringBuilder sb, GradientDecay d) {
        int p = d.steps() - 1;
        sb.append("## 2. Why vanilla RNNs break\n\n");
        sb.append(String.format(Locale.ROOT, "Backpropagation through %d steps multiplies the gradient by the recurrent "
                        + "Jacobian %d times. With a recurrent weight of 0.5 that is 0.5^%d = **%.3g**; with 1.5 it is 1.5^%d = "
                        + "**%.3g**: the first vanishes; the second would explode if the Jacobian were the weight alone. "
                        + "It is not: for h_t = tanh(w·h_{t−1} + …) the Jacobian ∂h_t/∂h_{t−1} is diag(1 − h_t²)·W, the weight "
                        + "times tanh's slope at each step, and that slope is at most 1 and near 0 when a unit saturates. So ρ^%d "
                        + "is an upper bound on growth, reached only while the units stay near 0.%n%n", d.steps(), p, p,
                GradientDecay.theory(0.5, d.steps()), p, GradientDecay.theory(1.5, d.steps()), p));
        sb.append(String.format(Locale.ROOT, "Measured: a vanilla RNN (%d units) trained on %d-step windows of the price "
                        + "series, then the same network with its recurrent matrix rescaled to spectral radius 0.5 and 1.5. "
                        + "‖∂L/∂x_t‖ is the mean gradient reaching the input t steps before the forecast, on up to 64 test "
                        + "windows.%n%n", StockApp.DECAY_HIDDEN, d.steps()));
        Table.Builder t = Table.builder("recurrent matrix", "spectral radius ρ", "ρ^" + p, "measured oldest / newest",
                "measured factor per step", "measured factor, first 5 steps back");
        t.row("as trained", Table.fixed(d.trained().radius(), 3), Table.num(GradientDecay.theory(d.trained().radius(), d.steps()), 3),
                Table.num(d.trained().oldestOverNewest(), 3), Table.num(d.trained().factorPerStep(), 3),
                Table.num(nearFactor(d.trained()), 3));
        for (GradientDecay.RadiusRun run : d.rescaled()) {
            t.row("rescaled", Table.fixed(run.radius(), 3), Table.num(GradientDecay.theory(run.radius(), d.steps()), 3),
                    Table.num(run.oldestOverNewest(), 3), Table.num(run.factorPerStep(), 3), Table.num(nearFactor(run), 3));
        }
        sb.append(t.build().markdown());
        sb.append("\nThe measured factor is roughly ρ times the mean slope of tanh, which is at most 1: below ρ = 1 the "
                + "gradient vanishes at least as fast as ρ^d. Above 1 it can grow while the units are unsaturated, and "
                + "growth is what makes training blow up (part 3).");
        GradientDecay.RadiusRun above = d.rescaled().stream().filter(x -> x.radius() > 1).findFirst().orElse(null);
        if (above != null && nearFactor(above) > 1) {
            sb.append(String.format(Locale.ROOT, " At ρ = %.1f the gradient does grow over the first steps back (factor %.3f "
                    + "per step over the first 5 steps back), while the units it passes through are not yet saturated.", above.radius(),
                    nearFactor(above)));
        }
        if (above != null && above.factorPerStep() < 1) {
            sb.append(String.format(Locale.ROOT, " Here, even at ρ = %.1f, the measured gradient shrinks (factor %.3f per "
                    + "step): the trained network's tanh units are saturated enough that their small slope outweighs ρ. "
                    + "Saturation is the other way a vanilla RNN stops learning long dependencies.", above.radius(),
                    above.factorPerStep()));
        }
        sb.append("\n\n");
        sb.append("![gradient decay](gradient-decay.png)\n\n");
    }

    /** @return the geometric mean factor per step of ‖∂L/∂x_t‖ over distances 0 to 5 back (or the window, if shorter) */
    static double nearFactor(GradientDecay.RadiusRun run) {
        double[] g = run.byDistance();
        int k = Math.min(5, g.length - 1);
        return k < 1 || g[0] <= 0 || g[k] <= 0 ? Double.NaN : Math.pow(g[k] / g[0], 1.0 / k);
    }

    private static void forecast(StringBuilder sb, StockOptions o, StockResult r, PriceDataset data) {
        sb.append("## 3. A next-day price forecast\n\n");
        sb.append(String.format(Locale.ROOT, "Series: %s. Look-back %d days, chronological split %d / %d / %d windows "
                        + "(train / validation / test), %s scaling fitted on the training part, hidden %d, Adam %s, minibatches "
                        + "of 32, up to %d epochs with early stopping on validation loss.%n%n", r.series(), o.lookBack(),
                data.train().size(), data.validation().size(), data.test().size(), data.targetScaler().kind().label(),
                o.hidden(), o.learningRate(), o.epochs()));
        data.testRangeWarning().ifPresent(w -> sb.append("**Warning:** ").append(w).append(".\n\n"));
        sb.append("- truncated BPTT: ").append(o.tbptt() == null ? "off: full BPTT over the " + o.lookBack() + "-step window"
                : "segments of " + o.tbptt().forward() + " steps, gradients through the last " + o.tbptt().backward())
                .append(" (--tbptt K[:K2])\n");
        sb.append("- gradient clipping: ").append(clipping(o.clipping())).append(" (--clip MODE:THRESHOLD)\n\n");
        sb.append(forecastTable(r.forecasts()).markdown());
        sb.append("\nBaselines on the same test windows: ");
        var b = r.forecasts().get(0).evaluation().baselines();
        b.forEach((name, m) -> sb.append(String.format(Locale.ROOT, "%s RMSE %.4f, MAE %.4f; ", name, m.get(0).rmse(), m.get(0).mae())));
        sb.setLength(sb.length() - 2);
        sb.append(".\n\nThe first chart shows the last " + StockCharts.FORECAST_DAYS + " test days, where the lines can be told apart; "
                + "the second the whole test part as a " + StockCharts.ERROR_DAYS + "-day moving average of each forecast's "
                + "absolute error, the naive forecast dashed.\n\n![forecast against actual](forecast-vs-actual.png)\n\n"
                + "![forecast error](forecast-error.png)\n\n![validation loss](forecast-loss.png)\n");
        for (CellForecast f : r.forecasts()) {
            sb.append("\n### ").append(f.cell().displayName()).append("\n\n").append(EvaluationMarkdown.price(f.evaluation()));
            sb.append('\n').append(EvaluationMarkdown.verdict(f.evaluation().comparisons()));
        }
        if (o.input() == null) {
            sb.append("\nOn a geometric Brownian motion tomorrow's price is today's times an independent random factor: the "
                    + "naive forecast is the best there is, and a model that does not beat it has not failed, the data has "
                    + "nothing more to give. On real prices the same holds to a good approximation.\n");
        }
    }

    /** Several days at once, step by step against the baselines, and its first step beside the one-step LSTM's. */
    private static void multiStep(StringBuilder sb, StockOptions o, StockResult r) {
        MultiStepForecast m = r.multiStep();
        var e = m.evaluation();
        sb.append(String.format(Locale.ROOT, "%n### %d days at once: an LSTM encoder-decoder (`train --horizon %d`)%n%n", m.horizon(),
                m.horizon()));
        sb.append(String.format(Locale.ROOT, "The same prices, look-back and training, but each window's target is the next %d "
                        + "prices: an LSTM encoder reads the window and a decoder emits the %d forecasts (seq2seq, %,d "
                        + "parameters, best epoch %d). Its test part has %d fewer windows than the one-step models' (each "
                        + "needs %d days after it), so compare it with the baselines in its own rows.%n%n", m.horizon(),
                m.horizon(), m.params(), m.history().bestEpoch(), m.horizon() - 1, m.horizon()));
        List<String> header = new ArrayList<>(List.of("step ahead", "LSTM seq2seq RMSE"));
        e.baselines().keySet().forEach(b -> header.add(b + " RMSE"));
        Table.Builder t = Table.builder(header.toArray(new String[0]));
        for (int k = 0; k < m.horizon(); k++) {
            List<Object> row = new ArrayList<>(List.of(k + 1, Table.fixed(e.model().get(k).rmse(), 4)));
            for (var b : e.baselines().values()) {
                row.add(Table.fixed(b.get(k).rmse(), 4));
            }
            t.row(row.toArray());
        }
        sb.append(t.build().markdown()).append('\n');
        var naive = e.baselines().get(PriceEvaluation.NAIVE);
        r.forecasts().stream().filter(f -> f.cell() == CellType.LSTM).findFirst().ifPresent(one -> sb.append(String.format(
                Locale.ROOT, "One day ahead, the seq2seq model's RMSE is %s against the one-step LSTM's %s (naive: %s and "
                        + "%s on their own windows). ", Table.fixed(e.model().get(0).rmse(), 4),
                Table.fixed(one.evaluation().model().get(0).rmse(), 4), Table.fixed(naive.get(0).rmse(), 4),
                Table.fixed(one.evaluation().baselines().get(PriceEvaluation.NAIVE).get(0).rmse(), 4))));
        sb.append(String.format(Locale.ROOT, "The naive forecast's RMSE %d days ahead is %.2f times its RMSE one day ahead "
                        + "(on a random walk it would be √%d = %.2f); the model's is %.2f times. Over all steps, against each "
                        + "baseline (Diebold-Mariano on squared errors averaged over the steps):%n%n", m.horizon(),
                naive.get(m.horizon() - 1).rmse() / naive.get(0).rmse(), m.horizon(), Math.sqrt(m.horizon()),
                e.model().get(m.horizon() - 1).rmse() / e.model().get(0).rmse())).append(EvaluationMarkdown.verdict(e.comparisons()));
    }

    static Table forecastTable(List<CellForecast> forecasts) {
        Table.Builder t = Table.builder("cell", "parameters", "epochs run", "best epoch", "MAE", "RMSE", "MAPE %",
                "direction right", "naive RMSE", "beats naive");
        for (CellForecast f : forecasts) {
            ForecastMetrics m = f.evaluation().model().get(0);
            ForecastMetrics naive = f.evaluation().baselines().get(PriceEvaluation.NAIVE).get(0);
            t.row(f.cell().displayName(), f.params(), f.history().epochs().size(), f.history().bestEpoch(), Table.fixed(m.mae(), 4),
                    Table.fixed(m.rmse(), 4), Table.fixed(m.mape(), 3),
                    Double.isNaN(m.directional()) ? "n/a" : Table.fixed(100 * m.directional(), 1) + "%",
                    Table.fixed(naive.rmse(), 4), m.rmse() < naive.rmse() ? "yes" : "no");
        }
        return t.build();
    }

    private static void exploding(StringBuilder sb, StockOptions o, StockResult r) {
        ExplodingRun longRun = r.exploding().get(0);
        ExplodingRun shortRun = r.exploding().get(1);
        sb.append("\n### Exploding gradients, and clipping\n\n");
        sb.append(String.format(Locale.ROOT, "A vanilla RNN (%d units) trained by plain SGD with learning rate %s for %d "
                        + "epoch(s) on the same prices, once on %d-step windows and once on %d-step windows, then on the long "
                        + "windows with %s (each layer's gradient) and with %s (the whole network's gradient, as PyTorch's "
                        + "clip_grad_norm_). The short windows are the control: if they blow up too, the learning rate is too "
                        + "large for the data, whatever backpropagation through time does. (Adam would hide the effect: it "
                        + "divides each step by the gradient's running size.)%n%n", o.hidden(), Table.num(o.explodeLr(), 3),
                o.explodeEpochs(), longRun.steps(), shortRun.steps(), clipping(r.exploding().get(2).clipping()),
                clipping(r.exploding().get(3).clipping())));
        Table.Builder t = Table.builder("run", "largest ‖g‖ before clipping", "updates", "outcome", "last loss", "test RMSE",
                "naive RMSE");
        for (ExplodingRun e : r.exploding()) {
            double last = e.loss().isEmpty() ? Double.NaN : e.loss().get(e.loss().size() - 1);
            t.row(e.label(), Table.num(e.maxGradientNorm(), 3), e.loss().size(),
                    e.diverged() ? "**diverged** (loss not finite at update " + e.divergedAt() + ")" : "finished",
                    Table.num(last, 3), Table.num(e.testRmse(), 4), Table.num(e.naiveRmse(), 4));
        }
        sb.append(t.build().markdown()).append('\n');
        sb.append(String.format(Locale.ROOT, "The largest gradient norm was %s on the %d-step windows and %s on the %d-step "
                + "windows. ", Table.num(longRun.maxGradientNorm(), 3), longRun.steps(), Table.num(shortRun.maxGradientNorm(), 3),
                shortRun.steps()));
        sb.append(longRun.diverged() && !shortRun.diverged()
                ? String.format(Locale.ROOT, "At the same learning rate and on the same data, the %d-step windows diverged at "
                + "update %d and the %d-step windows did not: the gradient grew on its way back through the long windows' "
                + "steps. That is exploding gradients through time.", longRun.steps(), longRun.divergedAt(), shortRun.steps())
                : longRun.diverged() ? String.format(Locale.ROOT, "Both window lengths diverged (updates %d and %d): at this "
                + "learning rate the step is too large whatever the window, so this run does not show gradients exploding "
                + "through time; lower --explode-lr.", longRun.divergedAt(), shortRun.divergedAt())
                : "The long windows did not diverge at these settings (how close a run comes to the edge depends on its "
                + "round-off, so neighbouring learning rates can differ): raise --explode-lr or --explode-epochs to see the "
                + "blow-up.");
        for (ExplodingRun e : r.exploding().subList(2, r.exploding().size())) {
            sb.append(' ').append(e.diverged() ? String.format(Locale.ROOT, "With %s training still diverged (update %d).",
                    clipping(e.clipping()), e.divergedAt())
                    : String.format(Locale.ROOT, "With %s training finished, at test RMSE %s against the naive forecast's %s: "
                    + "%s.", clipping(e.clipping()), Table.num(e.testRmse(), 4), Table.num(e.naiveRmse(), 4),
                    e.testRmse() < e.naiveRmse() ? "better than naive" : "clipping kept the run alive, but the model is no "
                    + "better than repeating the last price"));
        }
        if (!longRun.stateGradients().isEmpty()) {
            int blowUp = longRun.largestGradientUpdate();
            double atStart = longRun.stateGradientFactor(longRun.stateGradients().firstKey());
            double atBlowUp = longRun.stateGradientFactor(blowUp);
            double[] d = longRun.stateGradients().get(blowUp);
            sb.append(String.format(Locale.ROOT, "%n%nWhere the gradient grows: ‖∂L/∂h_t‖ of the %s run, averaged over %d "
                            + "training windows, at the parameters update 1 started from and at those of update %d (the "
                            + "largest ‖g‖). At update 1 it changes by ×%s per step back; at update %d by ×%s, from %s at the "
                            + "last step to %s %d steps back. %s", longRun.label(), StockApp.PROBE_WINDOWS, blowUp, Table.num(atStart, 3),
                    blowUp, Table.num(atBlowUp, 3), Table.num(d[0], 3), Table.num(d[d.length - 1], 3), d.length - 1,
                    atBlowUp > 1 ? "A factor above 1 is the gradient exploding on its way back through time: the oldest "
                            + "steps get the largest gradient, and the updates it causes throw the weights far out of range"
                            + (longRun.diverged() ? "; the loss climbs from there until it overflows at update "
                            + longRun.divergedAt() + "." : ".")
                            : "The factor is not above 1 here, so this run's blow-up is not the gradient growing back "
                            + "through time; read the control above."));
            sb.append("\n\n![state gradient by step back](exploding-state-gradients.png)");
        }
        sb.append("\n\nIn the charts, a red triangle marks a value no axis can show: ▲ an infinite loss or gradient, ▼ a "
                + "gradient norm of exactly 0 in float32; the line stops where the values do, not the run.\n\n");
        sb.append("![loss per update](exploding-loss.png)\n\n![gradient norm per update](exploding-gradients.png)\n");
    }
}

package io.github.rnnkit.apps.weather;

import io.github.rnnkit.apps.common.EvaluationMarkdown;
import io.github.rnnkit.apps.report.Table;
import io.github.rnnkit.core.diag.StepGradientNorms;
import io.github.rnnkit.core.eval.ClassificationMetrics;
import io.github.rnnkit.core.spec.CellType;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.synth.UniformWeather;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** report.md and the tables of {@code rnnkit weather}. */
final class WeatherReport {
    private WeatherReport() {
    }

    static String markdown(WeatherOptions o, List<ArticleRun> article, List<SeattleRun> seattle, CategoricalDataset seattleData) {
        StringBuilder sb = new StringBuilder("# rnnkit weather\n\n");
        sb.append("## 1. The article's experiment: random weather\n\n");
        sb.append(String.format(Locale.ROOT, "%,d days of weather drawn uniformly and independently from %s (numpy's "
                        + "generator, seed %d, reproduced draw for draw). Each window of L days forecasts day L+1; the latest "
                        + "%.0f %% of windows (by the day they forecast) are held out. Hidden size %d, Adam %s, cross-entropy, "
                        + "%d full-batch epochs (one update each), seed %d.%n%n",
                UniformWeather.DAYS, String.join("/", UniformWeather.CATEGORIES), UniformWeather.SEED, 100 * o.testFraction(),
                o.hidden(), o.learningRate(), o.epochs(), o.seed()));
        sb.append("**What the article leaves out.** Every day is drawn independently with probability 1/3 per category, "
                + "so yesterday says nothing about today: no model can forecast new days better than 1/3 accuracy except "
                + "by luck, and the best expected cross-entropy is ln 3 = 1.0986 nats. A training loss below ln 3 is "
                + "memorisation of the training days, not skill. The held-out accuracy below is compared with that 1/3 "
                + "ceiling (one-sided binomial test: could a coin with p = 1/3 do as well?).\n\n");
        sb.append(articleSummary(article).markdown());
        sb.append('\n').append(articleVerdict(article)).append("\n\n");
        sb.append("### Next-day forecast (day 1,501) with its probability distribution\n\n");
        sb.append("The network's last layer outputs one number per category, its logits z (negative or positive, any "
                + "sum); softmax, P(k) = exp(z_k) / Σ_j exp(z_j), turns them into probabilities that sum to 1. The article "
                + "prints numbers like the logits below and calls them probability distributions: pass its numbers "
                + "through that formula to read them as probabilities. (A logit is defined up to a shift shared by all "
                + "categories; the table shows the one that averages 0.) On data without signal the probabilities should "
                + "stay near 1/3 each, and they do to the extent the network has not memorised noise.\n\n");
        sb.append(nextDayTable(article).markdown());
        sb.append("\nThe forecasts differ between look-backs and cells, and none of that difference means anything here: "
                + "tomorrow is an independent draw, so each forecast is noise the network memorised from the training days, "
                + "and a different seed would pick another category.\n");
        sb.append("\n### Time grows with the look-back\n\n");
        sb.append(timeTable(article).markdown());
        sb.append("\nThe steps of a window are computed one after another, because each needs the hidden state of the one "
                + "before: that is what the articles mean by a recurrent network that cannot be parallelised over time. "
                + (epochTimeGrows(article) ? "Here the time per epoch grows with the look-back for every cell, even where "
                + "the longest windows are fewer; the cost per window-step is not constant, since a fixed cost per update "
                + "(the framework, the output layer) is spread over more steps as the look-back grows. "
                : "In this run the time per epoch does not grow with the look-back for every cell: at these sizes a fixed "
                + "cost per update (the framework, the output layer) outweighs the steps. ")
                + "Times include the JIT compiler's warm-up in the first epochs.\n");
        sb.append("\n### Loss and gradient charts, per cell\n\n");
        sb.append(heldOutSentence(article)).append("\n\n");
        for (CellType cell : o.cells()) {
            String c = cell.label();
            sb.append("![").append(cell.displayName()).append(" loss](article-loss-").append(c).append(".png)\n");
            sb.append("![").append(cell.displayName()).append(" gradients](article-gradients-").append(c).append(".png)\n\n");
        }
        sb.append("### How far back the gradient reaches\n\n");
        sb.append("‖∂L/∂x_t‖ is how much the loss on the forecast depends on the input t days before it (mean over up to "
                + WeatherApp.GRADIENT_WINDOWS + " held-out windows). Falling geometrically with distance is the vanishing "
                + "gradient: the factor per day back below is fitted over days 1-49 and over the whole window, and an "
                + "oldest / last ratio far below 1 means the trained network's forecast barely depends on the earliest days. "
                + "Values below about "
                + "1e-45 underflow float32 to 0 and are left out of the charts.\n\n");
        sb.append(gradientTable(article).markdown());
        sb.append('\n').append(gradientVerdict(article)).append('\n');
        sb.append("\n## 2. Real data: Seattle daily weather\n\n");
        var s = seattleData.series();
        sb.append(String.format(Locale.ROOT, "%,d days (%s .. %s), %d categories (%s). Look-back %d, chronological split "
                        + "%d / %d / %d windows (train / validation / test), hidden %d, Adam %s, minibatches of 32, up to %d "
                        + "epochs with early stopping on validation loss. Baselines are fitted on the training part only.%n%n",
                s.length(), s.index().date(0), s.index().date(s.length() - 1), seattleData.vocabulary().size(),
                String.join(", ", seattleData.vocabulary().categories()), WeatherApp.SEATTLE_LOOK_BACK,
                seattleData.train().size(), seattleData.validation().size(), seattleData.test().size(), o.seattleHidden(),
                WeatherApp.SEATTLE_LEARNING_RATE, o.seattleEpochs()));
        sb.append(seattleTable(seattle).markdown());
        sb.append("\n![Seattle validation loss](seattle-loss.png)\n");
        for (SeattleRun r : seattle) {
            sb.append("\n### ").append(r.cell().displayName()).append(" on Seattle weather (test part)\n\n");
            sb.append(EvaluationMarkdown.categorical(r.evaluation()));
            sb.append('\n').append(EvaluationMarkdown.verdict(r.evaluation().comparisons()));
        }
        sb.append("\nFiles: `article.csv` (every run of part 1), `article-loss-*.csv` / `article-gradients-*.csv` (the data "
                + "of each chart), `seattle.csv`, `seattle-confusion-*.csv`, `seattle-loss.csv`.\n");
        return sb.toString();
    }

    /** @return true when, for every cell, a longer look-back took longer per epoch */
    static boolean epochTimeGrows(List<ArticleRun> runs) {
        for (ArticleRun a : runs) {
            for (ArticleRun b : runs) {
                if (a.cell() == b.cell() && a.lookBack() < b.lookBack() && perEpoch(a) >= perEpoch(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double perEpoch(ArticleRun r) {
        return r.seconds() / Math.max(1, r.trainLoss().size());
    }

    /** @return per run: windows, steps per window, seconds per epoch, and microseconds per window-step */
    static Table timeTable(List<ArticleRun> runs) {
        Table.Builder t = Table.builder("cell", "look-back", "training windows", "seconds per epoch", "µs per window-step");
        for (ArticleRun r : runs) {
            double perEpoch = perEpoch(r);
            t.row(r.cell().displayName(), r.lookBack(), r.trainWindows(), Table.num(perEpoch, 3),
                    Table.num(1e6 * perEpoch / ((double) r.trainWindows() * r.lookBack()), 3));
        }
        return t.build();
    }

    static Table articleTable(List<ArticleRun> runs) {
        List<String> header = new ArrayList<>(List.of("cell", "look_back", "params", "train_windows", "test_windows",
                "final_train_loss", "test_accuracy", "p_better_than_chance", "next_day"));
        if (!runs.isEmpty()) {
            runs.get(0).nextDay().categories().forEach(c -> header.add("p_" + c));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ArticleRun r : runs) {
            List<String> row = new ArrayList<>(List.of(r.cell().name(), "" + r.lookBack(), "" + r.params(), "" + r.trainWindows(),
                    "" + r.testWindows(), "" + last(r.trainLoss()), "" + r.testAccuracy(), "" + r.pBetterThanChance(),
                    r.nextDay().predicted()));
            for (double p : r.nextDay().probabilities()) {
                row.add("" + p);
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static Table articleSummary(List<ArticleRun> runs) {
        Table.Builder t = Table.builder("cell", "look-back", "parameters", "train / test windows", "final train loss",
                "held-out accuracy", "p (vs 1/3)", "train time s");
        for (ArticleRun r : runs) {
            t.row(r.cell().displayName(), r.lookBack(), r.params(), r.trainWindows() + " / " + r.testWindows(),
                    Table.fixed(last(r.trainLoss()), 4), Table.fixed(r.testAccuracy(), 3), Table.num(r.pBetterThanChance(), 2),
                    Table.fixed(r.seconds(), 1));
        }
        return t.build();
    }

    private static String articleVerdict(List<ArticleRun> runs) {
        long above = runs.stream().filter(r -> r.pBetterThanChance() < 0.05).count();
        double best = runs.stream().mapToDouble(ArticleRun::testAccuracy).max().orElse(Double.NaN);
        long memorised = runs.stream().filter(r -> last(r.trainLoss()) < Math.log(3) - 0.01).count();
        String s = String.format(Locale.ROOT, "**Held-out accuracy ranges from %.3f to %.3f against the 1/3 ceiling.** ",
                runs.stream().mapToDouble(ArticleRun::testAccuracy).min().orElse(Double.NaN), best);
        s += above == 0 ? "No run is significantly above chance, as it should be on data without signal."
                : String.format(Locale.ROOT, "%d of %d runs have p < 0.05; with %d tests about %.1f such results are expected "
                + "by luck alone, and the data has no signal by construction.", above, runs.size(), runs.size(), 0.05 * runs.size());
        s += memorised > 0 ? String.format(Locale.ROOT, " %d run(s) pushed the training loss more than 0.01 below ln 3: "
                + "memorised noise.", memorised) : "";
        return s;
    }

    /**
     * @return what the loss charts show: training loss falling below ln 3 is memorisation exactly
     *         when the held-out loss does not fall with it
     */
    static String heldOutSentence(List<ArticleRun> runs) {
        List<String> rising = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        for (ArticleRun r : runs) {
            double first = r.heldOutLoss().get(0);
            double last = r.heldOutLoss().get(r.heldOutLoss().size() - 1);
            lowest = Math.min(lowest, r.heldOutLoss().stream().mapToDouble(Double::doubleValue).filter(l -> !Double.isNaN(l))
                    .min().orElse(first));
            if (last > Math.log(3)) {
                rising.add(r.cell().displayName() + " " + r.lookBack());
            }
        }
        return String.format(Locale.ROOT, "The article reads falling training-loss curves as learning. Each loss chart "
                + "below shows the held-out loss beside the training loss (the parameters after the first epoch, every "
                + WeatherApp.HELD_OUT_EVERY + "th and the last are scored on the held-out windows once training is done, "
                + "never used to choose anything). The lowest held-out loss of any run is %.4f nats against ln 3 = "
                + "%.4f for guessing; the held-out loss ends above ln 3 for %s. Where the training loss falls and the "
                + "held-out loss does not, the network is memorising the training days, not learning the weather.",
                lowest, Math.log(3), rising.isEmpty() ? "no run" : rising.size() == runs.size() ? "every run"
                        : String.join(", ", rising) + " (cell and look-back)");
    }

    private static Table nextDayTable(List<ArticleRun> runs) {
        List<String> header = new ArrayList<>(List.of("cell", "look-back", "forecast"));
        runs.get(0).nextDay().categories().forEach(c -> header.add("logit " + c));
        runs.get(0).nextDay().categories().forEach(c -> header.add("P(" + c + ")"));
        header.add("sum");
        List<List<String>> rows = new ArrayList<>();
        for (ArticleRun r : runs) {
            List<String> row = new ArrayList<>(List.of(r.cell().displayName(), "" + r.lookBack(), r.nextDay().predicted()));
            for (double z : r.nextDay().logits()) {
                row.add(Table.fixed(z, 4));
            }
            double sum = 0;
            for (double p : r.nextDay().probabilities()) {
                row.add(Table.fixed(p, 4));
                sum += p;
            }
            row.add(Table.fixed(sum, 4));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static Table gradientTable(List<ArticleRun> runs) {
        Table.Builder t = Table.builder("cell", "look-back", "at the last day", "10 days back", "oldest day",
                "oldest / last", "factor per day back, days 1-49", "factor per day back, whole window");
        for (ArticleRun r : runs) {
            double[] g = r.gradientByDistance();
            int n = g.length;
            double[] byStep = new double[n];
            for (int i = 0; i < n; i++) {
                byStep[i] = g[n - 1 - i];
            }
            StepGradientNorms norms = new StepGradientNorms(byStep);
            double near = n > 2 ? norms.logSlope(1, Math.min(n, 50)) : Double.NaN;
            double whole = n > 2 ? norms.logSlope(1, n) : Double.NaN;
            t.row(r.cell().displayName(), r.lookBack(), Table.num(g[0], 3), n > 10 ? Table.num(g[10], 3) : "n/a",
                    Table.num(g[n - 1], 3), Table.num(g[n - 1] / g[0], 3), Table.num(Math.exp(near), 3),
                    Table.num(Math.exp(whole), 3));
        }
        return t.build();
    }

    /** @return the gradients at the longest look-back, as measured, and what they do not show */
    private static String gradientVerdict(List<ArticleRun> runs) {
        int longest = runs.stream().mapToInt(ArticleRun::lookBack).max().orElse(0);
        List<ArticleRun> atLongest = runs.stream().filter(r -> r.lookBack() == longest).toList();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "At look-back %d the oldest day's gradient relative to "
                + "the last day's is ", longest));
        sb.append(String.join(", ", atLongest.stream().map(r -> r.cell().displayName() + " "
                + (ratio(r) == 0 ? "0 (below float32's range)" : Table.num(ratio(r), 3))).toList()));
        return sb.append(". On random weather there is nothing to remember, and every cell's gradient fades to almost "
                + "nothing across the window; which one fades least says nothing about what gates buy, because a trained "
                + "network that has learned that old days do not matter has no reason to keep their gradient. `rnnkit memory` "
                + "measures what each cell can learn across a given distance. The factor per day back is a least-squares fit of "
                + "log ‖∂L/∂x_t‖ against distance, over days 1-49 and over the whole window; they differ where the decay is not "
                + "geometric.").toString();
    }

    private static double ratio(ArticleRun r) {
        double[] g = r.gradientByDistance();
        return g[g.length - 1] / g[0];
    }

    static Table seattleTable(List<SeattleRun> runs) {
        Table.Builder t = Table.builder("cell", "parameters", "epochs run", "best epoch", "test accuracy", "majority",
                "persistence", "markov", "against the baselines (McNemar, 5 %)");
        for (SeattleRun r : runs) {
            var b = r.evaluation().baselines();
            t.row(r.cell().displayName(), r.params(), r.history().epochs().size(), r.history().bestEpoch(),
                    Table.fixed(r.evaluation().model().accuracy(), 3), acc(b.get("majority class")), acc(b.get("persistence")),
                    acc(b.get("Markov chain")), r.evaluation().summary());
        }
        return t.build();
    }

    private static String acc(ClassificationMetrics m) {
        return m == null ? "n/a" : Table.fixed(m.accuracy(), 3);
    }

    static Table confusionTable(SeattleRun r) {
        ClassificationMetrics m = r.evaluation().model();
        List<String> header = new ArrayList<>(List.of("actual"));
        m.classes().forEach(c -> header.add("forecast_" + c));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < m.classes().size(); i++) {
            List<String> row = new ArrayList<>(List.of(m.classes().get(i)));
            for (int j = 0; j < m.classes().size(); j++) {
                row.add("" + m.confusion()[i][j]);
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static double last(List<Double> xs) {
        return xs.isEmpty() ? Double.NaN : xs.get(xs.size() - 1);
    }
}

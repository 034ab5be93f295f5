package io.github.rnnkit.apps.train;

import io.github.rnnkit.core.diag.SpectralRadius;
import io.github.rnnkit.apps.common.EvaluationMarkdown;
import io.github.rnnkit.core.spec.ModelSpec;
import io.github.rnnkit.core.train.TrainingHistory;
import io.github.rnnkit.data.prep.CategoricalDataset;
import io.github.rnnkit.data.prep.PriceDataset;
import io.github.rnnkit.data.prep.WindowedDataset;
import io.github.rnnkit.data.series.TimeIndex;
import io.github.rnnkit.data.split.IndexRange;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.Locale;

/** report.md of a training run: data, spec, training, test results next to baselines, verdict. */
final class TrainReport {
    private TrainReport() {
    }

    static String markdown(TrainOptions o, ModelSpec spec, long params, WindowedDataset data, TrainResult r,
                           TrainApp.Diagnostics diag) {
        TimeIndex index = data instanceof CategoricalDataset c ? c.series().index() : ((PriceDataset) data).series().index();
        StringBuilder sb = new StringBuilder();
        sb.append("# rnnkit train: ").append(spec.cell()).append(" on ").append(o.input().sourceName()).append(" (")
                .append(String.join(", ", o.input().resolvedColumns())).append(")\n\n");
        sb.append("## Data\n\n");
        sb.append("- source: `").append(o.input().sourceName()).append("`, ").append(index.length()).append(" steps")
                .append(index.hasDates() ? ", " + index.date(0) + " .. " + index.date(index.length() - 1) : "").append('\n');
        sb.append("- window: ").append(data.window().describe()).append('\n');
        part(sb, "train", data.split().train(), data.train(), index);
        part(sb, "validation", data.split().validation(), data.validation(), index);
        part(sb, "test", data.split().test(), data.test(), index);
        if (data instanceof CategoricalDataset c) {
            sb.append("- categories (from the training part): ").append(String.join(", ", c.vocabulary().categories())).append('\n');
        } else {
            sb.append("- scaling: ").append(((PriceDataset) data).targetScaler().describe()).append(" (fitted on the training part)\n");
            ((PriceDataset) data).testRangeWarning().ifPresent(w -> sb.append("- **warning:** ").append(w).append('\n'));
        }
        sb.append("\n## Model\n\n");
        sb.append(String.format(Locale.ROOT, "- %s, hidden %s%s, %s, %d parameters%n", spec.cell(), spec.hiddenSizes(),
                spec.bidirectional() ? " per direction, bidirectional" : "", spec.topology(), params));
        sb.append(String.format(Locale.ROOT, "- Adam, learning rate %s, batch %d, dropout %s, seed %d%n", spec.learningRate(),
                o.batchSize(), spec.dropout(), spec.seed()));
        sb.append("- truncated BPTT: ").append(spec.tbptt() == null ? "off (full BPTT)"
                : "forward " + spec.tbptt().forward() + ", backward " + spec.tbptt().backward()).append('\n');
        sb.append("- gradient clipping: ").append(spec.clipping().enabled() ? spec.clipping().describe() : "off").append('\n');
        TrainingHistory h = r.history();
        double seconds = h.totalSeconds();
        sb.append(String.format(Locale.ROOT, "- trained %d of %d epochs in %.1f s%s; kept epoch %d (lowest validation loss)%n",
                h.epochs().size(), o.epochs(), seconds, h.stoppedEarly() ? ", stopped early" : "", h.bestEpoch()));
        sb.append("\n## Test part: model against baselines\n\n");
        sb.append(r.categorical() != null ? EvaluationMarkdown.categorical(r.categorical()) : EvaluationMarkdown.price(r.price()));
        sb.append("\n## Verdict\n\n").append(EvaluationMarkdown.verdict(r.comparisons()));
        diagnostics(sb, spec, diag);
        sb.append("\nFiles: `model/` (the bundle), `history.csv` (per epoch), `model/iterations.csv` (per update), "
                + "`clipping.csv` (gradient norms per update and layer, before and after clipping), `gradients.csv` "
                + "(‖∂L/∂x_t‖ by distance from the last step).\n");
        return sb.toString();
    }

    private static void diagnostics(StringBuilder sb, ModelSpec spec, TrainApp.Diagnostics d) {
        sb.append("\n## Diagnostics\n\n");
        sb.append("Spectral radius (largest |eigenvalue|) of each block of the recurrent weights. ")
                .append(SpectralRadius.meaning(spec.cell())).append("\n\n");
        sb.append("| layer | gate | at init | trained |\n|---|---|---:|---:|\n");
        for (int i = 0; i < d.radiiAtInit().size(); i++) {
            var a = d.radiiAtInit().get(i);
            var b = d.radiiTrained().get(i);
            for (int g = 0; g < a.gates().size(); g++) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.3f |%n", a.layer(), a.gates().get(g),
                        a.radius()[g], b.radius()[g]));
            }
        }
        double[] g = d.gradients().byDistance();
        sb.append("\nMean ‖∂L/∂x_t‖ on test windows, by distance from the last step:\n\n| distance | norm |\n|---:|---:|\n");
        for (int k = 0; k < g.length; k = k < 4 ? k + 1 : k * 2) {
            sb.append(String.format(Locale.ROOT, "| %d | %.3g |%n", k, g[k]));
        }
        if (g.length > 2) {
            sb.append(String.format(Locale.ROOT, "%nOver distances 1..%d the norm changes by a factor of %.3f per step back.%n",
                    g.length - 1, Math.exp(d.gradients().logSlope(1, g.length))));
        }
        sb.append(spec.clipping().enabled()
                ? String.format(Locale.ROOT, "%nGradient clipping changed the gradient in %.1f %% of (update, layer) pairs.%n",
                        100 * d.clippedFraction())
                : "\nGradient clipping was off.\n");
    }

    private static void part(StringBuilder sb, String name, IndexRange range, SequenceSet windows, TimeIndex index) {
        sb.append(String.format(Locale.ROOT, "- %s: %d steps%s, %d windows%n", name, range.length(),
                range.isEmpty() || !index.hasDates() ? "" : " (" + index.date(range.from()) + " .. " + index.date(range.to() - 1) + ")",
                windows.size()));
    }
}

package io.github.rnnkit.apps.model;

import io.github.rnnkit.apps.common.SeriesInput;
import io.github.rnnkit.apps.common.SeriesInputOptions;
import io.github.rnnkit.core.bundle.ModelBundle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --model DIR} and the series to apply it to; the columns default to the model's. */
public final class ModelInputOptions {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "a model bundle (train's DIR/model, or DIR)")
    Path model;

    @Mixin
    SeriesInputOptions input;

    /** @return the bundle folder (train's {@code DIR/model} when given {@code DIR}) */
    public Path bundle() {
        return BundlePath.resolve(model);
    }

    /** @return the series, with the model's columns unless others were named */
    public SeriesInput series() {
        Path dir = bundle();
        if (io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.isBundle(dir)) {
            return input.toInput(java.util.List.of(io.github.rnnkit.core.seq2seq.Seq2SeqForecaster.load(dir).column()));
        }
        return input.toInput(ModelBundle.load(dir).data().columns());
    }
}

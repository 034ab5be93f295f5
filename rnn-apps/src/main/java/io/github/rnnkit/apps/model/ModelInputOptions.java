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
        return input.toInput(ModelBundle.load(bundle()).data().columns());
    }
}

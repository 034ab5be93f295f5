package io.github.rnnkit.apps.common;

import io.github.rnnkit.data.split.SplitFractions;
import picocli.CommandLine.Option;

/** The options that shape windows and the split: {@code --look-back}, {@code --horizon}, {@code --split}. */
public final class WindowOptions {
    /** {@code --look-back}: input steps per window. */
    @Option(names = "--look-back", converter = OptionValues.Positive.class, defaultValue = "10", paramLabel = "N", description = "input steps per window (default: ${DEFAULT-VALUE})")
    public int lookBack;

    /** {@code --horizon}: steps forecast (prices). */
    @Option(names = "--horizon", converter = OptionValues.Positive.class, defaultValue = "1", paramLabel = "H",
            description = "prices: steps to forecast; above 1 means seq2seq (default: ${DEFAULT-VALUE})")
    public int horizon;

    @Option(names = "--split", defaultValue = "0.7,0.15,0.15", paramLabel = "F",
            description = "train,validation,test fractions (default: ${DEFAULT-VALUE})")
    String split;

    /** @return the parsed split */
    public SplitFractions split() {
        return SplitFractions.parse(split);
    }
}

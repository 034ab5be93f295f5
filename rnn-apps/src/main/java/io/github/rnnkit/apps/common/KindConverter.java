package io.github.rnnkit.apps.common;

import io.github.rnnkit.data.series.SeriesKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Reads {@code --kind categorical|price}. */
public final class KindConverter implements ITypeConverter<SeriesKind> {
    @Override
    public SeriesKind convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "categorical" -> SeriesKind.CATEGORICAL;
            case "price" -> SeriesKind.PRICE;
            default -> throw new TypeConversionException("'" + value + "' is not a kind; expected categorical or price");
        };
    }
}

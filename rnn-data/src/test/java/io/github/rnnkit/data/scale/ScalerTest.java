package io.github.rnnkit.data.scale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScalerTest {
    private static final double[] TRAIN = {10, 12, 11, 15, 14};
    private static final double[] LATER = {16, 13, 20, 9.5};

    @ParameterizedTest
    @EnumSource(ScalerKind.class)
    void fittedOnTrainInvertsExactlyOnLaterData(ScalerKind kind) {
        Scaler s = kind.fit(TRAIN);
        double[] scaled = s.transform(LATER);
        assertEquals(LATER.length - s.lag(), scaled.length);
        double[] back = new double[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            int step = i + s.lag();
            back[i] = s.inverseStep(scaled[i], step > 0 ? LATER[step - 1] : Double.NaN);
        }
        assertArrayEquals(Arrays.copyOfRange(LATER, s.lag(), LATER.length), back, 1e-12);
        double[] path = s.inversePath(scaled, s.lag() == 1 ? LATER[0] : Double.NaN);
        assertArrayEquals(Arrays.copyOfRange(LATER, s.lag(), LATER.length), path, 1e-12);
    }

    @Test
    void minMaxUsesTheTrainingRangeOnly() {
        Scaler s = ScalerKind.MIN_MAX.fit(TRAIN);
        assertEquals(new MinMaxScaler(10, 15), s);
        assertArrayEquals(new double[]{1.2, 0.6, 2.0, -0.1}, s.transform(LATER), 1e-12);
    }

    @Test
    void zScoreUsesTrainingMeanAndPopulationStd() {
        ZScoreScaler s = (ZScoreScaler) ScalerKind.Z_SCORE.fit(TRAIN);
        assertEquals(12.4, s.mean(), 1e-12);
        assertEquals(Math.sqrt((5.76 + 0.16 + 1.96 + 6.76 + 2.56) / 5), s.std(), 1e-12);
    }

    @Test
    void logReturnsAreStandardisedWithTrainingReturns() {
        LogReturnScaler s = (LogReturnScaler) ScalerKind.LOG_RETURNS.fit(new double[]{100, 110, 99});
        double r1 = Math.log(1.1);
        double r2 = Math.log(0.9);
        assertEquals((r1 + r2) / 2, s.mean(), 1e-15);
        assertEquals(Math.abs(r1 - r2) / 2, s.std(), 1e-15);
        assertArrayEquals(new double[]{1, -1}, s.transform(new double[]{100, 110, 99}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.transform(new double[]{1, 0}));
    }

    @Test
    void constantTrainingDataStaysInvertible() {
        for (ScalerKind k : ScalerKind.values()) {
            Scaler s = k.fit(new double[]{5, 5, 5});
            double[] y = s.transform(new double[]{5, 6});
            assertEquals(6, s.inverseStep(y[y.length - 1], 5), 1e-12, k.name());
        }
    }

    @Test
    void parsesCommandLineNames() {
        assertEquals(ScalerKind.LOG_RETURNS, ScalerKind.parse("log-returns"));
        assertEquals(ScalerKind.MIN_MAX, ScalerKind.parse("MIN_MAX"));
        assertThrows(IllegalArgumentException.class, () -> ScalerKind.parse("robust"));
    }

    /** Issue 14 item 4: one close of 1e308 made the standard deviation overflow to Infinity. */
    @Test
    void zScoreStatisticsStayFiniteUpToTheLargestDouble() {
        double[] train = {100, 101, 99, 1e308, 100};
        ZScoreScaler z = (ZScoreScaler) ScalerKind.Z_SCORE.fit(train);
        assertTrue(Double.isFinite(z.mean()) && Double.isFinite(z.std()), z.toString());
        double[] scaled = z.transform(train);
        assertTrue(Arrays.stream(scaled).allMatch(Double::isFinite), Arrays.toString(scaled));
        assertEquals(1e308, z.inverseStep(scaled[3], 0), 1e295);
        // ordinary values: the same statistics as the textbook formula
        ZScoreScaler small = (ZScoreScaler) ScalerKind.Z_SCORE.fit(new double[]{1, 2, 3, 4});
        assertEquals(2.5, small.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), small.std(), 1e-12);
    }

    @Test
    void unusableStatisticsAreRefused() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> ScalerKind.MIN_MAX.fit(new double[]{-1e308, 1e308}));
        assertTrue(range.getMessage().contains("finite range"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ZScoreScaler(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ZScoreScaler(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new LogReturnScaler(0, -5));
        assertThrows(IllegalArgumentException.class, () -> new MinMaxScaler(3, 1));
    }
}

package io.github.rnnkit.core.eval;

/**
 * McNemar's exact test of two forecasters on the same cases: of the cases where exactly one of
 * them is right, are they right equally often? Returns the two-sided p-value of the binomial
 * test on those discordant cases (1 when there are none).
 */
public final class McNemar {
    private McNemar() {
    }

    /**
     * @param aRightBWrong cases the first forecaster gets right and the second wrong
     * @param aWrongBRight cases the other way round
     * @return the two-sided p-value of McNemar's test with continuity correction (1 when both counts are 0)
     */
    public static double pValue(int aRightBWrong, int aWrongBRight) {
        int n = aRightBWrong + aWrongBRight;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(aRightBWrong, aWrongBRight);
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * tail);
    }

    /**
     * @param truth the true class codes
     * @param a the first forecaster's class codes
     * @param b the second forecaster's class codes
     * @return the p-value for two forecasts of the same truth
     */
    public static double pValue(int[] truth, int[] a, int[] b) {
        int ab = 0;
        int ba = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean ra = a[i] == truth[i];
            boolean rb = b[i] == truth[i];
            ab += ra && !rb ? 1 : 0;
            ba += !ra && rb ? 1 : 0;
        }
        return pValue(ab, ba);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}

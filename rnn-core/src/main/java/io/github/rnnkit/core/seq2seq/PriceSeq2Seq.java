package io.github.rnnkit.core.seq2seq;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-step price forecasting with an encoder-decoder. Each window is put on a relative scale:
 * the log of every price over the window's last observed price, divided by σ, the standard
 * deviation of daily log returns fitted on the training part only, so that a value of 1 is a
 * typical day's move and the last observed price is 0. The encoder reads the W relative prices;
 * the decoder's input at step 0 is the last observed value (0) and at step k the true relative
 * price of day k (teacher forcing), or its own prediction when decoding; it predicts days 1..H.
 */
public final class PriceSeq2Seq {
    private PriceSeq2Seq() {
    }

    /**
     * Windows of one series on the relative scale.
     *
     * @param source    per window the W relative prices {@code [n][W]}
     * @param target    per window the next H relative prices {@code [n][H]}
     * @param last      per window its last observed price (price scale)
     * @param lastIndex per window the index of that price in the series
     * @param sigma     the scale σ used
     */
    public record Windows(double[][] source, double[][] target, double[] last, int[] lastIndex, double sigma) {
        /** @return the number of windows */
        public int size() {
            return last.length;
        }

        /**
         * @param relative relative predictions {@code [n][H]}
         * @return them on the price scale: last · exp(σ · value)
         */
        public double[][] toPrices(double[][] relative) {
            double[][] out = new double[relative.length][];
            for (int i = 0; i < relative.length; i++) {
                out[i] = new double[relative[i].length];
                for (int k = 0; k < relative[i].length; k++) {
                    out[i][k] = last[i] * Math.exp(sigma * relative[i][k]);
                }
            }
            return out;
        }

        /** @return the true future prices {@code [n][H]} */
        public double[][] truePrices() {
            return toPrices(target);
        }
    }

    /**
     * The windows of a chronological 70/15/15 split: training windows lie in the first 70 % of
     * the series, validation and test targets in the next 15 % each (their windows may read the
     * part before); σ is fitted on the training part.
     *
     * @param train      training windows
     * @param validation validation windows
     * @param test       test windows
     * @param sigma      the scale
     */
    public record Parts(Windows train, Windows validation, Windows test, double sigma) {
    }

    /**
     * @param prices  the series, all positive
     * @param window  W
     * @param horizon H
     * @return the windows of the 70/15/15 split
     * @throws IllegalArgumentException when a part is too short for one window
     */
    public static Parts chronological(double[] prices, int window, int horizon) {
        int n = prices.length;
        int trainEnd = Chronological.trainEnd(n);
        int valEnd = Chronological.validationEnd(n);
        Chronological.requireRoom(n, window, horizon);
        double sigma = returnScale(prices, 0, trainEnd);
        return new Parts(windows(prices, 0, trainEnd, window, horizon, sigma),
                windows(prices, trainEnd - window, valEnd, window, horizon, sigma),
                windows(prices, valEnd - window, n, window, horizon, sigma), sigma);
    }

    /**
     * @param prices the series, all positive
     * @param from   first index of the part (inclusive)
     * @param to     end of the part (exclusive)
     * @return the standard deviation of the daily log returns inside the part
     * @throws IllegalArgumentException when the part has fewer than 3 prices or a price is not positive
     */
    public static double returnScale(double[] prices, int from, int to) {
        if (to - from < 3) {
            throw new IllegalArgumentException("fitting the scale needs at least 3 prices, got " + (to - from));
        }
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int t = from + 1; t < to; t++) {
            double r = Math.log(positive(prices, t) / positive(prices, t - 1));
            sum += r;
            sq += r * r;
            n++;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
        return sd > 0 ? sd : 1;
    }

    /**
     * Every window of W observed and H future prices lying wholly inside {@code [from, to)}.
     *
     * @param prices  the series
     * @param from    first index (inclusive)
     * @param to      end (exclusive)
     * @param window  W
     * @param horizon H
     * @param sigma   the scale from {@link #returnScale} on the training part
     * @return the windows (none when the part is shorter than W + H)
     */
    public static Windows windows(double[] prices, int from, int to, int window, int horizon, double sigma) {
        if (window < 1 || horizon < 1 || !(sigma > 0)) {
            throw new IllegalArgumentException("window and horizon must be at least 1 and the scale positive; got " + window
                    + ", " + horizon + ", " + sigma);
        }
        int n = Math.max(0, to - from - window - horizon + 1);
        double[][] source = new double[n][window];
        double[][] target = new double[n][horizon];
        double[] last = new double[n];
        int[] lastIndex = new int[n];
        for (int i = 0; i < n; i++) {
            int end = from + i + window - 1;
            double p = positive(prices, end);
            last[i] = p;
            lastIndex[i] = end;
            for (int t = 0; t < window; t++) {
                source[i][t] = Math.log(positive(prices, from + i + t) / p) / sigma;
            }
            for (int k = 0; k < horizon; k++) {
                target[i][k] = Math.log(positive(prices, end + 1 + k) / p) / sigma;
            }
        }
        return new Windows(source, target, last, lastIndex, sigma);
    }

    /**
     * @param w windows
     * @return teacher-forced training data for an encoder-decoder of 1 source feature and 1 output:
     *         packed features {@code [n, 2, W + H]} and labels {@code [n, 1, H]}
     */
    public static DataSet teacherForced(Windows w) {
        int n = w.size();
        int horizon = w.target()[0].length;
        INDArray input = Nd4j.zeros(DataType.FLOAT, n, 1, horizon);
        for (int i = 0; i < n; i++) {
            for (int k = 1; k < horizon; k++) {
                input.putScalar(i, 0, k, w.target()[i][k - 1]);
            }
        }
        return new DataSet(Seq2SeqArrays.pack(sources(w), input), labels(w));
    }

    /**
     * @param w windows
     * @return the same windows for a network that reads only the source and outputs H values
     *         ({@code RepeatVector} seq2seq): features {@code [n, 1, W]}, labels {@code [n, 1, H]}
     */
    public static DataSet sourceOnly(Windows w) {
        return new DataSet(sources(w), labels(w));
    }

    /**
     * Autoregressive forecasts: greedy decoding from the last observed value, each day's
     * prediction fed back as the next day's input.
     *
     * @param net an encoder-decoder trained on {@link #teacherForced} data
     * @param w   windows
     * @return relative predictions {@code [n][H]}
     */
    public static double[][] forecast(MultiLayerNetwork net, Windows w) {
        int n = w.size();
        int horizon = w.target()[0].length;
        Seq2SeqDecoder.Decoded d = Seq2SeqDecoder.of(net).greedy(sources(w), null, new double[]{0}, horizon, -1);
        double[][] out = new double[n][horizon];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < horizon; k++) {
                out[i][k] = d.outputs()[i][k][0];
            }
        }
        return out;
    }

    /**
     * @param a values {@code [n][H]}
     * @param b values of the same shape
     * @return the mean of the squared differences (0 for no values)
     */
    public static double meanSquaredError(double[][] a, double[][] b) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                double d = a[i][k] - b[i][k];
                s += d * d;
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /** @return the windows' targets {@code [n, 1, H]} */
    private static INDArray labels(Windows w) {
        int horizon = w.target()[0].length;
        INDArray labels = Nd4j.zeros(DataType.FLOAT, w.size(), 1, horizon);
        for (int i = 0; i < w.size(); i++) {
            for (int k = 0; k < horizon; k++) {
                labels.putScalar(i, 0, k, w.target()[i][k]);
            }
        }
        return labels;
    }

    /** @return the windows' source values {@code [n, 1, W]} */
    private static INDArray sources(Windows w) {
        int window = w.source()[0].length;
        INDArray source = Nd4j.zeros(DataType.FLOAT, w.size(), 1, window);
        for (int i = 0; i < w.size(); i++) {
            for (int t = 0; t < window; t++) {
                source.putScalar(i, 0, t, w.source()[i][t]);
            }
        }
        return source;
    }

    private static double positive(double[] prices, int t) {
        double p = prices[t];
        if (!(p > 0) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("price at index " + t + " is " + p + "; relative log prices need positive prices");
        }
        return p;
    }
}

package io.github.rnnkit.apps.stock;

import java.util.List;

/**
 * The seed article's toy: a one-unit vanilla RNN with made-up weights reading a few prices.
 * <pre>
 *   h_t = tanh(Wx · x_t + Wh · h_{t-1} + b),   h_0 = 0
 *   y   = W_out · h_T + b_out                  (the forecast of the next price)
 * </pre>
 *
 * @param prices the input prices x_1..x_T, oldest first
 * @param wx     input weight
 * @param wh     recurrent weight
 * @param b      hidden bias
 * @param wOut   output weight
 * @param bOut   output bias
 */
public record ToyRnn(List<Double> prices, double wx, double wh, double b, double wOut, double bOut) {
    /**
     * Checks that there is at least one price and every value is finite.
     *
     * @param prices the input prices x_1..x_T, oldest first
     * @param wx input weight
     * @param wh recurrent weight
     * @param b hidden bias
     * @param wOut output weight
     * @param bOut output bias
     */
    public ToyRnn {
        prices = List.copyOf(prices);
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("--prices needs at least one price");
        }
        for (double v : new double[]{wx, wh, b, wOut, bOut}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("toy weights must be finite numbers");
            }
        }
        if (prices.stream().anyMatch(p -> !Double.isFinite(p))) {
            throw new IllegalArgumentException("--prices must be finite numbers; got " + prices);
        }
    }

    /**
     * The article's set-up: the network unrolled twice, yesterday's and today's price (both 0) in,
     * tomorrow's out, with made-up weights and no biases, so that the forecast is 0 as in the
     * article; Wh = 0.5 is the article's vanishing factor, so 0.5^49 follows from the backward pass.
     */
    public static final ToyRnn DEFAULT = new ToyRnn(List.of(0.0, 0.0), 0.5, 0.5, 0.0, 2.0, 0.0);
}

package io.github.rnnkit.apps.stock;

import io.github.rnnkit.apps.common.CellRun;
import io.github.rnnkit.core.diag.GradientDiagnostics;
import io.github.rnnkit.core.diag.SpectralRadius;
import io.github.rnnkit.core.diag.StepGradientNorms;
import io.github.rnnkit.core.net.RnnNetwork;
import io.github.rnnkit.data.window.SequenceSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Why vanilla RNNs break, measured: backpropagating through T steps multiplies the gradient by the
 * recurrent Jacobian T times, so its size scales like ρ^T for a recurrent matrix of spectral radius
 * ρ (times tanh's slope, at most 1). Takes a trained vanilla RNN, rescales its recurrent matrix to
 * radii below and above 1, and measures ‖∂L/∂x_t‖ against distance.
 *
 * @param steps      the sequence length the decay is measured over
 * @param trained    the network as trained, with its own radius
 * @param rescaled   the same network with its recurrent matrix rescaled, one per radius asked for
 */
public record GradientDecay(int steps, RadiusRun trained, List<RadiusRun> rescaled) {

    /**
     * One measurement.
     *
     * @param radius        spectral radius of the recurrent matrix
     * @param byDistance    mean ‖∂L/∂x_t‖, element d at d steps before the last input
     * @param factorPerStep exp of the least-squares slope of ln‖∂L/∂x_t‖ over distances 1..T-1
     */
    public record RadiusRun(double radius, double[] byDistance, double factorPerStep) {
        /** @return the measured ratio between the oldest and the newest step's gradient */
        public double oldestOverNewest() {
            return byDistance[byDistance.length - 1] / byDistance[0];
        }
    }

    /**
     * ρ^(T-1): how a product of T-1 Jacobians of radius ρ scales, ignoring tanh.
     *
     * @param radius the spectral radius ρ
     * @param steps T
     * @return ρ^(T-1)
     */
    public static double theory(double radius, int steps) {
        return Math.pow(radius, steps - 1);
    }

    /**
     * @param vanilla  a trained one-layer vanilla RNN
     * @param windows  windows of {@code steps} steps to measure on (at most 64 are used)
     * @param radii    the radii to rescale to
     * @return the measured decay for each radius, beside the theory
     */
    public static GradientDecay measure(CellRun vanilla, SequenceSet windows, double... radii) {
        SequenceSet probe = windows.subset(0, Math.min(64, windows.size()));
        int steps = probe.get(0).length();
        double own = SpectralRadius.of(vanilla.net()).get(0).radius()[0];
        RadiusRun trained = run(vanilla.net(), probe, own);
        List<RadiusRun> runs = new ArrayList<>();
        for (double r : radii) {
            RnnNetwork copy = vanilla.net().clone();
            copy.getLayer(0).getParam("RW").muli(r / own);
            runs.add(run(copy, probe, SpectralRadius.of(copy).get(0).radius()[0]));
        }
        return new GradientDecay(steps, trained, runs);
    }

    private static RadiusRun run(RnnNetwork net, SequenceSet probe, double radius) {
        StepGradientNorms g = GradientDiagnostics.inputGradientNorms(net, probe.toDataSet());
        return new RadiusRun(radius, g.byDistance(), Math.exp(g.logSlope(1, g.byStep().length)));
    }
}

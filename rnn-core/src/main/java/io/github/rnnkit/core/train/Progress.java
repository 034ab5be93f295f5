package io.github.rnnkit.core.train;

/** Receives training progress; {@link ProgressBar} draws it on a terminal. */
public interface Progress {
    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void update(int epoch, int epochs, double fraction, double loss, double validationLoss) {
        }

        @Override
        public void finish() {
        }
    };

    /**
     * @param epoch          current epoch, 1-based
     * @param epochs         epochs planned
     * @param fraction       share of all planned work done, in [0, 1]
     * @param loss           latest training loss
     * @param validationLoss latest validation loss, or NaN before the first
     */
    void update(int epoch, int epochs, double fraction, double loss, double validationLoss);

    /** Training ended. */
    void finish();
}

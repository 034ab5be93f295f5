package io.github.rnnkit.core.run;

/**
 * A distributed engine's way in, found with {@link java.util.ServiceLoader} when its module is on
 * the class path (the {@code rnn-spark} module provides one for Apache Spark).
 */
public interface PlanRunnerProvider {
    /**
     * @param master where to run, e.g. {@code local[2]} or {@code spark://host:7077}
     * @return true when this provider runs plans on such a master
     */
    boolean accepts(String master);

    /**
     * @param master where to run
     * @return a started runner; the caller closes it
     */
    PlanRunner open(String master);
}

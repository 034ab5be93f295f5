/**
 * Example main classes, one per topic, each a short program over the public API whose {@code main}
 * calls a {@code run} that returns what a test checks. Run one from an IDE, with {@code ./rnnkit
 * example NAME [--quick]}, or with {@code mvn -q -pl rnn-apps exec:java
 * -Dexec.mainClass=io.github.rnnkit.examples.NAME}; {@link io.github.rnnkit.examples.Examples}
 * lists them.
 */
package io.github.rnnkit.examples;

/**
 * The {@code rnnkit example} command, which runs the example main classes of {@link
 * io.github.rnnkit.examples}.
 */
package io.github.rnnkit.apps.example;

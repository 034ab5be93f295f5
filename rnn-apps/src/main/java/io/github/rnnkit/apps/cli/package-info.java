/**
 * The {@code rnnkit} command line: the top-level command, its subcommands and the handler that
 * turns bad input into one line and exit status 2.
 */
package io.github.rnnkit.apps.cli;

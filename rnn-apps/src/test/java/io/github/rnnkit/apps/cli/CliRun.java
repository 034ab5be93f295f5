package io.github.rnnkit.apps.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in-process, with what it printed.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
public record CliRun(int status, String out, String err) {
    /** Runs {@code rnnkit args...}. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = RnnkitCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}

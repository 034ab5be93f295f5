package io.github.rnnkit.apps.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns failures into one line on standard error. Bad input (an unknown option, a wrong value,
 * a bad file) exits with {@link #BAD_INPUT}; anything else is a bug in rnnkit and exits 1, with
 * the stack trace only when {@code RNNKIT_DEBUG} is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit status for bad input. */
    static final int BAD_INPUT = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(prefix(cl) + "error: " + e.getMessage());
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            err.println(prefix(cl) + "error: " + e.getMessage());
            return BAD_INPUT;
        }
        err.println(prefix(cl) + "internal error: " + e + " (set RNNKIT_DEBUG=1 for the stack trace)");
        if (System.getenv("RNNKIT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return 1;
    }

    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName() + ": ";
    }
}

package io.github.rnnkit.apps.cli;

import io.github.rnnkit.core.output.FolderBusyException;
import io.github.rnnkit.core.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns failures into one line on standard error and an exit status with a meaning:
 * <ul>
 *   <li>{@value #BAD_INPUT}: bad input or options (an unknown option, a wrong value, a bad file,
 *       a request that cannot fit in memory), with the file, line, column or option named;</li>
 *   <li>{@value #DIVERGED}: training diverged (the loss became NaN or infinite), with advice;</li>
 *   <li>{@value #BUSY}: another rnnkit process is writing the same output folder;</li>
 *   <li>1: a bug in rnnkit, with the stack trace only when {@code RNNKIT_DEBUG} is set.</li>
 * </ul>
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit status for bad input. */
    static final int BAD_INPUT = 2;
    /** Exit status when training diverged. */
    static final int DIVERGED = 3;
    /** Exit status when another process writes the same output folder. */
    static final int BUSY = 4;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(prefix(cl) + "error: " + oneLine(e.getMessage()) + " (see '" + cl.getCommandSpec().qualifiedName()
                + " --help')");
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ParameterException p) {
            return handleParseException(p, parsed.originalArgs().toArray(new String[0]));
        }
        if (e instanceof TrainingDivergedException) {
            err.println(prefix(cl) + "error: " + oneLine(e.getMessage()));
            return DIVERGED;
        }
        if (e instanceof FolderBusyException) {
            err.println(prefix(cl) + "error: " + oneLine(e.getMessage()));
            return BUSY;
        }
        if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
            err.println(prefix(cl) + "error: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        if (String.valueOf(e.getMessage()).contains("bad_alloc")) {
            err.println(prefix(cl) + "error: " + OUT_OF_MEMORY);
            return BAD_INPUT;
        }
        err.println(prefix(cl) + "internal error: " + e + " (set RNNKIT_DEBUG=1 for the stack trace)");
        if (System.getenv("RNNKIT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return 1;
    }

    static final String OUT_OF_MEMORY = "out of memory: the request needs more memory than this JVM may use; "
            + "lower --batch, --hidden, the look-back or the data size (or raise the limits in RNNKIT_JAVA_OPTS)";

    /** Runs the parsed command, turning an {@link OutOfMemoryError} (an Error, which picocli lets through) into exit 2. */
    static int execute(ParseResult parsed, CommandLine.IExecutionStrategy inner) {
        try {
            return inner.execute(parsed);
        } catch (OutOfMemoryError e) {
            CommandLine cl = parsed.subcommand() != null ? parsed.subcommand().commandSpec().commandLine()
                    : parsed.commandSpec().commandLine();
            cl.getErr().println(prefix(cl) + "error: " + OUT_OF_MEMORY);
            cl.getErr().flush();
            return BAD_INPUT;
        }
    }

    /** Messages quote user input, which may hold line breaks; the error stays one line. */
    private static String oneLine(String message) {
        return String.valueOf(message).replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName() + ": ";
    }
}

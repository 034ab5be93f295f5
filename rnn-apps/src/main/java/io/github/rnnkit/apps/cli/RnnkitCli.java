package io.github.rnnkit.apps.cli;

import io.github.rnnkit.apps.bench.BenchCommand;
import io.github.rnnkit.apps.compare.CompareCommand;
import io.github.rnnkit.apps.data.DataCommand;
import io.github.rnnkit.apps.example.ExampleCommand;
import io.github.rnnkit.apps.forward.ForwardCommand;
import io.github.rnnkit.apps.memory.MemoryCommand;
import io.github.rnnkit.apps.parallel.ParallelCommand;
import io.github.rnnkit.apps.model.EvaluateCommand;
import io.github.rnnkit.apps.model.PredictCommand;
import io.github.rnnkit.apps.torch.ImportTorchCommand;
import io.github.rnnkit.apps.stock.StockCommand;
import io.github.rnnkit.apps.train.TrainCommand;
import io.github.rnnkit.apps.weather.WeatherCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rnnkit} command line. Each subcommand parses its options and calls an app's
 * {@code run}; bad input of any kind ends with a one-line error and exit status 2.
 */
@Command(name = "rnnkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Recurrent sequence models (vanilla RNN, LSTM, GRU) on Deeplearning4j.",
        subcommands = {DataCommand.class, TrainCommand.class, PredictCommand.class, EvaluateCommand.class,
                ImportTorchCommand.class, ForwardCommand.class, BenchCommand.class, io.github.rnnkit.apps.bench.E2eCommand.class, WeatherCommand.class, StockCommand.class,
                CompareCommand.class, MemoryCommand.class, ParallelCommand.class, io.github.rnnkit.apps.seq2seq.Seq2SeqCommand.class, io.github.rnnkit.apps.sweep.SweepCommand.class, io.github.rnnkit.apps.many.ManySeriesCommand.class, ExampleCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'rnnkit COMMAND --help' for a command's options."})
public final class RnnkitCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return a configured command line (tests call {@code execute} on it) */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RnnkitCli());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Split lists on commas only: picocli's quote handling warned, naming Java fields, about a '"' in a value.
        cl.setSplitQuotedStrings(true);
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> ErrorHandler.execute(parsed, runLast));
        return cl;
    }

    /**
     * Runs the command line and exits with its status (2 for bad input).
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

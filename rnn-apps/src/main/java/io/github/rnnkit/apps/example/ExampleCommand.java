package io.github.rnnkit.apps.example;

import io.github.rnnkit.examples.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rnnkit example}: runs one of the example main classes of {@code io.github.rnnkit.examples}. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = {"Run an example main class of io.github.rnnkit.examples (the same code an IDE runs).",
                "'rnnkit example --list' lists them; arguments after NAME go to its main (e.g. --quick)."})
public final class ExampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "list the examples, one line each")
    boolean list;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the example's class name, e.g. WeatherForecast")
    String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS", description = "arguments for the example's main")
    List<String> args = new ArrayList<>();

    @Option(names = "--quick", description = "a few seconds' run at tiny size")
    boolean quick;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (list || name == null) {
            for (Examples.Entry e : Examples.ALL) {
                w.printf("%-16s %s%n", e.name(), e.summary());
            }
            w.flush();
            if (!list) {
                spec.commandLine().getErr().println("rnnkit example: name an example (the list is above)");
                return 2;
            }
            return 0;
        }
        Examples.Entry e = Examples.byName(name);
        List<String> all = new ArrayList<>(args);
        if (quick) {
            all.add("--quick");
        }
        e.main().accept(all.toArray(new String[0]));
        return 0;
    }
}

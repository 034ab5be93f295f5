package io.github.rnnkit.apps.bench;

import io.github.rnnkit.core.spec.CellType;

import java.util.Locale;

/**
 * One row of {@code rnnkit bench-e2e}: rnnkit's times beside PyTorch's and their ratios (below
 * 1.0 means rnnkit is faster). Loops in seconds; for stream the step latency in microseconds and
 * for predict the library call in seconds take the loop's place.
 *
 * @param workload     the workload's name
 * @param cell         the cell
 * @param setting      e.g. "look-back 100"
 * @param rnnkitCold   rnnkit's first run in its JVM (loop or latency)
 * @param rnnkitWarm   rnnkit's best run after the first (loop or latency)
 * @param rnnkitCommand rnnkit's whole job in a fresh JVM, seconds, or NaN
 * @param torchWarm    PyTorch's best run after the first, or NaN
 * @param torchCommand PyTorch's whole job in a fresh Python, seconds, or NaN
 * @param torchThreads the better of PyTorch's 1 and 2 threads, or 0
 * @param unit         what the warm columns measure
 * @param result       rnnkit's result line (accuracy, error, forecast)
 */
record E2eRow(String workload, String cell, String setting, double rnnkitCold, double rnnkitWarm, double rnnkitCommand,
              double torchWarm, double torchCommand, int torchThreads, String unit, String result) {

    static E2eRow of(E2eCommand.Job job, String first, String second, double coldLoop, double warmLoop, Double coldCommand,
                     TorchReference.Run torch, int threads) {
        String cell = BenchApp.benchName(job.cell());
        double nan = Double.NaN;
        return switch (job.workload()) {
            case STREAM -> new E2eRow("stream", cell, job.setting(), value(first, "step_us"), value(second, "step_us"), nan,
                    torch == null ? nan : torch.json().get("step_us").asDouble(), nan, threads, "us/step", second);
            case PREDICT -> new E2eRow("predict", cell, job.setting(), value(first, "call_s"), value(second, "call_s"),
                    coldCommand == null ? nan : coldCommand, torch == null ? nan : torch.json().get("call_s").asDouble(),
                    torch == null ? nan : torch.wallS(), threads, "s/call", second);
            default -> new E2eRow(job.workload().label(), cell, job.setting(), coldLoop, warmLoop,
                    coldCommand == null ? nan : coldCommand, torch == null ? nan : torch.warm(),
                    torch == null ? nan : torch.wallS(), threads, "s loop", second);
        };
    }

    /** @return the latency a stream or predict run reports, else NaN */
    static double latency(E2eWorkload w, String line) {
        return w == E2eWorkload.STREAM ? value(line, "step_us") : w == E2eWorkload.PREDICT ? value(line, "call_s") : Double.NaN;
    }

    private static double value(String line, String key) {
        String[] parts = line.split(" ");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals(key)) {
                return Double.parseDouble(parts[i + 1]);
            }
        }
        return Double.NaN;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-8s %-5s %-14s %8s %10s %10s %6s | %10s %10s %6s  %s", "workload", "cell", "setting",
                "unit", "rnnkit", "torch", "ratio", "rnnkit cmd", "torch cmd", "ratio", "(warm; cold command in s; torch threads)");
    }

    String line() {
        return String.format(Locale.ROOT, "%-8s %-5s %-14s %8s %10s %10s %6s | %10s %10s %6s  %s", workload, cell, setting, unit,
                num(rnnkitWarm), num(torchWarm), ratio(rnnkitWarm, torchWarm), num(rnnkitCommand), num(torchCommand),
                ratio(rnnkitCommand, torchCommand), torchThreads > 0 ? torchThreads + " thr; " + result : result);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"fw\":\"rnnkit\",\"workload\":\"%s\",\"cell\":\"%s\",\"setting\":\"%s\",\"unit\":\"%s\","
                        + "\"rnnkit_cold\":%s,\"rnnkit_warm\":%s,\"rnnkit_command_s\":%s,\"torch_warm\":%s,\"torch_command_s\":%s,"
                        + "\"torch_threads\":%d,\"result\":\"%s\"}", workload, cell, setting, unit, jnum(rnnkitCold), jnum(rnnkitWarm),
                jnum(rnnkitCommand), jnum(torchWarm), jnum(torchCommand), torchThreads, result);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String jnum(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }
}

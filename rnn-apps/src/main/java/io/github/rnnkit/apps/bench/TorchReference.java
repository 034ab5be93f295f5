package io.github.rnnkit.apps.bench;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a PyTorch reference script of the project's {@code bench} folder in its own Python process:
 * {@code bench/torch_e2e.py}, the PyTorch side of {@code rnnkit bench-e2e}, timed from outside
 * (its whole command, cold: the interpreter's start and {@code import torch} count, as the JVM's
 * start counts for rnnkit), or {@code bench/torch_scan_bench.py}, the side of
 * {@code rnnkit bench --lengths}, whose every JSON line is a result.
 */
final class TorchReference {
    private final String python;
    private final Path script;

    private TorchReference(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * @param python a Python executable, or null to look for one that imports torch
     * @param root   the project root, which holds {@code bench/torch_e2e.py}
     * @return the reference, or null when no Python with torch or no script is found
     */
    static TorchReference find(String python, Path root) {
        return find(python, root, "torch_e2e.py");
    }

    /**
     * @param python a Python executable, or null to look for one that imports torch
     * @param root   the project root
     * @param name   the script's file name in {@code bench}
     * @return the reference, or null when no Python with torch or no script is found
     */
    static TorchReference find(String python, Path root, String name) {
        Path script = root.resolve("bench").resolve(name);
        if (!Files.isRegularFile(script)) {
            return null;
        }
        List<String> candidates = python != null ? List.of(python) : List.of("python3", "/usr/bin/python3", "python");
        for (String p : candidates) {
            try {
                Process check = new ProcessBuilder(p, "-c", "import torch").redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return new TorchReference(p, script);
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * One run of the script's workload.
     *
     * @param json   the script's JSON line
     * @param wallS  the process's wall time, measured from here
     */
    record Run(JsonNode json, double wallS) {
        /** @return the best loop after the first (the first pays for warm-up) */
        double warm() {
            JsonNode l = json.get("loop_s");
            double best = Double.POSITIVE_INFINITY;
            for (int i = 1; i < l.size(); i++) {
                best = Math.min(best, l.get(i).asDouble());
            }
            return l.size() > 1 ? best : l.get(0).asDouble();
        }
    }

    Run run(List<String> args) {
        Output o = execute(args);
        String last = o.lines().isEmpty() ? "{}" : o.lines().get(o.lines().size() - 1);
        try {
            return new Run(new ObjectMapper().readTree(last), o.wallS());
        } catch (IOException e) {
            throw new IllegalStateException("the PyTorch reference printed no JSON: " + last, e);
        }
    }

    /**
     * @param args the script's arguments
     * @return every JSON line the script printed, in order
     */
    List<JsonNode> lines(List<String> args) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : execute(args).lines()) {
            try {
                out.add(new ObjectMapper().readTree(line));
            } catch (IOException e) {
                throw new IllegalStateException("the PyTorch reference printed a line that is not JSON: " + line, e);
            }
        }
        return out;
    }

    /** The script's standard output, line by line, and the process's wall time. */
    private record Output(List<String> lines, double wallS) {
    }

    private Output execute(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
        cmd.addAll(args);
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("the PyTorch reference failed: " + String.join(" ", cmd) + "\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            double wall = (System.nanoTime() - t) / 1e9;
            return new Output(new String(out, StandardCharsets.UTF_8).strip().lines().filter(l -> !l.isBlank()).toList(), wall);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

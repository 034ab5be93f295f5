package io.github.rnnkit.apps.cli;

import io.github.rnnkit.data.Versions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RnnkitCliTest {
    @Test
    void versionNamesRnnkitAndDl4j() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("rnnkit " + Versions.rnnkit()), r.out());
        assertTrue(r.out().contains("Deeplearning4j 1.0.0-M2.1"), r.out());
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("data"), r.out());
        assertEquals(r.out(), CliRun.of().out(), "no command prints the help too");
    }

    @Test
    void unknownCommandIsBadInput() {
        CliRun r = CliRun.of("frobnicate");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("rnnkit: error: Unmatched argument"), r.err());
    }

    /** picocli 4.7 listed a mixin's argument-group options twice; each is listed once, under its own heading. */
    @ParameterizedTest
    @ValueSource(strings = {"train", "predict", "evaluate"})
    void helpListsTheSeriesOptionsOnce(String command) {
        CliRun help = CliRun.of(command, "--help");
        assertEquals(0, help.status(), help.err());
        for (String option : new String[]{"--csv=FILE", "--sample=NAME"}) {
            long lines = help.out().lines().filter(l -> l.trim().startsWith(option)).count();
            assertEquals(1, lines, command + " lists " + option + " " + lines + " times:\n" + help.out());
        }
        assertTrue(help.out().contains("The series, one of:"), help.out());
    }
}

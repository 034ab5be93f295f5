package io.github.rnnkit.examples;

import io.github.rnnkit.data.Versions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java and XML snippet in the README is a region of a file the build compiles or runs: a
 * block preceded by {@code <!-- snippet: PATH#NAME -->} must equal the lines between
 * {@code snippet:NAME} and {@code end-snippet} in PATH (dedented). Edit the source, then copy the
 * region into the README.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- snippet: ([^#]+)#(\\S+) -->\\n\\s*)?```(java|xml)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaAndXmlSnippetIsTheCompiledSource() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        List<String> unmarked = new ArrayList<>();
        int checked = 0;
        while (m.find()) {
            if (m.group(1) == null) {
                unmarked.add(m.group(4).lines().findFirst().orElse(""));
                continue;
            }
            String region = region(ROOT.resolve(m.group(1)), m.group(2));
            assertEquals(region, m.group(4), "README snippet " + m.group(1) + "#" + m.group(2)
                    + " differs from the source; copy the region into the README");
            checked++;
        }
        assertTrue(unmarked.isEmpty(), "README code blocks without a snippet marker: " + unmarked);
        assertEquals(6, checked, "snippets checked");
    }

    /** @return the lines between {@code snippet:NAME} and {@code end-snippet}, dedented, each ending in a newline */
    static String region(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("snippet:" + name) && start < 0) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).contains("end-snippet")) {
                List<String> body = lines.subList(start, i);
                int indent = body.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                StringBuilder sb = new StringBuilder();
                for (String l : body) {
                    sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
                }
                return sb.toString().replace("@project.version@", Versions.rnnkit());
            }
        }
        throw new AssertionError("no region '" + name + "' in " + file);
    }
}

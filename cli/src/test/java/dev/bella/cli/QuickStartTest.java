package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CI runs exactly the README's test command, so a green CI means the quick start works as written. */
class QuickStartTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        String readme = Files.readAllLines(ROOT.resolve("README.md")).stream()
                .filter(l -> l.startsWith("./mvnw ")).findFirst().orElseThrow();
        String fromReadme = readme.replaceFirst("#.*", "").strip();
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .map(String::strip).filter(l -> l.startsWith("./mvnw")).toList();
        assertThat(ci).containsExactly(fromReadme);
    }
}

package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each format of the small fixture spec for December 2026, against a reviewed golden file. To accept
 * an intended change: run with -Dbella.updateGolden=true and review the diff.
 */
class GoldenReportTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"table", "json", "csv", "markdown"})
    void format_matches_its_golden_file(String format) throws IOException {
        CliRun run = CliRun.of("cost", "report", "--config", "src/test/resources/fixtures/spec-small.yaml",
                "--source", "estimate", "--month", "2026-12", "--format", format);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        Path golden = GOLDEN.resolve("small-2026-12." + format);
        if (Boolean.getBoolean("bella.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, run.out());
        }
        assertThat(run.out()).isEqualTo(Files.readString(golden));
    }
}

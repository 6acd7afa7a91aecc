package dev.bella.alternatives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.estimate.EstimatePeriod;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The comparison of the shipped specs against reviewed golden files (the average month sampled from December
 * 2026). To accept an intended change: run with -Dbella.updateGolden=true and review the diff.
 */
class AlternativesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"../configs/bella.yaml, alternatives-bella", "../configs/examples/baseline.yaml, alternatives-baseline"})
    void the_shipped_specs_match_their_golden_reports(String spec, String name) throws IOException {
        SpecLoader loader = new SpecLoader();
        AlternativesReport report = new AlternativesService(loader).compare(loader.load(Path.of(spec)),
                EstimatePeriod.averageMonth(DECEMBER), Optional.empty(), Optional.empty(), true);
        for (AlternativesFormat f : new AlternativesFormat[] {AlternativesFormat.TABLE, AlternativesFormat.JSON}) {
            String text = f.render(report);
            Path golden = GOLDEN.resolve(name + "." + f.name().toLowerCase(java.util.Locale.ROOT));
            if (Boolean.getBoolean("bella.updateGolden")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, text);
            }
            assertThat(text).isEqualTo(Files.readString(golden));
        }
    }
}

package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bella cost alternatives} from the packaged jar: stdout, stderr and exit code. */
class CostAlternativesJarIT {

    @TempDir
    Path noAwsFiles;

    @Test
    void the_json_comparison_of_the_target_a_bad_area_and_a_bad_format() throws Exception {
        BellaJar.Run run = BellaJar.run(noAwsFiles, List.of("cost", "alternatives", "--config", "../configs/bella.yaml",
                "--format", "json"));
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"area\" : \"speech-and-language\"").contains("\"seedTable\"");
        BellaJar.Run bad = BellaJar.run(noAwsFiles, List.of("cost", "alternatives", "--only", "queue"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("bella: --only: unknown area 'queue'");
        // a format it does not write is refused as the option is parsed: one line all the same
        BellaJar.Run csv = BellaJar.run(noAwsFiles, List.of("cost", "alternatives", "--format", "csv"));
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.out()).isEmpty();
        assertThat(csv.err()).isEqualTo("bella: --format: unknown format 'csv'; expected table, json, markdown or html\n");
    }
}

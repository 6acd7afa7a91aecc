package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bella cost alternatives} from the packaged jar: stdout, stderr and exit code. */
class CostAlternativesJarIT {

    @Test
    void the_json_comparison_of_the_target_and_a_bad_area() throws Exception {
        CostDiffJarIT.Run run = CostDiffJarIT.bella("cost", "alternatives", "--config", "../configs/bella.yaml",
                "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"area\" : \"speech-and-language\"").contains("\"seedTable\"");
        CostDiffJarIT.Run bad = CostDiffJarIT.bella("cost", "alternatives", "--only", "queue");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("bella: --only: unknown area 'queue'");
    }
}

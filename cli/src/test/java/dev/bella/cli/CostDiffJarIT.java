package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bella cost diff} from the packaged jar: stdout, stderr and exit code as CI sees them. */
class CostDiffJarIT {

    @TempDir
    Path noAwsFiles;

    private BellaJar.Run bella(String... args) throws Exception {
        return BellaJar.run(noAwsFiles, List.of(args));
    }

    @Test
    void the_markdown_diff_of_the_baseline_against_the_target() throws Exception {
        BellaJar.Run run = bella("cost", "diff", "--base", "../configs/examples/baseline.yaml", "--config",
                "../configs/bella.yaml", "--format", "markdown");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("### Bella cost diff").contains("Monthly cost **decreases by $")
                .contains("| Application Load Balancer (removed) | $18.07 | $0.00 | -$18.07 |");
    }

    @Test
    void an_increase_over_the_threshold_exits_1_and_a_bad_threshold_2() throws Exception {
        BellaJar.Run over = bella("cost", "diff", "--base", "../configs/bella.yaml", "--config",
                "../configs/examples/baseline.yaml", "--fail-over-increase", "5%");
        assertThat(over.code()).isEqualTo(1);
        assertThat(over.out()).contains("Monthly cost increases by");
        assertThat(over.err()).startsWith("bella: monthly cost increases by $").endsWith("over --fail-over-increase 5%\n");
        BellaJar.Run bad = bella("cost", "diff", "--base", "../configs/bella.yaml", "--fail-over-increase", "lots");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().lines()).hasSize(1);
    }
}

package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Options the report shares with other commands but does not use are refused, not silently ignored. */
class CostReportOptionsTest {

    @Test
    void specOnlyIsRefusedWithWhatToDoInstead() {
        CliRun run = CliRun.of("cost", "report", "--source", "estimate", "--spec-only", "--config", "../configs/bella.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: --spec-only is for bella phases; cost report prices the spec already "
                + "(--source estimate), or the stacks with --template DIR_OR_FILE\n");
    }
}

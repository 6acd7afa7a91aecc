package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.capacity.SyntheticHistory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bella cost capacity} from the shaded jar, as a user runs it: stdout, stderr and exit code together. */
class CostCapacityJarIT {

    @TempDir
    Path dir;

    private BellaJar.Run bella(String... args) throws Exception {
        return BellaJar.runIn(dir, List.of(args));
    }

    private Path history(int days) {
        return SyntheticHistory.write(dir, "calls-" + days + ".csv", SyntheticHistory.csv(SyntheticHistory.calls(
                ZoneId.of("America/Toronto"), LocalDate.of(2026, 9, 7), days, SyntheticHistory::morningsBusy)));
    }

    @Test
    void suggestsThreeTasksOnWeekdayMorningsFromTheJar() throws Exception {
        BellaJar.Run run = bella("cost", "capacity", "--calls", history(56).toAbsolutePath().toString(), "--calls-per-task", "4",
                "--tz", "America/Toronto", "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"scheduled\" : [ {\n      \"days\" : \"mon-fri\",\n      \"from\" : \"09:00\",\n"
                + "      \"to\" : \"11:00\",\n      \"min\" : 3\n    } ]");
    }

    @Test
    void refusesTooLittleHistoryWithOneLineAndExitTwo() throws Exception {
        BellaJar.Run run = bella("cost", "capacity", "--calls", history(10).toAbsolutePath().toString(), "--calls-per-task", "4",
                "--tz", "America/Toronto");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: too little history: 10 day(s) of calls (2026-09-07 to 2026-09-16, "
                + "America/Toronto); a prediction needs at least 14 days, so that every hour of the week is seen at "
                + "least twice\n");
    }
}

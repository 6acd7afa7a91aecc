package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `plan --schedule-only` answers from the spec alone; bad input exits 2 with one line on stderr. */
class ScheduleDevPlanCommandTest {

    static final String SPEC = "../configs/bella.yaml";

    @TempDir
    Path dir;

    private static JsonNode plan(String at, String... extra) throws IOException {
        String[] base = {"cost", "schedule-dev", "plan", "--config", SPEC, "--schedule-only", "--format", "json", "--at", at};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void the_dev_environment_runs_toronto_office_hours() throws IOException {
        JsonNode p = plan("2026-11-27T14:00Z");
        assertThat(p.path("environment").asText()).isEqualTo("dev");
        assertThat(p.path("timezone").asText()).isEqualTo("America/Toronto");
        assertThat(p.path("desired").asText()).isEqualTo("running");
        assertThat(p.path("reason").asText()).isEqualTo("window");
        assertThat(p.path("next-transition").asText()).isEqualTo("2026-11-28T00:00:00Z");
        assertThat(p.path("next-desired").asText()).isEqualTo("stopped");
    }

    @Test
    void christmas_and_new_years_day_are_holidays_in_the_bundled_spec() throws IOException {
        assertThat(plan("2026-12-25T15:00Z").path("reason").asText()).isEqualTo("holiday");
        JsonNode ny = plan("2027-01-01T15:00-05:00");
        assertThat(ny.path("desired").asText()).isEqualTo("stopped");
        assertThat(ny.path("reason").asText()).isEqualTo("holiday");
        assertThat(ny.path("next-transition").asText()).isEqualTo("2027-01-04T12:00:00Z");
    }

    @Test
    void a_global_until_overrides_the_schedule() throws IOException {
        JsonNode p = plan("2026-11-28T01:00Z", "--until", "running-until:2026-11-28T03:00Z");
        assertThat(p.path("desired").asText()).isEqualTo("running");
        assertThat(p.path("reason").asText()).isEqualTo("until");
        assertThat(p.path("next-transition").asText()).isEqualTo("2026-11-28T03:00:00Z");
    }

    @Test
    void the_table_shows_local_times() {
        CliRun run = CliRun.of("cost", "schedule-dev", "plan", "--config", SPEC, "--schedule-only", "--at", "2026-11-28T17:00Z");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("desired          stopped (weekend)")
                .contains("2026-11-30T12:00:00Z (2026-11-30T07:00 local) -> running");
    }

    @Test
    void a_time_without_offset_is_a_usage_error() {
        CliRun run = CliRun.of("cost", "schedule-dev", "plan", "--config", SPEC, "--schedule-only", "--at", "2026-11-28T17:00");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: --at: '2026-11-28T17:00' is not a time with a zone offset; expected ISO 8601 "
                + "such as 2026-11-28T22:00Z or 2026-11-28T17:00-05:00\n");
    }

    @Test
    void a_bad_until_is_a_usage_error() {
        CliRun run = CliRun.of("cost", "schedule-dev", "plan", "--config", SPEC, "--schedule-only", "--at", "2026-11-28T17:00Z",
                "--until", "2026-11-28T22:00Z");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bella: --until: override '2026-11-28T22:00Z': expected running-until:TIME");
    }

    @Test
    void prod_is_refused_and_an_environment_without_schedule_is_a_config_error() throws IOException {
        CliRun prod = CliRun.of("cost", "schedule-dev", "plan", "--config", SPEC, "--env", "prod", "--schedule-only");
        assertThat(prod.exitCode()).isEqualTo(2);
        assertThat(prod.out()).isEmpty();
        assertThat(prod.err()).isEqualTo("bella: environment 'prod' is protected; schedule-dev never stops it\n");

        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, Files.readString(Path.of(SPEC)).replace("    schedule: office-hours\n", ""));
        CliRun none = CliRun.of("cost", "schedule-dev", "plan", "--config", spec.toString(), "--env", "dev", "--schedule-only");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("bella: environment 'dev' has no schedule; add `schedule: <name>` to "
                + "environments.dev in the spec\n");
        CliRun noEnv = CliRun.of("cost", "schedule-dev", "plan", "--config", spec.toString(), "--schedule-only");
        assertThat(noEnv.exitCode()).isEqualTo(2);
        assertThat(noEnv.err()).startsWith("bella: no environment in the spec has a schedule");
    }

    @Test
    void csv_is_not_a_schedule_dev_format() {
        CliRun run = CliRun.of("cost", "schedule-dev", "plan", "--config", SPEC, "--schedule-only", "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bella: --format: schedule-dev writes table or json, not csv\n");
    }
}

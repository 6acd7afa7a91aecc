package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule keys added for schedule-dev: holidays-file (iCalendar) and cache (keep | snapshot-delete). */
class ScheduleSpecTest {

    @TempDir
    Path dir;

    private static String spec(String scheduleExtra, String envExtra) {
        return """
                region: test-region-1
                environments:
                  dev:
                    schedule: office
                """ + envExtra + """
                schedules:
                  office:
                    timezone: America/Toronto
                    running: [{days: mon-fri, from: "07:00", to: "19:00"}]
                    holidays: [2026-12-25]
                """ + scheduleExtra;
    }

    private Spec loadFile(String yaml) throws IOException {
        Path file = dir.resolve("bella.yaml");
        Files.writeString(file, yaml);
        SpecLoader loader = new SpecLoader();
        return loader.read(loader.parse(new SpecSource.File(file), yaml));
    }

    @Test
    void the_scheduler_runs_usage_has_defaults_and_an_environment_may_override_it() throws IOException {
        Spec spec = loadFile(spec("usage: {scheduler-log-bytes-per-run: 2048}\n", """
                    usage: {scheduler-run-seconds: 75}
                """));
        Usage dev = spec.environment("dev").orElseThrow().usage();
        assertThat(dev.schedulerRunSeconds()).isEqualTo(75);
        assertThat(dev.schedulerLogBytesPerRun()).isEqualTo(2048);
        assertThat(spec.usage().schedulerRunSeconds()).isEqualTo(Usage.DEFAULT_SCHEDULER_RUN_SECONDS);
    }

    private static final String ICS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//holidays//EN\r
            BEGIN:VEVENT\r
            UID:1@test\r
            DTSTART;VALUE=DATE:20270101\r
            SUMMARY:New Year's Day\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:2@test\r
            DTSTART;VALUE=DATE:20261224\r
            DTEND;VALUE=DATE:20261227\r
            SUMMARY:Christmas break,\r
             three days\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Test
    void the_holidays_file_adds_its_all_day_events_to_the_list() throws IOException {
        Files.writeString(dir.resolve("holidays.ics"), ICS);
        Spec spec = loadFile(spec("    holidays-file: holidays.ics\n", ""));
        Schedule s = spec.schedules().get("office");
        assertThat(s.holidays()).containsExactlyInAnyOrder(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1));
        assertThat(s.holidaysFile()).contains("holidays.ics");
        assertThat(s.cache()).isEqualTo(Schedule.CachePolicy.KEEP);
    }

    @Test
    void a_missing_holidays_file_is_an_error_at_the_key() throws IOException {
        Path file = dir.resolve("bella.yaml");
        String yaml = spec("    holidays-file: nope.ics\n", "");
        Files.writeString(file, yaml);
        List<Problem> problems = problems(file, yaml);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().toString()).contains(":10:20")
                .contains("schedules.office.holidays-file: cannot find 'nope.ics'");
    }

    @Test
    void a_recurring_holiday_is_refused_rather_than_half_read() throws IOException {
        Files.writeString(dir.resolve("h.ics"), ICS.replace("UID:1@test\r\n", "UID:1@test\r\nRRULE:FREQ=YEARLY\r\n"));
        Path file = dir.resolve("bella.yaml");
        String yaml = spec("    holidays-file: h.ics\n", "");
        Files.writeString(file, yaml);
        assertThat(problems(file, yaml).getFirst().toString()).contains("recurring events are not supported");
    }

    @Test
    void a_file_that_is_not_icalendar_is_refused() throws IOException {
        Files.writeString(dir.resolve("h.ics"), "2026-12-25\n");
        Path file = dir.resolve("bella.yaml");
        String yaml = spec("    holidays-file: h.ics\n", "");
        Files.writeString(file, yaml);
        assertThat(problems(file, yaml).getFirst().toString()).contains("not an iCalendar file");
    }

    @Test
    void cache_snapshot_delete_is_read_and_allowed_for_dev() throws IOException {
        Spec spec = loadFile(spec("    cache: snapshot-delete\n", ""));
        assertThat(spec.schedules().get("office").cache()).isEqualTo(Schedule.CachePolicy.SNAPSHOT_DELETE);
    }

    @Test
    void cache_snapshot_delete_is_refused_for_a_protected_environment() {
        List<Problem> problems = SpecTexts.problems(spec("    cache: snapshot-delete\n", "    protected: true\n    ingress: http-api\n"));
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().toString()).contains(":4:15")
                .contains("has cache: snapshot-delete, which is allowed for unprotected environments only");
    }

    @Test
    void an_unknown_cache_policy_names_the_choices() {
        List<Problem> problems = SpecTexts.problems(spec("    cache: delete\n", ""));
        assertThat(problems.getFirst().toString()).contains("expected one of keep, snapshot-delete, found 'delete'");
    }

    private static List<Problem> problems(Path file, String yaml) {
        try {
            SpecLoader loader = new SpecLoader();
            loader.read(loader.parse(new SpecSource.File(file), yaml));
            throw new AssertionError("expected a problem");
        } catch (dev.bella.yaml.ConfigException e) {
            return e.problems();
        }
    }
}

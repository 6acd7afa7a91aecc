package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.booking.store.Database;
import dev.bella.booking.store.EmbeddedDatabase;
import dev.bella.capacity.SyntheticHistory;
import dev.bella.spec.Autoscaling;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spend.TestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CostCapacityCommandTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final String BLOCK = "[{days: mon-fri, from: \"09:00\", to: \"11:00\", min: 3}]";

    @TempDir
    Path dir;

    private Path history(LocalDate first, int days) {
        return SyntheticHistory.write(dir, "calls.csv", SyntheticHistory.csv(SyntheticHistory.calls(TORONTO, first, days,
                SyntheticHistory::morningsBusy)));
    }

    @Test
    void busyWeekdayMorningsGiveThreeTasksThenAndOneOtherwise() throws Exception {
        Path calls = history(LocalDate.of(2026, 9, 7), 56);
        CliRun run = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--tz",
                "America/Toronto", "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.at("/timezone").asText()).isEqualTo("America/Toronto");
        assertThat(r.at("/suggested/min").asInt()).isEqualTo(1);
        assertThat(r.at("/suggested/scheduled").toString())
                .isEqualTo("[{\"days\":\"mon-fri\",\"from\":\"09:00\",\"to\":\"11:00\",\"min\":3}]");
        // the documented order on every run (an unordered map gave source first in about half of the JVMs started)
        assertThat(r.at("/callsPerTask").toString()).isEqualTo("{\"value\":4,\"source\":\"--calls-per-task\"}");
        assertThat(r.at("/hours")).hasSize(168);
        for (JsonNode h : r.at("/hours")) {
            boolean busy = List.of("mon", "tue", "wed", "thu", "fri").contains(h.get("day").asText())
                    && (h.get("hour").asInt() == 9 || h.get("hour").asInt() == 10);
            assertThat(h.get("tasks").asInt()).as(h.toString()).isEqualTo(busy ? 3 : 1);
            assertThat(h.get("samples").asInt()).isEqualTo(8);
        }
    }

    @Test
    void theTableIsAHeatMapAndNamesTheBlocks() {
        Path calls = history(LocalDate.of(2026, 9, 7), 56);
        CliRun run = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--tz",
                "America/Toronto");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("predicted concurrent calls (p95 of weekly peaks)",
                "tue   0  1  0  1  0  1  0  2  2  9  9  2", "mon-fri          09:00-11:00  min 3",
                "spec now: autoscaling min 1, scheduled none");
        CliRun html = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--tz",
                "America/Toronto", "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<td>mon-fri</td><td>09:00</td><td>11:00</td><td>3</td>");
        CliRun md = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--tz",
                "America/Toronto", "--format", "markdown");
        assertThat(md.out()).contains("| mon-fri | 09:00 | 11:00 | 3 |");
    }

    @Test
    void applyWritesTheBlocksIntoTheSpecAndKeepsTheRest() throws Exception {
        Path spec = dir.resolve("bella.yaml");
        String original = Files.readString(Path.of("../configs/bella.yaml")).replace("project: bella\n",
                "project: bella\ntimezone: America/Toronto\n");
        Files.writeString(spec, original);
        Path calls = history(LocalDate.of(2026, 9, 7), 56);
        CliRun diff = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--config",
                spec.toString(), "--diff");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("+        scheduled: " + BLOCK, "+      autoscaling: {min: 1, max: 1, peak: "
                + "{extra-tasks: 0, hours-per-month: 0}, scheduled: []}");
        assertThat(Files.readString(spec)).isEqualTo(original);
        // the diff is one git apply/patch reads: applied to the original it gives what --apply writes
        Path patch = dir.resolve("capacity.patch");
        Files.writeString(patch, diff.out());
        Path copy = dir.resolve("patched.yaml");
        Files.writeString(copy, original);
        Process p = new ProcessBuilder("patch", copy.toString(), patch.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        CliRun apply = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--config",
                spec.toString(), "--apply", "--format", "json");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.err()).contains("bella: applied 2 change(s) to");
        String edited = Files.readString(spec);
        assertThat(edited).isEqualTo(Files.readString(copy));
        assertThat(edited).contains("        peak: {extra-tasks: 1, hours-per-month: 40}   # busy mornings; priced on top "
                + "of the baseline\n        scheduled: " + BLOCK + "\n      spot-weight: 0");
        Spec loaded = new SpecLoader().load(spec);
        Autoscaling.Capacity prod = loaded.environment("prod").orElseThrow().service().autoscaling().capacity();
        assertThat(prod.scheduled()).hasSize(1);
        assertThat(prod.zone()).contains(TORONTO);
        assertThat(loaded.environment("dev").orElseThrow().service().autoscaling().capacity().scheduled()).isEmpty();
        CliRun again = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--config",
                spec.toString(), "--apply");
        assertThat(again.err()).contains("bella: no change to");
        assertThat(Files.readString(spec)).isEqualTo(edited);
    }

    @Test
    void theAppliedProfileIsWhatTheSynthesizedServiceStackSchedules() throws Exception {
        Path spec = SyntheticHistory.write(dir, "bella.yaml", SyntheticHistory.SPEC);
        Path calls = history(LocalDate.of(2026, 9, 7), 56);
        CliRun apply = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4", "--tz",
                "America/Toronto", "--config", spec.toString(), "--apply");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        Path out = dir.resolve("cdk.out");
        CliRun synth = CliRun.of("stack", "synth", "--config", spec.toString(), "--env", "prod", "--output", out.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Template service = Template.fromString(Files.readString(out.resolve("bella-prod-service.template.json")));
        service.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1,
                "ScheduledActions", List.of(
                        Match.objectLike(Map.of("Schedule", "cron(0 9 ? * MON-FRI *)", "Timezone", "America/Toronto",
                                "ScalableTargetAction", Map.of("MinCapacity", 3))),
                        Match.objectLike(Map.of("Schedule", "cron(0 11 ? * MON-FRI *)", "Timezone", "America/Toronto",
                                "ScalableTargetAction", Map.of("MinCapacity", 1))))));
    }

    @Test
    void badInputsAreRefusedWithOneLineAndExitTwo() {
        Path twelve = history(LocalDate.of(2026, 9, 7), 12);
        CliRun shortHistory = CliRun.of("cost", "capacity", "--calls", twelve.toString(), "--calls-per-task", "4",
                "--tz", "America/Toronto");
        assertThat(shortHistory.exitCode()).isEqualTo(2);
        assertThat(shortHistory.out()).isEmpty();
        assertThat(shortHistory.err()).startsWith("bella: too little history: 12 day(s) of calls (2026-09-07 to 2026-09-18");
        Path bad = SyntheticHistory.write(dir, "bad.csv", "started_at,duration_seconds\n2026-09-07T09:10:00Z,60\n"
                + "2026-09-07 09:10,60\n");
        CliRun badLine = CliRun.of("cost", "capacity", "--calls", bad.toString(), "--calls-per-task", "4", "--tz", "UTC");
        assertThat(badLine.exitCode()).isEqualTo(2);
        assertThat(badLine.err()).isEqualTo("bella: " + bad + ":3: started_at: expected an ISO-8601 time with an offset "
                + "such as 2026-11-02T14:05:00Z or 2026-11-02T09:05:00-05:00, found '2026-09-07 09:10'\n");
        Path json = SyntheticHistory.write(dir, "bad.jsonl", "{\"started_at\": \"2026-09-07T09:10:00Z\", \"duration_seconds\": \"x\"}\n");
        assertThat(CliRun.of("cost", "capacity", "--calls", json.toString(), "--calls-per-task", "4", "--tz", "UTC").err())
                .isEqualTo("bella: " + json + ":1: duration_seconds: expected a number of seconds\n");
        Path calls = history(LocalDate.of(2026, 9, 7), 14);
        CliRun noPerTask = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--tz", "UTC");
        assertThat(noPerTask.exitCode()).isEqualTo(2);
        assertThat(noPerTask.err()).startsWith("bella: no calls per task for prod: add service.autoscaling.calls-per-task");
        CliRun noZone = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--calls-per-task", "4");
        assertThat(noZone.err()).startsWith("bella: no time zone for the call pattern");
        assertThat(CliRun.of("cost", "capacity", "--calls", calls.toString(), "--tz", "Mars/Base", "--calls-per-task", "4")
                .err()).startsWith("bella: --tz: unknown time zone 'Mars/Base'");
        assertThat(CliRun.of("cost", "capacity", "--calls", calls.toString(), "--lookback", "1w").err())
                .startsWith("bella: --lookback: expected 2w to 104w");
        CliRun csv = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--tz", "UTC", "--calls-per-task", "4",
                "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.out()).isEmpty();
        assertThat(csv.err()).isEqualTo("bella: --format: capacity writes table, json, markdown or html\n");
        String oneOf = "bella: give the call history with --calls FILE or --ledger-url JDBC: one of them, not both\n";
        CliRun neither = CliRun.of("cost", "capacity", "--calls-per-task", "4");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).isEqualTo(oneOf);
        CliRun both = CliRun.of("cost", "capacity", "--calls", calls.toString(), "--ledger-url", "jdbc:postgresql://x/y");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo(oneOf);
        CliRun notPg = CliRun.of("cost", "capacity", "--ledger-url", "jdbc:mysql://x/y", "--calls-per-task", "4", "--tz", "UTC");
        assertThat(notPg.exitCode()).isEqualTo(2);
        assertThat(notPg.err()).startsWith("bella: --ledger-url: expected a PostgreSQL JDBC URL");
    }

    @Test
    void theEmbeddedDefaultsLedgerFoundFromItsDataDir(@TempDir Path parent) throws Exception {
        LocalDate today = LocalDate.now(TORONTO);
        List<SyntheticHistory.Line> lines = SyntheticHistory.calls(TORONTO, today.minusDays(14), 14,
                SyntheticHistory::morningsBusy);
        Path data = parent.resolve("booking-db");
        try (EmbeddedDatabase served = EmbeddedDatabase.start(data);
             Database db = Database.connect(served.jdbcUrl(), served.user(), served.password(), Duration.ofSeconds(5))) {
            db.migrate();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                for (int i = 0; i < lines.size(); i++) {
                    Instant start = lines.get(i).start();
                    st.execute("insert into calls(call_sid, state, started_at, updated_at, duration_seconds) values ('CA"
                            + i + "', '{}', '" + start + "', '" + start.plusSeconds(1200) + "', 1200)");
                }
            }
            CliRun run = CliRun.of("cost", "capacity", "--ledger-url", data.toString(), "--calls-per-task", "4",
                    "--tz", "America/Toronto", "--format", "json");
            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            JsonNode r = new ObjectMapper().readTree(run.out());
            assertThat(r.at("/calls").asLong()).isEqualTo(lines.size());
            assertThat(r.at("/source").asText()).startsWith("ledger jdbc:postgresql://127.0.0.1:");
        }
        // the same data dir once its server has stopped: one line with the command that starts it, exit 3
        CliRun stopped = CliRun.of("cost", "capacity", "--ledger-url", data.toString(), "--calls-per-task", "4");
        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(stopped.out()).isEmpty();
        assertThat(stopped.err()).isEqualTo("bella: the embedded ledger in " + data + " is not running; start it with "
                + "`bella booking serve --data-dir " + data + "` and run the report again\n");
        // a directory that is no data dir is a usage error
        CliRun notData = CliRun.of("cost", "capacity", "--ledger-url", parent.toString(), "--calls-per-task", "4");
        assertThat(notData.exitCode()).isEqualTo(2);
        assertThat(notData.err()).startsWith("bella: --ledger-url: " + parent + " is not a booking data dir");
    }

    @Test
    void theLedgersCallsTableOnARealPostgres() throws Exception {
        LocalDate today = LocalDate.now(TORONTO);
        List<SyntheticHistory.Line> lines = SyntheticHistory.calls(TORONTO, today.minusDays(21), 21,
                SyntheticHistory::morningsBusy);
        StringBuilder insert = new StringBuilder("insert into calls(call_sid, state, started_at, updated_at, "
                + "duration_seconds) values ");
        for (int i = 0; i < lines.size(); i++) {
            Instant start = lines.get(i).start();
            insert.append(i == 0 ? "" : ",").append("('CA").append(i).append("', '{}', '").append(start).append("', '")
                    .append(start.plusSeconds(1200)).append("', ").append(i == 0 ? "null" : "1200").append(")");
        }
        // today's calls are not counted: the day is not over
        insert.append(",('CAtoday', '{}', '").append(today.atTime(10, 0).atZone(TORONTO).toInstant())
                .append("', now(), 60)");
        try (TestLedger ledger = TestLedger.start(insert.toString())) {
            CliRun run = CliRun.of("cost", "capacity", "--ledger-url", ledger.jdbcUrl(), "--calls-per-task", "4",
                    "--tz", "America/Toronto", "--format", "json");
            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            JsonNode r = new ObjectMapper().readTree(run.out());
            assertThat(r.at("/calls").asLong()).isEqualTo(lines.size());
            assertThat(r.at("/days").asInt()).isEqualTo(21);
            assertThat(r.at("/source").asText()).startsWith("ledger jdbc:postgresql:");
            assertThat(r.at("/suggested/scheduled").toString())
                    .isEqualTo("[{\"days\":\"mon-fri\",\"from\":\"09:00\",\"to\":\"11:00\",\"min\":3}]");
            assertThat(ChronoUnit.DAYS.between(Instant.parse(r.at("/from").asText()), Instant.parse(r.at("/to").asText())))
                    .isBetween(20L, 21L);
        }
    }
}

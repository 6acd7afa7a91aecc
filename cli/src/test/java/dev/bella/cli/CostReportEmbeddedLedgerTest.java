package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.store.Database;
import dev.bella.booking.store.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cost report --ledger-url DIR` on the embedded default as `booking serve` leaves it: running, then stopped. */
class CostReportEmbeddedLedgerTest {

    @TempDir
    Path parent;

    @Test
    void the_data_dir_is_enough_while_the_server_runs_and_a_stopped_one_is_one_line_with_exit_3() throws SQLException {
        Path data = parent.resolve("booking-db");
        try (EmbeddedDatabase served = EmbeddedDatabase.start(data)) {
            try (Database db = Database.connect(served.jdbcUrl(), served.user(), served.password(), Duration.ofSeconds(5))) {
                db.migrate();
                try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                    st.execute("insert into call_costs(call_sid, started_at, duration_seconds, twilio_minutes, "
                            + "billed_minutes, speech_gathers, keypad_gathers, speech_blocks, reprompts, minutes_usd, "
                            + "speech_usd, llm_usd, cost_usd) values "
                            + "('CA1', '2026-11-02T15:00:00Z', 40, 1, 1, 2, 1, 2, 0, 0.0085, 0.04, 0, 0.0485), "
                            + "('CA2', '2026-11-03T15:00:00Z', 50, 1, 1, 2, 1, 2, 0, 0.0085, 0.04, 0, 0.0485)");
                }
            }
            CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                    "--env", "prod", "--ledger-url", data.toString(), "--format", "json");
            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("measured by the ledger over 2 calls",
                    "voice usage from the ledger: ledger averages over 2 priced calls: 45.0 s and 1.00 billed minutes");
        }

        long started = System.nanoTime();
        CliRun stopped = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                "--ledger-url", data.toString());
        assertThat(stopped.out()).isEmpty();
        assertThat(stopped.err()).isEqualTo("bella: the embedded ledger in " + data + " is not running; start it with "
                + "`bella booking serve --data-dir " + data + "` and run the report again\n");
        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void a_directory_that_is_no_data_dir_is_exit_2() {
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                "--ledger-url", parent.toString());
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: --ledger-url: " + parent + " is not a booking data dir (no PG_VERSION); "
                + "give the --data-dir `bella booking serve` uses, or a jdbc:postgresql:// URL\n");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}

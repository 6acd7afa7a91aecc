package dev.bella.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.booking.store.Database;
import dev.bella.booking.store.EmbeddedDatabase;
import dev.bella.embedded.EmbeddedDefault;
import dev.bella.errors.BellaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --ledger-url embedded / a data dir, against the embedded default as `bella booking serve` runs it: a real
 * PostgreSQL in a data dir with its generated password, found again from the files alone.
 */
class EmbeddedLedgerTest {

    static final SpendPeriod NOVEMBER = SpendPeriod.month(YearMonth.of(2026, 11));

    @TempDir
    static Path parent;
    static Path data;
    static EmbeddedDatabase served;

    @TempDir
    Path dir;

    @BeforeAll
    static void serve() throws SQLException {
        data = parent.resolve("booking-db");
        served = EmbeddedDatabase.start(data);
        try (Database db = Database.connect(served.jdbcUrl(), served.user(), served.password(), Duration.ofSeconds(5))) {
            db.migrate();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("insert into call_costs(call_sid, started_at, twilio_minutes, llm_calls, llm_tokens_in, "
                        + "llm_tokens_out) values ('CA1', '2026-11-02T15:00:00Z', 1, 1, 500, 100), "
                        + "('CA2', '2026-11-03T15:00:00Z', 2, 0, 0, 0)");
            }
        }
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void a_data_dir_finds_the_running_servers_port_and_password() throws IOException {
        EmbeddedLedger.Location at = EmbeddedLedger.locate(data);
        assertThat(at.jdbcUrl()).isEqualTo(served.jdbcUrl());
        assertThat(at.user()).isEqualTo("postgres");
        assertThat(at.password()).isEqualTo(served.password()).isNotEqualTo("postgres");
        assertThat(at.toString()).doesNotContain(served.password());

        LedgerReader.Totals t = LedgerReader.forOption(data.toString(), Map.of()).read(NOVEMBER);
        assertThat(t.calls()).isEqualTo(2);
        assertThat(t.tokensIn()).isEqualTo(500);
    }

    @Test
    void embedded_is_the_data_dir_serve_uses_by_default() {
        assertThat(LedgerReader.forOption("embedded", Map.of("BELLA_DATA_DIR", data.toString())).read(NOVEMBER).calls())
                .isEqualTo(2);
        // no BELLA_DATA_DIR: ~/.bella/booking-db under HOME, as serve resolves it
        Path home = data.getParent().resolve("home");
        assertThat(EmbeddedDefault.dataDir(Map.of("HOME", home.toString())))
                .isEqualTo(home.resolve(".bella/booking-db"));
        assertThat(EmbeddedDefault.dataDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"),
                ".bella", "booking-db"));
    }

    @Test
    void a_directory_that_is_no_data_dir_is_a_usage_error() {
        assertThatThrownBy(() -> LedgerReader.forOption(dir.toString(), Map.of()))
                .isInstanceOf(SpendException.class)
                .hasMessage("--ledger-url: " + dir + " is not a booking data dir (no PG_VERSION); give the --data-dir "
                        + "`bella booking serve` uses, or a jdbc:postgresql:// URL");
        assertThatThrownBy(() -> LedgerReader.forOption(dir.resolve("nope").toString(), Map.of()))
                .isInstanceOf(SpendException.class).hasMessageContaining("nope is no directory");
        // the default data dir not there yet: serve never ran with it, the advice of a stopped server (exit 3)
        assertThatThrownBy(() -> LedgerReader.forOption("embedded", Map.of("HOME", dir.toString())))
                .isInstanceOf(ProviderException.class).hasMessage("the embedded ledger in " + dir.resolve(".bella/booking-db")
                        + " is not running; start it with `bella booking serve --data-dir " + dir.resolve(".bella/booking-db")
                        + "` and run the report again");
        assertThat(((BellaException) catchThrown(() -> LedgerReader.forOption(dir.toString(), Map.of()))).outcome().code())
                .isEqualTo(2);
    }

    @Test
    void a_stopped_server_is_one_line_naming_the_command_that_starts_it() throws IOException {
        Files.writeString(dir.resolve("PG_VERSION"), "17\n");
        String notRunning = "the embedded ledger in " + dir + " is not running; start it with `bella booking serve "
                + "--data-dir " + dir + "` and run the report again";
        assertThatThrownBy(() -> LedgerReader.forOption(dir.toString(), Map.of()))
                .isInstanceOf(ProviderException.class).hasMessage(notRunning);
        // what a crash or a reboot leaves: a postmaster.pid whose process is gone
        Files.writeString(dir.resolve("postmaster.pid"), deadPid() + "\n" + dir + "\n1764990000\n54321\n/tmp\n127.0.0.1\n"
                + "  54321001   3\nready   \n");
        assertThatThrownBy(() -> LedgerReader.forOption(dir.toString(), Map.of()))
                .isInstanceOf(ProviderException.class).hasMessage(notRunning);
        assertThat(((BellaException) catchThrown(() -> LedgerReader.forOption(dir.toString(), Map.of()))).outcome().code())
                .isEqualTo(3);
    }

    @Test
    void a_server_still_starting_says_to_run_again_in_a_moment() throws IOException {
        Files.writeString(dir.resolve("PG_VERSION"), "17\n");
        // this JVM's PID stands for a live postmaster
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n1764990000\n"
                + "54321\n/tmp\n127.0.0.1\n  54321001   3\nstarting\n");
        assertThatThrownBy(() -> EmbeddedLedger.locate(dir)).isInstanceOf(ProviderException.class)
                .hasMessage("the embedded ledger in " + dir + " is starting; run the report again in a moment");
    }

    @Test
    void a_password_file_others_can_read_is_refused() throws IOException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("PG_VERSION"), "17\n");
        Files.copy(data.resolve("postmaster.pid"), copy.resolve("postmaster.pid"));
        Files.writeString(copy.resolve(EmbeddedDefault.DB_PASSWORD_FILE), "secret\n");
        Files.setPosixFilePermissions(copy.resolve(EmbeddedDefault.DB_PASSWORD_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> EmbeddedLedger.locate(copy)).isInstanceOf(SpendException.class)
                .hasMessage(copy.resolve(EmbeddedDefault.DB_PASSWORD_FILE) + " is readable by other users; chmod 600 it");
        Files.delete(copy.resolve(EmbeddedDefault.DB_PASSWORD_FILE));
        assertThatThrownBy(() -> EmbeddedLedger.locate(copy)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("has no password file yet");
    }

    private static Throwable catchThrown(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    /** A PID no process has now: one that ran and exited. */
    private static long deadPid() throws IOException {
        Process p = new ProcessBuilder("true").start();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p.pid();
    }
}

package dev.bella.booking.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.booking.store.BookingStore.BookResult;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaTest {

    static TestDatabase pg;
    final BookingStore store = new BookingStore();
    static final Instant NINE = Instant.parse("2030-01-07T14:00:00Z");

    @BeforeAll
    static void start() {
        pg = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @BeforeEach
    void empty() throws Exception {
        pg.exec("TRUNCATE appointments, users, webhook_responses, callbacks, calls, call_costs, call_gathers RESTART IDENTITY CASCADE");
    }

    @Test
    void migrationsFromEmptyCreateTheSeedIndexesAndTheLedgerContract() throws Exception {
        assertThat(pg.count("SELECT count(*) FROM flyway_schema_history WHERE success"))
                .isEqualTo(pg.count("SELECT count(*) FROM flyway_schema_history")).isGreaterThanOrEqualTo(3);
        // issue 14: each Gather and the priced lines of each call
        assertThat(pg.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'call_gathers'"
                + " AND column_name IN ('input_mode', 'prompt_chars', 'prompt_seconds', 'reprompt', 'asked_at',"
                + " 'answered_at', 'answered_by', 'listened_seconds')")).isEqualTo(8);
        assertThat(pg.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'call_costs'"
                + " AND column_name IN ('billed_minutes', 'speech_gathers', 'keypad_gathers', 'speech_blocks',"
                + " 'minutes_usd', 'speech_usd', 'llm_usd', 'price_table')")).isEqualTo(8);
        assertThat(pg.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_users_mobile_hash'"
                + " AND indexdef LIKE '%USING hash (mobile)%'")).isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_appointments_user_time'"
                + " AND indexdef LIKE '%(user_id, starts_at)%'")).isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM pg_constraint WHERE conname = 'appointments_no_overlap' AND contype = 'x'"))
                .isEqualTo(1);
        List<String> columns = pg.db.inTransaction(c -> {
            var out = new java.util.ArrayList<String>();
            try (var rs = c.createStatement().executeQuery("""
                    SELECT column_name || ' ' || data_type || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
                      || ' ' || is_nullable FROM information_schema.columns WHERE table_name = 'call_costs' ORDER BY ordinal_position""")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        assertThat(columns).startsWith(
                "call_sid text NO", "started_at timestamp with time zone NO", "duration_seconds integer(32,0) YES",
                "twilio_minutes numeric(10,2) YES", "llm_calls integer(32,0) NO", "llm_tokens_in integer(32,0) NO",
                "llm_tokens_out integer(32,0) NO", "cache_hits integer(32,0) NO", "cache_misses integer(32,0) NO",
                "cost_usd numeric(12,6) YES");
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        long applied = pg.count("SELECT count(*) FROM flyway_schema_history");
        pg.db.migrate();
        assertThat(pg.count("SELECT count(*) FROM flyway_schema_history")).isEqualTo(applied);
    }

    @Test
    void theDatabaseRefusesOverlappingBookingsEvenWithoutTheCode() throws Exception {
        pg.exec("INSERT INTO users (mobile, name) VALUES ('+15550000001', 'A'), ('+15550000002', 'B')");
        pg.exec("INSERT INTO appointments (user_id, starts_at, ends_at) VALUES (1, '2030-01-07 14:00Z', '2030-01-07 14:30Z')");
        assertThatThrownBy(() -> pg.exec("INSERT INTO appointments (user_id, starts_at, ends_at)"
                + " VALUES (2, '2030-01-07 14:15Z', '2030-01-07 14:45Z')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("appointments_no_overlap");
        // touching ends do not overlap: [14:00, 14:30) then [14:30, 15:00)
        pg.exec("INSERT INTO appointments (user_id, starts_at, ends_at) VALUES (2, '2030-01-07 14:30Z', '2030-01-07 15:00Z')");
        // a cancelled appointment frees its slot
        pg.exec("UPDATE appointments SET status = 'cancelled' WHERE id = 1");
        pg.exec("INSERT INTO appointments (user_id, starts_at, ends_at) VALUES (2, '2030-01-07 14:00Z', '2030-01-07 14:30Z')");
    }

    @Test
    void bookReportsTakenAndKeepsTheTransactionUsable() throws Exception {
        Instant end = NINE.plusSeconds(1800);
        BookResult first = pg.db.inTransaction(c -> store.book(c, "Ann", "+15550000001", NINE, end, "CA1"));
        assertThat(first).isInstanceOf(BookResult.Booked.class);
        long after = pg.db.inTransaction(c -> {
            assertThat(store.book(c, "Bob", "+15550000002", NINE.plusSeconds(600), end.plusSeconds(600), "CA2"))
                    .isInstanceOf(BookResult.Taken.class);
            // still usable after the refused insert
            return (long) store.bookedBetween(c, NINE, end.plusSeconds(3600)).size();
        });
        assertThat(after).isEqualTo(1);
        assertThat(pg.count("SELECT count(*) FROM users")).isEqualTo(2);
    }

    @Test
    void aReturningCallerIsFoundByMobileAndRenamedButAppointmentsKeepTheirNames() throws Exception {
        pg.db.inTransaction(c -> store.book(c, "Ann", "+15550000001", NINE, NINE.plusSeconds(1800), "CA1"));
        pg.db.inTransaction(c -> store.book(c, "Ann Lee", "+15550000001", NINE.plusSeconds(3600), NINE.plusSeconds(5400), "CA2"));
        assertThat(pg.count("SELECT count(*) FROM users")).isEqualTo(1);
        List<BookingStore.Appointment> all = pg.db.inTransaction(c -> store.appointments(c, NINE, NINE.plusSeconds(86400)));
        assertThat(all).extracting(BookingStore.Appointment::name).containsExactly("Ann", "Ann Lee");
        assertThat(pg.count("SELECT count(*) FROM users WHERE name = 'Ann Lee'")).isEqualTo(1);
    }

    @Test
    void cancelFreesTheSlotOnce() throws Exception {
        var booked = (BookResult.Booked) pg.db.inTransaction(
                c -> store.book(c, "Ann", "+15550000001", NINE, NINE.plusSeconds(1800), "CA1"));
        boolean first = pg.db.inTransaction(c -> store.cancel(c, booked.appointmentId()));
        boolean second = pg.db.inTransaction(c -> store.cancel(c, booked.appointmentId()));
        List<BookingStore.Range> left = pg.db.inTransaction(c -> store.bookedBetween(c, NINE, NINE.plusSeconds(1800)));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(left).isEmpty();
    }

    @Test
    void statementTimeoutStopsASlowQuery() {
        assertThatThrownBy(() -> pg.exec("SELECT pg_sleep(5)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
    }
}

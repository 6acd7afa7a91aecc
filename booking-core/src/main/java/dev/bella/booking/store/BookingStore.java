package dev.bella.booking.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC over the booking schema. Every method runs on the caller's connection so the voice
 * service can put a whole webhook (state, answer, booking, ledger) in one transaction.
 */
public final class BookingStore {

    /** SQLSTATE of an exclusion-constraint violation: the slot was booked by someone else first. */
    private static final String EXCLUSION_VIOLATION = "23P01";

    public record CallRecord(String callSid, String from, String stateJson, int turns) {
    }

    public record Appointment(long id, String name, String phone, Instant startsAt, Instant endsAt, String status) {
    }

    public record Range(Instant startsAt, Instant endsAt) {
    }

    public sealed interface BookResult {
        record Booked(long appointmentId) implements BookResult {
        }

        record Taken() implements BookResult {
        }
    }

    /** Creates the call row if this is the first webhook for the call; a retry finds it there. */
    public boolean insertCall(Connection c, String callSid, String from, String to, String stateJson, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO calls (call_sid, from_number, to_number, state, started_at, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (call_sid) DO NOTHING""")) {
            ps.setString(1, callSid);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setString(4, stateJson);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        }
    }

    /** Locks the call row: webhooks of one call (and their retries) are served one at a time. */
    public Optional<CallRecord> lockCall(Connection c, String callSid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT from_number, state::text, turns FROM calls WHERE call_sid = ? FOR UPDATE")) {
            ps.setString(1, callSid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CallRecord(callSid, rs.getString(1), rs.getString(2), rs.getInt(3)))
                        : Optional.empty();
            }
        }
    }

    public void updateCall(Connection c, String callSid, String stateJson, int turns, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE calls SET state = ?::jsonb, turns = ?, updated_at = ? WHERE call_sid = ?")) {
            ps.setString(1, stateJson);
            ps.setInt(2, turns);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, callSid);
            ps.executeUpdate();
        }
    }

    public void updateCallStatus(Connection c, String callSid, String status, Integer durationSeconds, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE calls SET status = ?, duration_seconds = COALESCE(?, duration_seconds), updated_at = ?
                WHERE call_sid = ?""")) {
            ps.setString(1, status);
            ps.setObject(2, durationSeconds);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, callSid);
            ps.executeUpdate();
        }
    }

    /** The answer given to this webhook of this call; the call is part of the match, so no key reaches across calls. */
    public Optional<String> savedResponse(Connection c, String idempotencyKey, String callSid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM webhook_responses WHERE idempotency_key = ? AND call_sid = ?")) {
            ps.setString(1, idempotencyKey);
            ps.setString(2, callSid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void saveResponse(Connection c, String idempotencyKey, String callSid, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO webhook_responses (idempotency_key, call_sid, body) VALUES (?, ?, ?)")) {
            ps.setString(1, idempotencyKey);
            ps.setString(2, callSid);
            ps.setString(3, body);
            ps.executeUpdate();
        }
    }

    /** Booked appointments overlapping [from, to), ordered by start. */
    public List<Range> bookedBetween(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT starts_at, ends_at FROM appointments
                WHERE status = 'booked' AND starts_at < ? AND ends_at > ? ORDER BY starts_at""")) {
            ps.setTimestamp(1, Timestamp.from(to));
            ps.setTimestamp(2, Timestamp.from(from));
            List<Range> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Range(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
                }
            }
            return out;
        }
    }

    /**
     * Books the slot for the caller, creating or renaming the user by mobile number. The exclusion
     * constraint decides races: the loser gets {@link BookResult.Taken} and its transaction stays usable
     * (the insert runs under a savepoint), so the call can be offered other times in the same webhook.
     */
    public BookResult book(Connection c, String name, String mobile, Instant start, Instant end, String callSid)
            throws SQLException {
        return book(c, name, mobile, start, end, callSid, mobile);
    }

    /**
     * Books under {@code name}. The user of {@code mobile} is created with that name, but an existing user's
     * name changes only when {@code verifiedCaller} (Twilio's From) is that number: anyone can say someone
     * else's number. The appointment keeps its own name either way.
     */
    public BookResult book(Connection c, String name, String mobile, Instant start, Instant end, String callSid,
                           String verifiedCaller) throws SQLException {
        long userId;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO users (mobile, name) VALUES (?, ?)
                ON CONFLICT (mobile) DO UPDATE
                SET name = CASE WHEN EXCLUDED.mobile = ? THEN EXCLUDED.name ELSE users.name END,
                    updated_at = CASE WHEN EXCLUDED.mobile = ? THEN now() ELSE users.updated_at END
                RETURNING id""")) {
            ps.setString(1, mobile);
            ps.setString(2, name);
            ps.setString(3, verifiedCaller);
            ps.setString(4, verifiedCaller);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                userId = rs.getLong(1);
            }
        }
        // Concurrent inserts of overlapping ranges can deadlock inside the exclusion check (each waits on
        // the other's uncommitted row, PostgreSQL aborts one after deadlock_timeout). Queueing bookings of
        // one resource on an advisory lock, held to commit, makes the loser fail fast and cleanly instead;
        // the constraint still decides who wins.
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('appointments:main'))")) {
            lock.execute();
        }
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO appointments (user_id, starts_at, ends_at, call_sid, name) VALUES (?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setLong(1, userId);
            ps.setTimestamp(2, Timestamp.from(start));
            ps.setTimestamp(3, Timestamp.from(end));
            ps.setString(4, callSid);
            ps.setString(5, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                c.releaseSavepoint(savepoint);
                return new BookResult.Booked(id);
            }
        } catch (SQLException e) {
            if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                c.rollback(savepoint);
                return new BookResult.Taken();
            }
            throw e;
        }
    }

    public void promiseCallback(Connection c, String callSid, String phone, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO callbacks (call_sid, phone, reason) VALUES (?, ?, ?) ON CONFLICT (call_sid) DO NOTHING""")) {
            ps.setString(1, callSid);
            ps.setString(2, phone);
            ps.setString(3, reason);
            ps.executeUpdate();
        }
    }

    /** A returning caller as stored for their number: the name, and whether they answer yes/no by speech. */
    public record Caller(String name, boolean answersBySpeech) {
    }

    /** The caller stored for a mobile number, if the number is on file (a returning caller). */
    public Optional<Caller> callerForMobile(Connection c, String mobile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, answers_by_speech FROM users WHERE mobile = ?")) {
            ps.setString(1, mobile);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Caller(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** Remembers how the caller of this number answered yes/no, for their next call (their own number only). */
    public void rememberAnswers(Connection c, String mobile, boolean bySpeech) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET answers_by_speech = ? WHERE mobile = ?")) {
            ps.setBoolean(1, bySpeech);
            ps.setString(2, mobile);
            ps.executeUpdate();
        }
    }

    /** Appointments (any status) starting in [from, to), for the admin API. */
    public List<Appointment> appointments(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.id, COALESCE(a.name, u.name), u.mobile, a.starts_at, a.ends_at, a.status
                FROM appointments a JOIN users u ON u.id = a.user_id
                WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id""")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            List<Appointment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Appointment(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6)));
                }
            }
            return out;
        }
    }

    /** Cancels a booked appointment, freeing its slot; false when there is no such booked appointment. */
    public boolean cancel(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }
}

package dev.bella.booking.ledger;

import dev.bella.booking.config.BookingConfig.Rates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The per-call cost ledger ({@code call_costs}), read by {@code bella cost report --ledger-url}: one row
 * per call, created at the first webhook, usage added per turn, priced when Twilio reports the duration.
 */
public final class CallLedger {

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** What one extraction cost: zero for the local extractor. */
    public record Usage(int llmCalls, int tokensIn, int tokensOut, int cacheHits, int cacheMisses) {
        public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        public boolean isNone() {
            return equals(NONE);
        }
    }

    private final Rates rates;

    public CallLedger(Rates rates) {
        this.rates = rates;
    }

    public void open(Connection c, String callSid, Instant startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO call_costs (call_sid, started_at) VALUES (?, ?) ON CONFLICT (call_sid) DO NOTHING")) {
            ps.setString(1, callSid);
            ps.setTimestamp(2, Timestamp.from(startedAt));
            ps.executeUpdate();
        }
    }

    public void add(Connection c, String callSid, Usage usage) throws SQLException {
        if (usage.isNone()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE call_costs SET llm_calls = llm_calls + ?, llm_tokens_in = llm_tokens_in + ?,
                  llm_tokens_out = llm_tokens_out + ?, cache_hits = cache_hits + ?, cache_misses = cache_misses + ?,
                  updated_at = now()
                WHERE call_sid = ?""")) {
            ps.setInt(1, usage.llmCalls());
            ps.setInt(2, usage.tokensIn());
            ps.setInt(3, usage.tokensOut());
            ps.setInt(4, usage.cacheHits());
            ps.setInt(5, usage.cacheMisses());
            ps.setString(6, callSid);
            ps.executeUpdate();
        }
    }

    /**
     * Prices the call once its duration is known. Twilio bills each started minute, so 61 seconds are
     * 2 minutes. Setting (not adding) keeps a repeated status callback from counting twice.
     */
    public void complete(Connection c, String callSid, Instant startedAt, int durationSeconds) throws SQLException {
        open(c, callSid, startedAt);
        long tokensIn;
        long tokensOut;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT llm_tokens_in, llm_tokens_out FROM call_costs WHERE call_sid = ? FOR UPDATE")) {
            ps.setString(1, callSid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                tokensIn = rs.getLong(1);
                tokensOut = rs.getLong(2);
            }
        }
        BigDecimal minutes = billedMinutes(durationSeconds);
        BigDecimal cost = minutes.multiply(rates.twilioPerMinute())
                .add(BigDecimal.valueOf(tokensIn).multiply(rates.llmPerMillionIn()).divide(MILLION))
                .add(BigDecimal.valueOf(tokensOut).multiply(rates.llmPerMillionOut()).divide(MILLION))
                .setScale(6, RoundingMode.HALF_UP);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE call_costs SET duration_seconds = ?, twilio_minutes = ?, cost_usd = ?, updated_at = now()
                WHERE call_sid = ?""")) {
            ps.setInt(1, durationSeconds);
            ps.setBigDecimal(2, minutes);
            ps.setBigDecimal(3, cost);
            ps.setString(4, callSid);
            ps.executeUpdate();
        }
    }

    static BigDecimal billedMinutes(int durationSeconds) {
        return BigDecimal.valueOf(durationSeconds).divide(SECONDS_PER_MINUTE, 0, RoundingMode.CEILING).setScale(2);
    }
}

package dev.bella.booking.ledger;

import dev.bella.prices.VoicePriceModel;
import dev.bella.prices.VoicePriceModel.CallCost;
import dev.bella.prices.VoicePriceModel.Gather;
import dev.bella.prices.VoicePriceModel.Input;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-call cost ledger, read by {@code bella cost report --ledger-url}: one {@code call_costs} row per call,
 * created at the first webhook, LLM usage added per turn, and one {@code call_gathers} row per Gather the
 * service asked (how it listened, how long its prompt is, how long until the next webhook, how it was
 * answered). When Twilio reports the duration, the call is priced with the {@link VoicePriceModel} over the
 * price table, the same model the estimate uses: there are no prices here.
 */
public final class CallLedger {

    /** How a Gather was answered: Twilio posted a SpeechResult, Digits, or neither (the caller said nothing). */
    public enum AnsweredBy { SPEECH, KEYPAD, SILENCE }

    /** What one extraction cost: zero for the local extractor. */
    public record Usage(int llmCalls, int tokensIn, int tokensOut, int cacheHits, int cacheMisses) {
        public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        public boolean isNone() {
            return equals(NONE);
        }
    }

    private final VoicePriceModel prices;
    private final BigDecimal speakingRate;

    /** @param speakingRate characters a second the voice reads, to state each prompt's length in seconds */
    public CallLedger(VoicePriceModel prices, BigDecimal speakingRate) {
        this.prices = prices;
        this.speakingRate = speakingRate;
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
     * The service answered with a Gather. Runs under the call's row lock (webhooks of a call are serialised),
     * so numbering by the call's last Gather is safe.
     */
    public void asked(Connection c, String callSid, boolean speech, String prompt, boolean reprompt, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO call_gathers (call_sid, seq, input_mode, prompt_chars, prompt_seconds, reprompt, asked_at)
                SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM call_gathers WHERE call_sid = ?""")) {
            ps.setString(1, callSid);
            ps.setString(2, speech ? "speech" : "dtmf");
            ps.setInt(3, prompt.length());
            ps.setBigDecimal(4, BigDecimal.valueOf(prompt.length()).divide(speakingRate, 2, RoundingMode.HALF_UP));
            ps.setBoolean(5, reprompt);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, callSid);
            ps.executeUpdate();
        }
    }

    /** The next webhook of the call arrived: it answers the call's open Gather. */
    public void answered(Connection c, String callSid, AnsweredBy by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE call_gathers SET answered_at = ?, answered_by = ?,
                  listened_seconds = greatest(0, extract(epoch FROM (?::timestamptz - asked_at)))
                WHERE call_sid = ? AND seq = (SELECT max(seq) FROM call_gathers WHERE call_sid = ?)
                  AND answered_at IS NULL""")) {
            Timestamp t = Timestamp.from(at);
            ps.setTimestamp(1, t);
            ps.setString(2, by.name().toLowerCase(java.util.Locale.ROOT));
            ps.setTimestamp(3, t);
            ps.setString(4, callSid);
            ps.setString(5, callSid);
            ps.executeUpdate();
        }
    }

    /**
     * Prices the call once its duration is known. Setting (not adding) keeps a repeated status callback from
     * counting twice. A Gather still open when the call ended (the caller hung up while it listened) listened
     * until {@code endedAt}.
     */
    public void complete(Connection c, String callSid, Instant startedAt, Instant endedAt, int durationSeconds)
            throws SQLException {
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
        List<Gather> gathers = new ArrayList<>();
        int reprompts = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT input_mode, coalesce(listened_seconds, greatest(0, extract(epoch FROM (?::timestamptz - asked_at)))), reprompt
                FROM call_gathers WHERE call_sid = ? ORDER BY seq""")) {
            ps.setTimestamp(1, Timestamp.from(endedAt));
            ps.setString(2, callSid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Duration listened = Duration.ofMillis(rs.getBigDecimal(2).movePointRight(3).longValue());
                    gathers.add(new Gather(rs.getString(1).equals("speech") ? Input.SPEECH : Input.DTMF, listened));
                    reprompts += rs.getBoolean(3) ? 1 : 0;
                }
            }
        }
        CallCost cost = prices.price(new VoicePriceModel.Call(Duration.ofSeconds(durationSeconds), gathers, tokensIn,
                tokensOut, 0));
        long speech = gathers.stream().filter(g -> g.input() == Input.SPEECH).count();
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE call_costs SET duration_seconds = ?, twilio_minutes = ?, billed_minutes = ?, speech_gathers = ?,
                  keypad_gathers = ?, speech_blocks = ?, reprompts = ?, minutes_usd = ?, speech_usd = ?, llm_usd = ?,
                  cost_usd = ?, price_table = ?, updated_at = now()
                WHERE call_sid = ?""")) {
            ps.setInt(1, durationSeconds);
            ps.setBigDecimal(2, BigDecimal.valueOf(cost.billedMinutes()).setScale(2));
            ps.setLong(3, cost.billedMinutes());
            ps.setLong(4, speech);
            ps.setLong(5, gathers.size() - speech);
            ps.setLong(6, cost.speechBlocks());
            ps.setInt(7, reprompts);
            ps.setBigDecimal(8, cost.minutes());
            ps.setBigDecimal(9, cost.speech().add(cost.tts()));
            ps.setBigDecimal(10, cost.llm());
            ps.setBigDecimal(11, cost.total());
            ps.setString(12, prices.table().name());
            ps.setString(13, callSid);
            ps.executeUpdate();
        }
    }
}

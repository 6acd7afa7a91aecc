package dev.bella.spend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.prices.VoiceUsage;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The booking service's per-call ledger ({@code call_costs}, one row per call): calls and OpenAI tokens in
 * the period. Tokens are priced from the price table, not from the ledger's own cost column, so the report
 * and the estimate use one set of prices. Read through a one-connection HikariCP pool with short timeouts:
 * a report must fail fast, not hang, when the database is unreachable.
 */
public final class LedgerReader {

    static final String QUERY = "select count(*), coalesce(sum(llm_tokens_in), 0), coalesce(sum(llm_tokens_out), 0), "
            + "coalesce(sum(twilio_minutes), 0), coalesce(sum(llm_calls), 0), "
            // issue 14: what each priced call used of Twilio, measured per Gather by the service
            + "count(billed_minutes), coalesce(sum(billed_minutes), 0), coalesce(sum(speech_gathers), 0), "
            + "coalesce(sum(keypad_gathers), 0), coalesce(sum(speech_blocks), 0), "
            + "coalesce(sum(duration_seconds) filter (where billed_minutes is not null), 0), "
            + "coalesce(sum(reprompts), 0), coalesce(sum(cache_hits), 0), coalesce(sum(minutes_usd), 0), "
            + "coalesce(sum(speech_usd), 0), coalesce(sum(llm_usd), 0), coalesce(sum(cost_usd), 0), "
            // the caller habit the keypad levers depend on: priced calls asked a keypad-only question, and those in
            // which one got no key (a "yes" said to "press 1" is silence to a keypad Gather)
            + "count(*) filter (where billed_minutes is not null and exists (select 1 from call_gathers g"
            + " where g.call_sid = call_costs.call_sid and g.input_mode = 'dtmf')), "
            + "count(*) filter (where billed_minutes is not null and exists (select 1 from call_gathers g"
            + " where g.call_sid = call_costs.call_sid and g.input_mode = 'dtmf' and g.answered_by = 'silence')) "
            + "from call_costs where started_at >= ? and started_at < ?";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Duration timeout;
    private final String check;

    public LedgerReader(String jdbcUrl, Optional<String> user, Optional<String> password) {
        this(jdbcUrl, user, password, Duration.ofSeconds(3));
    }

    LedgerReader(String jdbcUrl, Optional<String> user, Optional<String> password, Duration timeout) {
        this(jdbcUrl, user, password, timeout, "check --ledger-url, BELLA_LEDGER_USER and BELLA_LEDGER_PASSWORD");
    }

    private LedgerReader(String jdbcUrl, Optional<String> user, Optional<String> password, Duration timeout,
                         String check) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new SpendException("--ledger-url: expected a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://host:5432/bella, 'embedded' or a booking data dir, found '" + jdbcUrl + "'");
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.check = check;
    }

    /**
     * The reader for what --ledger-url says: a {@code jdbc:} URL (user and password from BELLA_LEDGER_USER and
     * BELLA_LEDGER_PASSWORD), {@code embedded} (the data dir `bella booking serve` uses by default) or the path of a
     * booking data dir, whose running server is found without a URL ({@link EmbeddedLedger}).
     */
    public static LedgerReader forOption(String value, Map<String, String> env) {
        if (value.isBlank()) {
            throw new SpendException("--ledger-url: empty; give a jdbc:postgresql:// URL, 'embedded' or a booking data dir");
        }
        return EmbeddedLedger.forOption(value, env)
                .map(at -> new LedgerReader(at.jdbcUrl(), Optional.of(at.user()), Optional.of(at.password()),
                        Duration.ofSeconds(3), "is `bella booking serve --data-dir " + at.dataDir() + "` still running?"))
                .orElseGet(() -> new LedgerReader(value, Optional.ofNullable(env.get("BELLA_LEDGER_USER")),
                        Optional.ofNullable(env.get("BELLA_LEDGER_PASSWORD"))));
    }

    /** The ledger's totals for the period, in the ledger's own units. */
    public record Totals(long calls, long tokensIn, long tokensOut, BigDecimal twilioMinutes, long llmCalls,
                         Measured measured) {
        public Totals(long calls, long tokensIn, long tokensOut, BigDecimal twilioMinutes, long llmCalls) {
            this(calls, tokensIn, tokensOut, twilioMinutes, llmCalls, Measured.NONE);
        }
    }

    /**
     * What the service measured of its priced calls (those whose status callback arrived): whole minutes billed,
     * speech and keypad Gathers, speech blocks, seconds, re-prompts, cache hits, and the ledger's own priced lines.
     */
    public record Measured(long pricedCalls, long billedMinutes, long speechGathers, long keypadGathers,
                           long speechBlocks, long seconds, long reprompts, long cacheHits, BigDecimal minutesUsd,
                           BigDecimal speechUsd, BigDecimal llmUsd, BigDecimal costUsd, KeypadHabit keypadHabit) {
        public static final Measured NONE = new Measured(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new KeypadHabit(0, 0));

        /** The voice usage of an average call, for the estimate; empty when no call was priced. */
        public Optional<VoiceUsage> voiceUsage() {
            if (pricedCalls == 0) {
                return Optional.empty();
            }
            BigDecimal n = BigDecimal.valueOf(pricedCalls);
            BigDecimal blocksPerGather = speechGathers == 0 ? BigDecimal.ONE
                    : BigDecimal.valueOf(speechBlocks).divide(BigDecimal.valueOf(speechGathers), 4, RoundingMode.HALF_UP);
            return Optional.of(new VoiceUsage(avg(speechGathers, n), avg(keypadGathers, n), blocksPerGather,
                    avg(billedMinutes, n), BigDecimal.ZERO, "measured by the ledger over " + pricedCalls + " calls"));
        }

        /** One line of averages per call, for the report's notes. */
        public String averages() {
            BigDecimal n = BigDecimal.valueOf(Math.max(1, pricedCalls));
            return "ledger averages over " + pricedCalls + " priced calls: " + avg(seconds, n).setScale(1, RoundingMode.HALF_UP)
                    + " s and " + avg(billedMinutes, n).setScale(2, RoundingMode.HALF_UP) + " billed minutes, "
                    + avg(speechGathers, n).setScale(2, RoundingMode.HALF_UP) + " speech Gathers ("
                    + avg(speechBlocks, n).setScale(2, RoundingMode.HALF_UP) + " 15 s blocks), "
                    + avg(keypadGathers, n).setScale(2, RoundingMode.HALF_UP) + " keypad Gathers, "
                    + avg(reprompts, n).setScale(2, RoundingMode.HALF_UP) + " re-prompts, "
                    + avg(cacheHits, n).setScale(2, RoundingMode.HALF_UP) + " cache hits per call"
                    + keypadHabit.said();
        }

        /** The ledger's own cost per call, line by line (the service priced it with the same model). */
        public String costPerCall() {
            BigDecimal n = BigDecimal.valueOf(Math.max(1, pricedCalls));
            return "ledger cost per call: $" + per(costUsd, n) + " (minutes $" + per(minutesUsd, n) + ", speech $"
                    + per(speechUsd, n) + ", LLM $" + per(llmUsd, n) + ")";
        }

        private static BigDecimal avg(long total, BigDecimal n) {
            return BigDecimal.valueOf(total).divide(n, 4, RoundingMode.HALF_UP);
        }

        private static String per(BigDecimal total, BigDecimal n) {
            return total.divide(n, 4, RoundingMode.HALF_UP).toPlainString();
        }
    }

    /**
     * Of the priced calls asked a keypad-only question, those in which one got no key: the share of callers who
     * speak to "press 1", which decides what the keypad levers save (docs/cost-model.md, where the target holds).
     */
    public record KeypadHabit(long callsAsked, long callsWithoutKey) {

        String said() {
            if (callsAsked == 0) {
                return "";
            }
            BigDecimal percent = BigDecimal.valueOf(callsWithoutKey * 100).divide(BigDecimal.valueOf(callsAsked), 0,
                    RoundingMode.HALF_UP);
            return "; a keypad-only question went unanswered in " + callsWithoutKey + " of the " + callsAsked
                    + " calls that had one (" + percent + "%)";
        }
    }

    public Totals read(SpendPeriod period) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        // the driver gives up on its own within the timeout and its message (e.g. database "bella" does not
        // exist) is the one the user sees, not the pool's "connection is not available"
        long seconds = Math.max(1, timeout.toSeconds());
        config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
        config.addDataSourceProperty("loginTimeout", String.valueOf(seconds));
        config.addDataSourceProperty("socketTimeout", "30");
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(1);
        config.setReadOnly(true);
        config.setConnectionTimeout(timeout.toMillis());
        config.setInitializationFailTimeout(-1);
        config.setPoolName("bella-ledger");
        try (HikariDataSource ds = new HikariDataSource(config);
             Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement(QUERY)) {
            st.setTimestamp(1, Timestamp.from(period.start().atStartOfDay(ZoneOffset.UTC).toInstant()));
            st.setTimestamp(2, Timestamp.from(period.endExclusive().atStartOfDay(ZoneOffset.UTC).toInstant()));
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Measured m = new Measured(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getBigDecimal(14), rs.getBigDecimal(15),
                        rs.getBigDecimal(16), rs.getBigDecimal(17), new KeypadHabit(rs.getLong(18), rs.getLong(19)));
                return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5), m);
            }
        } catch (SQLException timedOut) {
            // the pool's "request timed out" wraps the driver's real reason: show that one
            SQLException e = timedOut;
            while (e.getCause() instanceof SQLException cause) {
                e = cause;
            }
            String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
            throw new ProviderException("ledger database: " + firstLine(e.getMessage()) + state + "; " + check, e);
        }
    }

    /** OpenAI lines priced from the table for {@code model}; Twilio minutes priced too when Twilio's API is not used. */
    public static List<LineItem> lines(Totals t, PriceTable prices, String model, boolean priceTwilioMinutes) {
        List<LineItem> lines = new ArrayList<>();
        String in = PriceKeys.llmInputMillionTokens(model);
        String out = PriceKeys.llmOutputMillionTokens(model);
        lines.add(LineItem.priced("openai-input-tokens", "OpenAI " + model + " input tokens (ledger)",
                BigDecimal.valueOf(t.tokensIn()).divide(MILLION, MathContext.DECIMAL64), "million tokens",
                prices.price(in), in));
        lines.add(LineItem.priced("openai-output-tokens", "OpenAI " + model + " output tokens (ledger)",
                BigDecimal.valueOf(t.tokensOut()).divide(MILLION, MathContext.DECIMAL64), "million tokens",
                prices.price(out), out));
        if (priceTwilioMinutes) {
            lines.add(LineItem.priced("twilio-minutes-ledger", "Twilio inbound minutes, whole minutes per call"
                            + " (ledger × price table)", t.twilioMinutes(), "minutes",
                    prices.price(PriceKeys.TWILIO_INBOUND_MINUTE), PriceKeys.TWILIO_INBOUND_MINUTE));
            if (t.measured().pricedCalls() > 0) {
                lines.add(LineItem.priced("twilio-speech-ledger", "Twilio speech recognition, "
                                + t.measured().speechGathers() + " speech Gathers measured (ledger × price table)",
                        BigDecimal.valueOf(t.measured().speechBlocks()), "15 s blocks",
                        prices.price(PriceKeys.TWILIO_SPEECH_15S), PriceKeys.TWILIO_SPEECH_15S));
            }
        }
        return lines;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

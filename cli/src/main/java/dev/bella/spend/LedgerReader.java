package dev.bella.spend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The booking service's per-call ledger ({@code call_costs}, one row per call): calls and OpenAI tokens in
 * the period. Tokens are priced from the price table, not from the ledger's own cost column, so the report
 * and the estimate use one set of prices. Read through a one-connection HikariCP pool with short timeouts:
 * a report must fail fast, not hang, when the database is unreachable.
 */
public final class LedgerReader {

    static final String QUERY = "select count(*), coalesce(sum(llm_tokens_in), 0), coalesce(sum(llm_tokens_out), 0), "
            + "coalesce(sum(twilio_minutes), 0), coalesce(sum(llm_calls), 0) "
            + "from call_costs where started_at >= ? and started_at < ?";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final java.time.Duration timeout;

    public LedgerReader(String jdbcUrl, Optional<String> user, Optional<String> password) {
        this(jdbcUrl, user, password, java.time.Duration.ofSeconds(10));
    }

    LedgerReader(String jdbcUrl, Optional<String> user, Optional<String> password, java.time.Duration timeout) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new SpendException("--ledger-url: expected a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://host:5432/bella, found '" + jdbcUrl + "'");
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
    }

    /** The ledger's totals for the period, in the ledger's own units. */
    public record Totals(long calls, long tokensIn, long tokensOut, BigDecimal twilioMinutes, long llmCalls) {
    }

    public Totals read(SpendPeriod period) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
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
                return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5));
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
            throw new ProviderException("ledger database: " + firstLine(e.getMessage()) + state
                    + "; check --ledger-url, BELLA_LEDGER_USER and BELLA_LEDGER_PASSWORD", e);
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
            lines.add(LineItem.priced("twilio-minutes-ledger", "Twilio inbound minutes (ledger × price table)",
                    t.twilioMinutes(), "minutes", prices.price(PriceKeys.TWILIO_INBOUND_MINUTE),
                    PriceKeys.TWILIO_INBOUND_MINUTE));
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

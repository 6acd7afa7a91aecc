package dev.bella.capacity;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * booking-core's {@code calls} table (one row per call, written by the voice webhooks): its start and, once
 * Twilio's status callback has arrived, its duration. A call still without a duration (in progress, or its
 * callback lost) counts until its last update. Read-only, one connection, short timeouts: a report must fail
 * fast, not hang, when the database cannot be reached.
 */
final class LedgerCalls {

    static final String QUERY = "select started_at, coalesce(duration_seconds, "
            + "greatest(0, extract(epoch from (updated_at - started_at)))) from calls "
            + "where started_at >= ? and started_at < ? order by started_at";

    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;

    LedgerCalls(String jdbcUrl, Optional<String> user, Optional<String> password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new CapacityException(CapacityException.Reason.INPUT, "--ledger-url: expected a PostgreSQL JDBC URL "
                    + "such as jdbc:postgresql://host:5432/bella, found '" + jdbcUrl + "'");
        }
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    List<Call> read(Instant from, Instant to) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(1);
        config.setReadOnly(true);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setInitializationFailTimeout(-1);
        config.setPoolName("bella-capacity");
        List<Call> calls = new ArrayList<>();
        try (HikariDataSource ds = new HikariDataSource(config);
             Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement(QUERY)) {
            st.setTimestamp(1, Timestamp.from(from));
            st.setTimestamp(2, Timestamp.from(to));
            st.setQueryTimeout(60);
            st.setFetchSize(5_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long millis = rs.getBigDecimal(2).movePointRight(3).longValue();
                    calls.add(new Call(rs.getTimestamp(1).toInstant(), Duration.ofMillis(millis)));
                }
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
            String message = e.getMessage() == null ? "(no message)" : e.getMessage().lines().findFirst().orElse("");
            throw new CapacityException(CapacityException.Reason.DATABASE, "ledger database: " + message + state
                    + "; check --ledger-url, BELLA_LEDGER_USER and BELLA_LEDGER_PASSWORD", e);
        }
        return calls;
    }
}

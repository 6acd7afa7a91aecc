package dev.bella.booking.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and the one way to run work in a transaction. Every connection carries a
 * server-side statement timeout and lock timeout, and the driver a socket timeout, so a slow or
 * unreachable database turns into an exception well inside the 3-second voice budget instead of a
 * hung webhook.
 */
public final class Database implements AutoCloseable {

    /** Work on one connection inside a transaction; SQLException rolls it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database connect(String url, String user, String password, Duration statementTimeout) {
        return connect(url, user, password, statementTimeout, 4, null);
    }

    /** @param metrics where the pool reports usage and waits (hikaricp_*), or null */
    /**
     * @param poolSize a fixed number of connections. Small on purpose: a webhook holds one for a few
     *                 milliseconds, and few busy PostgreSQL backends answer faster than many idle ones that
     *                 must be woken (the load bench's p99 at 200 requests/s halved going from 10 to 3)
     */
    public static Database connect(String url, String user, String password, Duration statementTimeout, int poolSize,
                                   io.micrometer.core.instrument.MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        if (metrics != null) {
            // pool exhaustion is how an overloaded instance fails first: operators must see it coming
            config.setMetricRegistry(metrics);
        }
        config.setPoolName("bella-booking");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        // waiting longer for a connection than for a statement would blow the voice budget anyway
        config.setConnectionTimeout(Math.max(250, statementTimeout.toMillis()));
        config.setValidationTimeout(250);
        // start even when the database is briefly away; requests then get the spoken apology
        config.setInitializationFailTimeout(-1);
        long ms = statementTimeout.toMillis();
        config.addDataSourceProperty("options", "-c statement_timeout=" + ms + " -c lock_timeout=" + ms
                + " -c idle_in_transaction_session_timeout=" + (ms * 5));
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(2, ms / 1000 + 2)));
        config.addDataSourceProperty("ApplicationName", "bella-booking");
        return new Database(new HikariDataSource(config));
    }

    /** Brings the schema to the newest migration; safe to run from every instance (Flyway locks). */
    public void migrate() {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    public boolean healthy() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

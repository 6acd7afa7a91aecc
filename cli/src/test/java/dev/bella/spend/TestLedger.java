package dev.bella.spend;

import dev.bella.booking.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * An embedded PostgreSQL holding the booking service's schema, made by booking-core's own Flyway
 * migrations, so the ledger tests read the call_costs table the service really creates.
 */
public final class TestLedger implements AutoCloseable {

    private final EmbeddedPostgres pg;

    private TestLedger(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    /** Starts the database, migrates it and runs the given statements (the test's rows). */
    public static TestLedger start(String... statements) throws IOException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.start();
        try (Database db = Database.connect(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                Duration.ofSeconds(5))) {
            db.migrate();
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return new TestLedger(pg);
    }

    public String jdbcUrl() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}

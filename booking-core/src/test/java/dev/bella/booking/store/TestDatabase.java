package dev.bella.booking.store;

import java.time.Duration;

/** One embedded PostgreSQL per test class, migrated from empty: real SQL, real constraints, no mocks. */
public final class TestDatabase implements AutoCloseable {

    public final EmbeddedDatabase server;
    public final Database db;

    private TestDatabase(EmbeddedDatabase server, Database db) {
        this.server = server;
        this.db = db;
    }

    public static TestDatabase start() {
        EmbeddedDatabase server = EmbeddedDatabase.start(null);
        Database db = Database.connect(server.jdbcUrl(), server.user(), "", Duration.ofSeconds(2));
        db.migrate();
        return new TestDatabase(server, db);
    }

    public long count(String sql) throws Exception {
        return db.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public void exec(String sql) throws Exception {
        db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
        server.close();
    }
}

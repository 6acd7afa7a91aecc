package dev.bella.booking.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: a real PostgreSQL server (zonky binaries) whose data stays in a directory, so
 * bookings survive a restart of {@code bella booking serve}. Not for production: one process, no backups.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDir}; null means a throwaway directory. */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IllegalStateException e) {
            // the container image leaves the binaries out: there the service must be given a database
            throw new IllegalStateException("embedded PostgreSQL is not available in this build (" + e.getMessage()
                    + "); set BELLA_DB_URL, BELLA_DB_USER and BELLA_DB_PASSWORD", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL"
                    + (dataDir == null ? "" : " in " + dataDir) + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.bella.booking.store;

import dev.bella.embedded.EmbeddedDefault;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default: a real PostgreSQL server (zonky binaries) whose data stays in a directory, so
 * bookings survive a restart of {@code bella booking serve}. Not for production: one process, no backups.
 *
 * <p>With a data dir it is durable and closed: fsync, synchronous commit and full page writes on (the library
 * turns them off for tests), listening on loopback only, and the superuser needs a generated password kept in
 * the data dir (0600). One server per data dir ({@link DataDirLock}); what a crash left behind is cleared first
 * ({@link StalePostmaster}). A throwaway instance (no data dir, the tests') keeps the library's fast settings.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final EmbeddedPostgres postgres;
    private final DataDirLock lock;
    private final String password;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DataDirLock lock, String password, Path dataDir) {
        this.postgres = postgres;
        this.lock = lock;
        this.password = password;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDir}; null means a throwaway directory. */
    public static EmbeddedDatabase start(Path dataDir) {
        if (dataDir == null) {
            try {
                return new EmbeddedDatabase(EmbeddedPostgres.builder().start(), null, "", null);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
        DataDirLock lock = null;
        try {
            Files.createDirectories(dataDir);
            Path dir = dataDir.toRealPath();
            lock = DataDirLock.acquire(dir);
            StalePostmaster.clear(dir);
            // initdb wants an empty directory: nothing of ours is written into a new data dir before it ran
            Path passwordFile = dir.resolve(EmbeddedDefault.DB_PASSWORD_FILE);
            boolean hasPassword = Files.exists(passwordFile);
            String password = hasPassword ? LocalSecrets.read(passwordFile) : LocalSecrets.generate();
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir).setCleanDataDirectory(false)
                    // a confirmed booking must survive a crash of the process or the machine
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", LOOPBACK)
                    .setConnectConfig("password", password)
                    // until the superuser has its password (the data dir's first start), loopback may log in without
                    .setDataDirectoryCustomizer(d -> writeHba(d, hasPassword ? "scram-sha-256" : "trust"))
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, lock, password, dir);
            if (!hasPassword) {
                db.closeTheDoor();
                // written only once the role has it: a crash in between just repeats this on the next start
                LocalSecrets.write(passwordFile, password);
            }
            return db;
        } catch (DataDirBusyException e) {
            throw e;
        } catch (IllegalStateException e) {
            closeQuietly(lock);
            if (e.getMessage() != null && e.getMessage().contains("could not lock")) {
                throw new DataDirBusyException("data dir " + dataDir + " is in use by another process", -1);
            }
            throw new IllegalStateException("embedded PostgreSQL could not start in " + dataDir + ": " + e.getMessage()
                    + " (without its binaries, as in the container image, set BELLA_DB_URL, BELLA_DB_USER and"
                    + " BELLA_DB_PASSWORD)", e);
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /** First start of a data dir: give the superuser its password, then require it from everyone. */
    private void closeTheDoor() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            writeHba(dataDir.toFile(), "scram-sha-256");
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL password: " + e.getMessage(), e);
        }
    }

    private static void writeHba(File dir, String method) {
        String hba = "# written by bella at every start: loopback only, " + method + "\n"
                + "local all all " + (method.equals("trust") ? "reject" : method) + "\n"
                + "host all all 127.0.0.1/32 " + method + "\n"
                + "host all all ::1/128 " + method + "\n";
        try {
            Path file = dir.toPath().resolve("pg_hba.conf");
            Files.writeString(file, hba, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pg_hba.conf in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(DataDirLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + LOOPBACK + ":" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    /** Where the generated password is kept (mode 0600), for tools that read the ledger, such as `bella cost report`. */
    public Path passwordFile() {
        return dataDir.resolve(EmbeddedDefault.DB_PASSWORD_FILE);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The Twilio token of this data dir (created on first use), for when TWILIO_AUTH_TOKEN is unset. */
    public String twilioToken() {
        if (dataDir == null) {
            throw new IllegalStateException("a throwaway database has no token file");
        }
        return LocalSecrets.readOrCreate(dataDir.resolve(EmbeddedDefault.TWILIO_TOKEN_FILE));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(lock);
        }
    }
}

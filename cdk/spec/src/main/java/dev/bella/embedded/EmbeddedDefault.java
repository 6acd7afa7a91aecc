package dev.bella.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the booking service's embedded default (no BELLA_DB_URL) keeps its files, in one place for booking-core,
 * which writes them, and the CLI, which finds the running ledger from them on its light runtime, without booking-core
 * ({@code bella cost report --ledger-url embedded}, {@code bella booking call}).
 */
public final class EmbeddedDefault {

    /** The embedded PostgreSQL's generated superuser password, readable by its owner only. */
    public static final String DB_PASSWORD_FILE = "bella-db-password";
    /** The token the embedded default signs webhooks with when TWILIO_AUTH_TOKEN is unset. */
    public static final String TWILIO_TOKEN_FILE = "bella-twilio-token";

    private EmbeddedDefault() {
    }

    /** The data dir: BELLA_DATA_DIR when set, else .bella/booking-db under {@code home}. */
    public static Path dataDir(Map<String, String> env, Path home) {
        String dir = env.get("BELLA_DATA_DIR");
        return dir == null || dir.isBlank() ? home.resolve(".bella").resolve("booking-db") : Path.of(dir.strip());
    }

    /** The data dir under the user's {@link #home}. */
    public static Path dataDir(Map<String, String> env) {
        return dataDir(env, home(env));
    }

    /** The user's home as the shell sees it: HOME, else the JVM's user.home (the system user's, without HOME). */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
    }
}

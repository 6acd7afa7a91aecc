package dev.bella.spend;

import dev.bella.embedded.EmbeddedDefault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger of the embedded default ({@code bella booking serve} without BELLA_DB_URL), found from its data dir
 * alone, so `bella cost report --ledger-url embedded` (or a data dir) needs no JDBC URL copied from serve's stderr.
 *
 * <p>Plain file reading on purpose: cost report runs on the light runtime, without booking-core. The port comes from
 * the {@code postmaster.pid} PostgreSQL itself writes while it runs (line 1 PID, 4 port, 6 first listen address,
 * 8 status; removed at shutdown), the password from the 0600 file serve generated. The role and database are the
 * ones serve prints: {@code postgres} on loopback.
 */
public final class EmbeddedLedger {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";
    private static final String LOOPBACK = "127.0.0.1";

    private EmbeddedLedger() {
    }

    /** Where a connection to a running embedded ledger goes, and with what. */
    public record Location(Path dataDir, String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Location[" + jdbcUrl + ", user " + user + ", data dir " + dataDir + "]";
        }
    }

    /**
     * What a --ledger-url names when it is no URL: {@code embedded} (the default data dir) or a data dir, located;
     * empty for anything with a scheme (postgres://… is a JDBC URL's typo, not a directory named postgres:), which
     * the caller reads as a URL.
     */
    public static Optional<Location> forOption(String value, Map<String, String> env) {
        if (value.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        return Optional.of(value.equals("embedded") ? locateDefault(EmbeddedDefault.dataDir(env)) : locate(Path.of(value)));
    }

    /**
     * The running server of the default data dir: when that directory does not exist, serve has never run with it,
     * which is the same advice as a stopped server (exit 3), not a mistyped path (exit 2).
     */
    public static Location locateDefault(Path dataDir) {
        if (!Files.exists(dataDir)) {
            throw notRunning(dataDir);
        }
        return locate(dataDir);
    }

    private static ProviderException notRunning(Path dataDir) {
        return new ProviderException("the embedded ledger in " + dataDir + " is not running; start it with `bella booking "
                + "serve --data-dir " + dataDir + "` and run the report again", null);
    }

    /**
     * The running server of {@code dataDir}. A directory that is no data dir is a usage error (exit 2); a data dir
     * whose server is not running, or is still starting, is said in one line with the command that starts it (exit 3).
     */
    public static Location locate(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new SpendException("--ledger-url: " + dataDir + " is no directory; give the data dir of `bella booking "
                    + "serve` (--data-dir), 'embedded' for its default, or a jdbc:postgresql:// URL");
        }
        if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
            throw new SpendException("--ledger-url: " + dataDir + " is not a booking data dir (no PG_VERSION); give the "
                    + "--data-dir `bella booking serve` uses, or a jdbc:postgresql:// URL");
        }
        String start = "start it with `bella booking serve --data-dir " + dataDir + "`";
        List<String> pid = pidFile(dataDir.resolve("postmaster.pid"));
        if (pid.isEmpty() || !running(pid.get(0))) {
            throw notRunning(dataDir);
        }
        // lines 4 and 8 are there from the server's first moment; the status says whether it accepts connections
        String status = pid.size() >= 8 ? pid.get(7).strip() : "";
        if (pid.size() < 4 || !(status.equals("ready") || status.isEmpty())) {
            throw new ProviderException("the embedded ledger in " + dataDir + " is "
                    + (status.isEmpty() ? "starting" : status) + "; run the report again in a moment", null);
        }
        int port;
        try {
            port = Integer.parseInt(pid.get(3).strip());
        } catch (NumberFormatException e) {
            throw new ProviderException("the embedded ledger's " + dataDir.resolve("postmaster.pid") + " names no port ('"
                    + pid.get(3).strip() + "' on line 4); " + start, e);
        }
        String host = pid.size() >= 6 ? pid.get(5).strip() : "";
        if (host.isEmpty() || host.equals("*") || host.equals("0.0.0.0")) {
            host = LOOPBACK;
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return new Location(dataDir, "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE, USER,
                password(dataDir.resolve(EmbeddedDefault.DB_PASSWORD_FILE), start));
    }

    private static List<String> pidFile(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ProviderException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A postmaster.pid whose process is gone (a crash, a reboot) is left behind: the server is not running. */
    private static boolean running(String pidLine) {
        try {
            return ProcessHandle.of(Long.parseLong(pidLine.strip())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String password(Path file, String start) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new SpendException(file + " is readable by other users; chmod 600 it");
            }
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.isEmpty()) {
                throw new SpendException(file + " is empty; stop the booking server, remove it and " + start);
            }
            return secret;
        } catch (NoSuchFileException e) {
            // serve writes it once the role has it, at the first start of a data dir
            throw new ProviderException("the embedded ledger in " + file.getParent() + " has no password file yet ("
                    + EmbeddedDefault.DB_PASSWORD_FILE + "); " + start + " and wait for its 'ledger at' line", e);
        } catch (IOException e) {
            throw new ProviderException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

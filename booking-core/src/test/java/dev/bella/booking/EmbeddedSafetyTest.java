package dev.bella.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.store.DataDirBusyException;
import dev.bella.booking.store.LocalSecrets;
import dev.bella.embedded.EmbeddedDefault;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default on a developer's machine: closed to the network, one server per data dir. */
class EmbeddedSafetyTest {

    @TempDir
    Path home;

    BookingConfig config() {
        return BookingConfig.fromEnv(Map.of("BELLA_PORT", "0"), home);
    }

    @Test
    void loopbackOnlyWithAGeneratedTokenAndAPasswordProtectedDatabase() throws Exception {
        Path dir = home.resolve(".bella/booking-db");
        try (BookingApp app = BookingApp.start(config())) {
            Path token = dir.resolve(EmbeddedDefault.TWILIO_TOKEN_FILE);
            assertThat(Files.getPosixFilePermissions(token)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String secret = LocalSecrets.read(token);
            assertThat(secret).hasSize(64).isNotEqualTo(BookingConfig.LOCAL_DEV_TWILIO_TOKEN);

            // the HTTP server answers on loopback, not on the machine's other addresses
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
                assertThat(s.isConnected()).isTrue();
            }
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(outside.get(), app.port()), 2000);
                    }
                }).as("connect on " + outside.get()).isInstanceOf(java.io.IOException.class);
            }

            // PostgreSQL: loopback only, and the superuser needs the generated password
            String hba = Files.readString(dir.resolve("pg_hba.conf"));
            assertThat(hba).contains("host all all 127.0.0.1/32 scram-sha-256").doesNotContain("trust")
                    .doesNotContain("0.0.0.0");
            String url = app.database().dataSource().unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            String password = LocalSecrets.read(dir.resolve(EmbeddedDefault.DB_PASSWORD_FILE));
            DriverManager.getConnection(url, "postgres", password).close();
            assertThat(Files.readString(dir.resolve("postmaster.opts"))).contains("listen_addresses=127.0.0.1")
                    .contains("fsync=on").contains("synchronous_commit=on");
        }
        // a restart keeps the same token and password
        try (BookingApp again = BookingApp.start(config())) {
            assertThat(again.database().healthy()).isTrue();
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirIsRefusedNamingTheFirstsPid() {
        try (BookingApp first = BookingApp.start(config())) {
            assertThatThrownBy(() -> BookingApp.start(config()).close())
                    .isInstanceOfSatisfying(DataDirBusyException.class, e -> {
                        assertThat(e.pid()).isEqualTo(ProcessHandle.current().pid());
                        assertThat(e.getMessage()).contains("is in use by another booking server (PID "
                                + ProcessHandle.current().pid() + ")").doesNotContain("not available in this build");
                    });
            assertThat(first.database().healthy()).as("the first one is untouched").isTrue();
        }
    }

    @Test
    void aPidFileHoldingALiveReusedPidDoesNotBlockTheStart() throws Exception {
        try (BookingApp app = BookingApp.start(config())) {
            assertThat(app.database().healthy()).isTrue();
        }
        Path dir = home.resolve(".bella/booking-db");
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            // what a crash leaves when the PID is later given to another process
            Files.writeString(dir.resolve("postmaster.pid"), unrelated.pid() + "\n" + dir.toRealPath() + "\n1700000000\n5432\n");
            try (BookingApp app = BookingApp.start(config())) {
                assertThat(app.database().healthy()).isTrue();
            }
            assertThat(unrelated.isAlive()).as("the unrelated process is left alone").isTrue();
        } finally {
            unrelated.destroy();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address) return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}

package dev.bella.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.http.ScriptedCall;
import dev.bella.booking.http.ScriptedCall.Exchange;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as its own process on the embedded default, killed with SIGKILL as a crash would: a confirmed
 * booking survives, and the next start copes with what the crash left behind.
 */
class CrashRestartTest {

    @TempDir
    Path home;

    @Test
    void aConfirmedBookingSurvivesKillingTheServerAndPostgresRightAfterTheConfirmation() throws Exception {
        Server server = Server.start(home);
        List<ProcessHandle> postgres;
        try {
            ScriptedCall twilio = new ScriptedCall(ScriptedCall.defaultClient(), server.url, BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
            List<Exchange> call = twilio.play("CA-crash", "+15551234567", "+15550000000",
                    List.of("my name is Jane Doe, next Monday at 10 a.m.", "yes"), e -> { });
            // the last exchange is the status callback; the one before it is the confirmation
            assertThat(call.get(call.size() - 2).body()).contains("You're booked");
            // the moment the confirmation is out: the server, the postmaster and every backend, all at once
            postgres = server.postgres();
            server.process.destroyForcibly();
            postgres.forEach(ProcessHandle::destroyForcibly);
        } finally {
            server.process.destroyForcibly();
        }
        server.process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle p : postgres) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        try (BookingApp again = BookingApp.start(sameDataDir())) {
            long booked = again.database().inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM appointments WHERE call_sid = 'CA-crash' AND status = 'booked'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(booked).as("the booking the caller heard confirmed").isEqualTo(1);
        }
    }

    @Test
    void aRestartAfterTheServerWasKilledStopsItsOrphanedPostgres() throws Exception {
        Server server = Server.start(home);
        ProcessHandle postmaster;
        try {
            postmaster = server.postgres().get(0);
            server.process.destroyForcibly();
            server.process.waitFor(30, TimeUnit.SECONDS);
        } finally {
            server.process.destroyForcibly();
        }
        assertThat(postmaster.isAlive()).as("PostgreSQL outlives a killed server").isTrue();
        try (BookingApp again = BookingApp.start(sameDataDir())) {
            assertThat(again.database().healthy()).isTrue();
            assertThat(postmaster.isAlive()).as("the orphan was stopped").isFalse();
        } finally {
            postmaster.destroyForcibly();
        }
    }

    private BookingConfig sameDataDir() {
        return BookingConfig.fromEnv(Map.of("BELLA_PORT", "0", "BELLA_DATA_DIR", home.resolve("db").toString(),
                "TWILIO_AUTH_TOKEN", BookingConfig.LOCAL_DEV_TWILIO_TOKEN), home);
    }

    /** bella-booking in its own JVM on the embedded default, data under {@code home}. */
    private record Server(Process process, URI url, Path dataDir) {

        static Server start(Path home) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    BookingMain.class.getName(), "--port", String.valueOf(port));
            pb.environment().put("HOME", home.toString());
            pb.environment().put("BELLA_DATA_DIR", home.resolve("db").toString());
            pb.environment().put("TWILIO_AUTH_TOKEN", BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
            pb.environment().remove("BELLA_DB_URL");
            pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
            Process p = pb.start();
            URI url = URI.create("http://localhost:" + port);
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new AssertionError("server exited: " + Files.readString(home.resolve("server.log")));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve("/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return new Server(p, url, home.resolve("db"));
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            p.destroyForcibly();
            throw new AssertionError("server not healthy within 120 s: " + Files.readString(home.resolve("server.log")));
        }

        /** The postmaster first, then its children (backends, checkpointer, WAL writer). */
        List<ProcessHandle> postgres() throws Exception {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).trim();
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
            List<ProcessHandle> all = new ArrayList<>();
            all.add(postmaster);
            postmaster.descendants().forEach(all::add);
            return all;
        }
    }
}

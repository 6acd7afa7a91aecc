package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookingCommandTest {

    @Test
    void serveOnTheEmbeddedDefaultThenPlayASignedCallAgainstIt(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = dir.resolve("db");
        int p = port;
        CliRun[] serve = new CliRun[1];
        Thread server = new Thread(() -> serve[0] = CliRun.of("booking", "serve", "--port", String.valueOf(p),
                "--data-dir", data.toString()));
        Throwable[] crash = new Throwable[1];
        server.setUncaughtExceptionHandler((t, e) -> crash[0] = e);
        server.start();
        try {
            awaitHealthy(port, server, serve, crash);
            CliRun call = CliRun.of("booking", "call", "--to", "http://localhost:" + port, "--from", "+15551234567",
                    "--call-sid", "CA00000000000000000000000000000001", "--data-dir", data.toString(),
                    "--say", "Hi, my name is Jane Doe, Monday at 10 a.m.", "--say", "dtmf:1");
            assertThat(call.err()).isEmpty();
            assertThat(call.exitCode()).isZero();
            assertThat(call.out()).contains("> POST /voice/incoming\n< 200 <?xml",
                    "> POST /voice/turn?n=1 SpeechResult=\"Hi, my name is Jane Doe, Monday at 10 a.m.\"",
                    "input=\"dtmf\"", "Jane Doe, Monday", "at 10 AM. Press 1 to book, or 2 to change.",
                    "> POST /voice/turn?n=2 Digits=1", "You're booked for Monday", "<Hangup/>",
                    "> POST /voice/status\n< 200 <?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
            assertThat(Files.exists(data.resolve("postgresql.conf"))).isTrue();

            // the call just made, priced by its status callback, read back from the data dir alone (no URL, no password)
            CliRun report = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                    "--env", "prod", "--ledger-url", data.toString(), "--format", "json");
            assertThat(report.err()).isEmpty();
            assertThat(report.exitCode()).isZero();
            assertThat(report.out()).contains("voice usage from the ledger: ledger averages over 1 priced calls");

            CliRun forged = CliRun.of("booking", "call", "--to", "http://127.0.0.1:" + port, "--from", "+15551234567",
                    "--data-dir", otherToken(dir).toString());
            assertThat(forged.exitCode()).isEqualTo(3);
            assertThat(forged.out()).contains("< 403");
            assertThat(forged.err()).isEqualTo("bella: the service refused the signature (403); set TWILIO_AUTH_TOKEN"
                    + " to its token and --to to its BELLA_PUBLIC_URL\n");
        } finally {
            server.interrupt();
            server.join(30_000);
        }
        assertThat(serve[0].exitCode()).isZero();
        assertThat(serve[0].err()).startsWith("bella: ledger at jdbc:postgresql://127.0.0.1:")
                .contains("; read it with `bella cost report --ledger-url " + data + "` while this runs\n")
                .contains("\nbella: booking service on http://localhost:" + port
                        + " (embedded PostgreSQL, data in " + data + "); Ctrl-C stops it");
    }

    @Test
    void callRejectsBadArgumentsWithOneLine() {
        CliRun noScheme = CliRun.of("booking", "call", "--to", "localhost:8080", "--from", "+15551234567");
        assertThat(noScheme.exitCode()).isEqualTo(2);
        assertThat(noScheme.out()).isEmpty();
        assertThat(noScheme.err()).isEqualTo("bella: --to must be an http(s) URL like http://localhost:8080, got 'localhost:8080'\n");

        CliRun badFrom = CliRun.of("booking", "call", "--to", "http://localhost:8080", "--from", "555-1234");
        assertThat(badFrom.exitCode()).isEqualTo(2);
        assertThat(badFrom.err()).isEqualTo("bella: --from must be an E.164 number like +15551234567, got '555-1234'\n");

        CliRun missing = CliRun.of("booking", "call", "--from", "+15551234567");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("bella: Missing required option: '--to=URL'");
    }

    @Test
    void callToNothingListeningIsAUsageError(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("booking", "call", "--to", "http://localhost:" + port, "--from", "+15551234567",
                "--data-dir", otherToken(dir).toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("bella: could not reach http://localhost:" + port).endsWith("is the service running?\n");
    }

    @Test
    void callWithoutATokenSaysWhereItLooked(@TempDir Path dir) {
        CliRun r = CliRun.of("booking", "call", "--to", "http://localhost:1", "--from", "+15551234567",
                "--data-dir", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("bella: no TWILIO_AUTH_TOKEN and no " + dir.resolve("bella-twilio-token")
                + "; set TWILIO_AUTH_TOKEN, or --data-dir to the directory `bella booking serve` uses\n");
    }

    /** A data dir whose token is not the service's: requests are signed, but wrongly. */
    private static Path otherToken(Path dir) throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path token = other.resolve("bella-twilio-token");
        Files.writeString(token, "not-the-service-token\n");
        Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return other;
    }

    @Test
    void serveRejectsABadPort() {
        CliRun r = CliRun.of("booking", "serve", "--port", "70000");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("bella: --port must be between 0 and 65535, got 70000\n");
    }

    private static void awaitHealthy(int port, Thread server, CliRun[] serve, Throwable[] crash) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("serve stopped: " + serve[0], crash[0]);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the embedded database is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("booking service did not become healthy on port " + port);
    }
}

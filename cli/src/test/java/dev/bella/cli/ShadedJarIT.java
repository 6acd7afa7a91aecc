package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shaded jar as a user runs it ({@code java -jar bella.jar …}), after packaging. The unit tests run on
 * Maven's test classpath, where a test-scoped dependency can supply a class the jar lacks; this does not.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "bella.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Pattern LISTENING = Pattern.compile("booking service on (http://localhost:\\d+)");

    @Test
    void otherCommandsKeepStdoutCleanOfLogs() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "booking", "extract", "--local-only",
                "my number is 1234567890123456").start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("a 16-digit run must not hang extract").isTrue();
        assertThat(p.exitValue()).as(read(p.getErrorStream())).isZero();
        assertThat(out.get()).doesNotContain("\"level\"").doesNotContain("INFO").doesNotContain("DEBUG");
    }

    @Test
    void theCostReportRunsFromTheJar() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "cost", "report", "--source", "estimate",
                "--format", "json").redirectErrorStream(false).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read(p.getErrorStream())).isZero();
        assertThat(out.get()).contains("\"schemaVersion\"");
    }

    @Test
    @Timeout(180)
    void bookingServeStartsTheEmbeddedDefaultAndAnswersHealth() throws Exception {
        Path data = Files.createTempDirectory("bella-serve-it");
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "booking", "serve", "--port", "0",
                "--data-dir", data.toString()).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String url = null;
            for (String line; url == null && (line = err.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertThat(url).as("serve's stderr:\n" + seen).isNotNull();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);

            // it logs as the service jar does: JSON lines on stdout, rejected signatures included
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/voice/incoming"))
                    .header("X-Twilio-Signature", "forged").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("CallSid=CA1&From=%2B15551234567")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder logged = new StringBuilder();
            CompletableFuture<Void> sawRejection = CompletableFuture.runAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        logged.append(line).append('\n');
                        if (line.contains("rejected webhook")) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            sawRejection.get(30, TimeUnit.SECONDS);
            assertThat(logged.toString()).contains("\"level\":\"INFO\"", "booking service listening on port",
                    "\"level\":\"WARN\"", "rejected webhook with a wrong signature");
            assertThat(logged.toString().lines()).allSatisfy(l -> assertThat(l).startsWith("{\"ts\":").endsWith("}"));

            // `booking call` signs with the token serve generated in the data dir
            Process call = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "booking", "call", "--to", url, "--from",
                    "+15551234567", "--say", "", "--data-dir", data.toString()).start();
            CompletableFuture<String> callOut = CompletableFuture.supplyAsync(() -> read(call.getInputStream()));
            assertThat(call.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(call.exitValue()).as(read(call.getErrorStream())).isZero();
            assertThat(callOut.get()).contains("> POST /voice/incoming\n< 200 <?xml");

            // a second server on the same data dir: refused with the first one's PID, exit 2
            Process second = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "booking", "serve", "--port", "0",
                    "--data-dir", data.toString()).start();
            CompletableFuture<String> secondOut = CompletableFuture.supplyAsync(() -> read(second.getInputStream()));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(read(second.getErrorStream())).isEqualTo("bella: data dir " + data.toRealPath()
                    + " is in use by another booking server (PID " + p.pid() + "); stop it first, or pass another --data-dir\n");
            secondOut.get(10, TimeUnit.SECONDS);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}

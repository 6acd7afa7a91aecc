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
    void costCommitmentsRunsFromTheJarAgainstAStandInEndpoint() throws Exception {
        com.github.tomakehurst.wiremock.WireMockServer aws = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
        aws.start();
        try {
            new dev.bella.commitments.FakeCommitmentsAccount(aws).stubHandCheckedAccount();
            ProcessBuilder pb = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "cost", "commitments", "--config",
                    "../configs/bella.yaml", "--fail-under", "--format", "json");
            pb.environment().put("AWS_ENDPOINT_URL", aws.baseUrl());
            pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDTEST");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
            pb.environment().remove("AWS_PROFILE");
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            // the account's coverage (60.3%) is under the seed's 80%: --fail-under exits 1 and says why
            assertThat(p.exitValue()).as(err.get()).isEqualTo(1);
            assertThat(err.get()).isEqualTo("bella: reserved coverage 60.3% is under the target 80% "
                    + "(budget.targets.commitment-coverage)\n");
            assertThat(out.get()).contains("\"reservedCoverage\" : 60.3").contains("\"status\" : \"under\"");
        } finally {
            aws.stop();
        }
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

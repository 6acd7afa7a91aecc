package dev.bella.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/bella} as a user runs it, after packaging: each launcher configuration (light: report,
 * schedule-dev plan and status; cdk: stack synth; booking: booking serve) from target/bella.jar and target/lib, so a jar
 * missing from the folder a configuration uses fails here, not on a user's machine.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/bella");
    private static final String CONFIG = ROOT.resolve("configs/bella.yaml").toString();
    private static final Pattern LISTENING = Pattern.compile("booking service on (http://localhost:\\d+)");

    record Run(int code, String out, String err) {
    }

    @Test
    void theLightConfigurationPrintsTheEstimate() throws Exception {
        Run run = bella("cost", "report", "--source", "estimate", "--format", "json", "--config", CONFIG);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"schemaVersion\"", "its scheduler's runs cost $0.91, net saving $");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theLightConfigurationPlansTheDevScheduleFromTheSpecAlone() throws Exception {
        Run run = bella("cost", "schedule-dev", "plan", "--at", "2026-12-07T09:00-05:00", "--schedule-only",
                "--format", "json", "--config", CONFIG);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"dev\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionNamesTheBuild() throws Exception {
        Run run = bella("--version");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("bella 0.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void optionsThatExcludeEachOtherAreRefusedInOneLineWithExit2AndVerboseWorksAnywhere() throws Exception {
        Run both = bella("cost", "report", "--config", CONFIG, "--month", "2026-10", "--from", "2026-10-01");
        assertThat(both.code()).as(both.err()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("bella: --month and --from/--to exclude each other\n");
        assertThat(both.out()).isEmpty();
        Run verbose = bella("--verbose", "cost", "report", "--config", CONFIG, "--month", "nope");
        assertThat(verbose.code()).isEqualTo(2);
        assertThat(verbose.err()).startsWith("bella: --month: expected YYYY-MM").contains("\tat dev.bella.cli.");
        Run help = bella("cost", "alarms", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--verbose", "Exit codes:", "75   retry later", "Examples:", "bella cost alarms plan");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void aConfigErrorOnTheLightClasspathIsOneLineAndExit2() throws Exception {
        Run run = bella("cost", "report", "--config", "/nonexistent/bella.yaml");
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bella: spec not found: /nonexistent/bella.yaml; pass an existing file with --config\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void awsCommandsWithoutCredentialsFailInOneLineWithExit3() throws Exception {
        String oneLine = "bella: no AWS credentials found (tried environment, profile 'default', SSO, container, "
                + "instance metadata); set AWS_PROFILE or --profile, or run 'aws sso login'\n";
        Path prices = Files.createTempDirectory("bella-launcher-prices").resolve("prices.yaml");
        for (List<String> args : List.of(List.of("cost", "report", "--source", "aws"), List.of("cost", "alarms", "list"),
                List.of("cost", "schedule-dev", "status"), List.of("cost", "rightsize"),
                List.of("prices", "refresh", "--region", "ca-central-1", "--output", prices.toString()))) {
            List<String> withConfig = new ArrayList<>(args);
            if (args.getFirst().equals("cost")) {
                withConfig.addAll(List.of("--config", CONFIG));
            }
            Run run = bella(withConfig.toArray(String[]::new));
            assertThat(run.code()).as(args + ": " + run.err()).isEqualTo(3);
            assertThat(run.err()).as(args.toString()).isEqualTo(oneLine);
        }
    }

    @Test
    @Timeout(300)
    void theCdkConfigurationSynthesizesTheStacks() throws Exception {
        Path out = Files.createTempDirectory("bella-launcher-synth");
        Run run = bella("stack", "synth", "--config", CONFIG, "--env", "prod", "--output", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains(out.resolve("bella-prod-service.template.json").toString());
        assertThat(out.resolve("manifest.json")).isRegularFile();
    }

    @Test
    @Timeout(180)
    void theBookingConfigurationServesTheEmbeddedDefault() throws Exception {
        Path data = Files.createTempDirectory("bella-launcher-serve");
        Process p = launcher(List.of("booking", "serve", "--port", "0", "--data-dir", data.toString())).start();
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
            // it says where its ledger is, so `bella cost report --ledger-url` is one copy away
            assertThat(seen.toString()).contains("bella: ledger at jdbc:postgresql://127.0.0.1:", "(user postgres, password in "
                    + data.toRealPath().resolve("bella-db-password") + ")");
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
                    throw new UncheckedIOException(e);
                }
            });
            sawRejection.get(30, TimeUnit.SECONDS);
            assertThat(logged.toString()).contains("\"level\":\"INFO\"", "booking service listening on port",
                    "\"level\":\"WARN\"", "rejected webhook with a wrong signature");
            assertThat(logged.toString().lines()).allSatisfy(l -> assertThat(l).startsWith("{\"ts\":").endsWith("}"));

            // `booking call` signs with the token serve generated in the data dir
            Run call = bella("booking", "call", "--to", url, "--from", "+15551234567", "--say", "",
                    "--data-dir", data.toString());
            assertThat(call.code()).as(call.err()).isZero();
            assertThat(call.out()).contains("> POST /voice/incoming\n< 200 <?xml");

            // the light runtime finds the running embedded ledger from the data dir alone: no URL, no password copied
            Run report = bella(Map.of("BELLA_DATA_DIR", data.toString()), "cost", "report", "--config", CONFIG,
                    "--source", "estimate", "--env", "prod", "--ledger-url", "embedded", "--format", "json");
            assertThat(report.err()).isEmpty();
            assertThat(report.code()).isZero();
            assertThat(report.out()).contains("\"notes\"", "voice usage").contains("the ledger");
            Run byDir = bella("cost", "report", "--config", CONFIG, "--source", "estimate", "--ledger-url", data.toString(),
                    "--format", "json");
            assertThat(byDir.code()).as(byDir.err()).isZero();

            // a second server on the same data dir: refused with the first one's PID (bin/bella execs the JVM), exit 2
            Run second = bella("booking", "serve", "--port", "0", "--data-dir", data.toString());
            assertThat(second.code()).isEqualTo(2);
            assertThat(second.err()).endsWith("bella: data dir " + data.toRealPath()
                    + " is in use by another booking server (PID " + p.pid() + "); stop it first, or pass another --data-dir\n");
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        // stopped: one line saying how to start it, exit 3
        Run stopped = bella(Map.of("BELLA_DATA_DIR", data.toString()), "cost", "report", "--config", CONFIG,
                "--source", "estimate", "--ledger-url", "embedded");
        assertThat(stopped.out()).isEmpty();
        assertThat(stopped.err()).isEqualTo("bella: the embedded ledger in " + data + " is not running; start it with "
                + "`bella booking serve --data-dir " + data + "` and run the report again\n");
        assertThat(stopped.code()).isEqualTo(3);
    }

    @Test
    @Timeout(180)
    void costReportReadsTwilioPerCategoryWithAnApiKeyThroughAProxyPath() throws Exception {
        Path dir = Files.createTempDirectory("bella-launcher-twilio");
        Path focus = dir.resolve("focus.csv");
        Files.writeString(focus, "BilledCost,ChargeCategory,ChargePeriodStart,ServiceName\n"
                + "3.00,Usage,2026-10-01T00:00:00Z,Amazon Elastic Container Service\n");
        String account = "AC00000000000000000000000000000001";
        String records = "/twilio/2010-04-01/Accounts/" + account + "/Usage/Records.json";
        WireMockServer twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        try {
            for (String[] c : new String[][] {{"calls-inbound", "2000", "5000", "minutes", "42.50"},
                    {"speech-recognition", "1990", "8000", "recognitions", "160.00"}, {"phonenumbers", "1", "1", "phonenumbers", "1.15"}}) {
                twilio.stubFor(WireMock.get(WireMock.urlPathEqualTo(records)).withQueryParam("Category", WireMock.equalTo(c[0]))
                        .withBasicAuth("SK00000000000000000000000000000002", "key-secret")
                        .willReturn(WireMock.okJson("{\"first_page_uri\":\"/2010-04-01/Accounts/" + account
                                + "/Usage/Records.json?PageSize=50&Page=0\",\"end\":0,\"previous_page_uri\":null,\"uri\":\""
                                + "/2010-04-01/Accounts/" + account + "/Usage/Records.json?PageSize=50&Page=0\",\"page_size\":50,"
                                + "\"start\":0,\"next_page_uri\":null,\"page\":0,\"usage_records\":[{\"account_sid\":\"" + account
                                + "\",\"api_version\":\"2010-04-01\",\"as_of\":\"2026-11-01T00:00:00+00:00\",\"category\":\"" + c[0]
                                + "\",\"count\":\"" + c[1] + "\",\"count_unit\":\"calls\",\"description\":\"" + c[0]
                                + "\",\"end_date\":\"2026-10-31\",\"price\":\"" + c[4] + "\",\"price_unit\":\"usd\","
                                + "\"start_date\":\"2026-10-01\",\"subresource_uris\":{},\"uri\":\"/2010-04-01/Accounts/" + account
                                + "/Usage/Records.json?Category=" + c[0] + "\",\"usage\":\"" + c[2] + "\",\"usage_unit\":\""
                                + c[3] + "\"}]}")));
            }
            Map<String, String> env = Map.of("TWILIO_ACCOUNT_SID", account,
                    "TWILIO_API_KEY", "SK00000000000000000000000000000002", "TWILIO_API_SECRET", "key-secret");
            Run report = bella(env, "cost", "report", "--config", CONFIG, "--source", "focus:" + focus, "--month", "2026-10",
                    "--twilio", "--twilio-api-url", twilio.baseUrl() + "/twilio", "--format", "json");
            assertThat(report.err()).isEmpty();
            assertThat(report.code()).isZero();
            assertThat(report.out()).contains("\"twilio-calls-inbound\"", "\"twilio-speech-recognition\"",
                    "\"twilio-phonenumbers\"");

            Run down = bella(env, "cost", "report", "--config", CONFIG, "--source", "focus:" + focus, "--month", "2026-10",
                    "--twilio", "--twilio-api-url", "http://127.0.0.1:9/twilio");
            assertThat(down.out()).isEmpty();
            assertThat(down.err()).startsWith("bella: Twilio unreachable at http://127.0.0.1:9/twilio: ")
                    .endsWith("; check the network and --twilio-api-url\n").hasLineCount(1);
            assertThat(down.code()).isEqualTo(3);
        } finally {
            twilio.stop();
        }
    }

    @Test
    @Timeout(180)
    void bookingExtractKeepsStdoutCleanOfLogsAndALongNumberDoesNotHang() throws Exception {
        Run run = bella("booking", "extract", "--local-only", "my number is 1234567890123456");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{").doesNotContain("\"level\"").doesNotContain("INFO").doesNotContain("DEBUG");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @Timeout(180)
    void bookingExtractAsksAStandInOpenAiAndRefusesABaseUrlWithoutV1() throws Exception {
        WireMockServer openai = new WireMockServer(options().dynamicPort());
        openai.start();
        try {
            // the chat completion as the API sends it, its content the structured answer
            String answer = "{\\\"name\\\":\\\"\\\",\\\"phone\\\":\\\"\\\",\\\"date\\\":\\\"2026-12-01\\\","
                    + "\\\"time\\\":\\\"\\\",\\\"nameConfidence\\\":0,\\\"phoneConfidence\\\":0,"
                    + "\\\"dateConfidence\\\":0.85,\\\"timeConfidence\\\":0}";
            openai.stubFor(WireMock.post(WireMock.urlEqualTo("/v1/chat/completions")).willReturn(WireMock.okJson(
                    "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764093600,"
                            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                            + "\"assistant\",\"content\":\"" + answer + "\",\"refusal\":null,\"annotations\":[]},"
                            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":231,"
                            + "\"completion_tokens\":38,\"total_tokens\":269},\"service_tier\":\"default\","
                            + "\"system_fingerprint\":\"fp_560af6e559\"}")));
            Run asked = bella(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", openai.baseUrl() + "/v1"),
                    "booking", "extract", "sometime next week", "--at", "2026-11-25T19:00:00Z",
                    "--tz", "America/Toronto");
            assertThat(asked.err()).isEmpty();
            assertThat(asked.code()).isZero();
            assertThat(asked.out()).contains("\"date\":\"2026-12-01\"");
            openai.verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/chat/completions")));

            Run noVersion = bella(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", openai.baseUrl()),
                    "booking", "extract", "the monday before christmas");
            assertThat(noVersion.out()).isEmpty();
            assertThat(noVersion.err()).isEqualTo("bella: OPENAI_BASE_URL must be an http(s) URL that includes /v1, like "
                    + "https://api.openai.com/v1, got '" + openai.baseUrl() + "'\n");
            assertThat(noVersion.code()).isEqualTo(2);
        } finally {
            openai.stop();
        }
        // serve checks it with its other settings, before anything starts
        Path data = Files.createTempDirectory("bella-launcher-openai");
        Run serve = bella(Map.of("OPENAI_BASE_URL", "https://api.openai.com"), "booking", "serve", "--port", "0",
                "--data-dir", data.toString());
        assertThat(serve.out()).isEmpty();
        assertThat(serve.err()).isEqualTo("bella: OPENAI_BASE_URL must be an http(s) URL that includes /v1, like "
                + "https://api.openai.com/v1, got 'https://api.openai.com'\n");
        assertThat(serve.code()).isEqualTo(2);
    }

    @Test
    @Timeout(300)
    void theLightConfigurationShowsTheDevScheduleStatusWithItsSavingNetOfTheScheduler() throws Exception {
        WireMockServer aws = new WireMockServer(options().dynamicPort());
        aws.start();
        try {
            ScheduleDevCommandTest.resources(aws, "dev", ScheduleDevCommandTest.SERVICE, ScheduleDevCommandTest.DB);
            ScheduleDevCommandTest.runningService(aws);
            ScheduleDevCommandTest.db(aws, "stopped");
            ProcessBuilder pb = launcher(List.of("cost", "schedule-dev", "status", "--config", CONFIG, "--env", "dev",
                    "--endpoint-url", aws.baseUrl()));
            pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDTEST");
            pb.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
            Run run = run(pb, "schedule-dev status");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("ecs-service/bella-dev/bella", "rds-instance/bella-dev");
            // the gross saving depends on the twelve months sampled (holidays); the scheduler's cost does not
            Matcher saving = Pattern.compile("estimated saving of the schedule: \\$(\\d+\\.\\d\\d) a month net: "
                    + "\\$(\\d+\\.\\d\\d) gross minus \\$0\\.91 for the scheduler's own runs").matcher(run.out());
            assertThat(saving.find()).as(run.out()).isTrue();
            assertThat(new BigDecimal(saving.group(2)).subtract(new BigDecimal("0.91")))
                    .isEqualByComparingTo(new BigDecimal(saving.group(1)));
        } finally {
            aws.stop();
        }
    }

    static Run bella(String... args) throws Exception {
        return bella(Map.of(), args);
    }

    static Run bella(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = launcher(List.of(args));
        pb.environment().putAll(env);
        return run(pb, "bella " + String.join(" ", args));
    }

    private static Run run(ProcessBuilder pb, String what) throws Exception {
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(what + " finished").isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    /** The launcher with the JDK running the tests, on the artifacts this build just packaged (never rebuilding). */
    static ProcessBuilder launcher(List<String> args) {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("BELLA_NO_BUILD", "1");
        // no credentials anywhere: nor the developer's (AWS_CONFIG_FILE is /nonexistent in the build), nor IMDS
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_ACCESS") || k.startsWith("AWS_SECRET")
                || k.equals("AWS_SESSION_TOKEN") || k.equals("AWS_PROFILE") || k.startsWith("AWS_CONTAINER"));
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().put("AWS_REGION", "ca-central-1");
        return pb;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

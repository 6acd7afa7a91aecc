package dev.bella.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `bella cost report` with the actual-spend sources: exit code, stdout and stderr together. */
class CostReportSourcesCommandTest {

    static final String SPEC = "../configs/bella.yaml";
    static final Path DATA = dev.bella.spend.SharedData.dirOrMissing();
    static final String USAGE = "AWSInsightsIndexService.GetCostAndUsage";

    @TempDir
    Path dir;
    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();

    private void costExplorerAnswers(int status, String body) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(USAGE)).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    @Test
    void the_real_focus_sample_renders_in_every_format() throws IOException {
        Path file = DATA.resolve("focus-1.0-sample.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "SKIPPED: " + file + " is absent");
        CliRun json = CliRun.of("cost", "report", "--config", SPEC, "--source", "focus:" + file, "--format", "json");
        assertThat(json.err()).isEmpty();
        assertThat(json.exitCode()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.path("source").asText()).isEqualTo("focus");
        assertThat(r.at("/period/start").asText()).startsWith("2024-09");
        assertThat(r.path("daily").size()).isGreaterThan(1);
        assertThat(r.at("/totals/byCategory/other").decimalValue()).isPositive();
        assertThat(r.path("notes").toString()).contains("imported focus-1.0-sample.csv: 1000 rows");
        for (String format : new String[] {"table", "csv", "markdown"}) {
            CliRun run = CliRun.of("cost", "report", "--config", SPEC, "--source", "focus:" + file, "--format", format);
            assertThat(run.exitCode()).as(format).isZero();
            assertThat(run.err()).as(format).isEmpty();
            assertThat(run.out()).as(format).contains("Amazon Relational Database Service");
        }
    }

    @Test
    void a_malformed_cur_row_is_exit_2_with_its_line_and_lenient_counts_it() throws IOException {
        Path cur = dir.resolve("cur.csv");
        Files.writeString(cur, "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UnblendedCost\n"
                + "Usage,2026-10-01T00:00:00Z,AmazonECS,1.25\n"
                + "Usage,2026-10-01T00:00:00Z,AmazonECS,one\n"
                + "Usage,2026-10-02T00:00:00Z,AmazonRDS,2\n");
        CliRun strict = CliRun.of("cost", "report", "--config", SPEC, "--source", "cur:" + cur);
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).isEqualTo("bella: " + cur + ":3: lineItem/UnblendedCost: expected a number, found 'one' "
                + "(rerun with --lenient to skip and count malformed rows)\n");
        CliRun lenient = CliRun.of("cost", "report", "--config", SPEC, "--source", "cur:" + cur, "--lenient", "--format", "csv");
        assertThat(lenient.err()).isEmpty();
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("cur,2026-10-01,2026-10-03,all,compute,amazonecs,AmazonECS,1,total,1.25,1.25,");
    }

    @Test
    void bad_source_values_are_usage_errors() {
        CliRun noFile = CliRun.of("cost", "report", "--config", SPEC, "--source", "focus:");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).startsWith("bella: --source focus: expected focus:FILE");
        CliRun missing = CliRun.of("cost", "report", "--config", SPEC, "--source", "cur:" + dir.resolve("none.csv"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("file not found");
        CliRun unknown = CliRun.of("cost", "report", "--config", SPEC, "--source", "billing");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("expected estimate, aws, auto, focus:FILE or cur:FILE");
        CliRun forecastOnEstimate = CliRun.of("cost", "report", "--config", SPEC, "--source", "estimate", "--forecast");
        assertThat(forecastOnEstimate.exitCode()).isEqualTo(2);
        assertThat(forecastOnEstimate.err()).contains("need an actual-spend source");
        CliRun badLedger = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--ledger-url", "postgres://x");
        assertThat(badLedger.exitCode()).isEqualTo(2);
        assertThat(badLedger.err()).contains("--ledger-url: expected a PostgreSQL JDBC URL");
        CliRun twilioWithoutCredentials = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--twilio");
        assertThat(twilioWithoutCredentials.exitCode()).isEqualTo(2);
        assertThat(twilioWithoutCredentials.err()).contains("TWILIO_ACCOUNT_SID");
    }

    @Test
    void cost_explorer_access_denied_is_exit_3_naming_the_permission() {
        costExplorerAnswers(400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::123456789012:user/ci "
                + "is not authorized to perform: ce:GetCostAndUsage\"}");
        CliRun run = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--month", "2026-10",
                "--endpoint-url", aws.baseUrl());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: AWS error: access denied: needs IAM permission ce:GetCostAndUsage")
                .doesNotContain("\tat ");
    }

    @Test
    void fail_over_monthly_exits_1_and_says_by_how_much() throws IOException {
        costExplorerAnswers(200, "{\"GroupDefinitions\":[],\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-10-01\","
                + "\"End\":\"2026-10-02\"},\"Total\":{},\"Estimated\":false,\"Groups\":[{\"Keys\":[\"Amazon Relational "
                + "Database Service\",\"Usage\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"172.5\",\"Unit\":\"USD\"}}}]}],"
                + "\"DimensionValueAttributes\":[]}");
        CliRun run = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--month", "2026-10",
                "--endpoint-url", aws.baseUrl(), "--fail-over", "monthly", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("bella: AWS spend for 2026-10 $172.50 is over the monthly limit $150.00 by $22.50 (15.0%)\n");
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.path("source").asText()).isEqualTo("aws");
        assertThat(r.at("/budget/monthlyStatus").asText()).isEqualTo("over");
        assertThat(r.at("/totals/byCategory/database").decimalValue()).isEqualByComparingTo(new BigDecimal("172.50"));
        assertThat(r.path("notes").get(0).asText()).isEqualTo("source: aws (requested)");

        CliRun daily = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--month", "2026-10",
                "--endpoint-url", aws.baseUrl(), "--fail-over", "daily");
        assertThat(daily.exitCode()).isEqualTo(1);
        assertThat(daily.err()).contains("daily AWS spend (highest day, 2026-10-01) $172.50 is over the daily limit $8.00 by $164.50");
    }
}

package dev.bella.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reply that is not AWS's (a corporate proxy, a stand-in, a load balancer) carries no AWS error code: it must
 * still be one line naming the HTTP status and the call, exit 3, never an internal error.
 */
class AwsErrorReplyCommandTest {

    static final String SPEC = "../configs/bella.yaml";

    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();

    private void everythingAnswers(int status, String contentType, String body) {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                .withBody(body)));
    }

    @Test
    void cost_report_against_an_empty_500_is_one_line_exit_3() {
        everythingAnswers(500, "text/plain", "");
        CliRun run = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--month", "2026-10",
                "--endpoint-url", aws.baseUrl());
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("bella: AWS error: HTTP 500 from CostExplorer GetCostAndUsage");
    }

    @Test
    void cost_report_against_a_proxy_403_page_is_one_line_exit_3() {
        everythingAnswers(403, "text/html", "<html><body><h1>Forbidden</h1>by the proxy</body></html>");
        CliRun run = CliRun.of("cost", "report", "--config", SPEC, "--source", "aws", "--month", "2026-10",
                "--endpoint-url", aws.baseUrl());
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("bella: AWS error: HTTP 403 from CostExplorer GetCostAndUsage");
    }

    @Test
    void commitments_against_an_empty_500_is_one_line_exit_3() {
        everythingAnswers(500, "text/plain", "");
        CliRun run = CliRun.of("cost", "commitments", "--config", SPEC, "--endpoint-url", aws.baseUrl());
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("bella: AWS error: HTTP 500 from CostExplorer ");
    }

    @Test
    void prices_refresh_against_a_proxy_403_page_is_one_line_exit_3() {
        everythingAnswers(403, "text/html", "<html><body>Access denied by proxy policy</body></html>");
        CliRun run = CliRun.of("prices", "refresh", "--region", "ca-central-1", "--endpoint-url", aws.baseUrl());
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("bella: AWS Price List API refused GetProducts for ").contains("HTTP 403 from Pricing GetProducts");
    }
}

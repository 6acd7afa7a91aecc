package dev.bella.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.rightsize.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live path through the CLI: what reaches the user when AWS answers with an error. */
class CostRightsizeLiveCommandTest {

    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();

    @Test
    void aServiceEcsDoesNotKnowIsAnAwsErrorNamingTheOptions() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeServices"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"services\": [], \"failures\": [{\"arn\": \"x\", \"reason\": \"MISSING\"}]}")));
        CliRun run = CliRun.of("cost", "rightsize", "--config", "../configs/examples/baseline.yaml",
                "--endpoint-url", aws.baseUrl(), "--cluster", "main", "--service", "api");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: ECS service 'api' in cluster 'main': MISSING; name them with --cluster and --service\n");
    }

    @Test
    void accessDeniedNamesThePermission() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User ci is not authorized\"}")));
        CliRun run = CliRun.of("cost", "rightsize", "--config", "../configs/examples/baseline.yaml", "--endpoint-url", aws.baseUrl());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: AWS error: access denied: needs IAM permission ecs:DescribeServices");
    }

    @Test
    void theProgressBarDrawsInPlaceAndClearsItself() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out));
        bar.advance("CloudWatch metrics", 1, 2);
        bar.finish();
        assertThat(out.toString()).isEqualTo("\r[############............] 1/2 CloudWatch metrics\u001b[K\r\u001b[K");
    }

    @Test
    void noProgressBarWhenStderrIsNotATerminal() {
        // surefire runs the tests without a console, as a pipe or a CI log would
        assertThat(ProgressBar.forTerminal(new PrintWriter(new StringWriter()))).isSameAs(Progress.NONE);
    }
}

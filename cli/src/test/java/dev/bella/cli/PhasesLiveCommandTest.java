package dev.bella.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.commitments.FakeCommitmentsAccount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `bella phases check --live`: reserved-coverage-min against the account's measured coverage. */
class PhasesLiveCommandTest {

    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();
    final FakeCommitmentsAccount account = new FakeCommitmentsAccount(aws);

    CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        var check = (PhasesCommand.Check) cmd.getSubcommands().get("phases").getSubcommands().get("check").getCommand();
        check.clock = Clock.fixed(FakeCommitmentsAccount.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        check.backoff = Duration.ofMillis(5);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new CliRun(cmd.execute(args), out.toString(), err.toString());
    }

    static final String[] ARGS = {"phases", "check", "--config", "../configs/bella.yaml", "--spec-only", "--env", "prod",
            "--through", "phase-2", "--live"};

    static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(ARGS, ARGS.length + more.length);
        System.arraycopy(more, 0, all, ARGS.length, more.length);
        return all;
    }

    @Test
    void the_accounts_coverage_under_the_policy_fails_it_beside_the_specs_values() {
        account.stubHandCheckedAccount();
        CliRun r = run(with("--endpoint-url", aws.baseUrl()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("live account reserved coverage (RDS and ElastiCache): expected at least 80%, found "
                + "60.3% (Cost Explorer, 2026-11-06 to 2026-12-05)")
                .contains("spec environments.prod.commitments.database.coverage-percent");
        assertThat(r.err()).startsWith("bella: 1 violation");
        // only the coverage is read: no recommendation, no Describe call
        aws.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetReservationCoverage")));
        assertThat(aws.getAllServeEvents()).hasSize(3); // RDS's two pages and ElastiCache's one, nothing else
    }

    @Test
    void without_reservable_hours_it_says_it_could_only_check_the_spec() {
        aws.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetReservationCoverage"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"CoveragesByTime\":[],\"Total\":{}}")));
        CliRun r = run(with("--endpoint-url", aws.baseUrl()));
        assertThat(r.out()).contains("could only check the spec: no RDS or ElastiCache hours ran from 2026-11-06 to 2026-12-05");
        assertThat(r.exitCode()).isZero(); // the bundled spec reserves prod's database; nothing measured fails
    }

    @Test
    void without_live_no_aws_call_is_made() {
        CliRun r = run("phases", "check", "--config", "../configs/bella.yaml", "--spec-only", "--env", "prod",
                "--through", "phase-2");
        assertThat(r.out()).doesNotContain("live ");
        assertThat(aws.getAllServeEvents()).isEmpty();
    }
}

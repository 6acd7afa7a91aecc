package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.commitments.FakeCommitmentsAccount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `bella cost commitments` against a stand-in AWS: exit code, stdout and stderr together. */
class CostCommitmentsCommandTest {

    static final String SPEC = "../configs/bella.yaml";

    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();
    final FakeCommitmentsAccount account = new FakeCommitmentsAccount(aws);

    @TempDir
    Path dir;

    /** The CLI with the command's clock on the fake account's day and a short throttling backoff. */
    CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        var commitments = (CostCommitmentsCommand) cmd.getSubcommands().get("cost").getSubcommands().get("commitments")
                .getCommand();
        commitments.clock = Clock.fixed(FakeCommitmentsAccount.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        commitments.backoff = Duration.ofMillis(5);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Each format of the hand-checked account against a reviewed golden file (-Dbella.updateGolden=true rewrites). */
    @ParameterizedTest
    @ValueSource(strings = {"table", "markdown", "json"})
    void every_format_matches_its_golden_file(String format) throws Exception {
        account.stubHandCheckedAccount();
        CliRun r = run("cost", "commitments", "--config", SPEC, "--endpoint-url", aws.baseUrl(), "--payment",
                "partial-upfront", "--format", format);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Path golden = GoldenReportTest.GOLDEN.resolve("commitments-hand-checked." + format);
        if (Boolean.getBoolean("bella.updateGolden")) {
            Files.writeString(golden, r.out());
        }
        assertThat(r.out()).isEqualTo(Files.readString(golden));
    }

    @Test
    void prints_coverage_utilization_advice_and_expiring() {
        account.stubHandCheckedAccount();
        CliRun r = run("cost", "commitments", "--config", SPEC, "--endpoint-url", aws.baseUrl(), "--payment", "partial-upfront");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("reserved coverage 60.3% is under the target 80% (budget.targets.commitment-coverage)")
                .contains("reservation: Amazon Relational Database Service").contains("75.0%")
                .contains("1 x db.t4g.small PostgreSQL Single-AZ (Canada (Central)): upfront $60.00, $10.00/month, "
                        + "saves $5.00/month, break-even month 6")
                .contains("rds ri-expiring: 1 x db.t4g.micro postgres, ends 2026-12-20 (in 14 days), lapse costs "
                        + "$3.65/month")
                .contains("ri-old: 1 x db.t4g.small postgres, ended 2026-11-20");
    }

    @Test
    void fail_under_exits_1_below_the_target_and_says_so() throws Exception {
        account.stubHandCheckedAccount();
        CliRun r = run("cost", "commitments", "--config", SPEC, "--endpoint-url", aws.baseUrl(), "--fail-under",
                "--format", "json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("bella: reserved coverage 60.3% is under the target 80% "
                + "(budget.targets.commitment-coverage)\n");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("status").asText()).isEqualTo("under");
        assertThat(j.path("target").decimalValue()).isEqualByComparingTo("80");
        // a target the spec sets instead of the seed's default
        Path spec = dir.resolve("bella.yaml");
        Files.writeString(spec, Files.readString(Path.of(SPEC)).replace("commitment-coverage: 80", "commitment-coverage: 60"));
        CliRun met = run("cost", "commitments", "--config", spec.toString(), "--endpoint-url", aws.baseUrl(), "--fail-under",
                "--format", "markdown");
        assertThat(met.err()).isEmpty();
        assertThat(met.exitCode()).isZero();
        assertThat(met.out()).contains("**reserved coverage 60.3% is at or above the target 60%");
    }

    @Test
    void access_denied_is_exit_3_naming_the_iam_action() {
        account.stubHandCheckedAccount();
        account.denyReservationCoverage();
        CliRun r = run("cost", "commitments", "--config", SPEC, "--endpoint-url", aws.baseUrl());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("bella: AWS error: access denied: needs IAM permission ce:GetReservationCoverage")
                .doesNotContain("\tat ");
    }

    @Test
    void bad_options_are_usage_errors_before_any_aws_call() {
        CliRun lookback = run("cost", "commitments", "--config", SPEC, "--lookback", "90d");
        assertThat(lookback.exitCode()).isEqualTo(2);
        assertThat(lookback.err()).isEqualTo("bella: --lookback: expected 7d, 30d or 60d (Cost Explorer's lookbacks), "
                + "found '90d'\n");
        CliRun term = run("cost", "commitments", "--config", SPEC, "--term", "5y");
        assertThat(term.exitCode()).isEqualTo(2);
        assertThat(term.err()).contains("--term: expected 1y or 3y, found '5y'");
        CliRun payment = run("cost", "commitments", "--config", SPEC, "--payment", "monthly");
        assertThat(payment.exitCode()).isEqualTo(2);
        assertThat(payment.err()).contains("--payment: expected no-upfront, partial-upfront or all-upfront");
        CliRun format = run("cost", "commitments", "--config", SPEC, "--format", "csv");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("commitments writes table, json or markdown");
        CliRun env = run("cost", "commitments", "--config", SPEC, "--env", "staging");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("unknown environment 'staging'");
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void diff_and_apply_match_the_spec_to_what_is_held() throws Exception {
        account.stubAccountWithoutCommitments();
        Path spec = dir.resolve("bella.yaml");
        String before = Files.readString(Path.of(SPEC));
        Files.writeString(spec, before);
        CliRun diff = run("cost", "commitments", "--config", spec.toString(), "--endpoint-url", aws.baseUrl(), "--diff");
        assertThat(diff.exitCode()).isZero();
        assertThat(diff.out()).contains("-      database: {coverage-percent: 100, term: 1y, payment: no-upfront}")
                .contains("+      database: {coverage-percent: 0, term: 1y, payment: no-upfront}");
        assertThat(Files.readString(spec)).isEqualTo(before);
        CliRun apply = run("cost", "commitments", "--config", spec.toString(), "--endpoint-url", aws.baseUrl(), "--apply");
        assertThat(apply.exitCode()).isZero();
        assertThat(apply.err()).isEqualTo("bella: applied 1 change(s) to " + spec + "\n");
        assertThat(Files.readString(spec)).isEqualTo(before.replace("database: {coverage-percent: 100, term: 1y, payment: "
                + "no-upfront}\n  dev:", "database: {coverage-percent: 0, term: 1y, payment: no-upfront}\n  dev:"));
        CliRun again = run("cost", "commitments", "--config", spec.toString(), "--endpoint-url", aws.baseUrl(), "--diff");
        assertThat(again.err()).isEqualTo("bella: the spec's commitments match what is held\n");
    }
}

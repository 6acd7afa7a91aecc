package dev.bella.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.alarms.FakeBillingAccount;
import dev.bella.alarms.StatefulBillingAccount;
import dev.bella.cli.BellaJar.Run;
import dev.bella.commitments.FakeCommitmentsAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The application jar as a user runs it ({@code java -jar bella.jar …}, the light runtime its manifest lists),
 * after packaging. The unit tests run on Maven's test classpath, where a test-scoped dependency can supply a class
 * the jar lacks; this does not. Each launcher configuration (bin/bella) is run by {@link LauncherIT}.
 */
class ShadedJarIT {


    @Test
    void theCostReportRunsFromTheJar() throws Exception {
        Run run = BellaJar.run(Files.createTempDirectory("bella-no-aws-config"),
                List.of("cost", "report", "--source", "estimate", "--format", "json"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"schemaVersion\"");
    }

    @Test
    @Timeout(180)
    void costCommitmentsRunsFromTheJarAgainstAStandInEndpoint() throws Exception {
        WireMockServer aws = new WireMockServer(options().dynamicPort());
        aws.start();
        try {
            new FakeCommitmentsAccount(aws).stubHandCheckedAccount();
            Run run = BellaJar.run(Files.createTempDirectory("bella-no-aws-config"), List.of("cost", "commitments",
                    "--config", "../configs/bella.yaml", "--fail-under", "--format", "json"),
                    Map.of("AWS_ENDPOINT_URL", aws.baseUrl()));
            // the account's coverage (60.3%) is under the seed's 80%: --fail-under exits 1 and says why
            assertThat(run.code()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("bella: reserved coverage 60.3% is under the target 80% "
                    + "(budget.targets.commitment-coverage)\n");
            assertThat(run.out()).contains("\"reservedCoverage\" : 60.3").contains("\"status\" : \"under\"");
        } finally {
            aws.stop();
        }
    }

    // ---- cost alarms through the jar, against a WireMock account that keeps state (issue 19) ----

    @Test
    @Timeout(300)
    void everyCostAlarmsSubcommandPrintsItsOutputFromTheJar() throws Exception {
        StatefulBillingAccount account = new StatefulBillingAccount();
        WireMockServer aws = StatefulBillingAccount.serve(account);
        try {
            Path spec = Files.createTempDirectory("bella-alarms-it").resolve("bella.yaml");
            Files.writeString(spec, FakeBillingAccount.SPEC);
            List<String> common = List.of("--config", spec.toString(), "--endpoint-url", aws.baseUrl());

            Run plan = bella(common, "cost", "alarms", "plan");
            assertThat(plan.out()).contains("  + create     alarm        bella-bella-billing-50pct   EstimatedCharges >= $75.00")
                    .endsWith("Plan: 10 to create, 0 to update, 0 to delete, 0 unchanged.\n");
            Run json = bella(common, "cost", "alarms", "plan", "--format", "json");
            assertThat(new ObjectMapper().readTree(json.out()).path("summary").path("create").asInt()).isEqualTo(10);
            Run dryRun = bella(common, "cost", "alarms", "apply", "--dry-run");
            assertThat(dryRun.out()).contains("Plan: 10 to create").endsWith("Dry run: nothing changed.\n");
            assertThat(account.writes()).isEmpty();

            Run apply = bella(common, "cost", "alarms", "apply");
            assertThat(apply.out()).contains("  created alarm bella-bella-billing-100pct\n").endsWith("Done: 10 change(s) made.\n");
            assertThat(account.alarmNames()).hasSize(3);

            Run again = bella(common, "cost", "alarms", "plan");
            assertThat(again.out()).endsWith("Plan: 0 to create, 0 to update, 0 to delete, 10 unchanged.\n");
            Run list = bella(common, "cost", "alarms", "list");
            assertThat(list.out()).startsWith("Account 123456789012, project 'bella'")
                    .contains("alarm   bella-bella-billing-80pct  INSUFFICIENT_DATA  EstimatedCharges >= $120.00  [managed by bella]",
                            "  email ops@example.com (pending confirmation)", "  forecasted > 100% to ops@example.com");
            Run listJson = bella(common, "cost", "alarms", "list", "--format", "json");
            assertThat(new ObjectMapper().readTree(listJson.out()).path("alarms")).hasSize(3);

            Run delete = bella(common, "cost", "alarms", "delete");
            assertThat(delete.out()).contains("  deleted budget bella-bella-monthly\n").endsWith("Done: 5 change(s) made.\n");
            assertThat(account.alarmNames()).isEmpty();
            assertThat(account.topicArns()).isEmpty();
        } finally {
            aws.stop();
        }
    }


    /**
     * {@code java -jar bella.jar ARGS COMMON} as a user runs it, with dummy credentials in the environment and no
     * AWS configuration of this machine's; asserts exit 0 and stderr empty, and returns both streams.
     */
    private static Run bella(List<String> common, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        Run run = BellaJar.run(Files.createTempDirectory("bella-no-aws-config"), all);
        assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
        assertThat(run.err()).as(String.join(" ", args)).isEmpty();
        return run;
    }

}

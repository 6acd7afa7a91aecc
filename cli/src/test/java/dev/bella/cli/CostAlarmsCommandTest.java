package dev.bella.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bella.alarms.FakeBillingAccount.CW;
import static dev.bella.alarms.FakeBillingAccount.TOPIC_ARN;
import static dev.bella.alarms.FakeBillingAccount.bellaAlarm;
import static dev.bella.alarms.FakeBillingAccount.query;
import static dev.bella.alarms.FakeBillingAccount.queryError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.alarms.FakeBillingAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The four subcommands end to end: the real SDK clients against a WireMock account, exit code, stdout, stderr. */
class CostAlarmsCommandTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();
    private FakeBillingAccount account;
    private Path spec;

    @BeforeEach
    void start() throws IOException {
        account = new FakeBillingAccount(aws);
        spec = dir.resolve("bella.yaml");
        Files.writeString(spec, FakeBillingAccount.SPEC);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("cost", "alarms"));
        all.addAll(List.of(args));
        all.addAll(List.of("--config", spec.toString(), "--region", "ca-central-1", "--endpoint-url", aws.baseUrl()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private void emptyAccount() {
        account.identity().billingMetric(true).alarms().topics().noBudget();
    }

    @Test
    void planPrintsTheDiffAndCallsUsEast1WhateverTheRegion() {
        emptyAccount();
        CliRun r = run("plan");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("  + create     alarm        bella-bella-billing-80pct   EstimatedCharges >= $120.00")
                .endsWith("Plan: 10 to create, 0 to update, 0 to delete, 0 unchanged.\n");
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms"))
                .withHeader("Authorization", containing("/us-east-1/monitoring/aws4_request")));
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void applyPrintsThePlanThenEachChange() {
        emptyAccount();
        account.writesSucceed(null);
        CliRun r = run("apply");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Plan: 10 to create", "  created topic bella-bella-billing\n",
                "  created alarm bella-bella-billing-100pct\n", "  created notification forecasted > 100%\n")
                .endsWith("Done: 10 change(s) made.\n");
        assertThat(account.writes()).hasSize(10);
    }

    @Test
    void dryRunsChangeNothing() {
        emptyAccount();
        account.writesSucceed(null);
        CliRun apply = run("apply", "--dry-run");
        assertThat(apply.exitCode()).isZero();
        assertThat(apply.out()).contains("Plan: 10 to create").endsWith("Dry run: nothing changed.\n");
        CliRun delete = run("delete", "--dry-run");
        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).isEqualTo("Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged.\n"
                + "Dry run: nothing changed.\n");
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void listShowsWhatBellaManagesAndWhatItDoesNot() {
        account.identity().billingMetric(true)
                .alarms(bellaAlarm("80", "120.0"), FakeBillingAccount.alarm("bella-bella-mine", "5.0", "by hand"))
                .alarmTags("bella-bella-billing-80pct", true).alarmTags("bella-bella-mine", false)
                .topics(TOPIC_ARN).topicTags(TOPIC_ARN, true)
                .subscriptions(TOPIC_ARN, "email ops@example.com " + TOPIC_ARN + ":4f1b7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e")
                .noBudget();
        CliRun r = run("list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                Account 123456789012, project 'bella' (names starting bella-bella-, billing region us-east-1)
                topic   arn:aws:sns:us-east-1:123456789012:bella-bella-billing  [managed by bella]
                  email ops@example.com (confirmed)
                alarm   bella-bella-billing-80pct  OK  EstimatedCharges >= $120.00  [managed by bella]
                alarm   bella-bella-mine  OK  EstimatedCharges >= $5.00  [not this project's: lacks the tags bella:managed=true, bella:project=bella]
                budget  bella-bella-monthly: none
                """);
    }

    @Test
    void deleteLeavesAForeignAlarmAlone() {
        account.identity().billingMetric(true)
                .alarms(bellaAlarm("80", "120.0"), FakeBillingAccount.alarm("bella-bella-mine", "5.0", "by hand"))
                .alarmTags("bella-bella-billing-80pct", true).alarmTags("bella-bella-mine", false)
                .topics().noBudget();
        account.writesSucceed(null);
        CliRun r = run("delete");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  - delete     alarm        bella-bella-billing-80pct",
                "  . left alone alarm        bella-bella-mine", "  deleted alarm bella-bella-billing-80pct\n")
                .endsWith("Done: 1 change(s) made.\n");
        assertThat(account.writeNames()).containsExactly("DeleteAlarms");
        assertThat(account.writes().get(0).getRequest().getBodyAsString()).doesNotContain("bella-bella-mine");
    }

    @Test
    void billingAlertsOffExits3WithTheFix() {
        account.identity().billingMetric(false).alarms().topics().noBudget();
        CliRun r = run("plan");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("bella: billing alerts are not enabled for this account")
                .contains("Receive CloudWatch billing alerts").hasLineCount(1);
    }

    @Test
    void accessDeniedExits3NamingThePermission() {
        emptyAccount();
        aws.stubFor(query(CW, "DescribeAlarms").willReturn(queryError(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:DescribeAlarms")));
        CliRun r = run("list");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("bella: AWS error: access denied: needs IAM permission cloudwatch:DescribeAlarms")
                .hasLineCount(1).doesNotContain("\tat ");
    }

    @Test
    void aConflictExits1AndChangesNothing() {
        account.identity().billingMetric(true).topics().noBudget()
                .alarms(FakeBillingAccount.alarm("bella-bella-billing-50pct", "70.0", "by hand"))
                .alarmTags("bella-bella-billing-50pct", false);
        account.writesSucceed(null);
        CliRun r = run("apply");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("bella: nothing changed: alarm bella-bella-billing-50pct (exists without the tags "
                + "bella:managed=true, bella:project=bella; rename or delete it, or add the tags to hand it over)\n");
        CliRun plan = run("plan");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.out()).contains("  ! conflict   alarm        bella-bella-billing-50pct   exists without the tags bella:managed=true");
        assertThat(plan.err()).isEqualTo("bella: 1 conflict(s) marked '!': apply would refuse and change nothing until "
                + "they are resolved\n");
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void aSpecWithoutAMonthlyLimitExits2BeforeAnyAwsCall() throws IOException {
        Files.writeString(spec, """
                project: bella
                region: ca-central-1
                environments:
                  prod: {}
                """);
        CliRun r = run("apply");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("bella: " + spec + ": budget.monthly-limit is not set").hasLineCount(1);
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void planAndListWriteJsonForAPipeline() throws IOException {
        account.identity().billingMetric(true)
                .alarms(bellaAlarm("80", "120.0")).alarmTags("bella-bella-billing-80pct", true)
                .topics(TOPIC_ARN).topicTags(TOPIC_ARN, true)
                .subscriptions(TOPIC_ARN, "email ops@example.com PendingConfirmation")
                .budget("150.0", true).notifications(List.of("ops@example.com"), "ACTUAL 80");
        ObjectMapper json = new ObjectMapper();

        CliRun plan = run("plan", "--format", "json");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode p = json.readTree(plan.out());
        assertThat(p.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(p.path("project").asText()).isEqualTo("bella");
        assertThat(p.path("region").asText()).isEqualTo("us-east-1");
        assertThat(p.path("changes").get(0).toString()).isEqualTo("{\"action\":\"unchanged\",\"kind\":\"topic\","
                + "\"name\":\"bella-bella-billing\",\"detail\":\"\"}");
        assertThat(p.path("summary").toString()).isEqualTo("{\"create\":5,\"update\":0,\"delete\":0,\"unchanged\":5,"
                + "\"left-alone\":0,\"conflict\":0}");
        assertThat(p.path("hasChanges").asBoolean()).isTrue();

        CliRun list = run("list", "--format", "json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode l = json.readTree(list.out());
        assertThat(l.path("account").asText()).isEqualTo("123456789012");
        assertThat(l.path("topic").path("subscriptions").get(0).toString())
                .isEqualTo("{\"protocol\":\"email\",\"endpoint\":\"ops@example.com\",\"confirmed\":false}");
        assertThat(l.path("alarms").get(0).path("threshold").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(l.path("alarms").get(0).path("actionsEnabled").asBoolean()).isTrue();
        assertThat(l.path("budget").path("limit").decimalValue()).isEqualByComparingTo("150");
        assertThat(l.path("budget").path("notifications").get(0).toString()).isEqualTo("{\"type\":\"ACTUAL\","
                + "\"comparison\":\"GREATER_THAN\",\"threshold\":80,\"thresholdType\":\"PERCENTAGE\","
                + "\"emails\":[\"ops@example.com\"]}");
    }

    @Test
    void aConflictInJsonStillExits1WithThePlanOnStdout() throws IOException {
        account.identity().billingMetric(true).topics().noBudget()
                .alarms(FakeBillingAccount.alarm("bella-bella-billing-50pct", "70.0", "by hand"))
                .alarmTags("bella-bella-billing-50pct", false);
        CliRun r = run("plan", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertThat(plan.path("summary").path("conflict").asInt()).isEqualTo(1);
        assertThat(plan.path("changes").findValuesAsText("action")).contains("conflict");
        assertThat(r.err()).startsWith("bella: 1 conflict(s) marked '!'");
    }

    @Test
    void aFormatAlarmsCannotWriteExits2BeforeAnyAwsCall() {
        CliRun r = run("plan", "--format", "csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("bella: --format: cost alarms writes table or json\n");
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void tenAlarmFractionsExit2AtTheirPlaceInTheSpecBeforeAnyAwsCall() throws IOException {
        Files.writeString(spec, """
                project: bella
                region: ca-central-1
                budget: {monthly-limit: 150, notify: [ops@example.com], alarm-at: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]}
                environments:
                  prod: {}
                """);
        for (String command : List.of("plan", "apply")) {
            CliRun r = run(command);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("bella: " + spec + ":3:113: budget.alarm-at: at most 9 fractions").hasLineCount(1);
        }
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedTagPermissionExits3NamingIt() {
        emptyAccount();
        account.writesSucceed(null);
        aws.stubFor(query(FakeBillingAccount.SNS, "CreateTopic").willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("<ErrorResponse xmlns=\""
                        + "http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>AuthorizationError"
                        + "</Code><Message>User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        + "SNS:TagResource on resource: " + TOPIC_ARN + " because no identity-based policy allows the "
                        + "SNS:TagResource action</Message></Error><RequestId>5e1f</RequestId></ErrorResponse>")));
        CliRun r = run("apply");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("bella: AWS error: access denied: needs IAM permission sns:TagResource (User: ")
                .hasLineCount(1);
        assertThat(account.writeNames()).containsExactly("CreateTopic"); // the refused one, and nothing after it
    }

    @Test
    void anUnknownSubcommandExits2() {
        CliRun r = CliRun.of("cost", "alarms", "apply-all");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("bella: ");
        CliRun none = CliRun.of("cost", "alarms");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("bella: missing subcommand: plan, apply, list or delete (see 'bella cost alarms --help')\n");
    }
}

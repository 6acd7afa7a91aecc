package dev.bella.alarms;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bella.alarms.FakeBillingAccount.APPLIED;
import static dev.bella.alarms.FakeBillingAccount.CW;
import static dev.bella.alarms.FakeBillingAccount.TOPIC_ARN;
import static dev.bella.alarms.FakeBillingAccount.bellaAlarm;
import static dev.bella.alarms.FakeBillingAccount.enc;
import static dev.bella.alarms.FakeBillingAccount.query;
import static dev.bella.alarms.FakeBillingAccount.queryError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class AlarmServiceTest {

    static final String SPEC = FakeBillingAccount.SPEC;
    static final List<String> EMAILS = List.of("ops@example.com");

    @TempDir
    Path dir;
    private WireMockServer aws;
    private FakeBillingAccount account;
    private AlarmClients clients;
    private AlarmService service;
    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        account = new FakeBillingAccount(aws);
        clients = AlarmClients.against(aws.baseUrl());
        service = clients.service();
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.stop();
    }

    Desired desired(String yaml) throws IOException {
        return AlarmClients.desired(dir, yaml);
    }

    private void emptyAccount() {
        account.identity().billingMetric(true).alarms().topics().noBudget();
    }

    /** What one apply of {@link #SPEC} leaves behind, as the account reports it afterwards. */
    private void appliedAccount() {
        account.identity().billingMetric(true)
                .alarms(bellaAlarm("50", "75.0"), bellaAlarm("80", "120.0"), bellaAlarm("100", "150.0"))
                .alarmTags("bella-bella-billing-50pct", true).alarmTags("bella-bella-billing-80pct", true)
                .alarmTags("bella-bella-billing-100pct", true)
                .topics("arn:aws:sns:us-east-1:123456789012:someone-elses-topic", TOPIC_ARN).topicTags(TOPIC_ARN, true)
                .subscriptions(TOPIC_ARN, "email ops@example.com PendingConfirmation")
                .budget("150.0", true).notifications(EMAILS, "ACTUAL 50", "ACTUAL 80", "ACTUAL 100", "FORECASTED 100");
    }

    @Test
    void anEmptyAccountPlansTheTopicTheAlarmsAndTheBudget() throws IOException {
        emptyAccount();

        Plan plan = service.plan(desired(SPEC));

        assertThat(plan.render()).isEqualTo("""
                  + create     topic        bella-bella-billing         SNS topic in us-east-1 for the alarms
                  + create     subscription ops@example.com             e-mail (the recipient must confirm)
                  + create     alarm        bella-bella-billing-50pct   EstimatedCharges >= $75.00 (50% of $150.00)
                  + create     alarm        bella-bella-billing-80pct   EstimatedCharges >= $120.00 (80% of $150.00)
                  + create     alarm        bella-bella-billing-100pct  EstimatedCharges >= $150.00 (100% of $150.00)
                  + create     budget       bella-bella-monthly         monthly cost budget, $150.00
                  + create     notification actual > 50%                to ops@example.com
                  + create     notification actual > 80%                to ops@example.com
                  + create     notification actual > 100%               to ops@example.com
                  + create     notification forecasted > 100%           to ops@example.com
                Plan: 10 to create, 0 to update, 0 to delete, 0 unchanged.
                """);
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void theRequestsUseTheProtocolsOfTheSdk() throws IOException {
        emptyAccount();
        service.plan(desired(SPEC));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", containing("AWSBudgetServiceGateway.DescribeBudget"))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"))
                .withRequestBody(containing("\"AccountId\":\"123456789012\"")));
        // billing metrics live in us-east-1: the signature's scope says where the call went
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListMetrics"))
                .withRequestBody(containing("Namespace=AWS%2FBilling")).withRequestBody(containing("MetricName=EstimatedCharges"))
                .withHeader("Authorization", containing("/us-east-1/monitoring/aws4_request")));
    }

    @Test
    void applyMakesThePlanAndASecondApplyChangesNothing() throws IOException {
        account.inState(STARTED);
        emptyAccount();
        account.inState(APPLIED);
        appliedAccount();
        account.writesSucceed(APPLIED);
        Desired d = desired(SPEC);

        Plan first = service.apply(d, false, p -> { }, done::add);

        assertThat(account.writeNames()).containsExactly("CreateTopic", "Subscribe", "PutMetricAlarm", "PutMetricAlarm",
                "PutMetricAlarm", "AWSBudgetServiceGateway.CreateBudget", "AWSBudgetServiceGateway.CreateNotification",
                "AWSBudgetServiceGateway.CreateNotification", "AWSBudgetServiceGateway.CreateNotification",
                "AWSBudgetServiceGateway.CreateNotification");
        assertThat(done).hasSize(10).startsWith("created topic bella-bella-billing");
        assertThat(first.toMake()).hasSize(10);
        List<ServeEvent> writes = account.writes();
        assertThat(writes.get(0).getRequest().getBodyAsString()).contains("Name=bella-bella-billing",
                "Tags.member.1.Key=bella%3Amanaged", "Tags.member.1.Value=true");
        assertThat(writes.get(1).getRequest().getBodyAsString()).contains("TopicArn=" + enc(TOPIC_ARN), "Protocol=email",
                "Endpoint=ops%40example.com");
        assertThat(writes.get(2).getRequest().getBodyAsString()).contains("AlarmName=bella-bella-billing-50pct",
                "Namespace=AWS%2FBilling", "MetricName=EstimatedCharges", "Dimensions.member.1.Name=Currency",
                "Dimensions.member.1.Value=USD", "Statistic=Maximum", "Period=21600", "EvaluationPeriods=1",
                "Threshold=75.0", "ComparisonOperator=GreaterThanOrEqualToThreshold", "TreatMissingData=notBreaching",
                "AlarmActions.member.1=" + enc(TOPIC_ARN), "Tags.member.1.Key=bella%3Amanaged");
        assertThat(writes.get(5).getRequest().getBodyAsString()).contains("\"BudgetName\":\"bella-bella-monthly\"",
                "\"BudgetType\":\"COST\"", "\"TimeUnit\":\"MONTHLY\"", "\"Unit\":\"USD\"", "\"Key\":\"bella:managed\"");
        assertThat(writes.get(9).getRequest().getBodyAsString()).contains("\"NotificationType\":\"FORECASTED\"",
                "\"Threshold\":100.0", "\"ThresholdType\":\"PERCENTAGE\"", "\"Address\":\"ops@example.com\"");

        Plan second = service.apply(d, false, p -> { }, done::add);

        assertThat(second.hasChanges()).isFalse();
        assertThat(second.summary()).isEqualTo("Plan: 0 to create, 0 to update, 0 to delete, 10 unchanged.");
        assertThat(account.writes()).hasSize(10);
        assertThat(done).hasSize(10);
    }

    @Test
    void dryRunChangesNothing() throws IOException {
        emptyAccount();
        account.writesSucceed(null);
        Plan plan = service.apply(desired(SPEC), true, p -> { }, done::add);
        assertThat(plan.toMake()).hasSize(10);
        assertThat(account.writes()).isEmpty();
        assertThat(done).isEmpty();
    }

    @Test
    void changedLimitsAndFractionsUpdateAndDeleteOnlyWhatDiffers() throws IOException {
        appliedAccount();
        account.writesSucceed(null);
        Desired d = desired(SPEC.replace("{monthly-limit: 150, notify: [ops@example.com]}",
                "{monthly-limit: 200, notify: [ops@example.com, cfo@example.com], alarm-at: [0.8, 1.0]}"));

        Plan plan = service.apply(d, false, p -> { }, done::add);

        assertThat(plan.render()).contains(
                "  - delete     alarm        bella-bella-billing-50pct",
                "  ~ update     alarm        bella-bella-billing-80pct   threshold $120.00 -> $160.00; description",
                "  ~ update     budget       bella-bella-monthly         limit 150.00 USD MONTHLY -> 200.00 USD MONTHLY",
                "  + create     subscription cfo@example.com",
                "  - delete     notification actual GREATER_THAN 50%",
                "  ~ update     notification actual > 80%                subscribers [ops@example.com] -> [cfo@example.com, ops@example.com]: add cfo@example.com",
                "  = unchanged  topic        bella-bella-billing");
        // additions and updates first, removals last; subscribers change in place (issue 19)
        assertThat(account.writeNames()).containsExactly("Subscribe", "PutMetricAlarm", "PutMetricAlarm",
                "AWSBudgetServiceGateway.UpdateBudget", "AWSBudgetServiceGateway.CreateSubscriber",
                "AWSBudgetServiceGateway.CreateSubscriber", "AWSBudgetServiceGateway.CreateSubscriber", "DeleteAlarms",
                "AWSBudgetServiceGateway.DeleteNotification");
        assertThat(account.writes().get(4).getRequest().getBodyAsString()).contains("\"NotificationType\":\"ACTUAL\"",
                "\"Threshold\":80.0", "\"Subscriber\":{\"SubscriptionType\":\"EMAIL\",\"Address\":\"cfo@example.com\"}");
        assertThat(account.writes().get(7).getRequest().getBodyAsString())
                .isEqualTo("Action=DeleteAlarms&Version=2010-08-01&AlarmNames.member.1=bella-bella-billing-50pct");
    }

    @Test
    void describeAlarmsIsPagedAndAForeignAlarmIsLeftAlone() throws IOException {
        account.identity().billingMetric(true).topics().noBudget()
                .alarmsPage(null, "page-2", FakeBillingAccount.alarm("bella-bella-legacy", "10.0", "someone's own alarm"))
                .alarmsPage("page-2", null, bellaAlarm("30", "45.0"))
                .alarmTags("bella-bella-legacy", false).alarmTags("bella-bella-billing-30pct", true);

        Plan plan = service.plan(desired(SPEC));

        assertThat(plan.render()).contains(
                "  - delete     alarm        bella-bella-billing-30pct   no longer in budget.alarm-at",
                "  . left alone alarm        bella-bella-legacy          not this project's (lacks the tags "
                        + "bella:managed=true, bella:project=bella)");
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("NextToken=page-2")));
    }

    @Test
    void anotherProjectsAlarmsUnderTheSamePrefixAreNotThisProjects() throws IOException {
        // project "bella-staging" names its alarms bella-bella-staging-..., which start with project bella's prefix
        account.identity().billingMetric(true).topics().noBudget()
                .alarms(FakeBillingAccount.alarm("bella-bella-staging-billing-50pct", "25.0", "staging's"))
                .alarmTags("bella-bella-staging-billing-50pct", "bella:managed=true", "bella:project=bella-staging");
        account.writesSucceed(null);

        Plan plan = service.delete("bella", false, p -> { }, done::add);

        assertThat(plan.render()).contains("  . left alone alarm        bella-bella-staging-billing-50pct  not this project's (lacks the tags "
                + "bella:managed=true, bella:project=bella)");
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void deleteRemovesOnlyWhatBellaManages() {
        account.identity().billingMetric(true)
                .alarms(bellaAlarm("50", "75.0"), FakeBillingAccount.alarm("bella-bella-billing-80pct", "120.0",
                        "made by hand, same name"), bellaAlarm("100", "150.0"))
                .alarmTags("bella-bella-billing-50pct", true).alarmTags("bella-bella-billing-80pct", false)
                .alarmTags("bella-bella-billing-100pct", true)
                .topics(TOPIC_ARN).topicTags(TOPIC_ARN, true).subscriptions(TOPIC_ARN)
                .budget("150.0", true).notifications(EMAILS, "ACTUAL 50");
        account.writesSucceed(null);

        Plan plan = service.delete("bella", false, p -> { }, done::add);

        assertThat(plan.render()).contains("  . left alone alarm        bella-bella-billing-80pct   not this project's");
        assertThat(account.writeNames()).containsExactly("DeleteAlarms", "DeleteAlarms",
                "AWSBudgetServiceGateway.DeleteBudget", "DeleteTopic");
        assertThat(account.writes()).noneMatch(e -> e.getRequest().getBodyAsString().contains("billing-80pct"));
        assertThat(done).containsExactly("deleted alarm bella-bella-billing-50pct", "deleted alarm bella-bella-billing-100pct",
                "deleted budget bella-bella-monthly", "deleted topic bella-bella-billing");
    }

    @Test
    void aForeignResourceWithABellaNameStopsApplyBeforeAnyChange() throws IOException {
        account.identity().billingMetric(true).topics().noBudget()
                .alarms(FakeBillingAccount.alarm("bella-bella-billing-80pct", "99.0", "hand-made"))
                .alarmTags("bella-bella-billing-80pct", false);
        account.writesSucceed(null);
        Desired d = desired(SPEC);

        assertThatThrownBy(() -> service.apply(d, false, p -> { }, done::add))
                .isInstanceOf(AlarmsException.class)
                .hasMessage("nothing changed: alarm bella-bella-billing-80pct (exists without the tags bella:managed=true, "
                        + "bella:project=bella; rename or delete it, or add the tags to hand it over)")
                .extracting(e -> ((AlarmsException) e).reason()).isEqualTo(AlarmsException.Reason.CONFLICT);
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void billingAlertsNotEnabledIsExplainedWithTheFix() throws IOException {
        account.identity().billingMetric(false).alarms().topics().noBudget();
        Desired d = desired(SPEC);
        assertThatThrownBy(() -> service.plan(d)).isInstanceOf(AlarmsException.class)
                .hasMessageContaining("billing alerts are not enabled")
                .hasMessageContaining("turn on 'Receive CloudWatch billing alerts'");
    }

    @Test
    void throttlingIsRetriedThenSucceeds() throws IOException {
        emptyAccount();
        aws.stubFor(query(CW, "DescribeAlarms").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(queryError(400, "Throttling", "Rate exceeded")).willSetStateTo("calm"));

        Plan plan = service.plan(desired(SPEC));

        assertThat(plan.toMake()).hasSize(10);
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms")));
    }

    @Test
    void accessDeniedNamesThePermission() throws IOException {
        emptyAccount();
        account.writesSucceed(null);
        // the newest stub wins in WireMock: this one replaces the successful PutMetricAlarm
        aws.stubFor(query(CW, "PutMetricAlarm").willReturn(queryError(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cloudwatch:PutMetricAlarm")));
        Desired d = desired(SPEC);

        assertThatThrownBy(() -> service.apply(d, false, p -> { }, done::add))
                .isInstanceOf(AwsServiceException.class)
                .hasMessageStartingWith("access denied: needs IAM permission cloudwatch:PutMetricAlarm");
        assertThat(done).containsExactly("created topic bella-bella-billing", "created subscription ops@example.com");
    }

    @Test
    void aDeniedBudgetsCallNamesTheBudgetsPermissionThatCoversIt() throws IOException {
        account.identity().billingMetric(true).alarms().topics();
        aws.stubFor(FakeBillingAccount.budgets("DescribeBudget").willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::123456789012:user/ci "
                        + "is not authorized to perform: budgets:ViewBudget\"}")));
        Desired d = desired(SPEC);
        assertThatThrownBy(() -> service.plan(d)).isInstanceOf(AwsServiceException.class)
                .hasMessageStartingWith("access denied: needs IAM permission budgets:ViewBudget");
    }

    @Test
    void aSpecWithoutAMonthlyLimitIsAConfigError() {
        assertThatThrownBy(() -> desired(SPEC.replace("monthly-limit: 150, ", "")))
                .isInstanceOf(AlarmsException.class).hasMessageContaining("budget.monthly-limit is not set")
                .extracting(e -> ((AlarmsException) e).reason()).isEqualTo(AlarmsException.Reason.CONFIG);
    }
}

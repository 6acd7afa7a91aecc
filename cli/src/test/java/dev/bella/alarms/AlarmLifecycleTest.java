package dev.bella.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.alarms.Desired.BudgetDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.SubscriptionType;

/**
 * Apply, plan and apply again against an account that keeps what it is told ({@link StatefulBillingAccount}):
 * drift made by hand, spec changes, refusals and failures half-way, each followed by what the account holds.
 */
class AlarmLifecycleTest {

    static final String SPEC = FakeBillingAccount.SPEC;
    static final String BUDGET = "bella-bella-monthly";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:bella-bella-billing";

    @TempDir
    Path dir;
    private final StatefulBillingAccount account = new StatefulBillingAccount();
    private WireMockServer aws;
    private AlarmClients clients;
    private AlarmService service;

    @BeforeEach
    void start() {
        aws = StatefulBillingAccount.serve(account);
        clients = AlarmClients.against(aws.baseUrl());
        service = clients.service();
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.stop();
    }

    private Desired desired(String yaml) throws IOException {
        return AlarmClients.desired(dir, yaml);
    }

    private Desired notify(String... recipients) throws IOException {
        return desired(SPEC.replace("[ops@example.com]", "[" + String.join(", ", recipients) + "]"));
    }

    private Plan apply(Desired d) {
        return service.apply(d, false, p -> { }, line -> { });
    }

    @Test
    void applyBuildsTheAccountAndPlanAndApplyThenFindNothingToDo() throws IOException {
        Desired d = desired(SPEC);

        apply(d);

        assertThat(account.alarmNames()).containsExactlyInAnyOrder("bella-bella-billing-50pct", "bella-bella-billing-80pct",
                "bella-bella-billing-100pct");
        assertThat(account.notifications(BUDGET)).containsOnlyKeys("ACTUAL 50", "ACTUAL 80", "ACTUAL 100", "FORECASTED 100");
        assertThat(service.plan(d).hasChanges()).isFalse();
        int writes = account.writes().size();
        assertThat(apply(d).summary()).isEqualTo("Plan: 0 to create, 0 to update, 0 to delete, 10 unchanged.");
        assertThat(account.writes()).hasSize(writes);
    }

    // ---- item 4: drift in anything Bella sets shows in plan and is repaired by apply ----

    @Test
    void disabledAlarmActionsShowInThePlanAndApplyEnablesThemAgain() throws IOException {
        Desired d = desired(SPEC);
        apply(d);
        clients.cloudWatch().disableAlarmActions(r -> r.alarmNames("bella-bella-billing-100pct"));

        Plan plan = service.plan(d);

        assertThat(plan.render()).contains("  ~ update     alarm        bella-bella-billing-100pct  actions enabled false -> true");
        assertThat(plan.toMake()).hasSize(1);
        assertThat(Listing.render("bella", service.list("bella"))).contains("alarm   bella-bella-billing-100pct  "
                + "INSUFFICIENT_DATA  EstimatedCharges >= $150.00  (actions disabled: notifies no one)  [managed by bella]");
        apply(d);
        assertThat(account.alarm("bella-bella-billing-100pct")).containsEntry("ActionsEnabled", "true");
        assertThat(service.plan(d).hasChanges()).isFalse();
    }

    @Test
    void aThresholdPeriodDimensionOrExtraActionChangedByHandIsPutBack() throws IOException {
        Desired d = desired(SPEC);
        apply(d);
        // what an edit in the console sends: the whole alarm again, with the changed settings
        clients.cloudWatch().putMetricAlarm(r -> r.alarmName("bella-bella-billing-80pct").alarmDescription("edited")
                .namespace("AWS/Billing").metricName("EstimatedCharges").statistic("Maximum")
                .dimensions(b -> b.name("Currency").value("USD"), b -> b.name("ServiceName").value("AmazonEC2"))
                .period(86_400).evaluationPeriods(1).threshold(500.0).comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching").alarmActions(TOPIC).okActions(TOPIC).unit("Count"));

        Plan plan = service.plan(d);

        assertThat(plan.render()).contains("threshold $500.00 -> $120.00", "dimensions {Currency=USD, ServiceName=AmazonEC2}"
                + " -> {Currency=USD}", "period 86400s -> 21600s", "OK/insufficient-data actions [" + TOPIC + "] -> []",
                "unit Count -> none", "description edited -> bella: ");
        apply(d);
        assertThat(account.alarm("bella-bella-billing-80pct")).containsEntry("Threshold", "120.0")
                .containsEntry("Period", "21600").doesNotContainKeys("Unit", "OKActions.member.1",
                        "Dimensions.member.2.Name");
        assertThat(service.plan(d).hasChanges()).isFalse();
    }

    @Test
    void aSubscriberRemovedFromABudgetNotificationByHandIsAddedBack() throws IOException {
        Desired d = notify("ops@example.com", "cfo@example.com");
        apply(d);
        clients.budgets().deleteSubscriber(r -> r.accountId(StatefulBillingAccount.ACCOUNT).budgetName(BUDGET)
                .notification(Notification.builder().notificationType("FORECASTED").comparisonOperator("GREATER_THAN")
                        .threshold(100.0).thresholdType("PERCENTAGE").build())
                .subscriber(s -> s.subscriptionType(SubscriptionType.EMAIL).address("cfo@example.com")));
        int writes = account.writes().size();

        Plan plan = service.plan(d);

        assertThat(plan.render()).contains("  ~ update     notification forecasted > 100%           subscribers "
                + "[ops@example.com] -> [cfo@example.com, ops@example.com]: add cfo@example.com");
        apply(d);
        assertThat(account.writes().subList(writes, account.writes().size())).containsExactly("CreateSubscriber");
        assertThat(account.notifications(BUDGET).get("FORECASTED 100")).containsExactlyInAnyOrder("ops@example.com",
                "cfo@example.com");
    }

    // ---- item 3: subscribers change in place, additions first ----

    @Test
    void changingNotifyChangesSubscribersInPlaceWithoutDeletingNotifications() throws IOException {
        apply(notify("ops@example.com"));
        account.confirmSubscriptions();
        int before = account.writes().size();

        apply(notify("cfo@example.com"));

        // every addition before any removal, and no notification deleted or created
        assertThat(account.writes().subList(before, account.writes().size())).containsExactly("Subscribe",
                "CreateSubscriber", "CreateSubscriber", "CreateSubscriber", "CreateSubscriber", "Unsubscribe",
                "DeleteSubscriber", "DeleteSubscriber", "DeleteSubscriber", "DeleteSubscriber");
        assertThat(account.notifications(BUDGET)).hasSize(4).allSatisfy((k, v) -> assertThat(v)
                .containsExactly("cfo@example.com"));
        assertThat(account.subscriptions(TOPIC)).containsExactly("email:cfo@example.com");
    }

    @Test
    void aFailureHalfWayThroughASubscriberChangeLeavesEveryOldRecipientNotified() throws IOException {
        apply(notify("ops@example.com"));
        account.confirmSubscriptions();
        // the second CreateSubscriber is refused: one notification has changed, the others not yet
        account.failCall("CreateSubscriber", 2, 400, "InvalidParameterException", "simulated failure");
        Desired next = notify("cfo@example.com");

        assertThatThrownBy(() -> apply(next)).isInstanceOf(AwsServiceException.class);

        assertThat(account.notifications(BUDGET)).hasSize(4).allSatisfy((k, v) -> assertThat(v)
                .contains("ops@example.com"));
        assertThat(account.subscriptions(TOPIC)).contains("email:ops@example.com");
        apply(next);
        assertThat(account.notifications(BUDGET)).allSatisfy((k, v) -> assertThat(v).containsExactly("cfo@example.com"));
    }

    @Test
    void tenRecipientsReplacedByTenOthersStayWithinTheSubscriberLimit() throws IOException {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add("a" + i + "@example.com");
            second.add("b" + i + "@example.com");
        }
        apply(notify(first.toArray(String[]::new)));
        int before = account.writes().size();
        Desired next = notify(second.toArray(String[]::new));

        // full: each new address goes in right after an old one leaves, so no notification is ever left without
        // subscribers (AWS Budgets would delete it with its last one)
        assertThat(service.plan(next).render()).contains("notification actual > 50%                subscribers "
                + first + " -> " + second + ": remove a0@example.com, add b0@example.com, remove a1@example.com, ");
        apply(next);

        assertThat(account.notifications(BUDGET)).hasSize(4).allSatisfy((k, v) -> assertThat(v)
                .containsExactlyInAnyOrderElementsOf(second));
        assertThat(account.writes().subList(before, account.writes().size()))
                .doesNotContain("CreateNotification", "DeleteNotification");
    }

    @Test
    void newFractionsAreCreatedBeforeOldOnesGoAsFarAsTheBudgetHasRoom() throws IOException {
        apply(desired(SPEC.replace("notify: [ops@example.com]", "notify: [ops@example.com], alarm-at: [0.1, 0.2, 0.3, "
                + "0.4, 0.5, 0.6, 0.7, 0.8, 0.9]")));
        int before = account.writes().size();

        apply(desired(SPEC.replace("notify: [ops@example.com]", "notify: [ops@example.com], alarm-at: [0.15, 0.9]")));

        List<String> budgetWrites = account.writes().subList(before, account.writes().size()).stream()
                .filter(w -> w.endsWith("Notification")).toList();
        // the budget is full (10): one deletion makes room, then the creation, then the other deletions
        assertThat(budgetWrites.getFirst()).isEqualTo("DeleteNotification");
        assertThat(account.notifications(BUDGET)).containsOnlyKeys("ACTUAL 15", "ACTUAL 90", "FORECASTED 100");
    }

    // ---- item 2: service limits are checked before the first write ----

    @Test
    void elevenNotificationsAreRefusedBeforeAnyWrite() throws IOException {
        Desired ok = desired(SPEC);
        List<BudgetDefinition.Notification> eleven = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            eleven.add(new BudgetDefinition.Notification(BudgetDefinition.Kind.ACTUAL, BigDecimal.valueOf(i * 10L)));
        }
        eleven.add(new BudgetDefinition.Notification(BudgetDefinition.Kind.FORECASTED, BigDecimal.valueOf(100)));
        // a spec the loader would refuse, built directly: apply must not rely on the loader alone
        Desired tooMany = new Desired(ok.project(), ok.topicName(), ok.emails(), ok.topicArns(), ok.alarms(),
                new BudgetDefinition(ok.budget().name(), ok.budget().limit(), eleven, ok.budget().emails()));

        assertThatThrownBy(() -> apply(tooMany)).isInstanceOf(AlarmsException.class)
                .hasMessageContaining("would have 11 notifications; AWS Budgets allows 10")
                .extracting(e -> ((AlarmsException) e).reason()).isEqualTo(AlarmsException.Reason.CONFIG);
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void sixAlarmActionsAreRefusedBeforeAnyWrite() throws IOException {
        Desired ok = desired(SPEC);
        Desired tooMany = new Desired(ok.project(), ok.topicName(), ok.emails(), List.of("arn:aws:sns:us-east-1:1:a",
                "arn:aws:sns:us-east-1:1:b", "arn:aws:sns:us-east-1:1:c", "arn:aws:sns:us-east-1:1:d",
                "arn:aws:sns:us-east-1:1:e"), ok.alarms(), ok.budget());

        assertThatThrownBy(() -> apply(tooMany)).isInstanceOf(AlarmsException.class)
                .hasMessageContaining("would have 6 actions; CloudWatch allows 5");
        assertThat(account.writes()).isEmpty();
    }

    @Test
    void aTopicOutsideTheBillingRegionIsRefusedBeforeAnyWrite() throws IOException {
        Desired d = notify("ops@example.com", "\"arn:aws:sns:eu-west-1:123456789012:finance\"");

        assertThatThrownBy(() -> apply(d)).isInstanceOf(AlarmsException.class).hasMessage("nothing changed: budget.notify "
                + "topic arn:aws:sns:eu-west-1:123456789012:finance is not in us-east-1; a billing alarm (always in "
                + "us-east-1) can only notify a topic in its own region");
        assertThat(account.writes()).isEmpty();
    }

    // ---- item 5: the refused action is the one named ----

    @Test
    void aDeniedTagPermissionIsNamedNotTheCallThatNeededIt() throws IOException {
        Desired d = desired(SPEC);
        for (Map.Entry<String, String> denied : Map.of("sns:TagResource", "CreateTopic",
                "cloudwatch:TagResource", "PutMetricAlarm", "budgets:TagResource", "CreateBudget").entrySet()) {
            StatefulBillingAccount fresh = new StatefulBillingAccount().deny(denied.getKey());
            WireMockServer server = StatefulBillingAccount.serve(fresh);
            try (AlarmClients c = AlarmClients.against(server.baseUrl())) {
                AlarmService s = c.service();
                assertThatThrownBy(() -> s.apply(d, false, p -> { }, l -> { })).as(denied.getValue())
                        .isInstanceOf(AwsServiceException.class)
                        .hasMessageStartingWith("access denied: needs IAM permission " + denied.getKey() + " (");
            } finally {
                server.stop();
            }
        }
    }
}

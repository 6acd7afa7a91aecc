package dev.bella.alarms;

import dev.bella.alarms.Current.Alarm;
import dev.bella.alarms.Current.BudgetState;
import dev.bella.alarms.Current.NotificationState;
import dev.bella.alarms.Current.Subscription;
import dev.bella.alarms.Current.Topic;
import dev.bella.alarms.Desired.AlarmDefinition;
import dev.bella.alarms.Desired.BudgetDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.ComparisonOperator;
import software.amazon.awssdk.services.budgets.model.NotFoundException;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.NotificationType;
import software.amazon.awssdk.services.budgets.model.ResourceTag;
import software.amazon.awssdk.services.budgets.model.Subscriber;
import software.amazon.awssdk.services.budgets.model.SubscriptionType;
import software.amazon.awssdk.services.budgets.model.ThresholdType;
import software.amazon.awssdk.services.budgets.model.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Every AWS call `bella cost alarms` makes, through the SDK clients the caller built with AwsClients
 * (CloudWatch, SNS and STS in us-east-1, where billing metrics live; AWS Budgets is global).
 */
public final class AwsAlarmAccount {

    private final CloudWatchClient cloudWatch;
    private final SnsClient sns;
    private final BudgetsClient budgets;
    private final StsClient sts;

    public AwsAlarmAccount(CloudWatchClient cloudWatch, SnsClient sns, BudgetsClient budgets, StsClient sts) {
        this.cloudWatch = cloudWatch;
        this.sns = sns;
        this.budgets = budgets;
        this.sts = sts;
    }

    /** The account publishes EstimatedCharges only once "Receive Billing Alerts" is on. */
    boolean billingMetricExists() {
        return !cloudWatch.listMetrics(r -> r.namespace(AlarmDefinition.NAMESPACE).metricName(AlarmDefinition.METRIC)
                .dimensions(DimensionFilter.builder().name("Currency").value("USD").build())).metrics().isEmpty();
    }

    Current read(String project, String topicName, String budgetName) {
        GetCallerIdentityResponse me = sts.getCallerIdentity();
        String partition = me.arn().split(":", 3)[1];
        return new Current(me.account(), partition, topic(project, topicName), alarms(project),
                budget(project, me.account(), partition, budgetName));
    }

    private List<Alarm> alarms(String project) {
        String prefix = Desired.prefix(project);
        List<Alarm> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeAlarmsResponse page = cloudWatch.describeAlarms(r -> r.alarmNamePrefix(prefix)
                    .alarmTypes(AlarmType.METRIC_ALARM).nextToken(next));
            for (MetricAlarm a : page.metricAlarms()) {
                boolean managed = managed(project, cloudWatch.listTagsForResource(r -> r.resourceARN(a.alarmArn())).tags()
                        .stream().collect(Collectors.toMap(Tag::key, Tag::value, (x, y) -> x)));
                out.add(new Alarm(a.alarmName(), a.alarmArn(), managed, a.namespace(), a.metricName(),
                        a.dimensions().stream().collect(Collectors.toMap(Dimension::name, Dimension::value, (x, y) -> x,
                                LinkedHashMap::new)), a.statisticAsString(), orZero(a.period()),
                        orZero(a.evaluationPeriods()), a.threshold() == null ? BigDecimal.ZERO
                        : BigDecimal.valueOf(a.threshold()), a.comparisonOperatorAsString(), a.alarmActions(),
                        a.treatMissingData(), a.alarmDescription(), a.stateValueAsString(),
                        !Boolean.FALSE.equals(a.actionsEnabled()), Stream.concat(a.okActions().stream(),
                        a.insufficientDataActions().stream()).toList(), a.unitAsString(), a.datapointsToAlarm()));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    private Optional<Topic> topic(String project, String name) {
        Optional<String> arn = sns.listTopicsPaginator(ListTopicsRequest.builder().build()).topics().stream()
                .map(t -> t.topicArn()).filter(a -> a.endsWith(":" + name)).findFirst();
        return arn.map(a -> {
            boolean managed = managed(project, sns.listTagsForResource(r -> r.resourceArn(a)).tags().stream()
                    .collect(Collectors.toMap(t -> t.key(), t -> t.value(), (x, y) -> x)));
            List<Subscription> subs = sns.listSubscriptionsByTopicPaginator(ListSubscriptionsByTopicRequest.builder()
                            .topicArn(a).build()).subscriptions().stream()
                    .map(s -> new Subscription(s.subscriptionArn(), s.protocol(), s.endpoint())).toList();
            return new Topic(a, managed, subs);
        });
    }

    private Optional<BudgetState> budget(String project, String account, String partition, String name) {
        Budget b;
        try {
            b = budgets.describeBudget(r -> r.accountId(account).budgetName(name)).budget();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        boolean managed = managed(project, budgets.listTagsForResource(r -> r.resourceARN(budgetArn(partition, account,
                name))).resourceTags().stream().collect(Collectors.toMap(ResourceTag::key, ResourceTag::value, (x, y) -> x)));
        List<NotificationState> notifications = new ArrayList<>();
        for (Notification n : budgets.describeNotificationsForBudgetPaginator(r -> r.accountId(account).budgetName(name))
                .notifications()) {
            var emails = budgets.describeSubscribersForNotificationPaginator(r -> r.accountId(account).budgetName(name)
                            .notification(n)).subscribers().stream()
                    .filter(s -> s.subscriptionType() == SubscriptionType.EMAIL).map(Subscriber::address)
                    .collect(Collectors.toSet());
            notifications.add(new NotificationState(n.notificationTypeAsString(), BigDecimal.valueOf(n.threshold()),
                    n.comparisonOperatorAsString(), n.thresholdTypeAsString() == null ? "PERCENTAGE"
                    : n.thresholdTypeAsString(), emails, n.notificationStateAsString()));
        }
        return Optional.of(new BudgetState(b.budgetName(), managed, b.budgetLimit().amount(),
                b.budgetLimit().unit(), b.timeUnitAsString(), b.budgetTypeAsString(), notifications));
    }

    /**
     * Bella's, and this project's: the prefix of project "bella" also matches the names of a project called
     * "bella-staging", whose alarms must not look like obsolete ones of "bella".
     */
    static boolean managed(String project, Map<String, String> tags) {
        return Desired.TAG_VALUE.equals(tags.get(Desired.TAG_KEY)) && project.equals(tags.get(Desired.PROJECT_TAG_KEY));
    }

    static String budgetArn(String partition, String account, String name) {
        return "arn:" + partition + ":budgets::" + account + ":budget/" + name;
    }

    // ---- writes ----

    String createTopic(String name, String project) {
        return sns.createTopic(r -> r.name(name).tags(
                software.amazon.awssdk.services.sns.model.Tag.builder().key(Desired.TAG_KEY).value(Desired.TAG_VALUE).build(),
                software.amazon.awssdk.services.sns.model.Tag.builder().key(Desired.PROJECT_TAG_KEY).value(project).build()))
                .topicArn();
    }

    void subscribe(String topicArn, String email) {
        sns.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint(email));
    }

    void unsubscribe(String subscriptionArn) {
        sns.unsubscribe(r -> r.subscriptionArn(subscriptionArn));
    }

    void deleteTopic(String arn) {
        sns.deleteTopic(r -> r.topicArn(arn));
    }

    void putAlarm(AlarmDefinition a, List<String> actions, String project) {
        cloudWatch.putMetricAlarm(r -> r.alarmName(a.name()).alarmDescription(a.description())
                .namespace(AlarmDefinition.NAMESPACE).metricName(AlarmDefinition.METRIC)
                .dimensions(Dimension.builder().name("Currency").value("USD").build())
                .statistic(AlarmDefinition.STATISTIC).period(AlarmDefinition.PERIOD_SECONDS)
                .evaluationPeriods(AlarmDefinition.EVALUATION_PERIODS)
                // the API takes a double; two-decimal dollar amounts are exact enough in one
                .threshold(a.threshold().doubleValue()).comparisonOperator(AlarmDefinition.COMPARISON)
                .treatMissingData(AlarmDefinition.MISSING_DATA).actionsEnabled(true).alarmActions(actions)
                .tags(Tag.builder().key(Desired.TAG_KEY).value(Desired.TAG_VALUE).build(),
                        Tag.builder().key(Desired.PROJECT_TAG_KEY).value(project).build()));
    }

    void deleteAlarms(List<String> names) {
        // DeleteAlarms takes at most 100 names a call
        for (int i = 0; i < names.size(); i += 100) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + 100));
            cloudWatch.deleteAlarms(r -> r.alarmNames(batch));
        }
    }

    void createBudget(String account, BudgetDefinition b, String project) {
        budgets.createBudget(r -> r.accountId(account).budget(budget(b)).resourceTags(
                ResourceTag.builder().key(Desired.TAG_KEY).value(Desired.TAG_VALUE).build(),
                ResourceTag.builder().key(Desired.PROJECT_TAG_KEY).value(project).build()));
    }

    void updateBudget(String account, BudgetDefinition b) {
        budgets.updateBudget(r -> r.accountId(account).newBudget(budget(b)));
    }

    void deleteBudget(String account, String name) {
        budgets.deleteBudget(r -> r.accountId(account).budgetName(name));
    }

    void createNotification(String account, String budget, BudgetDefinition.Notification n, List<String> emails) {
        budgets.createNotification(r -> r.accountId(account).budgetName(budget).notification(notification(n))
                .subscribers(emails.stream().map(e -> Subscriber.builder().subscriptionType(SubscriptionType.EMAIL)
                        .address(e).build()).toList()));
    }

    void deleteNotification(String account, String budget, NotificationState n) {
        budgets.deleteNotification(r -> r.accountId(account).budgetName(budget).notification(existing(n)));
    }

    void createSubscriber(String account, String budget, NotificationState n, String email) {
        budgets.createSubscriber(r -> r.accountId(account).budgetName(budget).notification(existing(n))
                .subscriber(Subscriber.builder().subscriptionType(SubscriptionType.EMAIL).address(email).build()));
    }

    void deleteSubscriber(String account, String budget, NotificationState n, String email) {
        budgets.deleteSubscriber(r -> r.accountId(account).budgetName(budget).notification(existing(n))
                .subscriber(Subscriber.builder().subscriptionType(SubscriptionType.EMAIL).address(email).build()));
    }

    /** A notification is named by its type, comparison, threshold and threshold type, as read back. */
    private static Notification existing(NotificationState n) {
        return Notification.builder().notificationType(n.kind()).comparisonOperator(n.comparison())
                .thresholdType(n.thresholdType()).threshold(n.percent().doubleValue()).build();
    }

    private static Budget budget(BudgetDefinition b) {
        return Budget.builder().budgetName(b.name()).budgetType(BudgetType.COST).timeUnit(TimeUnit.MONTHLY)
                .budgetLimit(l -> l.amount(b.limit()).unit("USD")).build();
    }

    private static Notification notification(BudgetDefinition.Notification n) {
        return Notification.builder().notificationType(NotificationType.fromValue(n.kind().name()))
                .comparisonOperator(ComparisonOperator.GREATER_THAN).thresholdType(ThresholdType.PERCENTAGE)
                // a percentage such as 80 or 12.5: exact in a double
                .threshold(n.percent().doubleValue()).build();
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}

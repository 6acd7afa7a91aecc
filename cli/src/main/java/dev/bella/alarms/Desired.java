package dev.bella.alarms;

import dev.bella.spec.Budget;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What the spec's {@code budget} asks for: one billing alarm per {@code alarm-at} fraction of the monthly
 * limit, an SNS topic with the e-mail recipients, and an AWS Budgets budget with actual and forecast
 * notifications. Names start with {@link #prefix()} so Bella's resources are recognisable at a glance.
 *
 * @param topicArns SNS topics the spec names in {@code notify}: alarm actions beside Bella's own topic
 */
public record Desired(String project, String topicName, List<String> emails, List<String> topicArns,
                      List<AlarmDefinition> alarms, BudgetDefinition budget) {

    /** Tag on every resource Bella creates; delete and update only touch resources that carry it. */
    public static final String TAG_KEY = "bella:managed";
    public static final String TAG_VALUE = "true";
    public static final String PROJECT_TAG_KEY = "bella:project";
    /** AWS Budgets allows at most 10 e-mail subscribers per notification. */
    static final int MAX_BUDGET_EMAILS = 10;

    public Desired {
        emails = List.copyOf(emails);
        topicArns = List.copyOf(topicArns);
        alarms = List.copyOf(alarms);
    }

    public static String prefix(String project) {
        return "bella-" + project + "-";
    }

    public String prefix() {
        return prefix(project);
    }

    /** The tags that make a resource this project's, as written in messages. */
    public static String tags(String project) {
        return TAG_KEY + "=" + TAG_VALUE + ", " + PROJECT_TAG_KEY + "=" + project;
    }

    public static String topicName(String project) {
        return prefix(project) + "billing";
    }

    public static String budgetName(String project) {
        return prefix(project) + "monthly";
    }

    public static Desired from(Spec spec) {
        Budget b = spec.budget();
        BigDecimal limit = b.monthlyLimit().orElseThrow(() -> new AlarmsException(AlarmsException.Reason.CONFIG,
                spec.source().label() + ": budget.monthly-limit is not set; billing alarms are fractions of it "
                        + "(e.g. budget: {monthly-limit: 150, notify: [ops@example.com]})"));
        if (limit.signum() == 0) {
            throw new AlarmsException(AlarmsException.Reason.CONFIG, spec.source().label()
                    + ": budget.monthly-limit is 0; billing alarms need a positive limit");
        }
        List<String> emails = b.recipients().stream().filter(r -> !r.startsWith("arn:")).toList();
        List<String> topics = b.recipients().stream().filter(r -> r.startsWith("arn:")).sorted().toList();
        if (emails.size() > MAX_BUDGET_EMAILS) {
            throw new AlarmsException(AlarmsException.Reason.CONFIG, spec.source().label() + ": budget.notify has "
                    + emails.size() + " e-mail addresses; AWS Budgets takes at most " + MAX_BUDGET_EMAILS
                    + " (use an SNS topic ARN for more)");
        }
        String prefix = prefix(spec.project());
        List<AlarmDefinition> alarms = b.alarmAt().stream().map(f -> new AlarmDefinition(
                prefix + "billing-" + percent(f) + "pct", f, limit.multiply(f).setScale(2, RoundingMode.HALF_UP),
                "bella: AWS estimated charges reached " + percent(f) + "% of the monthly limit (USD "
                        + limit.setScale(2, RoundingMode.HALF_UP).toPlainString() + "); managed by 'bella cost alarms'"))
                .toList();
        List<BudgetDefinition.Notification> notifications = new java.util.ArrayList<>();
        if (!emails.isEmpty()) {
            b.alarmAt().forEach(f -> notifications.add(new BudgetDefinition.Notification(
                    BudgetDefinition.Kind.ACTUAL, f.movePointRight(2).stripTrailingZeros())));
            notifications.add(new BudgetDefinition.Notification(BudgetDefinition.Kind.FORECASTED, BigDecimal.valueOf(100)));
        }
        BudgetDefinition budget = new BudgetDefinition(budgetName(spec.project()), limit.setScale(2, RoundingMode.HALF_UP),
                notifications, emails);
        return new Desired(spec.project(), topicName(spec.project()), emails, topics, alarms, budget);
    }

    /** 0.8 → "80", 0.125 → "12.5". */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** A CloudWatch alarm on AWS/Billing EstimatedCharges (Currency=USD, Maximum over 6 h). */
    public record AlarmDefinition(String name, BigDecimal fraction, BigDecimal threshold, String description) {
        public static final String NAMESPACE = "AWS/Billing";
        public static final String METRIC = "EstimatedCharges";
        /** billing metrics are published about every 6 hours; a shorter period only sees missing data */
        public static final int PERIOD_SECONDS = 21_600;
        public static final int EVALUATION_PERIODS = 1;
        public static final String STATISTIC = "Maximum";
        public static final String COMPARISON = "GreaterThanOrEqualToThreshold";
        /** between two data points the month's charges have not gone down: missing data is no alarm */
        public static final String MISSING_DATA = "notBreaching";
    }

    /** An AWS Budgets cost budget, monthly, in USD, with percentage notifications to e-mail subscribers. */
    public record BudgetDefinition(String name, BigDecimal limit, List<Notification> notifications, List<String> emails) {

        public BudgetDefinition {
            notifications = List.copyOf(notifications);
            emails = List.copyOf(emails);
        }

        public enum Kind { ACTUAL, FORECASTED }

        /** Fires when actual (or forecast) spend is greater than {@code percent} of the limit. */
        public record Notification(Kind kind, BigDecimal percent) {
            public String label() {
                return kind.name().toLowerCase(java.util.Locale.ROOT) + " > " + percent.toPlainString() + "%";
            }
        }
    }
}

package dev.bella.alarms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the account has now, as far as `bella cost alarms` is concerned: the Bella-named topic, alarms and
 * budget, each marked managed (tagged {@code bella:managed=true}) or not.
 *
 * @param account   the account id (AWS Budgets needs it in every call)
 * @param partition {@code aws}, {@code aws-cn}, ...: part of the topic ARN the alarms point at
 */
public record Current(String account, String partition, Optional<Topic> topic, List<Alarm> alarms,
                      Optional<BudgetState> budget) {

    public Current {
        alarms = List.copyOf(alarms);
    }

    public Optional<Alarm> alarm(String name) {
        return alarms.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public record Topic(String arn, boolean managed, List<Subscription> subscriptions) {
        public Topic {
            subscriptions = List.copyOf(subscriptions);
        }
    }

    /** An SNS subscription; e-mail ones stay "pending confirmation" until the recipient clicks the link. */
    public record Subscription(String arn, String protocol, String endpoint) {
        public boolean pending() {
            return !arn.startsWith("arn:");
        }
    }

    /**
     * A metric alarm as DescribeAlarms reports it: everything PutMetricAlarm sets, so that a change made by hand
     * (actions disabled, an OK action added, a unit set) shows as drift.
     *
     * @param otherActions the OK and insufficient-data actions, which Bella leaves empty
     * @param unit         null unless someone set one (the billing metric has none, so a unit never matches data)
     * @param datapoints   DatapointsToAlarm, null when not set (then it equals the evaluation periods)
     */
    public record Alarm(String name, String arn, boolean managed, String namespace, String metric,
                        Map<String, String> dimensions, String statistic, int period, int evaluationPeriods,
                        BigDecimal threshold, String comparison, List<String> actions, String missingData,
                        String description, String state, boolean actionsEnabled, List<String> otherActions,
                        String unit, Integer datapoints) {
        public Alarm {
            dimensions = Map.copyOf(dimensions);
            actions = List.copyOf(actions);
            otherActions = List.copyOf(otherActions);
        }
    }

    public record BudgetState(String name, boolean managed, BigDecimal limit, String unit, String timeUnit,
                              String budgetType, List<NotificationState> notifications) {
        public BudgetState {
            notifications = List.copyOf(notifications);
        }
    }

    /** {@code percent} is the threshold as AWS returns it (a double on the wire, read back exactly). */
    public record NotificationState(String kind, BigDecimal percent, String comparison, String thresholdType,
                                    Set<String> emails, String state) {
        public NotificationState {
            emails = Set.copyOf(emails);
        }
    }
}

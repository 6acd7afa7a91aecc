package dev.bella.stacks;

import dev.bella.spec.Alarms;
import dev.bella.spec.Environment;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The four operational alarms (p99 latency over the voice budget, 5xx rate, RDS CPU, RDS free storage),
 * all to one SNS topic that mails the budget's {@code notify} addresses. Billing alarms are not here:
 * {@code bella cost alarms} owns those.
 */
final class OperationalAlarms extends Construct {

    private static final double GIB = 1024.0 * 1024 * 1024;

    final Topic topic;

    OperationalAlarms(Construct scope, String id, Environment env, ServiceIngress ingress, DatabaseInstance db,
                      String project, List<String> notify) {
        super(scope, id);
        Alarms a = env.alarms();
        topic = Topic.Builder.create(this, "Topic").topicName(project + "-" + env.name() + "-alarms")
                .displayName("bella " + env.name() + " alarms")
                .enforceSsl(true) // only TLS publishers (CloudWatch alarms publish over TLS)
                .build();
        for (String address : notify) {
            if (address.startsWith("arn:aws:sns:")) {
                continue; // a topic of its own: alarm actions below publish to it directly
            }
            topic.addSubscription(new EmailSubscription(address));
        }
        String prefix = project + "-" + env.name() + "-";
        List<Alarm> alarms = List.of(
                alarm("Latency", prefix + "p99-latency", ingress.p99Latency(), ingress.latencyThreshold(a.p99Latency()),
                        ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                        "p99 webhook answer time above " + a.p99Latency().toMillis() + " ms: callers hear silence"),
                alarm("Errors", prefix + "5xx-rate", ingress.errorRatePercent(), a.errorRatePercent(),
                        ComparisonOperator.GREATER_THAN_THRESHOLD, 2,
                        "more than " + a.errorRatePercent() + "% of webhook answers are 5xx"),
                alarm("DatabaseCpu", prefix + "db-cpu", dbMetric(db, "CPUUtilization"), a.dbCpuPercent(),
                        ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                        "RDS CPU above " + a.dbCpuPercent() + "% for 15 minutes"),
                alarm("DatabaseStorage", prefix + "db-free-storage", dbMetric(db, "FreeStorageSpace"),
                        a.dbFreeStorageGb() * GIB, ComparisonOperator.LESS_THAN_THRESHOLD, 1,
                        "RDS free storage below " + a.dbFreeStorageGb() + " GB"));
        List<SnsAction> actions = new java.util.ArrayList<>(List.of(new SnsAction(topic)));
        int imported = 0;
        for (String address : notify) {
            if (address.startsWith("arn:aws:sns:")) {
                actions.add(new SnsAction(Topic.fromTopicArn(this, "Notify" + ++imported, address)));
            }
        }
        for (Alarm alarm : alarms) {
            actions.forEach(alarm::addAlarmAction);
        }
    }

    private Alarm alarm(String id, String name, IMetric metric, double threshold, ComparisonOperator op, int periods,
                        String description) {
        return Alarm.Builder.create(this, id).alarmName(name).alarmDescription(description).metric(metric)
                .threshold(threshold).comparisonOperator(op).evaluationPeriods(periods).datapointsToAlarm(periods)
                // no traffic (a stopped dev environment) is not an incident
                .treatMissingData(TreatMissingData.NOT_BREACHING).build();
    }

    private static Metric dbMetric(DatabaseInstance db, String name) {
        return Metric.Builder.create().namespace("AWS/RDS").metricName(name).statistic("Average")
                .dimensionsMap(java.util.Map.of("DBInstanceIdentifier", db.getInstanceIdentifier()))
                .period(ServiceIngress.PERIOD).build();
    }
}
